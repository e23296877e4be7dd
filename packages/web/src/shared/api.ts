import { z } from 'zod/mini';
import { err, ok, type Result } from '@hearth/core';
import { createStore } from './store.ts';

/**
 * The one place the app talks to the server. Every answer is validated against the
 * shared schema before the app trusts it, and failures come back as Result values.
 * Schemas may be zod or zod/mini (the API's own are zod/mini, decision 0046).
 */
export type ApiResult<T> = Result<T, string> & { readonly status?: number };

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Called when the server says the session is gone, so the app can lock itself. */
let onSessionLost: (() => void) | null = null;
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

/** Whether the last request reached the server: false from a network failure until an answer comes (the offline line reads it). */
export const serverReachable = createStore<boolean>(true);

/** How often a `503 busy` (the server's queue was full, decision 0058) is tried again before it is shown. */
const BUSY_RETRIES = 3;

async function request<T>(method: Method, path: string, schema: z.core.$ZodType<T>, body?: unknown, attempt = 0): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Hearth-CSRF'] = '1';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    serverReachable.set(false);
    return err('network', "We couldn't reach Hearth. Check your connection and try again.");
  }
  if (!serverReachable.get()) serverReachable.set(true);
  let json: unknown = undefined;
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const parsed = z.safeParse(errorBody, json);
    // A busy server refused before doing anything, so any request may simply be sent again.
    if (res.status === 503 && parsed.success && parsed.data.error.code === 'busy' && attempt < BUSY_RETRIES) {
      const seconds = Math.min(5, Math.max(1, Number(res.headers.get('Retry-After')) || 1));
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000 * (0.5 + Math.random() / 2)));
      return request(method, path, schema, body, attempt + 1);
    }
    const code = parsed.success ? parsed.data.error.code : 'http_' + String(res.status);
    const message = parsed.success ? parsed.data.error.message : 'Something went wrong on our side. Please try again.';
    if (res.status === 401 && code === 'unauthenticated' && !path.startsWith('/api/auth/')) onSessionLost?.();
    return { ...err(code, message), status: res.status };
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) return err('bad_response', 'The server sent an answer this app does not understand. Try reloading.');
  return ok(parsed.data);
}

const anything = z.unknown();

export const api = {
  get: <T>(path: string, schema: z.core.$ZodType<T>) => request('GET', path, schema),
  post: <T>(path: string, body: unknown, schema: z.core.$ZodType<T>) => request('POST', path, schema, body),
  put: <T>(path: string, body: unknown, schema: z.core.$ZodType<T>) => request('PUT', path, schema, body),
  patch: <T>(path: string, body: unknown, schema: z.core.$ZodType<T>) => request('PATCH', path, schema, body),
  /** For calls whose answer the app does not need. */
  send: (m: Method, path: string, body?: unknown) => request(m, path, anything, body),
};
