import path from 'node:path';
import type { Config } from '../config/env.ts';
import { openFromConfig } from '../main.ts';
import { restoreBackup, writeBackup } from './backup.ts';

const where = (config: Config) => (config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`);

/** `hearth backup <file>`: the whole database as a file (decision 0041). */
export async function runBackupCommand(args: readonly string[], config: Config): Promise<number> {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0) {
    console.error('Usage: hearth backup <file>');
    return 2;
  }
  // No migrations here: a backup copies the database as it is.
  const opened = await openFromConfig(config, false);
  if (!opened.ok) {
    console.error(opened.message);
    return 1;
  }
  try {
    const summary = await writeBackup(opened.value.db, path.resolve(file));
    console.log(`Hearth: backed up ${summary.rows} rows from ${summary.tables} tables of ${where(config)} to ${file}.`);
    console.log('The file holds emails and password verifiers (content stays encrypted): keep it as safe as the database.');
    return 0;
  } finally {
    await opened.value.close();
  }
}

/** `hearth restore <file> [--force]`: into an empty database, or replacing everything with --force. */
export async function runRestoreCommand(args: readonly string[], config: Config): Promise<number> {
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  const [file] = files;
  if (file === undefined || files.length > 1) {
    console.error('Usage: hearth restore <file> [--force]');
    return 2;
  }
  const opened = await openFromConfig(config, true);
  if (!opened.ok) {
    console.error(opened.message);
    return 1;
  }
  try {
    const restored = await restoreBackup(opened.value.db, path.resolve(file), { force });
    if (!restored.ok) {
      console.error(`hearth restore: ${restored.message}`);
      return 1;
    }
    console.log(`Hearth: restored ${restored.value.rows} rows into ${restored.value.tables} tables of ${where(config)}.`);
    return 0;
  } finally {
    await opened.value.close();
  }
}
