import fs from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/context.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** Vite puts content-hashed files under assets/: a new build gets new names, so they can be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, sw.js and the manifest name the hashed files, so they must always be revalidated. */
const REVALIDATE = 'no-cache';

async function fileAt(root: string, relative: string): Promise<string | undefined> {
  const target = path.resolve(root, relative);
  // resolve() collapses "..": anything that ends up outside the build folder is not ours to serve.
  if (target !== root && !target.startsWith(root + path.sep)) return undefined;
  try {
    return (await fs.stat(target)).isFile() ? target : undefined;
  } catch {
    return undefined;
  }
}

/** The app's files are small (a few hundred KiB), so reading them whole is simpler than streaming. */
async function send(c: Context, file: string, cacheControl: string): Promise<Response> {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const content = new Uint8Array(await fs.readFile(file));
  return c.body(content, 200, { 'Content-Type': type, 'Cache-Control': cacheControl });
}

/** The built PWA under /app/, with the SPA fallback for client-side routes and invitation links. */
export function staticRoutes(webDist: string): Hono<AppEnv> {
  const root = path.resolve(webDist);
  const app = new Hono<AppEnv>();

  const serveIndex = async (c: Context) => {
    const index = await fileAt(root, 'index.html');
    if (index === undefined) {
      return c.text('Hearth: the web app has not been built. Run npm run build first.', 503, { 'Cache-Control': 'no-store' });
    }
    return send(c, index, REVALIDATE);
  };

  app.get('/app', (c) => c.redirect('/app/', 301));
  app.get('/join/*', serveIndex);
  app.get('/app/*', async (c) => {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice('/app/'.length));
    } catch {
      return c.text('Not found', 404);
    }
    if (relative === '' || relative.includes('\0')) return serveIndex(c);
    const file = await fileAt(root, relative);
    if (file === undefined) {
      // A missing hashed asset is a real 404; the SPA must not answer it with HTML.
      if (relative.startsWith('assets/')) return c.text('Not found', 404);
      return serveIndex(c);
    }
    return send(c, file, relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
  });
  return app;
}
