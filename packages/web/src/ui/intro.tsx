import type { ComponentChildren } from 'preact';
import { Illustration, type Art } from './illustrations.tsx';

/** A practice's opening line with its drawing beside it: the first thing a hub shows. */
export function Intro({ art, children }: { art: Art; children: ComponentChildren }) {
  return (
    <div class="intro">
      <p class="lead">{children}</p>
      <Illustration art={art} />
    </div>
  );
}

/** An empty list, said kindly, with a small drawing: a place waiting for its first entry. */
export function EmptyState({ art = 'sprout', children }: { art?: Art; children: ComponentChildren }) {
  return (
    <div class="empty-state">
      <Illustration art={art} size={64} />
      <p>{children}</p>
    </div>
  );
}
