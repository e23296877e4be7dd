import { useEffect, useState } from 'preact/hooks';
import { bodySchemaOf, describeCount, togetherMarkBody, summarizeWeek, WEEK_CATEGORIES, WEEK_CATEGORY_LABEL, WEEK_KINDS, type WeekEntry, type WeekSummary } from '@hearth/core';
import { itemKind, type ItemKind } from '@hearth/core/api';
import { listItemsOfKinds, openItem } from '../shared/items.ts';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner } from '../shared/ui.tsx';
import { formatDay } from '../support/key-dates.tsx';
import { loadSpace, partnerOf, useSpace, type LoadedSpace } from '../space/space.ts';
import { useTogetherIdeas } from '../together/ideas-data.ts';
import { Intro } from '../ui/intro.tsx';

const WEEK_ITEM_KINDS: ItemKind[] = WEEK_KINDS.flatMap((k) => {
  const parsed = itemKind.safeParse(k);
  return parsed.success ? [parsed.data] : [];
});

type Loaded = { readonly summary: WeekSummary; readonly unreadable: number };

/**
 * /app/week: the last seven days, counted on this device from what both of you can
 * read. Items that do not open here are not counted but are said to exist, never
 * silently dropped.
 */
async function loadWeek(session: Unlocked, space: LoadedSpace, matchedIdeas: number): Promise<{ ok: true; value: Loaded } | { ok: false; message: string }> {
  const listed = await listItemsOfKinds(WEEK_ITEM_KINDS);
  if (!listed.ok) return { ok: false, message: listed.message };
  const keys = { spaceKey: space.key, personalKey: session.keys.personalKey };
  const entries: WeekEntry[] = [];
  let unreadable = 0;
  for (const item of listed.value) {
    if (item.kind === 'together-mark') {
      // Only "we did it" is time together; a skip is not counted, and not held against anyone.
      const mark = openItem(item, keys, togetherMarkBody);
      if (!mark.ok) unreadable += 1;
      else if (mark.value.outcome === 'done') entries.push({ kind: item.kind, authorId: item.authorId, createdAt: item.createdAt });
      continue;
    }
    if (openItem(item, keys, bodySchemaOf(item.kind)).ok) entries.push({ kind: item.kind, authorId: item.authorId, createdAt: item.createdAt });
    else unreadable += 1;
  }
  const summary = summarizeWeek({ entries, me: session.user.id, now: new Date(), timeZone: session.user.timeZone, matchedIdeas });
  if (!summary) return { ok: false, message: 'Your time zone is not one this device knows. Pick another in Settings.' };
  return { ok: true, value: { summary, unreadable } };
}

export function WeekPage({ session }: { session: Unlocked }) {
  const state = useSpace();
  useEffect(() => {
    if (state.status === 'unknown') void loadSpace();
  }, [state.status]);
  return (
    <Page title="Our week">
      <Intro art="week">A look back at the last seven days, made on this device. It counts what you did; it never scores you.</Intro>
      {state.status === 'ready' && state.space.key && partnerOf(state.space) ? (
        <WeekView session={session} space={state.space} />
      ) : state.status === 'ready' || state.status === 'none' ? (
        <p>
          Your week fills up once you share a space. <Link href="/app/today">Invite your partner from Today</Link>.
        </p>
      ) : state.status === 'error' ? (
        <ErrorMessage message={state.message} />
      ) : (
        <Spinner label="Loading your space…" />
      )}
    </Page>
  );
}

function WeekView({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const [week, setWeek] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The ideas both of you said yes to, for the "no date lately" step.
  const ideas = useTogetherIdeas(session, space, { matches: true });
  const matchedIdeas = ideas.matches?.matches.length ?? null;
  useEffect(() => {
    if (matchedIdeas === null) return;
    let live = true;
    void loadWeek(session, space, matchedIdeas).then((res) => {
      if (!live) return;
      if (res.ok) setWeek(res.value);
      else setError(res.message);
    });
    return () => {
      live = false;
    };
  }, [session, space, matchedIdeas]);

  if (error) return <ErrorMessage message={error} />;
  if (!week) return <Spinner label="Counting your week…" />;
  const { summary, unreadable } = week;
  const partner = partnerOf(space)?.name ?? 'Your partner';
  return (
    <>
      <section class="card" aria-labelledby="week-counts">
        <h2 id="week-counts">
          {formatDay(summary.from)} – {formatDay(summary.to)}
        </h2>
        <table class="week-table">
          <caption class="visually-hidden">What each of you did in the last seven days</caption>
          <thead>
            <tr>
              <th scope="col">Practice</th>
              <th scope="col">You</th>
              <th scope="col">{partner}</th>
            </tr>
          </thead>
          <tbody>
            {WEEK_CATEGORIES.map((c) => (
              <tr key={c}>
                <th scope="row">{WEEK_CATEGORY_LABEL[c].many[0]?.toUpperCase() + WEEK_CATEGORY_LABEL[c].many.slice(1)}</th>
                <td>{summary.counts[c].mine}</td>
                <td>{summary.counts[c].partner}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">
          Together: {describeCount('checkins', summary.counts.checkins.mine + summary.counts.checkins.partner)},{' '}
          {describeCount('appreciations', summary.counts.appreciations.mine + summary.counts.appreciations.partner)}.
        </p>
        {unreadable > 0 ? (
          <p class="warning" role="status">
            {unreadable === 1 ? 'One item' : `${unreadable} items`} could not be opened on this device and {unreadable === 1 ? 'is' : 'are'} not
            counted. They are still stored.
          </p>
        ) : null}
      </section>
      <section class="card" aria-labelledby="week-next">
        <h2 id="week-next">A gentle next step</h2>
        <p data-next-step={summary.nextStep.code}>{summary.nextStep.text}</p>
        <Link href={summary.nextStep.href} class="button primary">
          Go there
        </Link>
      </section>
      <p class="hint">
        Want this as an email on Monday mornings, counts only? Turn on the weekly digest in <Link href="/app/settings/reminders">Settings › Reminders</Link>.
      </p>
    </>
  );
}
