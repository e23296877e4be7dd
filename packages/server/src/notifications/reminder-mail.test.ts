import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userView } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { smtpMailer } from '../mail/mailer.ts';
import { startTestSmtp } from '../mail/test-smtp.ts';
import { b64, engines, makeCouple, makeTestApp, type Account, type TestApp } from '../test/harness.ts';
import { dispatchDueReminders } from './dispatch.ts';
import { sendReminderEmails } from './reminder-mail.ts';

/** The weekly reminder by email: only for whoever opted in, once, in words that name nothing. */

const MINUTE = 60_000;
const userResponse = z.object({ user: userView });

describe.each(engines)('weekly reminder emails on $name', (engine) => {
  let database: Database;
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
    await database.close();
  });

  const remind = async (who: Account, kind: string) => {
    const res = await who.agent.post('/api/items', {
      id: randomUUID(),
      kind,
      visibility: 'private',
      parentId: null,
      remindAt: new Date(t.clock.now().getTime() + 5 * MINUTE).toISOString(),
      body: b64(80),
    });
    expect(res.status).toBe(201);
  };

  it('emails the weekly reminder once to the partner who opted in, and not the other', async () => {
    const { a, b } = await makeCouple(t, 'mail');
    const res = await a.agent.patch('/api/me/settings', { reminderEmail: true });
    expect(userResponse.parse(res.body).user.reminderEmail).toBe(true);
    await remind(a, 'programme-reminder');
    await remind(b, 'programme-reminder');
    // A daily reminder is never emailed, even to someone who opted in.
    await remind(a, 'daily-question-reminder');
    const mailer = smtpMailer(smtp.url, 'Hearth <hearth@example.test>');
    const deps = { db: database.db, mailer, origin: 'https://hearth.example' };
    const before = smtp.inbox.length;

    expect(await sendReminderEmails(deps, t.clock.now())).toBe(0);
    t.clock.advance(6 * MINUTE);
    await dispatchDueReminders(database.db, t.clock.now());
    const [x, y] = await Promise.all([sendReminderEmails(deps, t.clock.now()), sendReminderEmails(deps, t.clock.now())]);
    expect(x + y).toBe(1);
    expect(await sendReminderEmails(deps, t.clock.now())).toBe(0);
    const got = smtp.inbox.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]?.to).toEqual([a.email]);
    expect(got[0]?.mail.subject).toBe('Your week in Hearth is ready');
    expect(got[0]?.mail.text).toContain('https://hearth.example/app/');
    expect(got[0]?.raw.toLowerCase()).not.toContain('reconnect');
    mailer.close();
  });

  it('gives the claim back when the mail server refuses, and sends at the next poll', async () => {
    const { a } = await makeCouple(t, 'mail-retry');
    expect((await a.agent.patch('/api/me/settings', { reminderEmail: true })).status).toBe(200);
    await remind(a, 'programme-reminder');
    t.clock.advance(6 * MINUTE);
    await dispatchDueReminders(database.db, t.clock.now());
    const down = smtpMailer('smtp://127.0.0.1:9', 'Hearth <hearth@example.test>');
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      expect(await sendReminderEmails({ db: database.db, mailer: down, origin: 'https://hearth.example' }, t.clock.now())).toBe(0);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).toContain('tried again');
    const before = smtp.inbox.length;
    const up = smtpMailer(smtp.url, 'Hearth <hearth@example.test>');
    expect(await sendReminderEmails({ db: database.db, mailer: up, origin: 'https://hearth.example' }, t.clock.now())).toBe(1);
    expect(smtp.inbox.slice(before).map((m) => m.to)).toEqual([[a.email]]);
    up.close();
    down.close();
  });
});
