/**
 * Web weight: the gzipped JavaScript a browser downloads to show Today (a fresh
 * browser signing in), and the public pages' weight and script count (they must
 * work with no JavaScript at all). Needs `npm run build` first.
 * Run alone: `npx tsx bench/web.bench.ts`.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { isMain, kb, printTable, type Row } from './support/report.ts';
import { startServer } from './support/server.ts';

const TODAY_GOAL_BYTES = 60 * 1024;
const person = { email: 'bench@example.test', password: 'a long walk by the sea', name: 'Robin' };

async function signUp(page: Page): Promise<void> {
  page.setDefaultTimeout(120_000);
  await page.goto('/app/sign-up');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Display name').fill(person.name);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel("I've saved it").check({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Create our space' }).click();
  await page.getByLabel('Invitation link').waitFor();
}

type Script = { readonly name: string; readonly gz: number };

/** Every script a fresh browser (empty cache, no service worker) fetches from opening Hearth to seeing Today. */
async function scriptsToToday(page: Page): Promise<Script[]> {
  page.setDefaultTimeout(120_000);
  const pending: Promise<Script>[] = [];
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (!path.endsWith('.js')) return;
    pending.push(res.body().then((body) => ({ name: path.split('/').at(-1) ?? path, gz: gzipSync(body, { level: 9 }).length })));
  });
  // A new browser has no session cookie, so it starts from the sign-in screen.
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Waiting for your partner' }).waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  return Promise.all(pending);
}

type PublicPage = { readonly path: string; readonly gz: number; readonly scripts: number; readonly scriptGz: number; readonly readsWithoutJs: boolean };

/**
 * A public page's weight (HTML + CSS + any script, gzipped) and whether it needs
 * JavaScript: Chromium with JavaScript switched off must still show its heading and
 * content. A script that only enhances (the newsletter form) is counted, not required.
 */
async function publicPage(browser: Browser, base: string, path: string): Promise<PublicPage & { html: string }> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  const html = await res.text();
  const gzOf = async (href: string) => gzipSync(Buffer.from(await (await fetch(new URL(href, base + path))).arrayBuffer()), { level: 9 }).length;
  let gz = gzipSync(html, { level: 9 }).length;
  for (const [, href] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) if (href) gz += await gzOf(href);
  let scriptGz = 0;
  for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) if (src) scriptGz += await gzOf(src);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + path);
  const readsWithoutJs = (await page.locator('main h1').first().isVisible()) && (await page.locator('main a, main p').count()) > 0;
  await context.close();
  return { path, html, gz: gz + scriptGz, scripts: (html.match(/<script\b/gi) ?? []).length, scriptGz, readsWithoutJs };
}

export async function webBench(): Promise<Row[]> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    // Service workers blocked: the offline precache would fetch every screen, which Today does not need.
    const first = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
    await signUp(await first.newPage());
    await first.close();
    const fresh = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
    const scripts = await scriptsToToday(await fresh.newPage());
    await fresh.close();
    const worker = scripts.filter((s) => s.name.startsWith('kdf-worker'));
    const app = scripts.filter((s) => !s.name.startsWith('kdf-worker'));
    const appGz = app.reduce((n, s) => n + s.gz, 0);
    // WEB_BENCH_FILES=1 lists the files behind the total, to see which one grew.
    if (process.env.WEB_BENCH_FILES) for (const s of app) console.log(`${kb(s.gz).padStart(10)}  ${s.name}`);
    const workerGz = worker.reduce((n, s) => n + s.gz, 0);

    const home = await publicPage(browser, server.url, '/');
    const guides = await publicPage(browser, server.url, '/guides');
    const firstGuide = /href="(\/guides\/[a-z0-9-]+)"/.exec(guides.html)?.[1];
    const pages: PublicPage[] = [home, guides, ...(firstGuide ? [await publicPage(browser, server.url, firstGuide)] : [])];
    return [
      {
        benchmark: 'Web: JavaScript to show Today (gzip)',
        result: `${kb(appGz)} in ${app.length} files`,
        goal: `< ${kb(TODAY_GOAL_BYTES)}`,
        met: appGz < TODAY_GOAL_BYTES,
      },
      { benchmark: 'Web: key-derivation worker (sign-in only, gzip)', result: kb(workerGz), goal: '(reference)', met: null },
      ...pages.map((p) => ({
        benchmark: `Web: public page ${p.path} (gzip, all included)`,
        result: `${kb(p.gz)}; ${p.scripts ? `${p.scripts} optional script (${kb(p.scriptGz)})` : 'no script'}; ${p.readsWithoutJs ? 'reads' : 'does NOT read'} with JS off`,
        goal: 'no JavaScript required',
        met: p.readsWithoutJs,
      })),
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (isMain(import.meta.url)) printTable(await webBench());
