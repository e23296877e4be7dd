import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = { readonly to: string[]; readonly mail: ParsedMail; readonly raw: string };

/**
 * A real SMTP server inside the test process, on a random localhost port. Tests
 * send through nodemailer exactly as production does and read what arrived.
 */
export async function startTestSmtp(): Promise<{ url: string; inbox: Received[]; stop(): Promise<void>; nextFor(to: string): Promise<Received> }> {
  const inbox: Received[] = [];
  const waiting: Array<() => void> = [];
  const server = new SMTPServer({
    // No TLS or auth on loopback: nodemailer would otherwise try STARTTLS against a self-signed certificate.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail, raw: raw.toString('utf8') });
            for (const wake of waiting.splice(0)) wake();
            callback();
          },
          (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('test SMTP server has no port');
  const { port } = address satisfies AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** The newest message to `to`, waiting for it to arrive if need be (sending is already awaited, so this is short). */
    async nextFor(to: string) {
      for (let i = 0; i < 50; i += 1) {
        const found = inbox.filter((m) => m.to.includes(to)).at(-1);
        if (found !== undefined) return found;
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      throw new Error(`no mail arrived for ${to}`);
    },
  };
}
