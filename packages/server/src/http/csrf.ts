import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config/env.ts';
import { HttpError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'X-Hearth-CSRF';

/**
 * A cross-site page can submit forms and simple fetches, but it cannot add a custom
 * header without a CORS preflight, which this server never grants. So requiring
 * the header on every write shuts out forged requests; the Origin and
 * Sec-Fetch-Site checks are a second lock for browsers that send them.
 */
export function csrfGuard(config: Config): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw new HttpError('csrf', 'Cross-site requests are not allowed.');
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      if (c.req.header(CSRF_HEADER) !== '1') {
        throw new HttpError('csrf', `Missing the ${CSRF_HEADER} header.`);
      }
      const origin = c.req.header('origin');
      if (origin !== undefined && !sameOrigin(origin, c.req.url, c.req.header('host'), config)) {
        throw new HttpError('csrf', 'This request came from another site.');
      }
    }
    await next();
  };
}

function sameOrigin(origin: string, requestUrl: string, host: string | undefined, config: Config): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (config.publicUrl !== undefined && parsed.origin === config.publicUrl.origin) return true;
  if (parsed.origin === new URL(requestUrl).origin) return true;
  // Behind a TLS-terminating proxy the request arrives as http:// while the browser says
  // https://; without PUBLIC_URL, the host is what we can compare.
  return config.publicUrl === undefined && host !== undefined && parsed.host === host;
}
