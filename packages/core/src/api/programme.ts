import { z } from 'zod/mini';

/** One week's lesson as the server loaded it from `content/programme/` (rendered and sanitised). */
export const programmeLesson = z.object({
  week: z.int().check(z.minimum(1), z.maximum(6)),
  variant: z.enum(['standard', 'gentle']),
  title: z.string(),
  summary: z.string(),
  minutes: z.int(),
  image: z.object({ src: z.string(), alt: z.string() }),
  sources: z.array(z.string()),
  html: z.string(),
});
export type ProgrammeLesson = z.infer<typeof programmeLesson>;

/**
 * Every lesson in one answer, the same for everyone: the server never learns which week a
 * person reads (issue 21: which programme and which week stay on the devices).
 */
export const programmeLessonsResponse = z.object({ lessons: z.array(programmeLesson) });
export type ProgrammeLessonsResponse = z.infer<typeof programmeLessonsResponse>;
