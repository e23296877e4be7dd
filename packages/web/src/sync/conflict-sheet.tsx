import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod/mini';
import type { OutboxEntry } from '@hearth/core';
import { itemResponse, type ItemView } from '@hearth/core/api';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { openItem, type ItemKeys } from '../shared/items.ts';
import { currentUnlocked } from '../shared/session.ts';
import { ErrorMessage, Spinner, useAction } from '../shared/ui.tsx';
import { spaceStore } from '../space/space.ts';
import { Sheet } from '../ui/sheet.tsx';
import type { PendingWrite } from './device-copy.ts';
import { parkedConflicts, settleParked } from './outbox.ts';

/** Any opened body: only its words are shown, so every kind of item can be compared the same way. */
const anyBody = z.unknown();
const ISO_OR_ID = /^(\d{4}-\d{2}-\d{2}T|[0-9a-f]{8}-[0-9a-f]{4}-)/i;

/** The words a person wrote in a body, in order (dates and ids left out), for putting two versions side by side. */
export function wordsOf(body: unknown, out: string[] = []): string[] {
  if (typeof body === 'string') {
    if (body.trim() !== '' && !ISO_OR_ID.test(body)) out.push(body.trim());
  } else if (Array.isArray(body)) {
    for (const part of body) wordsOf(part, out);
  } else if (typeof body === 'object' && body !== null) {
    for (const part of Object.values(body)) wordsOf(part, out);
  }
  return out;
}

type Side = { readonly words: readonly string[] | null };
type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly entry: OutboxEntry<PendingWrite>; readonly mine: Side; readonly theirs: (Side & { readonly view: ItemView }) | null };

function keysNow(): ItemKeys | null {
  const session = currentUnlocked();
  const space = spaceStore.get();
  return session ? { spaceKey: space.status === 'ready' ? space.space.key : null, personalKey: session.keys.personalKey } : null;
}

function side(view: ItemView, keys: ItemKeys): Side {
  const opened = openItem(view, keys, anyBody);
  return { words: opened.ok ? wordsOf(opened.value) : null };
}

/**
 * The edits made offline that met a newer version (issue 23): both versions side by side,
 * and the author keeps one. Nothing is overwritten until they choose.
 */
export function ConflictSheet({ onClose }: { onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  const load = async () => {
    setLoaded({ status: 'loading' });
    const [entry] = await parkedConflicts();
    const keys = keysNow();
    if (entry?.payload.op !== 'update' || keys === null) return onClose();
    const mine = side({ ...entry.payload.view, body: entry.payload.request.body }, keys);
    const now = await api.get(`${endpoints.items}/${encodeURIComponent(entry.id)}`, itemResponse);
    if (!now.ok && now.code !== 'not_found') return setLoaded({ status: 'failed', message: now.message });
    setLoaded({ status: 'ready', entry, mine, theirs: now.ok ? { ...side(now.value.item, keys), view: now.value.item } : null });
  };

  useEffect(() => {
    void load();
  }, []);

  const choose = useAction(async (keep: 'mine' | 'theirs') => {
    if (loaded.status !== 'ready') return { ok: true, value: undefined };
    // Removed meanwhile: there is nothing left to keep an edit of.
    const res = await settleParked(loaded.entry, loaded.theirs === null ? 'theirs' : keep, loaded.theirs?.view.version ?? 0);
    if (res.ok) await load();
    return res;
  });

  return (
    <Sheet title="Two versions of one thing" onClose={onClose} busy={choose.busy}>
      {loaded.status === 'loading' ? (
        <Spinner label="Fetching both versions…" />
      ) : loaded.status === 'failed' ? (
        <ErrorMessage message={loaded.message} />
      ) : (
        <div class="stack">
          <p>You changed this while offline, and it was changed elsewhere meanwhile. Which one should stay?</p>
          <div class="conflict-sides">
            <section class="card conflict-side" aria-label="Your edit">
              <h3>Your edit, made offline</h3>
              <Words words={loaded.mine.words} />
            </section>
            <section class="card conflict-side" aria-label="The other version">
              <h3>{loaded.theirs === null ? 'Removed meanwhile' : 'The version saved now'}</h3>
              {loaded.theirs === null ? <p class="muted">It was removed on another device.</p> : <Words words={loaded.theirs.words} />}
            </section>
          </div>
          <ErrorMessage message={choose.error} />
          <div class="actions">
            {loaded.theirs === null ? (
              <button type="button" class="primary" onClick={() => void choose.run('theirs')} disabled={choose.busy}>
                OK
              </button>
            ) : (
              <>
                <button type="button" class="primary" onClick={() => void choose.run('mine')} disabled={choose.busy} aria-busy={choose.busy}>
                  Keep my edit
                </button>
                <button type="button" onClick={() => void choose.run('theirs')} disabled={choose.busy}>
                  Keep the other version
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </Sheet>
  );
}

function Words({ words }: { words: readonly string[] | null }) {
  if (words === null) return <p class="muted">This version couldn't be decrypted.</p>;
  if (words.length === 0) return <p class="muted">No words, only choices.</p>;
  return (
    <>
      {words.map((w, i) => (
        <p key={i}>{w}</p>
      ))}
    </>
  );
}
