import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Page, Spinner } from './ui.tsx';

/**
 * A screen whose code is fetched the first time it is shown, so the start-up download
 * holds only what the sign-in and Today screens need (decision 0042). The module is
 * fetched once and kept; a failed fetch (offline) offers to try again.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
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
  return function LazyScreen(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (component) return;
      fetchOnce().then(
        (c) => setComponent(() => c),
        () => setFailed(true),
      );
    }, [attempt]);
    if (component) return h(component, props);
    if (failed) {
      return (
        <Page title="Couldn't open this page">
          <ErrorMessage message="This part of Hearth couldn't be downloaded. Check your connection and try again." />
          <button
            type="button"
            class="primary"
            onClick={() => {
              setFailed(false);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </Page>
      );
    }
    return <Spinner label="Opening…" />;
  };
}
