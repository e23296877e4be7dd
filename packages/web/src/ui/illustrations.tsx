import type { JSX } from 'preact';

/**
 * Hearth's own small drawings (issue 19): one per practice, and a few for empty lists.
 * Flat shapes in the flame's colours (tokens --art-*), so they follow the theme. They
 * are decorative: the words beside them say the same, so they are hidden from screen
 * readers. Each stays a few hundred bytes; they load with the screens that show them.
 */
export type Art = 'talk' | 'together' | 'touch' | 'support' | 'help' | 'spark' | 'week' | 'sprout' | 'quiet' | 'question';

// A heart in a 24 × 24 box, drawn for Hearth; placed with a transform.
const HEART = 'M12 21c-1-.8-9-6-9-11.6A4.6 4.6 0 0 1 12 7a4.6 4.6 0 0 1 9 2.4C21 15 13 20.2 12 21z';
// Hearth's flame (the app icon's), in a 512 box.
const FLAME_OUTER = 'M256 96c28 64 112 112 112 208a112 112 0 0 1-224 0c0-52 26-84 52-112 6 34 22 54 40 62-10-62 8-112 20-158z';
const FLAME_INNER = 'M256 268c30 26 52 52 52 82a52 52 0 0 1-104 0c0-30 22-56 52-82z';

const DRAWINGS: Record<Art, () => JSX.Element> = {
  talk: () => (
    <>
      <path class="art-soft" d="M20 8h34a14 14 0 0 1 14 14v12a14 14 0 0 1-14 14H30l-12 10 2-10a14 14 0 0 1-14-14V22A14 14 0 0 1 20 8z" />
      <rect class="art-line" x="18" y="20" width="34" height="4" rx="2" />
      <rect class="art-line" x="18" y="30" width="22" height="4" rx="2" />
      <path class="art-strong" d="M46 30h30a12 12 0 0 1 12 12v10a12 12 0 0 1-12 12l2 10-12-10H46a12 12 0 0 1-12-12V42a12 12 0 0 1 12-12z" />
      <circle class="art-paper" cx="50" cy="47" r="3.2" />
      <circle class="art-paper" cx="61" cy="47" r="3.2" />
      <circle class="art-paper" cx="72" cy="47" r="3.2" />
    </>
  ),
  together: () => (
    <>
      <circle class="art-warm" cx="48" cy="46" r="22" />
      <path class="art-soft" d="M0 62c14-12 30-14 46-4s34 6 50-6v28H0z" />
      <path class="art-strong" d="M0 70c24-10 50-10 96 2v8H0z" />
      <path class="art-strong" transform="translate(66 6) scale(.8)" d={HEART} />
    </>
  ),
  touch: () => (
    <>
      <path class="art-soft" transform="translate(4 8) scale(2.6)" d={HEART} />
      <path class="art-strong" transform="translate(34 14) scale(2.4)" d={HEART} />
      <path class="art-warm" transform="translate(40 2) scale(.7)" d={HEART} />
    </>
  ),
  support: () => (
    <>
      <path class="art-strong" transform="translate(28 2) scale(1.7)" d={HEART} />
      <path class="art-warm" d="M6 50c4-4 10-4 15 0l13 10c4 3 10 3 14 1l26-13c6-3 13 2 9 9L66 72c-6 5-13 8-21 8H6z" />
      <path class="art-soft" d="M34 60c4 3 10 3 14 1l10-5-2 4c-6 4-14 5-22 0z" />
    </>
  ),
  help: () => (
    <>
      <circle cx="48" cy="40" r="24" fill="none" class="art-ring" stroke-width="14" />
      <circle cx="48" cy="40" r="24" fill="none" class="art-ring-band" stroke-width="14" stroke-dasharray="18.85 18.85" stroke-dashoffset="9.4" />
      <path class="art-stroke" d="M10 74h76" stroke-width="3" stroke-linecap="round" fill="none" />
    </>
  ),
  spark: () => (
    <>
      <g transform="translate(4 6) scale(.15)">
        <path class="art-warm" d={FLAME_OUTER} />
        <path class="art-soft" d={FLAME_INNER} />
      </g>
      <g transform="translate(28 2) scale(.17)">
        <path class="art-strong" d={FLAME_OUTER} />
        <path class="art-warm" d={FLAME_INNER} />
      </g>
    </>
  ),
  week: () => (
    <>
      <rect class="art-soft" x="14" y="12" width="68" height="62" rx="10" />
      <path class="art-strong" d="M24 12h48a10 10 0 0 1 10 10v6H14v-6a10 10 0 0 1 10-10z" />
      {[0, 1, 2, 3].flatMap((col) =>
        [0, 1].map((row) =>
          col === 2 && row === 1 ? null : <circle key={`${String(col)}-${String(row)}`} class="art-line" cx={28 + col * 13.3} cy={44 + row * 16} r="3.5" />,
        ),
      )}
      <path class="art-strong" transform="translate(45.6 50) scale(.75)" d={HEART} />
    </>
  ),
  sprout: () => (
    <>
      <path class="art-leaf" d="M47 44c-2-12-10-20-24-20 0 12 8 20 24 20z" />
      <path class="art-leaf" d="M49 38c2-14 12-22 26-22 0 14-10 22-26 22z" />
      <path class="art-leaf-stem" d="M48 60V40" stroke-width="3" stroke-linecap="round" fill="none" />
      <path class="art-strong" d="M28 56h40l-5 22H33z" />
      <rect class="art-warm" x="24" y="52" width="48" height="8" rx="3" />
    </>
  ),
  quiet: () => (
    <>
      <path class="art-warm" d="M56 10a30 30 0 1 0 28 42 24 24 0 1 1-28-42z" />
      <path class="art-strong" transform="translate(12 10) scale(.5)" d="M12 2l2.6 6.6L21 11l-6.4 2.4L12 20l-2.6-6.6L3 11l6.4-2.4z" />
      <path class="art-strong" transform="translate(18 46) scale(.35)" d="M12 2l2.6 6.6L21 11l-6.4 2.4L12 20l-2.6-6.6L3 11l6.4-2.4z" />
    </>
  ),
  question: () => (
    <>
      <circle class="art-soft" cx="48" cy="40" r="32" />
      <path class="art-strong-line" d="M38 30a10 10 0 1 1 14 9c-3 1.5-4 4-4 7v2" stroke-width="6" stroke-linecap="round" fill="none" />
      <circle class="art-strong" cx="48" cy="60" r="4" />
    </>
  ),
};

/** One of Hearth's drawings, decorative. `size` is its width in CSS pixels (the box is 96 × 80). */
export function Illustration({ art, size = 88 }: { art: Art; size?: number }) {
  const Drawing = DRAWINGS[art];
  return (
    <svg class="art" viewBox="0 0 96 80" width={size} height={(size * 80) / 96} aria-hidden="true" focusable="false">
      <Drawing />
    </svg>
  );
}
