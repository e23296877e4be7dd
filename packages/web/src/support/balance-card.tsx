import { balanceNote, type WeekBalance } from '@hearth/core';
import { formatDay } from './key-dates.tsx';

/**
 * "This week": warm moments given and received next to hard conversations opened.
 * Private to each partner by construction (computed on this device). Counts and one
 * sentence, no ratio or score: the 5:1 guideline is offered as context, gently.
 */
export function BalanceCard({ balance, partner }: { balance: WeekBalance; partner: string }) {
  return (
    <div class="support-balance">
      <p class="muted">
        {formatDay(balance.from)} – {formatDay(balance.to)} · only you see this
      </p>
      <dl class="balance-list">
        <div>
          <dt>Thank-yous you gave</dt>
          <dd>{balance.given.appreciations}</dd>
        </div>
        <div>
          <dt>Thank-yous from {partner}</dt>
          <dd>{balance.received.appreciations}</dd>
        </div>
        <div>
          <dt>Wins you celebrated</dt>
          <dd>{balance.given.celebrations}</dd>
        </div>
        <div>
          <dt>Celebrations from {partner}</dt>
          <dd>{balance.received.celebrations}</dd>
        </div>
        <div>
          <dt>Hard conversations opened</dt>
          <dd>{balance.hard}</dd>
        </div>
      </dl>
      <p class="balance-note">{balanceNote(balance)}</p>
      <p class="hint">
        Couples research often mentions about five warm moments for every hard one during conflict. Take it as a rough guide to
        notice, not a score to reach: a week with a difficult talk is not a bad week.
      </p>
    </div>
  );
}
