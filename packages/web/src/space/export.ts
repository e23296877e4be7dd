import { bodySchemaOf, leftOutOfExports, ok, type Result } from '@hearth/core';
import { listItems, openItem } from '../shared/items.ts';
import { currentUnlocked } from '../shared/session.ts';
import { spaceStore } from './space.ts';

type ExportedItem = {
  id: string;
  kind: string;
  visibility: 'shared' | 'private';
  createdAt: string;
  updatedAt: string;
  body: unknown;
  undecryptable?: true;
};

/**
 * Everything this person wrote, decrypted on the device, so they keep their own words
 * when a space ends (DESIGN §5.6). Items that won't open are listed, not skipped.
 */
export async function buildExport(): Promise<Result<string>> {
  const session = currentUnlocked();
  if (!session) return { ok: false, code: 'locked', message: 'Please sign in again.' };
  const spaceState = spaceStore.get();
  const space = spaceState.status === 'ready' ? spaceState.space : null;
  let items: ExportedItem[] = [];
  if (space) {
    const listed = await listItems();
    if (!listed.ok) return listed;
    const keys = { spaceKey: space.key, personalKey: session.keys.personalKey };
    items = listed.value
      .filter((i) => i.authorId === session.user.id)
      .flatMap((item) => {
        const opened = openItem(item, keys, bodySchemaOf(item.kind));
        // A safety check never goes into a file (Help, issue #7).
        if (opened.ok && leftOutOfExports(item.kind, opened.value)) return [];
        const base = { id: item.id, kind: item.kind, visibility: item.visibility, createdAt: item.createdAt, updatedAt: item.updatedAt };
        return [opened.ok ? { ...base, body: opened.value } : { ...base, body: null, undecryptable: true as const }];
      });
  }
  const doc = {
    format: 'hearth-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    user: { email: session.user.email, displayName: session.displayName },
    space: space ? { id: space.view.id } : null,
    items,
  };
  return ok(JSON.stringify(doc, null, 2));
}

export function downloadJson(json: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportFilename(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `hearth-export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
