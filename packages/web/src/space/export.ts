import {
  bodySchemaOf,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  leftOutOfExports,
  ok,
  renderSharedHtml,
  type ExportedItem,
  type HearthExport,
  type Result,
} from '@hearth/core';
import { listItems, openItem } from '../shared/items.ts';
import { currentUnlocked } from '../shared/session.ts';
import { spaceStore } from './space.ts';

/**
 * Everything this person can read, decrypted on the device (issue #10, decision 0039):
 * their own items, shared and private, and the partner's shared ones. Items that won't
 * open are listed, not skipped. A safety check never goes into a file (Help, issue #7).
 */
export async function buildExport(): Promise<Result<HearthExport>> {
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
      .flatMap((item): ExportedItem[] => {
        const opened = openItem(item, keys, bodySchemaOf(item.kind));
        if (opened.ok && leftOutOfExports(item.kind, opened.value)) return [];
        const base = {
          id: item.id,
          kind: item.kind,
          visibility: item.visibility,
          authorId: item.authorId,
          mine: item.authorId === session.user.id,
          parentId: item.parentId,
          remindAt: item.remindAt,
          createdAt: item.createdAt,
          updatedAt: item.updatedAt,
        };
        return [opened.ok ? { ...base, body: opened.value } : { ...base, body: null, undecryptable: true }];
      })
      // Oldest first reads naturally, and puts parents before their replies.
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
  return ok({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    user: { id: session.user.id, email: session.user.email, displayName: session.displayName },
    space: space
      ? {
          id: space.view.id,
          status: space.view.status,
          createdAt: space.view.createdAt,
          members: space.members.map((m) => ({ userId: m.userId, name: m.name, isMe: m.isMe })),
        }
      : null,
    items,
  });
}

export const exportJson = (doc: HearthExport): string => JSON.stringify(doc, null, 2);

export const exportHtml = (doc: HearthExport): string =>
  renderSharedHtml(doc, { formatTime: (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) });

export function downloadFile(content: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
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

export function exportFilename(ext: 'json' | 'html', now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return ext === 'json' ? `hearth-export-${day}.json` : `hearth-shared-${day}.html`;
}
