import { z } from 'zod';

/**
 * Every kind of sealed item the store accepts. Each practice adds its kinds here,
 * with a schema for the decrypted body, so both server (kind check) and web
 * (body validation after decryption) agree.
 */
export const ITEM_KINDS = ['note'] as const;

export const noteBody = z.object({
  text: z.string().min(1).max(10_000),
});

export const ITEM_BODY_SCHEMAS = {
  note: noteBody,
} as const satisfies Record<(typeof ITEM_KINDS)[number], z.ZodType>;

export type NoteBody = z.infer<typeof noteBody>;
