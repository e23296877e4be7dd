import { z } from 'zod/mini';

let configured: Promise<void> | undefined;

/**
 * zod/mini leaves messages to the app. Only two screens show one to a person (a
 * schedule that does not parse, a damaged export), so the English messages come with
 * those screens and stay out of Today's download. Until they arrive zod says
 * "Invalid input", which is still true.
 */
export function loadZodMessages(): Promise<void> {
  configured ??= import('zod/locales').then(
    ({ en }) => {
      z.config(en());
    },
    () => {
      configured = undefined;
    },
  );
  return configured;
}
