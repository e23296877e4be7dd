import { describe, expect, it } from 'vitest';
import { EXPORT_VERSION, parseExportFile, type ExportedItem, type HearthExport } from './export-format.ts';
import { renderSharedHtml } from './export-html.ts';
import { describeSkipped, exportContent, planImport } from './import-plan.ts';

const me = '11111111-1111-4111-8111-111111111111';
const partner = '22222222-2222-4222-8222-222222222222';
let n = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function item(over: Partial<ExportedItem> & Pick<ExportedItem, 'kind' | 'body'>): ExportedItem {
  return {
    id: nextId(),
    visibility: 'shared',
    authorId: me,
    mine: true,
    parentId: null,
    remindAt: null,
    createdAt: '2030-01-01T10:00:00.000Z',
    updatedAt: '2030-01-01T10:00:00.000Z',
    ...over,
  };
}

function doc(items: ExportedItem[]): HearthExport {
  return {
    format: 'hearth-export',
    version: EXPORT_VERSION,
    exportedAt: '2030-01-02T10:00:00.000Z',
    user: { id: me, email: 'me@example.test', displayName: 'Robin' },
    space: {
      id: '33333333-3333-4333-8333-333333333333',
      status: 'active',
      createdAt: '2030-01-01T09:00:00.000Z',
      members: [
        { userId: me, name: 'Robin', isMe: true },
        { userId: partner, name: 'Kai', isMe: false },
      ],
    },
    items,
  };
}

describe('export file', () => {
  it('reads back what it wrote and says clearly what is wrong with other files', () => {
    const d = doc([item({ kind: 'note', body: { text: 'hello' } })]);
    expect(parseExportFile(JSON.stringify(d))).toEqual({ ok: true, value: d });
    expect(parseExportFile('not json')).toMatchObject({ ok: false, code: 'not_json' });
    expect(parseExportFile('{"hello":1}')).toMatchObject({ ok: false, code: 'not_an_export' });
    expect(parseExportFile(JSON.stringify({ ...d, version: 1 }))).toMatchObject({ ok: false, code: 'unsupported_version', message: expect.stringMatching(/version 1/) });
    const broken = { ...d, items: [{ ...d.items[0], visibility: 'public' }] };
    expect(parseExportFile(JSON.stringify(broken))).toMatchObject({ ok: false, code: 'invalid_export', message: expect.stringMatching(/items\.0\.visibility/) });
    const badBody = doc([item({ kind: 'note', body: { text: '' } })]);
    expect(parseExportFile(JSON.stringify(badBody))).toMatchObject({ ok: false, code: 'invalid_export', message: expect.stringMatching(/items\.0 \(a note\)/) });
  });
});

describe('import plan', () => {
  it('takes my own items with new ids, parents first, and leaves the partner’s in the file', () => {
    const topic = item({ kind: 'talk-topic', body: { title: 'Weekends' } });
    const mySide = item({ kind: 'talk-side', parentId: topic.id, body: { text: 'I miss lazy mornings' } });
    const theirs = item({ kind: 'checkin', authorId: partner, mine: false, body: { mood: 3, feelings: ['calm'], need: 'rest' } });
    const myReply = item({ kind: 'checkin-reply', parentId: theirs.id, body: { text: 'me too' } });
    const privateNote = item({ kind: 'note', visibility: 'private', body: { text: 'just mine' }, remindAt: '2020-01-01T00:00:00.000Z' });
    const day = item({ kind: 'daily-question-day', body: {} });
    // Children listed before their parent must still come after it.
    const plan = planImport(doc([mySide, theirs, myReply, privateNote, topic, day]), () => crypto.randomUUID(), new Date('2030-01-03T00:00:00Z'));
    expect(plan.items.map((i) => i.kind)).toEqual(['talk-topic', 'talk-side', 'note']);
    const [newTopic, newSide, newNote] = plan.items;
    expect(newSide?.newParentId).toBe(newTopic?.newId);
    expect(new Set(plan.items.map((i) => i.newId)).size).toBe(3);
    expect(plan.items.some((i) => [topic.id, mySide.id, privateNote.id].includes(i.newId))).toBe(false);
    expect(newNote?.remindAt).toBeNull();
    expect(newNote?.writtenAt).toBe(privateNote.createdAt);
    expect(plan.skipped).toMatchObject({ partner: 1, parent_missing: 1, derived_id: 1 });
    expect(describeSkipped(plan.skipped).join(' ')).toMatch(/your partner wrote/);
  });

  it('compares content without ids or times', () => {
    const a = item({ kind: 'note', body: { text: 'x' } });
    const b = { ...a, id: nextId(), createdAt: '2031-01-01T00:00:00.000Z' };
    expect(exportContent(doc([a]))).toEqual(exportContent(doc([b])));
    expect(exportContent(doc([a]))).not.toEqual(exportContent(doc([{ ...a, body: { text: 'y' } }])));
  });
});

describe('shared HTML', () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \'single\'';
  const checkin = item({ kind: 'checkin', authorId: partner, mine: false, body: { mood: 4, feelings: ['hopeful'], need: hostile } });
  const html = renderSharedHtml(
    doc([
      checkin,
      item({ kind: 'checkin-reply', parentId: checkin.id, body: { text: 'Line one\nline two' } }),
      item({ kind: 'note', visibility: 'private', body: { text: 'secret diary' } }),
      item({ kind: 'brand-new-kind', body: { someField: 'shown anyway' } }),
    ]),
  );

  it('shows shared content with names and threads, never private items', () => {
    expect(html).toContain('Hearth: Robin &amp; Kai');
    expect(html).toContain('Check-ins');
    expect(html).toContain('Kai');
    expect(html).toContain('Line one\nline two');
    expect(html).toContain('class="thread"');
    expect(html).toContain('Some field');
    expect(html).toContain('shown anyway');
    expect(html).not.toContain('secret diary');
  });

  it('escapes everything and loads nothing', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&#39;single&#39;');
    expect(html).not.toMatch(/<[^>]*\b(src|href|action)=/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});
