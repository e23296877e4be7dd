/**
 * The counselor summary as a PDF, made on this device with pdf-lib, loaded only when
 * asked for (a dynamic import keeps it out of the main bundle). Plain text in a
 * standard font: nothing is fetched, and the server never sees the summary.
 */
export type SummarySection = { readonly heading: string; readonly lines: readonly string[] };

/** The standard fonts speak WinAnsi only: typographic punctuation becomes its plain twin, anything else a "?". */
function plain(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

export async function summaryPdf(title: string, sections: readonly SummarySection[]): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(plain(title));
  doc.setProducer('Hearth');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const size = 11;
  const margin = 56;
  let page = doc.addPage();
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;

  const wrap = (text: string, f: typeof font, s: number): string[] => {
    const out: string[] = [];
    let line = '';
    for (const word of plain(text).split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (f.widthOfTextAtSize(next, s) > width && line) {
        out.push(line);
        line = word;
      } else line = next;
    }
    if (line) out.push(line);
    return out;
  };
  const write = (text: string, f: typeof font, s: number, gap = 4) => {
    for (const l of wrap(text, f, s)) {
      if (y < margin + s) {
        page = doc.addPage();
        y = page.getHeight() - margin;
      }
      page.drawText(l, { x: margin, y, size: s, font: f, color: rgb(0.1, 0.1, 0.1) });
      y -= s + gap;
    }
  };

  write(title, bold, 18, 10);
  for (const section of sections) {
    y -= 8;
    write(section.heading, bold, 13, 6);
    for (const line of section.lines) write(line, font, size);
  }
  return doc.save();
}

export function downloadBytes(bytes: Uint8Array, filename: string, type: string): void {
  const copy = new Uint8Array(bytes);
  const url = URL.createObjectURL(new Blob([copy], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
