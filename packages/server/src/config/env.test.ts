import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARS, loadConfig } from './env.ts';

describe('environment', () => {
  it('uses the documented defaults', () => {
    const loaded = loadConfig({}, '/srv/hearth');
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/hearth/data',
      secureCookies: false,
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 7 * 86_400_000,
      trustProxy: false,
      todayCacheMs: 30_000,
    });
    expect(loaded.value.webDist.endsWith(path.join('packages', 'web', 'dist'))).toBe(true);
    expect(ENV_VARS.map((v) => v.name)).toContain('DATABASE_URL');
  });

  it('turns on secure cookies for an https PUBLIC_URL and reads the rest', () => {
    const loaded = loadConfig(
      { PUBLIC_URL: 'https://hearth.example', PORT: '8080', TRUST_PROXY: 'true', SESSION_IDLE_MINUTES: '5', DATABASE_URL: 'postgres://x@y/z', HOST: '', TODAY_CACHE_SECONDS: '0' },
      '/srv',
    );
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value).toMatchObject({ port: 8080, host: '127.0.0.1', trustProxy: true, secureCookies: true, sessionIdleMs: 5 * 60_000, databaseUrl: 'postgres://x@y/z', todayCacheMs: 0 });
  });

  it('refuses bad values with a message naming each variable', () => {
    const loaded = loadConfig({ PORT: 'eighty', TRUST_PROXY: 'maybe', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'ftp://x', TODAY_CACHE_SECONDS: '-1' }, '/srv');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      for (const name of ['PORT', 'TRUST_PROXY', 'DATABASE_URL', 'PUBLIC_URL', 'TODAY_CACHE_SECONDS']) expect(loaded.message).toContain(name);
    }
  });
});
