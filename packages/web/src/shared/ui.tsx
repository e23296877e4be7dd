import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Result } from '@hearth/core';
import { derivingStore } from '../crypto/derive.ts';
import { friendlyMessage } from './errors.ts';
import { useStore } from './store.ts';
import { Link, useRoute } from './router.tsx';
import { currentDestination } from '../shell/destinations.ts';
import { ChevronLeft } from 'lucide-preact';

/**
 * Every screen: sets the tab title and moves focus to its heading, so screen reader
 * and keyboard users land at the top of the new page after a route change.
 */
// On the very first screen focus stays at the top of the document, so Tab reaches the skip link first.
let firstPage = true;

export function Page({
  title,
  heading,
  children,
  className,
  backTo,
}: {
  title: string;
  heading?: string;
  children: ComponentChildren;
  className?: string;
  /** A screen one level below a tool (a game inside Play) leads back to that tool rather than the hub. */
  backTo?: { readonly href: string; readonly label: string };
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Hearth`;
  }, [title]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else h1.current?.focus();
  }, []);
  // A tool's screen (/app/support/wins) leads back to its hub, the way a phone app's screens do.
  const path = useRoute().replace(/\/$/, '');
  const hub = currentDestination(path);
  const back = backTo ?? (hub && hub.href !== path ? hub : null);
  return (
    <div class={className ? `page ${className}` : 'page'}>
      {back ? (
        <Link href={back.href} class="back-link no-print">
          <ChevronLeft size={20} aria-hidden="true" />
          {back.label}
        </Link>
      ) : null}
      <h1 ref={h1} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </div>
  );
}

export function ErrorMessage({ message }: { message: string | null }) {
  // The alert container stays in the DOM so assistive tech reliably announces changes.
  return (
    <div role="alert" class={message ? 'alert' : 'alert alert-empty'}>
      {message}
    </div>
  );
}

/** Runs an async step once at a time, exposing busy and a human error message. */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<Result<unknown>>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const running = useRef(false);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const run = useCallback(
    async (...args: A): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        const result = await fn(...args);
        if (alive.current && !result.ok) setError(friendlyMessage(result.code, result.message));
        return result.ok;
      } catch {
        if (alive.current) setError('Something went wrong. Please try again.');
        return false;
      } finally {
        running.current = false;
        if (alive.current) setBusy(false);
      }
    },
    [fn],
  );
  return { run, busy, error, setError };
}

/** Shown near any button that triggers Argon2id; the live region announces the wait. */
export function KdfStatus({ active }: { active: boolean }) {
  const deriving = useStore(derivingStore) > 0 && active;
  return (
    <div class="kdf-status" aria-live="polite">
      {deriving ? (
        <>
          <progress aria-label="Securing your account" />
          <span>Securing your account… this takes a moment.</span>
        </>
      ) : null}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <p class="loading" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
    </p>
  );
}

export function formatDateTime(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  } catch {
    return d.toLocaleString();
  }
}

export function formatDate(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleDateString(undefined, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) });
  } catch {
    return d.toLocaleDateString();
  }
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput' | 'aria-describedby'>;

/**
 * A labelled single-line input with an optional hint tied to it by aria-describedby,
 * so every form gets the label/hint wiring right without repeating it.
 */
export function TextField({ label, value, onValue, hint, ...input }: InputProps & { label: string; value: string; onValue: (value: string) => void; hint?: string }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input {...input} id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onInput={(e) => onValue(e.currentTarget.value)} />
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
