import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import type { ItemView, Visibility } from '@hearth/core/api';
import { noteBody, ok } from '@hearth/core';
import { VisibilityChoice } from '../shared/visibility-choice.tsx';
import { createItem, listItems, openItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDateTime, useAction } from '../shared/ui.tsx';
import { memberName, type LoadedSpace } from '../space/space.ts';
import { Sheet } from '../ui/sheet.tsx';

type NoteEntry = { readonly item: ItemView; readonly text: string | null };

function decode(items: readonly ItemView[], keys: ItemKeys): NoteEntry[] {
  return items
    .filter((i) => i.kind === 'note')
    .map((item) => {
      const opened = openItem(item, keys, noteBody);
      // A note that fails to open stays in the list, flagged, so nothing disappears silently.
      return { item, text: opened.ok ? opened.value.text : null };
    })
    .sort((a, b) => b.item.createdAt.localeCompare(a.item.createdAt));
}

export function Notes({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const id = useId();
  const keys: ItemKeys = { spaceKey: space.key, personalKey: session.keys.personalKey };
  const [notes, setNotes] = useState<NoteEntry[] | null>(null);
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const [status, setStatus] = useState('');
  const [writing, setWriting] = useState(false);

  const load = useCallback(async () => {
    const res = await listItems('note');
    if (res.ok) setNotes(decode(res.value, keys));
    return res;
  }, [space, session.keys]);
  const loader = useAction(load);

  useEffect(() => {
    void loader.run();
  }, [load]);

  const save = useAction(async () => {
    const res = await createItem(space.view.id, 'note', visibility, { text: text.trim() }, keys);
    if (!res.ok) return res;
    setText('');
    setWriting(false);
    setStatus(visibility === 'private' ? 'Saved. Only you can see this note.' : 'Saved. You can both see this note.');
    setNotes((prev) => decode([res.value, ...(prev ?? []).filter((n) => n.item.id !== res.value.id).map((n) => n.item)], keys));
    return ok(undefined);
  });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      save.setError('Write something first.');
      return;
    }
    setStatus('');
    void save.run();
  };

  const tz = session.user.timeZone;

  return (
    <section class="card notes" aria-labelledby={`${id}-heading`}>
      <div class="section-head">
        <h2 id={`${id}-heading`}>Notes</h2>
        {/* A note is written now and then; its form waits in a sheet so Today stays short (issue 19). */}
        <button type="button" onClick={() => setWriting(true)}>
          Write a note
        </button>
      </div>
      <p class="status" aria-live="polite">
        {status}
      </p>
      {writing ? (
        <Sheet title="Write a note" onClose={() => setWriting(false)} busy={save.busy}>
          <form class="stack" onSubmit={onSubmit}>
            <div class="field">
              <label for={`${id}-text`}>Note</label>
              <textarea id={`${id}-text`} rows={4} maxLength={10000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </div>
            <VisibilityChoice value={visibility} onChange={setVisibility} />
            <ErrorMessage message={save.error} />
            <button type="submit" class="primary" disabled={save.busy}>
              Save note
            </button>
          </form>
        </Sheet>
      ) : null}
      <ErrorMessage message={loader.error} />
      {notes === null ? (
        loader.busy ? <p>Loading notes…</p> : null
      ) : notes.length === 0 ? (
        <p class="muted">No notes yet. Leave one for your partner, or just for yourself.</p>
      ) : (
        <ul class="note-list">
          {notes.map(({ item, text: body }) => {
            const author = item.authorId === session.user.id ? (session.displayName ?? 'You') : (memberName(space, item.authorId) ?? 'Your partner');
            return (
              <li key={item.id} class={body === null ? 'note undecryptable' : 'note'} data-testid="note">
                {body === null ? (
                  <p class="note-text">
                    <em>This note couldn't be decrypted.</em>
                  </p>
                ) : (
                  <p class="note-text">{body}</p>
                )}
                <p class="note-meta">
                  <span>{author}</span> · <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, tz)}</time>
                  {item.visibility === 'private' ? <span class="badge">Private</span> : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
