import { ITEM_KINDS, kindRule, type ItemKindName } from '../items/kinds.ts';
import type { ExportedItem, HearthExport } from './export-format.ts';

/**
 * What an import brings into a fresh account (decision 0039): the items the exporter
 * wrote themselves, shared and private, into a new space of their own. The partner's
 * words stay the partner's: they are in the file to read, not to re-publish under
 * someone else's name. Every imported item gets a new id (sealed bodies bind their id
 * and space), and a reply comes only with its parent, since the server needs the parent first.
 */

/** Kinds whose ids are derived from the space key (the daily question's day): a new space derives new ones, so old days stay in the file. */
export const DERIVED_ID_KINDS: readonly ItemKindName[] = ['daily-question-day'];

export type PlannedItem = {
  readonly newId: string;
  readonly newParentId: string | null;
  readonly kind: ItemKindName;
  readonly visibility: 'shared' | 'private';
  readonly body: unknown;
  /** Kept only when still ahead, so an import doesn't fire a burst of old reminders. */
  readonly remindAt: string | null;
  readonly writtenAt: string;
  readonly sourceId: string;
};

export type SkipReason = 'partner' | 'undecryptable' | 'unknown_kind' | 'derived_id' | 'not_allowed' | 'parent_missing';

export type ImportPlan = {
  /** Parents always come before their children. */
  readonly items: readonly PlannedItem[];
  readonly skipped: Readonly<Record<SkipReason, number>>;
};

const asKind = (kind: string): ItemKindName | null => ITEM_KINDS.find((k) => k === kind) ?? null;

export function planImport(doc: HearthExport, newId: () => string, now: Date): ImportPlan {
  const skipped: Record<SkipReason, number> = { partner: 0, undecryptable: 0, unknown_kind: 0, derived_id: 0, not_allowed: 0, parent_missing: 0 };
  const byId = new Map(doc.items.map((i) => [i.id, i]));
  const mapped = new Map<string, string>();
  const out: PlannedItem[] = [];
  const decided = new Map<string, boolean>();

  const reasonAgainst = (item: ExportedItem): SkipReason | null => {
    if (!item.mine) return 'partner';
    if (item.undecryptable) return 'undecryptable';
    const kind = asKind(item.kind);
    if (kind === null) return 'unknown_kind';
    if (DERIVED_ID_KINDS.includes(kind)) return 'derived_id';
    if (!kindRule(kind).visibilities.includes(item.visibility)) return 'not_allowed';
    return null;
  };

  // Depth-first so a parent is planned before its children whatever the file's order.
  const visit = (item: ExportedItem, trail: Set<string>): boolean => {
    const known = decided.get(item.id);
    if (known !== undefined) return known;
    let reason = reasonAgainst(item);
    if (reason === null && item.parentId !== null) {
      const parent = byId.get(item.parentId);
      if (parent === undefined || trail.has(parent.id) || !visit(parent, new Set([...trail, item.id]))) reason = 'parent_missing';
    }
    const kind = asKind(item.kind);
    if (reason !== null || kind === null) {
      skipped[reason ?? 'unknown_kind'] += 1;
      decided.set(item.id, false);
      return false;
    }
    const fresh = newId();
    mapped.set(item.id, fresh);
    out.push({
      newId: fresh,
      newParentId: item.parentId === null ? null : (mapped.get(item.parentId) ?? null),
      kind,
      visibility: item.visibility,
      body: item.body,
      remindAt: item.remindAt !== null && Date.parse(item.remindAt) > now.getTime() ? item.remindAt : null,
      writtenAt: item.createdAt,
      sourceId: item.id,
    });
    decided.set(item.id, true);
    return true;
  };

  for (const item of doc.items) visit(item, new Set());
  return { items: out, skipped };
}

/** A short sentence for the person, naming what was left in the file and why. */
export function describeSkipped(skipped: ImportPlan['skipped']): string[] {
  const lines: string[] = [];
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (skipped.partner > 0) lines.push(`${n(skipped.partner, 'item', 'items')} your partner wrote stay in the file (only your own words are imported).`);
  if (skipped.parent_missing > 0) lines.push(`${n(skipped.parent_missing, 'reply', 'replies')} to your partner's items stay in the file.`);
  if (skipped.derived_id > 0) lines.push(`${n(skipped.derived_id, 'daily question day', 'daily question days')} start fresh in the new space.`);
  if (skipped.undecryptable > 0) lines.push(`${n(skipped.undecryptable, 'item', 'items')} that could not be opened when exported were left out.`);
  if (skipped.unknown_kind + skipped.not_allowed > 0) {
    lines.push(`${n(skipped.unknown_kind + skipped.not_allowed, 'item', 'items')} of a kind this Hearth doesn't know were left out.`);
  }
  return lines;
}

/**
 * What a round trip must keep: each item's kind, visibility, body and place in its
 * thread, without ids or times (an import gives new ids). Sorted, so order doesn't matter.
 */
export function exportContent(doc: HearthExport, only: (item: ExportedItem) => boolean = () => true): string[] {
  const byId = new Map(doc.items.map((i) => [i.id, i]));
  const describe = (item: ExportedItem, depth = 0): string => {
    const parent = item.parentId === null ? undefined : byId.get(item.parentId);
    const under = parent !== undefined && depth < 16 ? describe(parent, depth + 1) : null;
    return JSON.stringify([item.kind, item.visibility, item.mine, stableJson(item.body), under]);
  };
  return doc.items.filter(only).map((i) => describe(i)).sort();
}

function stableJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stableJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, stableJson(v)]),
    );
  }
  return value;
}
