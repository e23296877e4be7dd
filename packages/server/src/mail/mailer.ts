import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { err, ok, type Result } from '@hearth/core';
import type { Config } from '../config/env.ts';

/** One message as the features compose it; the mailer adds From and encodes it. */
export type OutgoingMail = {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /**
   * Extra headers sent exactly as given (e.g. List-Unsubscribe): nodemailer would
   * otherwise re-encode or fold them, and mail providers read these literally.
   */
  readonly headers?: Readonly<Record<string, string>>;
};

export type Sent = { readonly messageId: string; /** Where the outbox fallback wrote it. */ readonly file?: string };

export type Mailer = {
  /** `outbox` means nothing leaves the machine: callers print what the reader would need (a link). */
  readonly kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<Result<Sent, 'send_failed'>>;
  close(): void;
};

function headersOf(mail: OutgoingMail): Record<string, { prepared: boolean; value: string }> {
  const out: Record<string, { prepared: boolean; value: string }> = {};
  for (const [key, value] of Object.entries(mail.headers ?? {})) out[key] = { prepared: true, value };
  return out;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** SMTP when SMTP_URL is set; otherwise .eml files in DATA_DIR/outbox, so the quick start needs no mail server. */
export function createMailer(config: Config): Mailer {
  return config.smtpUrl === undefined ? outboxMailer(path.join(config.dataDir, 'outbox'), config.mailFrom) : smtpMailer(config.smtpUrl, config.mailFrom);
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: headersOf(mail) });
        return ok({ messageId: info.messageId });
      } catch (e) {
        return err('send_failed', `The mail server refused the message to ${mail.to}: ${describe(e)}`);
      }
    },
    close: () => transport.close(),
  };
}

export function outboxMailer(dir: string, from: string): Mailer {
  // buffer: true hands back the whole encoded message, exactly what an SMTP server would receive.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(mail) {
      try {
        const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: headersOf(mail) });
        const message = info.message;
        if (!Buffer.isBuffer(message)) return err('send_failed', 'The outbox transport did not produce a message.');
        await fs.mkdir(dir, { recursive: true });
        // Time first so `ls` lists them in the order they were sent.
        const file = path.join(dir, `${new Date().toISOString().replaceAll(':', '-')}-${randomUUID().slice(0, 8)}.eml`);
        await fs.writeFile(file, message);
        return ok({ messageId: info.messageId, file });
      } catch (e) {
        return err('send_failed', `Could not write the message to ${dir}: ${describe(e)}`);
      }
    },
    close: () => transport.close(),
  };
}
