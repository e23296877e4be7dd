import { customType } from 'drizzle-orm/pg-core';

/**
 * Binary columns hold ciphertext, wrapped keys, salts and hashes. Both drivers hand
 * bytea back as a Uint8Array subclass (Buffer on node-postgres), so we normalise to a
 * plain Uint8Array and the rest of the server never sees a Buffer. In its own module so
 * feature schemas can use it without a cycle through db/schema.ts evaluated too early.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice(),
});
