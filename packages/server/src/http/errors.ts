import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '@hearth/core/api';
import type { Err } from '@hearth/core';

/** The one exception the server throws on purpose: an API error, mapped to its status by code. */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.headers = headers;
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Turns a use case's expected failure into the HTTP edge's throw. */
export function fail(e: Err<ErrorCode>): never {
  throw new HttpError(e.code, e.message);
}

/** Unwraps a use case result at the HTTP edge. */
export function unwrap<T>(r: { ok: true; value: T } | Err<ErrorCode>): T {
  if (!r.ok) fail(r);
  return r.value;
}
