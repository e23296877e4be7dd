import type { ComponentChildren, JSX } from 'preact';
import { createStore, useStore } from './store.ts';

/** The current pathname; the fragment is read only by the join screen. */
export const routeStore = createStore(location.pathname);

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search && !options.replace) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  routeStore.set(location.pathname);
}

addEventListener('popstate', () => {
  if (routeStore.get() !== location.pathname) routeStore.set(location.pathname);
});

export const useRoute = (): string => useStore(routeStore);

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children: ComponentChildren };

/** An ordinary link that stays inside the app without a page load. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
