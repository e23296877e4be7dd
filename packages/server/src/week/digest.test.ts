import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userView } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { smtpMailer } from '../mail/mailer.ts';
import { startTestSmtp } from '../mail/test-smtp.ts';
import { b64, engines, makeCouple, makeTestApp, type Account, type TestApp } from '../test/harness.ts';
import { sendWeeklyDigests } from './digest.ts';

/**
 * The weekly email digest: opted-in people get one mail a week, on Monday morning
 * their time, with counts of last week's shared practice and nothing else.
 */

const userResponse = z.object({ user: userView });

describe.each(engines)('weekly digest on $name', (engine) => {
  let database: Database;
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;

  beforeAll(async () => {
    database = await engine.open();
    // Tuesday 15 January 2030, 12:00 UTC.
    t = makeTestApp(database.db);
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
    await database.close();
  });

  const add = async (who: Account, kind: string, visibility: 'shared' | 'private' = 'shared') => {
    const res = await who.agent.post('/api/items', { id: randomUUID(), kind, visibility, parentId: null, remindAt: null, body: b64(90) });
    expect(res.status).toBe(201);
  };
  const optIn = async (who: Account) => {
    const res = await who.agent.patch('/api/me/settings', { weeklyDigest: true });
    expect(res.status).toBe(200);
    expect(userResponse.parse(res.body).user.weeklyDigest).toBe(true);
  };

  it('mails an opted-in partner last week’s counts once, on Monday from 09:00 their time, and nobody else', async () => {
    const { a, b } = await makeCouple(t, 'digest');
    await optIn(a);
    await add(a, 'checkin');
    await add(b, 'checkin');
    await add(b, 'support-thanks');
    await add(a, 'private-record', 'private');
    const mailer = smtpMailer(smtp.url, 'Hearth <hearth@example.test>');
    const deps = { db: database.db, mailer, origin: 'https://hearth.example' };
    const before = smtp.inbox.length;

    // Monday 21 January, 08:59 in Berlin: not yet.
    expect(await sendWeeklyDigests(deps, new Date('2030-01-21T07:59:00Z'))).toBe(0);
    // 09:00 there, with two workers polling at once: one mail.
    const at = new Date('2030-01-21T08:00:00Z');
    const [x, y] = await Promise.all([sendWeeklyDigests(deps, at), sendWeeklyDigests(deps, at)]);
    expect(x + y).toBe(1);
    expect(await sendWeeklyDigests(deps, new Date('2030-01-21T09:00:00Z'))).toBe(0);

    const mine = smtp.inbox.slice(before).filter((m) => m.to.includes(a.email));
    expect(mine).toHaveLength(1);
    expect(smtp.inbox.slice(before).filter((m) => m.to.includes(b.email))).toHaveLength(0);
    const mail = mine[0]?.mail;
    expect(mail?.subject).toBe('Your week in Hearth');
    expect(mail?.text).toContain('2030-01-14 to 2030-01-20');
    expect(mail?.text).toContain('- 2 check-ins');
    expect(mail?.text).toContain('- 1 thank-you');
    expect(mail?.text).toContain('https://hearth.example/app/week');
    mailer.close();
  });

  it('tries again at the next poll when the mail server refuses, and stops when turned off', async () => {
    const { a } = await makeCouple(t, 'digest-retry');
    await optIn(a);
    const down = smtpMailer('smtp://127.0.0.1:9', 'Hearth <hearth@example.test>');
    const at = new Date('2030-01-21T10:00:00Z');
    expect(await sendWeeklyDigests({ db: database.db, mailer: down, origin: 'https://hearth.example' }, at)).toBe(0);
    const up = smtpMailer(smtp.url, 'Hearth <hearth@example.test>');
    const before = smtp.inbox.length;
    await sendWeeklyDigests({ db: database.db, mailer: up, origin: 'https://hearth.example' }, at);
    expect(smtp.inbox.slice(before).filter((m) => m.to.includes(a.email))).toHaveLength(1);

    expect((await a.agent.patch('/api/me/settings', { weeklyDigest: false })).status).toBe(200);
    const later = smtp.inbox.length;
    await sendWeeklyDigests({ db: database.db, mailer: up, origin: 'https://hearth.example' }, new Date('2030-01-28T10:00:00Z'));
    expect(smtp.inbox.slice(later).filter((m) => m.to.includes(a.email))).toHaveLength(0);
    up.close();
    down.close();
  });
});
