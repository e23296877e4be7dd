import { describeSkipped, err, ok, parseExportFile, planImport, toB64, type Result } from '@hearth/core';
import { itemResponse } from '@hearth/core/api';
import { sealJson } from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { currentUnlocked } from '../shared/session.ts';
import { createSpace, loadSpace, spaceStore } from '../space/space.ts';

export type ImportProgress = { readonly done: number; readonly total: number };
export type ImportSummary = { readonly imported: number; readonly notes: readonly string[] };

/**
 * Brings a JSON export into this fresh account (decision 0039): the file is checked with
 * the core schema, the person's own items are sealed again under this account's keys
 * and a new space, each with a new id bound into its body, parents before replies.
 * Ids are chosen before the first write, so a retried request never doubles an item.
 */
export async function importExport(text: string, onProgress: (p: ImportProgress) => void): Promise<Result<ImportSummary>> {
  const session = currentUnlocked();
  if (!session) return err('locked', 'Please sign in again.');
  const parsed = parseExportFile(text);
  if (!parsed.ok) return parsed;
  const plan = planImport(parsed.value, () => crypto.randomUUID(), new Date());
  if (plan.items.length === 0) {
    return err('nothing_to_import', ['There is nothing of yours in this file to import.', ...describeSkipped(plan.skipped)].join(' '));
  }
  const state = spaceStore.get().status === 'unknown' ? await loadSpace() : spaceStore.get();
  if (state.status === 'ready') return err('import_needs_fresh_account', 'Import works in a fresh account, before you create or join a space.');
  const created = await createSpace();
  if (!created.ok) return created;
  const space = created.value;
  if (!space.key) return err('no_key', 'The new space key is not available on this device.');
  const total = plan.items.length;
  onProgress({ done: 0, total });
  for (const [index, item] of plan.items.entries()) {
    const key = item.visibility === 'shared' ? space.key : session.keys.personalKey;
    const sealed = sealJson(item.body, key, {
      type: 'item',
      spaceId: space.view.id,
      itemId: item.newId,
      kind: item.kind,
      visibility: item.visibility,
      parentId: item.newParentId,
    });
    const res = await api.post(
      endpoints.items,
      {
        id: item.newId,
        kind: item.kind,
        visibility: item.visibility,
        parentId: item.newParentId,
        remindAt: item.remindAt,
        writtenAt: item.writtenAt,
        body: toB64(sealed),
      },
      itemResponse,
    );
    if (!res.ok) return err('import_stopped', `Imported ${index} of ${total} items, then: ${res.message}`);
    onProgress({ done: index + 1, total });
  }
  await loadSpace();
  return ok({ imported: total, notes: describeSkipped(plan.skipped) });
}
