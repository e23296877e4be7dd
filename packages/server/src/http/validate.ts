import type { Context } from 'hono';
import { z } from 'zod';
import { fromB64 } from '@hearth/core';
import { HttpError } from './errors.ts';

function firstIssue(error: z.ZodError): { message: string; unknownKind: boolean } {
  const issue = error.issues[0];
  if (issue === undefined) return { message: 'The request is not valid.', unknownKind: false };
  const where = issue.path.map(String).join('.');
  return {
    message: where === '' ? issue.message : `${where}: ${issue.message}`,
    unknownKind: issue.path[0] === 'kind' && issue.code === 'invalid_value',
  };
}

function refuse(error: z.ZodError): never {
  const { message, unknownKind } = firstIssue(error);
  throw new HttpError(unknownKind ? 'unknown_kind' : 'invalid_input', message);
}

// Schemas are zod or zod/mini (the API's, decision 0046): both are `z.core.$ZodType`, parsed with `z.safeParse`.

/** Reads and validates a JSON body; anything else is refused before a use case sees it. */
export async function readBody<S extends z.core.$ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError('unsupported_media_type', 'Send the body as application/json.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError('invalid_json', 'The body is not valid JSON.');
  }
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) refuse(parsed.error);
  return parsed.data;
}

export function readQuery<S extends z.core.$ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = z.safeParse(schema, c.req.query());
  if (!parsed.success) refuse(parsed.error);
  return parsed.data;
}

/** Route parameters are outside data too; ids that are not UUIDs cannot name anything, so they are 404. */
export function readId<S extends z.core.$ZodType>(c: Context, schema: S, name = 'id'): z.output<S> {
  const parsed = z.safeParse(schema, c.req.param(name));
  if (!parsed.success) throw new HttpError('not_found', 'Not found.');
  return parsed.data;
}

/** Decodes a base64url field that the schema already shape-checked; the decoder has the last word. */
export function bytes(value: string, field: string): Uint8Array {
  const decoded = fromB64(value);
  if (!decoded.ok) throw new HttpError('invalid_input', `${field}: ${decoded.message}`);
  return decoded.value;
}
