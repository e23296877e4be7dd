import { useId, useState } from 'preact/hooks';
import {
  IDEA_COSTS,
  IDEA_COST_LABEL,
  IDEA_ENERGIES,
  IDEA_ENERGY_LABEL,
  IDEA_PLACES,
  IDEA_PLACE_LABEL,
  ok,
  ownIdeaDeckId,
  timeNeededLabel,
  type IdeaCost,
  type IdeaEnergy,
  type IdeaPlace,
  type TogetherIdeaBody,
} from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, TextField, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { whoWrote } from '../support/names.ts';
import type { TogetherIdeas } from './ideas-data.ts';

const TIME_CHOICES = [30, 60, 90, 120, 180, 240, 480, 1440, 2880] as const;

/** Either partner adds an idea to the couple's deck (in a sheet); it is sealed and matched blind like the rest. */
export function OwnIdeaForm({ together, partner, onAdded }: { together: TogetherIdeas; partner: string; onAdded: (message: string) => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [cost, setCost] = useState<IdeaCost>('$');
  const [where, setWhere] = useState<IdeaPlace>('out');
  const [energy, setEnergy] = useState<IdeaEnergy>('medium');
  const [minutes, setMinutes] = useState(120);
  const [firstFirst, setFirstFirst] = useState(true);
  const [myYes, setMyYes] = useState(true);

  const add = useAction(async () => {
    const body: TogetherIdeaBody = { title: title.trim(), cost, where, energy, minutes, firstFirst };
    const res = await together.create('together-idea', 'shared', body);
    if (!res.ok) return res;
    if (myYes) {
      const answered = await together.answer(ownIdeaDeckId(res.value.id), 'yes');
      if (!answered.ok) return answered;
    }
    onAdded(`Added to your deck. ${partner} will find it among the ideas to answer.`);
    return ok(undefined);
  });

  const radios = <T extends string>(name: string, legend: string, values: readonly T[], labels: Record<T, string>, value: T, set: (v: T) => void) => (
    <fieldset>
      <legend>{legend}</legend>
      <div class="choice-row">
        {values.map((v) => (
          <label key={v} class="choice">
            <input type="radio" name={`${id}-${name}`} checked={value === v} onChange={() => set(v)} /> {labels[v]}
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <form
      class="together-form"
      aria-label="Add your own idea"
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim() !== '') void add.run();
      }}
    >
      <TextField label="The idea" hint="It is encrypted; the server never sees it." value={title} onValue={setTitle} maxLength={200} required />
      {radios('cost', 'Cost', IDEA_COSTS, IDEA_COST_LABEL, cost, setCost)}
      {radios('where', 'Where', IDEA_PLACES, IDEA_PLACE_LABEL, where, setWhere)}
      {radios('energy', 'Energy', IDEA_ENERGIES, IDEA_ENERGY_LABEL, energy, setEnergy)}
      <div class="field">
        <label for={`${id}-time`}>Time needed</label>
        <select id={`${id}-time`} value={String(minutes)} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
          {TIME_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              About {timeNeededLabel(m)}
            </option>
          ))}
        </select>
      </div>
      <div class="check">
        <input type="checkbox" id={`${id}-first`} checked={firstFirst} onChange={(e) => setFirstFirst(e.currentTarget.checked)} />
        <label for={`${id}-first`}>Something new for us (a first)</label>
      </div>
      <div class="check">
        <input type="checkbox" id={`${id}-yes`} checked={myYes} onChange={(e) => setMyYes(e.currentTarget.checked)} />
        <label for={`${id}-yes`}>Count it as my yes</label>
      </div>
      <ErrorMessage message={add.error} />
      <button type="submit" class="primary" disabled={add.busy}>
        Add to our deck
      </button>
    </form>
  );
}

/** The ideas the two of us added; whoever added one can take it out of the deck again. */
export function OwnIdeaList({ together, session, space }: { together: TogetherIdeas; session: Unlocked; space: LoadedSpace }) {
  const [status, setStatus] = useState('');
  const removing = useAction(async (item: ItemView) => {
    const res = await together.remove(item);
    if (res.ok) setStatus('Taken out of the deck.');
    return res;
  });
  const own = together.data?.ownIdeas ?? [];
  if (own.length === 0) return null;
  const active = space.view.status === 'active';
  return (
    <>
      <h3>Our own ideas</h3>
      <ul class="own-ideas">
        {own.map((e) => (
          <li key={e.item.id}>
            {e.body ? e.body.title : <em>This idea couldn't be decrypted.</em>}{' '}
            <span class="muted">· added by {whoWrote(space, session, e.item.authorId) === 'You' ? 'you' : whoWrote(space, session, e.item.authorId)}</span>
            {active && e.item.authorId === session.user.id ? (
              <button type="button" class="link" disabled={removing.busy} onClick={() => void removing.run(e.item)} aria-label={`Remove “${e.body?.title ?? 'this idea'}” from the deck`}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorMessage message={removing.error} />
      <p class="status" role="status">
        {status}
      </p>
    </>
  );
}
