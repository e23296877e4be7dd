import { h, type ComponentChildren, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Page, Spinner } from './ui.tsx';

/** Fetches a module once and keeps it; a failed fetch (offline) may be tried again. */
function loader<P>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchOnce = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    );
    return pending;
  };
  return { loaded: () => loaded, fetchOnce };
}

/**
 * A component whose code is fetched the first time it is shown: `waiting` while it
 * comes, `failed(retry)` if it cannot.
 */
function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  waiting: () => ComponentChildren,
  failed: (retry: () => void) => ComponentChildren,
): ComponentType<P> {
  const module = loader(load);
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(module.loaded);
    const [error, setError] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (component) return;
      let alive = true;
      module.fetchOnce().then(
        (c) => {
          if (alive) setComponent(() => c);
        },
        () => {
          if (alive) setError(true);
        },
      );
      return () => {
        alive = false;
      };
    }, [attempt]);
    if (component) return h(component, props);
    if (error) {
      return failed(() => {
        setError(false);
        setAttempt((n) => n + 1);
      });
    }
    return waiting();
  };
}

function TryAgain({ retry, primary }: { retry: () => void; primary?: boolean }) {
  return (
    <button type="button" class={primary ? 'primary' : undefined} onClick={retry}>
      Try again
    </button>
  );
}

/**
 * A screen whose code is fetched the first time it is shown, so the start-up download
 * holds only what the sign-in and Today screens need (decision 0042). The module is
 * fetched once and kept; a failed fetch (offline) offers to try again.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazyComponent(
    load,
    () => <Spinner label="Opening…" />,
    (retry) => (
      <Page title="Couldn't open this page">
        <ErrorMessage message="This part of Hearth couldn't be downloaded. Check your connection and try again." />
        <TryAgain retry={retry} primary />
      </Page>
    ),
  );
}

/**
 * Part of a screen (Today's cards for a couple) whose code is fetched the first time it
 * is shown (decision 0046): a labelled spinner in a busy region while it comes, and a
 * card with "Try again" if it cannot.
 */
export function lazyPart<P extends object>(
  text: { readonly loading: string; readonly failed: string },
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  return lazyComponent(
    load,
    () => (
      <div aria-busy="true">
        <Spinner label={text.loading} />
      </div>
    ),
    (retry) => (
      <section class="card">
        <ErrorMessage message={`${text.failed} Check your connection and try again.`} />
        <TryAgain retry={retry} />
      </section>
    ),
  );
}
