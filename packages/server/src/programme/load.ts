import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { err, ok, PROGRAMME_LENGTH, type Result } from '@hearth/core';
import type { ProgrammeLesson } from '@hearth/core/api';
import { describe, readMarkdownFile, renderMarkdown } from '../guides/load.ts';

/** What every lesson must declare; start-up stops with the file's name when one does not. */
export const lessonFrontMatter = z.strictObject({
  week: z.number().int().min(1).max(PROGRAMME_LENGTH),
  variant: z.enum(['standard', 'gentle']),
  title: z.string().trim().min(3).max(80),
  summary: z.string().trim().min(20).max(200),
  minutes: z.number().int().min(1).max(10),
  image: z.strictObject({
    src: z.string().regex(/^\/guides\/images\/[a-z0-9-]+\.svg$/, 'must be /guides/images/<name>.svg'),
    alt: z.string().trim().min(15).max(250),
  }),
  sources: z.array(z.string().trim().min(10).max(400)).min(1).max(6),
});

/** A lesson is read in about four minutes (issue 21): 400 to 800 words. */
export const LESSON_WORDS = { min: 400, max: 800 } as const;

export type ProgrammeLibrary = { readonly lessons: readonly ProgrammeLesson[] };
export const EMPTY_PROGRAMME: ProgrammeLibrary = { lessons: [] };

const words = (markdown: string) => markdown.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * Reads and checks the lessons once at start-up: six weeks, each with one standard
 * lesson, week 5 also with its gentle one (Spark off), each naming an image that the
 * guides ship. The first problem stops start-up with the file's name.
 */
export async function loadProgramme(contentDir: string, images: ReadonlySet<string>): Promise<Result<ProgrammeLibrary, 'invalid_content'>> {
  const dir = path.join(contentDir, 'programme');
  const fail = (message: string) => err('invalid_content', `Hearth cannot start: ${message}`);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch (e) {
    return fail(`cannot read the programme folder ${dir} (set CONTENT_DIR): ${describe(e)}`);
  }
  const lessons: ProgrammeLesson[] = [];
  for (const name of names) {
    const where = path.join(dir, name);
    const read = await readMarkdownFile(where);
    if (!read.ok) return read;
    const parsed = read.value;
    const checked = lessonFrontMatter.safeParse(parsed.data);
    if (!checked.success) {
      const lines = checked.error.issues.map((i) => `  ${i.path.join('.') || '(front matter)'}: ${i.message}`);
      return fail(`${where} has invalid front matter:\n${lines.join('\n')}`);
    }
    const data = checked.data;
    const expected = data.variant === 'gentle' ? `week-${data.week}-gentle.md` : `week-${data.week}.md`;
    if (name !== expected) return fail(`${where}: week ${data.week} (${data.variant}) must be in ${expected}.`);
    if (!images.has(path.basename(data.image.src))) return fail(`${where}: the image ${data.image.src} is not one of the guides' images.`);
    const count = words(parsed.content);
    if (count < LESSON_WORDS.min || count > LESSON_WORDS.max) return fail(`${where} has ${count} words; a lesson has ${LESSON_WORDS.min} to ${LESSON_WORDS.max}.`);
    lessons.push({ ...data, html: renderMarkdown(parsed.content) });
  }
  for (let week = 1; week <= PROGRAMME_LENGTH; week += 1) {
    if (!lessons.some((l) => l.week === week && l.variant === 'standard')) return fail(`${dir} has no lesson for week ${week} (week-${week}.md).`);
  }
  if (!lessons.some((l) => l.week === 5 && l.variant === 'gentle')) return fail(`${dir} has no gentle week 5 for couples with Spark off (week-5-gentle.md).`);
  // Week by week, the standard lesson before the gentle one.
  return ok({ lessons: lessons.sort((a, b) => a.week - b.week || Number(a.variant === 'gentle') - Number(b.variant === 'gentle')) });
}
