import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { programmeLessonsResponse } from '@hearth/core/api';
import { loadGuides } from '../guides/load.ts';
import { engines, makeTestApp, testConfig } from '../test/harness.ts';
import { loadProgramme } from './load.ts';

const CONTENT = testConfig().contentDir;
const IMAGES = new Set(['talk.svg']);

/** A throwaway programme folder holding copies of the real lessons, with `change` applied. */
async function programmeWith(change: (files: Map<string, string>) => void): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-programme-'));
  await fs.mkdir(path.join(dir, 'programme'));
  const files = new Map<string, string>();
  for (const name of await fs.readdir(path.join(CONTENT, 'programme'))) {
    // Every copy names the one image the test allows.
    files.set(name, (await fs.readFile(path.join(CONTENT, 'programme', name), 'utf8')).replace(/src: \/guides\/images\/[a-z0-9-]+\.svg/, 'src: /guides/images/talk.svg'));
  }
  change(files);
  for (const [name, text] of files) await fs.writeFile(path.join(dir, 'programme', name), text);
  return dir;
}

describe('Reconnect’s lessons', () => {
  it('loads the six weeks that ship, plus the gentle week 5, each with its image and sources', async () => {
    const guides = await loadGuides(CONTENT);
    if (!guides.ok) throw new Error(guides.message);
    const loaded = await loadProgramme(CONTENT, new Set(guides.value.images.keys()));
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.lessons.map((l) => `${l.week}${l.variant === 'gentle' ? 'g' : ''}`)).toEqual(['1', '2', '3', '4', '5', '5g', '6']);
    for (const lesson of loaded.value.lessons) {
      expect(lesson.html).toContain('<h2>');
      expect(lesson.html).not.toMatch(/<script|<h1/);
      expect(lesson.sources.length).toBeGreaterThan(0);
    }
  });

  it('refuses to start on a broken lesson, naming the file and the problem', async () => {
    const badWeek = await loadProgramme(await programmeWith((f) => f.set('week-2.md', (f.get('week-2.md') ?? '').replace('week: 2', 'week: nine'))), IMAGES);
    expect(badWeek.ok ? '' : badWeek.message).toMatch(/week-2\.md has invalid front matter:\n {2}week:/);

    const short = await loadProgramme(await programmeWith((f) => f.set('week-3.md', (f.get('week-3.md') ?? '').replace(/\n---\n[\s\S]*$/, '\n---\n\n## Too short\n\nA few words.\n'))), IMAGES);
    expect(short.ok ? '' : short.message).toMatch(/week-3\.md has \d+ words; a lesson has 400 to 800/);

    const missing = await loadProgramme(await programmeWith((f) => f.delete('week-5-gentle.md')), IMAGES);
    expect(missing.ok ? '' : missing.message).toMatch(/no gentle week 5/);

    const image = await loadProgramme(await programmeWith(() => undefined), new Set(['other.svg']));
    expect(image.ok ? '' : image.message).toMatch(/the image \/guides\/images\/talk\.svg is not one of the guides' images/);

    const misnamed = await loadProgramme(await programmeWith((f) => f.set('week-7.md', f.get('week-1.md') ?? '')), IMAGES);
    expect(misnamed.ok ? '' : misnamed.message).toMatch(/week-7\.md: week 1 \(standard\) must be in week-1\.md/);
  });

  it('serves every lesson in one public answer that the app can read', async () => {
    const loaded = await loadProgramme(await programmeWith(() => undefined), IMAGES);
    if (!loaded.ok) throw new Error(loaded.message);
    const engine = engines[0];
    if (engine === undefined) throw new Error('no engine');
    const database = await engine.open();
    const { app } = makeTestApp(database.db, { programme: loaded.value });
    const res = await app.request('/api/programme/lessons');
    await database.close();
    expect(res.status).toBe(200);
    const body = programmeLessonsResponse.parse(await res.json());
    expect(body.lessons).toHaveLength(7);
    expect(body.lessons[0]?.title).toBe('Talk without blame');
  });
});
