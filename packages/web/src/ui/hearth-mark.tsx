/** Hearth's flame, the app icon's drawing, beside the name in the header. Decorative: the name is the text next to it. */
export function HearthMark() {
  return (
    <svg class="hearth-mark" viewBox="0 0 512 512" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="512" height="512" rx="112" class="hearth-mark-tile" />
      <path class="hearth-mark-outer" d="M256 96c28 64 112 112 112 208a112 112 0 0 1-224 0c0-52 26-84 52-112 6 34 22 54 40 62-10-62 8-112 20-158z" />
      <path class="hearth-mark-inner" d="M256 268c30 26 52 52 52 82a52 52 0 0 1-104 0c0-30 22-56 52-82z" />
    </svg>
  );
}
