import { z } from 'zod/mini';
import { bodySchemaOf } from '../items/bodies.ts';
import { ITEM_KINDS, type ItemKindName } from '../items/kinds.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * The JSON export (issue #10, decision 0039): everything a person can read, decrypted
 * on their device. Version 2 lists the partner's shared items too and keeps threads
 * (`parentId`), so an import can rebuild them. The schema lives here so the web app
 * writes and reads the same shape, and a file from elsewhere is checked like any input.
 */
export const EXPORT_FORMAT = 'hearth-export';
export const EXPORT_VERSION = 2;

const isoTime = z.iso.datetime({ offset: true });
const id = z.uuid();

export const exportedItem = z.object({
  id,
  /** Any string, so a file from a newer Hearth still validates; import checks it is a kind this version knows. */
  kind: z.string().check(z.minLength(1), z.maxLength(64)),
  visibility: z.enum(['shared', 'private']),
  authorId: id,
  /** Written by the person who made the export. */
  mine: z.boolean(),
  parentId: z.nullable(id),
  remindAt: z.nullable(isoTime),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** The decrypted body, or null when it would not open on the device (then `undecryptable` is set). */
  body: z.unknown(),
  undecryptable: z.optional(z.literal(true)),
});

export const exportedMember = z.object({
  userId: id,
  /** null when the sealed name would not open. */
  name: z.nullable(z.string().check(z.maxLength(60))),
  isMe: z.boolean(),
});

export const hearthExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: isoTime,
  user: z.object({ id, email: z.string().check(z.maxLength(254)), displayName: z.nullable(z.string().check(z.maxLength(60))) }),
  space: z.nullable(
    z.object({
      id,
      status: z.enum(['active', 'ended']),
      createdAt: isoTime,
      members: z.array(exportedMember).check(z.maxLength(2)),
    }),
  ),
  items: z.array(exportedItem).check(z.maxLength(200_000)),
});

export type ExportedItem = z.infer<typeof exportedItem>;
export type ExportedMember = z.infer<typeof exportedMember>;
export type HearthExport = z.infer<typeof hearthExport>;

/** Bytes, not characters: what a browser's File.size reports. */
export const MAX_EXPORT_FILE_BYTES = 100 * 1024 * 1024;

export type ExportFileError = 'not_json' | 'not_an_export' | 'unsupported_version' | 'invalid_export' | 'too_large';

const isKnownKind = (kind: string): kind is ItemKindName => ITEM_KINDS.some((k) => k === kind);

/**
 * Reads an export file's text: JSON, the right format and version, every field in
 * shape, and every readable body valid for its kind. Errors say where the problem is.
 */
export function parseExportFile(text: string): Result<HearthExport, ExportFileError> {
  if (text.length > MAX_EXPORT_FILE_BYTES) return err('too_large', 'This file is too large to be a Hearth export.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not_json', "This file isn't a Hearth export: it is not JSON. Choose the .json file Hearth downloaded.");
  }
  const head = z.object({ format: z.string(), version: z.unknown() }).safeParse(raw);
  if (!head.success || head.data.format !== EXPORT_FORMAT) {
    return err('not_an_export', "This file isn't a Hearth export. Choose the .json file Hearth downloaded.");
  }
  if (head.data.version !== EXPORT_VERSION) {
    return err(
      'unsupported_version',
      `This export is format version ${JSON.stringify(head.data.version)}; this Hearth reads version ${EXPORT_VERSION}. Export again from an up-to-date Hearth.`,
    );
  }
  const parsed = hearthExport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') : '';
    return err('invalid_export', `This export is damaged${where ? ` at ${where}` : ''}: ${issue?.message ?? 'unexpected content'}.`);
  }
  for (const [index, item] of parsed.data.items.entries()) {
    if (item.undecryptable || !isKnownKind(item.kind)) continue;
    const body = z.safeParse(bodySchemaOf(item.kind), item.body);
    if (!body.success) {
      return err('invalid_export', `This export is damaged at items.${index} (a ${item.kind}): ${body.error.issues[0]?.message ?? 'unexpected body'}.`);
    }
  }
  return ok(parsed.data);
}
