import { z } from 'zod';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What every guide must declare; start-up stops with the file's name when one does not. */
export const frontMatter = z.strictObject({
  title: z.string().trim().min(3).max(120),
  slug: z.string().regex(SLUG, 'must be lowercase words joined by hyphens'),
  summary: z.string().trim().min(20).max(300),
  // YAML reads an unquoted 2025-01-31 as a Date, a quoted one as a string; both are fine.
  published: z.union([z.date(), z.string()]).pipe(z.coerce.date({ error: 'must be a date like 2025-01-31' })),
  tags: z.array(z.string().trim().min(1).max(30)).min(1).max(8),
  hero: z.strictObject({
    src: z.string().regex(/^images\/[a-z0-9-]+\.svg$/, 'must be images/<name>.svg'),
    // Alt text says what the picture shows; a placeholder like "image" is not enough.
    alt: z.string().trim().min(15).max(250),
  }),
});

export type FrontMatter = z.output<typeof frontMatter>;
