/** How warm a Play item is. `everyday` is always offered; `flirty` and `spicy` only while Spark is on for both, and never above the couple's Spark level. */
export const PLAY_LEVELS = ['everyday', 'flirty', 'spicy'] as const;
export type PlayLevel = (typeof PLAY_LEVELS)[number];
