import { readFile } from 'node:fs/promises';
import { DEFAULT_HELP_DIRECTORY, err, helpDirectory, ok, type HelpDirectory, type Result } from '@hearth/core';

/**
 * The help directory (confidential services by country, counselor directories): the
 * list maintained in packages/core, or the operator's own JSON file of the same shape
 * (HELP_DIRECTORY_FILE), read once at start-up. A file that does not match stops
 * start-up with the reason, so a typo never leaves someone without a helpline.
 */
export async function loadHelpDirectory(file: string | undefined): Promise<Result<HelpDirectory, 'invalid_help_directory'>> {
  if (file === undefined) return ok(DEFAULT_HELP_DIRECTORY);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return err('invalid_help_directory', `Hearth cannot start: HELP_DIRECTORY_FILE ${file} cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('invalid_help_directory', `Hearth cannot start: HELP_DIRECTORY_FILE ${file} is not valid JSON.`);
  }
  const parsed = helpDirectory.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    return err('invalid_help_directory', `Hearth cannot start: HELP_DIRECTORY_FILE ${file} does not match the expected shape.\n${lines.join('\n')}`);
  }
  return ok(parsed.data);
}
