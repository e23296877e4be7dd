import { ENV_VARS, loadConfig } from './config/env.ts';
import { runMigrate, runServer, runVapid, runWorker } from './main.ts';
import { runNewsletterCommand } from './newsletter/command.ts';

const COMMANDS = {
  serve: 'Start the web server (applies database migrations first).',
  migrate: 'Apply database migrations and exit.',
  worker: 'Deliver due reminders and Web Push notifications, without serving HTTP (for extra PostgreSQL workers).',
  vapid: 'Print the Web Push (VAPID) public key, creating the key pair on first use.',
  newsletter: 'send <guide-slug>: email a guide to every confirmed subscriber (never twice).',
  help: 'Show this help.',
} as const;

function help(): string {
  const width = Math.max(...ENV_VARS.map((v) => v.name.length));
  return [
    'Usage: hearth <command>',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, text]) => `  ${name.padEnd(10)} ${text}`),
    '',
    'Environment:',
    ...ENV_VARS.map((v) => `  ${v.name.padEnd(width)}  ${v.description} (default: ${v.default})`),
    '',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0] ?? 'help';
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(help());
    return 0;
  }
  if (command !== 'serve' && command !== 'migrate' && command !== 'newsletter' && command !== 'worker' && command !== 'vapid') {
    console.error(`hearth: unknown command "${command}".\n\n${help()}`);
    return 2;
  }
  const config = loadConfig();
  if (!config.ok) {
    console.error(config.message);
    return 1;
  }
  if (command === 'newsletter') return runNewsletterCommand(argv.slice(1), config.value);
  if (command === 'worker') return runWorker(config.value);
  if (command === 'vapid') return runVapid(config.value);
  return command === 'serve' ? runServer(config.value) : runMigrate(config.value);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error('hearth:', e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
