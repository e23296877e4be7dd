import { liveItemChange, liveMatchChange, type LiveItemChange } from '@hearth/core/api';
import { endpoints } from './endpoints.ts';
import { createStore } from './store.ts';

/**
 * Live updates (issue 20): one `/api/events` stream per open tab while signed in. It
 * says what changed (`item`: an item's kind and id; `match`: the partner's blind-matching
 * answers for a deck; `space`: our space or who is in it;
 * `you`: my account or my notifications; `resync`: load everything again), and each
 * screen reloads when it hears a change it shows (`useLiveReload`). Screens poll only while `liveStatus` is
 * not `live`. The browser reconnects a dropped stream itself, sending `Last-Event-ID`,
 * and the server replays or asks for a resync; a stream the server refused (a 401, a
 * restart) is opened again here with a growing pause, and then everything reloads.
 */
export type LiveStatus = 'off' | 'connecting' | 'live';
export type LiveChange =
  | { readonly type: 'item'; readonly item: LiveItemChange }
  | { readonly type: 'match'; readonly deck: string }
  | { readonly type: 'space' | 'you' | 'resync' };

export const liveStatus = createStore<LiveStatus>('off');

const listeners = new Set<(change: LiveChange) => void>();
let source: EventSource | null = null;
let wanted = false;
let retry: ReturnType<typeof setTimeout> | undefined;
let pauseMs = 1000;
const MAX_PAUSE_MS = 60_000;

/**
 * Journeys switch one of the two ways off to prove the other alone does the job:
 * localStorage 'hearth-live' = 'off' (no stream: polling only) or 'poll-off' (no fixed-interval polling).
 */
function testSwitch(): string | null {
  try {
    return localStorage.getItem('hearth-live');
  } catch {
    return null;
  }
}

export function pollingSwitchedOff(): boolean {
  return testSwitch() === 'poll-off';
}

function emit(change: LiveChange): void {
  for (const l of [...listeners]) l(change);
}

function open(reopened: boolean): void {
  if (!wanted || source !== null || typeof EventSource === 'undefined' || testSwitch() === 'off') return;
  const es = new EventSource(endpoints.events);
  source = es;
  liveStatus.set('connecting');
  es.addEventListener('ready', () => {
    pauseMs = 1000;
    liveStatus.set('live');
    // A new stream has no Last-Event-ID: whatever happened while it was closed is reloaded.
    if (reopened) emit({ type: 'resync' });
    reopened = false;
  });
  for (const type of ['space', 'you', 'resync'] as const) es.addEventListener(type, () => emit({ type }));
  es.addEventListener('item', (e) => {
    const item = liveItemChange.safeParse(safeJson(e.data));
    // A message this version cannot read still says something changed: everything reloads.
    emit(item.success ? { type: 'item', item: item.data } : { type: 'resync' });
  });
  es.addEventListener('match', (e) => {
    const match = liveMatchChange.safeParse(safeJson(e.data));
    emit(match.success ? { type: 'match', deck: match.data.deck } : { type: 'resync' });
  });
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED) {
      // The browser is reconnecting on its own, with Last-Event-ID; poll meanwhile.
      liveStatus.set('connecting');
      return;
    }
    es.close();
    source = null;
    liveStatus.set('off');
    if (!wanted) return;
    clearTimeout(retry);
    retry = setTimeout(() => open(true), pauseMs);
    pauseMs = Math.min(pauseMs * 2, MAX_PAUSE_MS);
  };
}

/** Opens the stream (idempotent); called while a person is signed in and unlocked. */
export function startLive(): void {
  wanted = true;
  open(false);
}

/** Closes it: signing out, locking, or a tab that has gone away. */
export function stopLive(): void {
  wanted = false;
  clearTimeout(retry);
  source?.close();
  source = null;
  pauseMs = 1000;
  liveStatus.set('off');
}

/** Hears every change; returns the unsubscribe. */
export function onLiveChange(listener: (change: LiveChange) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function safeJson(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** Topics for a screen that shows no item, only the space (a partner joining, Spark consent): it hears `space` and `resync` alone. */
export const NO_ITEMS: readonly string[] = [];

/**
 * Whether a screen must reload for this change. `topics` names what it shows: item kinds,
 * and `match:<deck>` for a deck's matches; a screen that names none hears everything.
 */
export function concerns(change: LiveChange, topics: readonly string[] | undefined): boolean {
  if (topics === undefined) return true;
  if (change.type === 'item') return topics.includes(change.item.kind);
  if (change.type === 'match') return topics.includes(`match:${change.deck}`);
  // `you` is my sessions and notifications; a change to my own row is also the space's.
  return change.type !== 'you';
}
