// A process that opens the embedded database in DATA_DIR, commits a secret, says so, and
// then holds the folder until it is killed: the stand-in for a server that crashes.
import { openDatabase } from '../db/open.ts';
import { serverSecret } from '../db/secrets.ts';
import { toB64 } from '@hearth/core';

const dataDir = process.env['DATA_DIR'];
if (dataDir === undefined) throw new Error('DATA_DIR is required');
const opened = await openDatabase({ engine: 'pglite', dataDir });
if (!opened.ok) {
  console.error(opened.message);
  process.exit(1);
}
const secret = await serverSecret(opened.value.db, 'crash-test');
console.log(`committed ${toB64(secret)}`);
setInterval(() => undefined, 60_000);
