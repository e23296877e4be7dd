import { Hono } from 'hono';
import type { ProgrammeLessonsResponse } from '@hearth/core/api';
import type { AppEnv } from '../http/context.ts';
import type { ProgrammeLibrary } from './load.ts';

/**
 * The lessons are public text, the same for everyone and in one answer, so asking for
 * them says nothing about who reads which week. A short cache, like the guides.
 */
export function programmeRoutes(library: ProgrammeLibrary): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/programme/lessons', (c) => {
    const body: ProgrammeLessonsResponse = { lessons: [...library.lessons] };
    return c.json(body, 200, { 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}
