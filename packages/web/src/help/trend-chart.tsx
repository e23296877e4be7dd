import { PULSE_MAX, PULSE_THRESHOLD, type ScorePoint } from '@hearth/core';
import { formatDate } from '../shared/ui.tsx';
import { EmptyState } from '../ui/intro.tsx';

/**
 * Pulse scores over time as an SVG drawn here (no chart library, no requests), with
 * the same numbers as a table for screen readers and anyone who prefers text.
 * Mine in one line, the partner's shared scores in a dashed second one; the
 * threshold as a faint line, so a low stretch is visible without any alarm colour.
 */
const W = 320;
const H = 160;
const PAD = { left: 28, right: 8, top: 10, bottom: 22 };

type Series = { readonly label: string; readonly points: readonly ScorePoint[]; readonly className: string };

export function TrendChart({ mine, partner, partnerLabel, timeZone }: { mine: readonly ScorePoint[]; partner: readonly ScorePoint[]; partnerLabel: string; timeZone: string }) {
  const series: Series[] = [{ label: 'You', points: mine, className: 'trend-mine' }];
  if (partner.length > 0) series.push({ label: partnerLabel, points: partner, className: 'trend-partner' });
  const all = series.flatMap((s) => s.points.map((p) => Date.parse(p.takenAt)));
  if (all.length === 0) return <EmptyState art="help">No pulses yet. Your first one starts the chart.</EmptyState>;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = Math.max(max - min, 1);
  const x = (t: string) => (all.length === 1 || max === min ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((Date.parse(t) - min) / span) * (W - PAD.left - PAD.right));
  const y = (score: number) => PAD.top + (1 - score / PULSE_MAX) * (H - PAD.top - PAD.bottom);
  const rows = series.flatMap((s) => s.points.map((p) => ({ who: s.label, ...p }))).sort((a, b) => a.takenAt.localeCompare(b.takenAt));

  return (
    <figure class="trend">
      <svg viewBox={`0 0 ${W} ${H}`} class="trend-chart" role="img" aria-labelledby="trend-caption">
        {[0, 7, 14, 21].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="trend-grid" />
            <text x={PAD.left - 4} y={y(v) + 4} class="trend-axis" text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(PULSE_THRESHOLD)} y2={y(PULSE_THRESHOLD)} class="trend-threshold" />
        {series.map((s) => (
          <g key={s.label} class={s.className}>
            {s.points.length > 1 ? <polyline fill="none" points={s.points.map((p) => `${x(p.takenAt)},${y(p.score)}`).join(' ')} /> : null}
            {s.points.map((p) => (
              <circle key={p.takenAt} cx={x(p.takenAt)} cy={y(p.score)} r="4" />
            ))}
          </g>
        ))}
      </svg>
      <figcaption id="trend-caption">
        Pulse scores over time, out of 21. The faint line marks {PULSE_THRESHOLD}.{' '}
        {partner.length > 0 ? `Solid: you. Dashed: ${partnerLabel} (shared by them).` : null}
      </figcaption>
      <details class="trend-table">
        <summary>Show the scores as a table</summary>
        <table>
          <caption>Pulse scores, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Whose</th>
              <th scope="col">Score (of 21)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.who}-${r.takenAt}`}>
                <td>{formatDate(r.takenAt, timeZone)}</td>
                <td>{r.who}</td>
                <td>{r.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
