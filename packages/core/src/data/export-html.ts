import type { ExportedItem, HearthExport } from './export-format.ts';

/**
 * The space's shared content as one readable HTML page (issue #10), made on the device
 * from a decrypted export. Self-contained and inert: inline styles only, no scripts, no
 * links or images, a Content-Security-Policy that forbids loading anything, and every
 * piece of text escaped. It renders any kind generically, so new practices appear
 * without changes here; a few kinds get friendlier labels.
 */

const KIND_LABELS: Readonly<Record<string, string>> = {
  note: 'Note',
  checkin: 'Check-in',
  'checkin-heard': 'Heard you',
  'checkin-reply': 'Reply',
  'talk-topic': 'Topic',
  'talk-side': 'Side',
  'talk-side-written': 'Side written',
  'talk-reflection': 'Reflection',
  'talk-verdict': 'Reflection answer',
  'talk-idea': 'Idea',
  'talk-idea-mark': 'Idea mark',
  'talk-agreement': 'Agreement',
  'talk-pause': 'Pause',
  'talk-resume': 'Resumed',
  'daily-question-day': 'Daily question',
  'daily-question-answer': 'Answer',
  'daily-question-answered': 'Answered',
  'daily-question-reaction': 'Reaction',
  'daily-question-comment': 'Comment',
  'daily-question-prefs': 'Daily question settings',
  'help-share': 'Shared from Help',
  'support-plate': 'On my plate',
  'support-response': 'Response',
  'support-win': 'Win',
  'support-celebration': 'Celebration',
  'support-date': 'Key date',
  'support-thanks': 'Thank-you',
  'play-round': 'Play round',
  'play-answers': 'Answers and guesses',
  'play-finished': 'Played',
};

const SECTION_LABELS: Readonly<Record<string, string>> = {
  note: 'Notes',
  checkin: 'Check-ins',
  talk: 'Conversations',
  daily: 'Daily question',
  help: 'Help',
  support: 'Support',
  play: 'Play',
};

export function escapeHtmlText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const humanize = (name: string): string => {
  const spaced = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

export const exportKindLabel = (kind: string): string => KIND_LABELS[kind] ?? humanize(kind);
const sectionOf = (kind: string): string => kind.split('-')[0] ?? kind;

function renderValue(value: unknown, depth: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return `<span class="text">${escapeHtmlText(value)}</span>`;
  if (typeof value === 'number' || typeof value === 'boolean') return escapeHtmlText(String(value));
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return escapeHtmlText(value.map((v) => String(v)).join(', '));
    return `<ul>${value.map((v) => `<li>${renderValue(v, depth + 1)}</li>`).join('')}</ul>`;
  }
  if (typeof value === 'object' && depth < 8) {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '');
    if (entries.length === 0) return '';
    return `<dl>${entries.map(([k, v]) => `<dt>${escapeHtmlText(humanize(k))}</dt><dd>${renderValue(v, depth + 1)}</dd>`).join('')}</dl>`;
  }
  return '';
}

export type HtmlOptions = {
  /** Formats an ISO instant for people; the device's locale and zone by default. */
  readonly formatTime?: (iso: string) => string;
};

export function renderSharedHtml(doc: HearthExport, options: HtmlOptions = {}): string {
  const formatTime = options.formatTime ?? ((iso: string) => new Date(iso).toUTCString());
  const names = new Map((doc.space?.members ?? []).map((m) => [m.userId, m.isMe ? (m.name ?? 'You') : (m.name ?? 'Your partner')]));
  const authorName = (item: ExportedItem) => names.get(item.authorId) ?? (item.mine ? (doc.user.displayName ?? 'You') : 'Your former partner');

  const shared = doc.items.filter((i) => i.visibility === 'shared');
  const ids = new Set(shared.map((i) => i.id));
  const children = new Map<string, ExportedItem[]>();
  const roots: ExportedItem[] = [];
  const byTime = (a: ExportedItem, b: ExportedItem) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  for (const item of [...shared].sort(byTime)) {
    if (item.parentId !== null && ids.has(item.parentId)) {
      const list = children.get(item.parentId) ?? [];
      list.push(item);
      children.set(item.parentId, list);
    } else roots.push(item);
  }

  const renderItem = (item: ExportedItem, depth: number): string => {
    const body = item.undecryptable ? '<p class="muted">This entry could not be opened on the device that made this file.</p>' : renderValue(item.body, 0);
    const replies = depth < 12 ? (children.get(item.id) ?? []).map((c) => renderItem(c, depth + 1)).join('') : '';
    return (
      `<article><header><strong>${escapeHtmlText(exportKindLabel(item.kind))}</strong> · ${escapeHtmlText(authorName(item))} · ` +
      `<time>${escapeHtmlText(formatTime(item.createdAt))}</time></header>${body}` +
      (replies ? `<div class="thread">${replies}</div>` : '') +
      '</article>'
    );
  };

  const sections = new Map<string, ExportedItem[]>();
  for (const root of roots) {
    const key = sectionOf(root.kind);
    sections.set(key, [...(sections.get(key) ?? []), root]);
  }
  const together = (doc.space?.members ?? []).map((m) => names.get(m.userId) ?? '').filter((n) => n !== '');
  const title = together.length > 0 ? `Hearth: ${together.join(' & ')}` : 'Hearth: our space';
  const body =
    sections.size === 0
      ? '<p>There is nothing shared in this space yet.</p>'
      : [...sections.entries()]
          .map(([key, items]) => `<section><h2>${escapeHtmlText(SECTION_LABELS[key] ?? humanize(key))}</h2>${items.map((i) => renderItem(i, 0)).join('')}</section>`)
          .join('');

  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtmlText(title)}</title>`,
    `<style>${STYLE}</style></head><body><main>`,
    `<h1>${escapeHtmlText(title)}</h1>`,
    `<p class="muted">What you shared in Hearth, saved ${escapeHtmlText(formatTime(doc.exportedAt))}. Private entries are not in this page. Keep it somewhere safe: it is not encrypted.</p>`,
    body,
    '</main></body></html>',
  ].join('\n');
}

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fffdf9;color:#2b2421}',
  'main{max-width:42rem;margin:0 auto;padding:1rem}',
  'article{border:1px solid #e5d9cf;border-radius:.5rem;padding:.75rem;margin:.75rem 0;background:#fff}',
  'header{font-size:.9rem;color:#5c4f47;margin-bottom:.25rem}',
  '.thread{margin-left:1rem;border-left:3px solid #e5d9cf;padding-left:.75rem}',
  '.text{white-space:pre-wrap}',
  '.muted{color:#5c4f47}',
  'dl{margin:.25rem 0}dt{font-weight:600;font-size:.9rem}dd{margin:0 0 .4rem 0}',
  '@media (prefers-color-scheme:dark){body{background:#1c1816;color:#f3ece6}article{background:#26201d;border-color:#4a3f39}header,.muted{color:#cbbdb3}}',
].join('');
