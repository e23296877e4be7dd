import { IDEA_COST_LABEL, IDEA_ENERGY_LABEL, IDEA_PLACE_LABEL, timeNeededLabel, type DeckIdea } from '@hearth/core';

/** An idea's tags in words (never only symbols), for cards and matches alike. */
export function IdeaTags({ idea }: { idea: DeckIdea }) {
  return (
    <ul class="idea-tags" aria-label="Tags">
      <li>{IDEA_COST_LABEL[idea.cost]}</li>
      <li>{IDEA_PLACE_LABEL[idea.where]}</li>
      <li>{IDEA_ENERGY_LABEL[idea.energy]}</li>
      <li>About {timeNeededLabel(idea.minutes)}</li>
      {idea.firstFirst ? <li class="idea-first">Likely a first</li> : null}
      {idea.itemId ? <li class="idea-own">Our own idea</li> : null}
    </ul>
  );
}
