import { useId, useState } from 'preact/hooks';
import {
  INTEREST_TYPES,
  INTEREST_TYPE_LABEL,
  askAboutText,
  interestWeek,
  localDayKey,
  ok,
  pickInterestToAsk,
  type InterestType,
  type TogetherInterestBody,
} from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, TextField, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { capital, partnerName, possessive } from '../support/names.ts';
import type { Entry, TogetherIdeas } from './ideas-data.ts';
import './ideas.css';

/** This week's interest of the partner's to ask about, and whether I have already asked. */
export function weeklyAsk(together: TogetherIdeas, session: Unlocked, space: LoadedSpace) {
  const data = together.data;
  if (!data) return null;
  const today = localDayKey(new Date(), session.user.timeZone);
  if (today === null) return null;
  const theirs = data.interests.filter((e): e is Entry<TogetherInterestBody> & { body: TogetherInterestBody } => e.item.authorId !== session.user.id && e.body !== null);
  const picked = pickInterestToAsk(
    theirs.map((e) => ({ id: e.item.id, createdAt: e.item.createdAt, entry: e })),
    today,
    session.user.id,
  );
  const week = interestWeek(today);
  if (!picked || week === null) return null;
  const asked = data.asked.some((a) => a.week === week && a.interestId === picked.id);
  return { entry: picked.entry, week, asked, text: askAboutText(capital(partnerName(space)), picked.entry.body) };
}

/** "Ask Alex how the pottery class went", with a way to say I did (private: only hides the prompt on my devices). */
export function AskAbout({ together, session, space, headingLevel = 3 }: { together: TogetherIdeas; session: Unlocked; space: LoadedSpace; headingLevel?: 2 | 3 }) {
  const [justAsked, setJustAsked] = useState(false);
  const ask = weeklyAsk(together, session, space);
  const mark = useAction(async () => {
    if (!ask) return ok(undefined);
    const res = await together.create('together-private', 'private', { type: 'interest-asked', week: ask.week, interestId: ask.entry.item.id });
    if (res.ok) setJustAsked(true);
    return res;
  });
  if (!ask) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="ask-about" data-testid="ask-about">
      <Heading id="ask-about-heading">Ask about their world</Heading>
      <p class="ask-text">{ask.text}.</p>
      {ask.asked ? (
        <p class="muted">{justAsked ? 'Lovely. A new one comes up next week.' : 'You asked this week. A new one comes up next week.'}</p>
      ) : space.view.status === 'active' ? (
        <>
          <ErrorMessage message={mark.error} />
          <button type="button" onClick={() => void mark.run()} disabled={mark.busy}>
            I asked
          </button>
        </>
      ) : null}
    </div>
  );
}

/** Each partner's hobbies, passions and goals; the other gets a weekly prompt to ask about one. */
export function Interests({ together, session, space }: { together: TogetherIdeas; session: Unlocked; space: LoadedSpace }) {
  const data = together.data;
  if (!data) return null;
  const me = session.user.id;
  const partner = capital(partnerName(space));
  const mine = data.interests.filter((e) => e.item.authorId === me);
  const theirs = data.interests.filter((e) => e.item.authorId !== me);
  const active = space.view.status === 'active';
  return (
    <section class="card interests" aria-labelledby="interests-heading" id="interests">
      <h2 id="interests-heading" class="visually-hidden">Interests</h2>
      <p class="hint">What each of you loves doing or is working towards. Once a week, Hearth suggests something to ask the other about.</p>
      <AskAbout together={together} session={session} space={space} />
      <h3>Yours</h3>
      {mine.length === 0 ? <p class="muted">Nothing listed yet. A hobby, a passion, a goal — anything you'd like {partner} to ask you about.</p> : <InterestList entries={mine} together={together} removable={active} />}
      {active ? <InterestForm together={together} partner={partner} /> : null}
      <h3>{possessive(partner)}</h3>
      {theirs.length === 0 ? <p class="muted">{partner} hasn't listed any yet.</p> : <InterestList entries={theirs} together={together} removable={false} />}
    </section>
  );
}

function InterestList({ entries, together, removable }: { entries: readonly Entry<TogetherInterestBody>[]; together: TogetherIdeas; removable: boolean }) {
  const remove = useAction(async (item: ItemView) => together.remove(item));
  return (
    <>
      <ul class="interest-list">
        {entries.map((e) => (
          <li key={e.item.id} data-testid="interest">
            {e.body ? (
              <>
                <span class="badge">{INTEREST_TYPE_LABEL[e.body.type]}</span> {e.body.title}
              </>
            ) : (
              <em>This interest couldn't be decrypted.</em>
            )}
            {removable ? (
              <button type="button" class="link" disabled={remove.busy} onClick={() => void remove.run(e.item)} aria-label={`Remove ${e.body?.title ?? 'this interest'}`}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorMessage message={remove.error} />
    </>
  );
}

function InterestForm({ together, partner }: { together: TogetherIdeas; partner: string }) {
  const id = useId();
  const [type, setType] = useState<InterestType>('hobby');
  const [title, setTitle] = useState('');
  const [ask, setAsk] = useState('');
  const [status, setStatus] = useState('');
  const add = useAction(async () => {
    const body: TogetherInterestBody = { type, title: title.trim(), ask: ask.trim() };
    const res = await together.create('together-interest', 'shared', body);
    if (!res.ok) return res;
    setTitle('');
    setAsk('');
    setStatus(`Added. ${partner} can see it.`);
    return ok(undefined);
  });
  return (
    <form
      class="together-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        setStatus('');
        if (title.trim() !== '') void add.run();
      }}
    >
      <h4 id={`${id}-h`}>Add an interest</h4>
      <fieldset>
        <legend>What kind?</legend>
        <div class="choice-row">
          {INTEREST_TYPES.map((t) => (
            <label key={t} class="choice">
              <input type="radio" name={`${id}-type`} checked={type === t} onChange={() => setType(t)} /> {INTEREST_TYPE_LABEL[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField label="What is it?" hint="Pottery, running a 10k, jazz piano…" value={title} onValue={setTitle} maxLength={120} required />
      <TextField
        label={`How could ${partner} ask about it? (optional)`}
        hint={`Finish the sentence “Ask me …”, for example “how the pottery class went”.`}
        value={ask}
        onValue={setAsk}
        maxLength={200}
      />
      <ErrorMessage message={add.error} />
      <button type="submit" class="primary" disabled={add.busy}>
        Add interest
      </button>
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}
