import { useId, useState } from 'preact/hooks';
import {
  IDEA_COSTS,
  IDEA_COST_LABEL,
  IDEA_ENERGIES,
  IDEA_ENERGY_LABEL,
  IDEA_PLACES,
  IDEA_PLACE_LABEL,
  IDEA_TIMES,
  filterIdeas,
  makeDatePath,
  type DeckIdea,
  type IdeaFilter,
  type IdeaTime,
} from '@hearth/core';
import { Link } from '../shared/router.tsx';
import { IdeaTags } from './ideas-tags.tsx';
import type { TogetherIdeas } from './ideas-data.ts';
import { EmptyState } from '../ui/intro.tsx';

const TIME_LABEL: Record<IdeaTime, string> = { quick: 'An hour or less', evening: 'Up to an evening', long: 'Half a day or more' };

type Filter = { cost: string[]; where: string[]; energy: string[]; time: string[]; firstOnly: boolean };
const NO_FILTER: Filter = { cost: [], where: [], energy: [], time: [], firstOnly: false };

/** The ideas both of us said yes or maybe to, filterable by tag, each one a tap away from a date. */
export function IdeasMatches({ together, partner }: { together: TogetherIdeas; partner: string }) {
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const data = together.data;
  const result = together.matches;
  if (!data) return null;

  const byId = new Map(data.deck.map((i) => [i.id, i]));
  const matched = (result?.matches ?? []).flatMap((m) => {
    const idea = byId.get(m.itemId);
    return idea ? [{ idea, strength: m.strength }] : [];
  });
  const strength = new Map(matched.map((m) => [m.idea.id, m.strength]));
  const coreFilter: IdeaFilter = {
    cost: IDEA_COSTS.filter((c) => filter.cost.includes(c)),
    where: IDEA_PLACES.filter((w) => filter.where.includes(w)),
    energy: IDEA_ENERGIES.filter((e) => filter.energy.includes(e)),
    time: IDEA_TIMES.filter((t) => filter.time.includes(t)),
    ...(filter.firstOnly ? { firstFirst: true } : {}),
  };
  const shown = filterIdeas(
    matched.map((m) => m.idea),
    coreFilter,
  );
  const filtering = filter !== NO_FILTER && JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  return (
    <section class="card ideas-matches" aria-labelledby="matches-heading">
      <h2 id="matches-heading">Ideas you both like</h2>
      {result === null ? (
        <p class="muted">Looking for matches…</p>
      ) : !result.partnerUploaded ? (
        <p class="muted">Matches show up here once {partner} has answered some ideas too.</p>
      ) : matched.length === 0 ? (
        <EmptyState art="touch">No matches yet. Keep going — every yes or maybe you both give shows up here.</EmptyState>
      ) : null}
      {result?.withheld.map((w) => (
        <p key={w.category} class="alert-inline">
          {w.reason}
        </p>
      ))}
      {matched.length > 0 ? (
        <>
          <MatchFilters filter={filter} onChange={setFilter} />
          <p class="status" role="status">
            {filtering ? `${String(shown.length)} of ${String(matched.length)} matches shown.` : `${String(matched.length)} ${matched.length === 1 ? 'match' : 'matches'}.`}
          </p>
          <ul class="match-list">
            {shown.map((idea) => (
              <MatchRow key={idea.id} idea={idea} strong={strength.get(idea.id) === 'strong'} />
            ))}
          </ul>
          {shown.length === 0 ? (
            <p class="muted">
              No matches with these tags.{' '}
              <button type="button" class="link" onClick={() => setFilter(NO_FILTER)}>
                Show all matches
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function MatchRow({ idea, strong }: { idea: DeckIdea; strong: boolean }) {
  return (
    <li class="match" data-testid="idea-match">
      <p class="match-text">
        <strong>{idea.text}</strong>
      </p>
      <p class="muted">{strong ? 'You both said yes.' : 'A yes and a maybe, or two maybes.'}</p>
      <IdeaTags idea={idea} />
      <Link href={makeDatePath(idea)} class="button primary" aria-label={`Make it a date: ${idea.text}`}>
        Make it a date
      </Link>
    </li>
  );
}

function MatchFilters({ filter, onChange }: { filter: Filter; onChange: (f: Filter) => void }) {
  const id = useId();
  const toggle = (key: 'cost' | 'where' | 'energy' | 'time', value: string, on: boolean) =>
    onChange({ ...filter, [key]: on ? [...filter[key], value] : filter[key].filter((v) => v !== value) });
  const group = (key: 'cost' | 'where' | 'energy' | 'time', legend: string, options: readonly { value: string; label: string }[]) => (
    <fieldset class="filter-group">
      <legend>{legend}</legend>
      <ul class="chips">
        {options.map((o) => (
          <li key={o.value} class="chip">
            <input
              type="checkbox"
              id={`${id}-${key}-${o.value}`}
              checked={filter[key].includes(o.value)}
              onChange={(e) => toggle(key, o.value, e.currentTarget.checked)}
            />
            <label for={`${id}-${key}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
  return (
    <details class="match-filters" open>
      <summary>Filter matches</summary>
      <p class="hint">Nothing ticked in a group means any.</p>
      {group('cost', 'Cost', IDEA_COSTS.map((c) => ({ value: c, label: IDEA_COST_LABEL[c] })))}
      {group('where', 'Where', IDEA_PLACES.map((w) => ({ value: w, label: IDEA_PLACE_LABEL[w] })))}
      {group('energy', 'Energy', IDEA_ENERGIES.map((e) => ({ value: e, label: IDEA_ENERGY_LABEL[e] })))}
      {group('time', 'Time needed', IDEA_TIMES.map((t) => ({ value: t, label: TIME_LABEL[t] })))}
      <div class="check">
        <input type="checkbox" id={`${id}-first`} checked={filter.firstOnly} onChange={(e) => onChange({ ...filter, firstOnly: e.currentTarget.checked })} />
        <label for={`${id}-first`}>Only ideas likely to be a first for you</label>
      </div>
    </details>
  );
}
