import { randomUUID } from 'node:crypto';
import { toB64 } from '@hearth/core';
import { createInviteSecret, randomBytes } from '@hearth/core/crypto';

const b64 = (n: number): string => toB64(randomBytes(n));

/**
 * A minimal API client for seeding benchmark data. The server never checks key
 * material (it is opaque to it), so random bytes stand in for real sealed bodies
 * of realistic sizes.
 */
export class BenchClient {
  cookie = '';
  /** With `TRUST_PROXY=1` on the server, each client can come from its own address (as real couples do), so per-address sign-up limits do not stop a seed. */
  constructor(
    private readonly base: string,
    private readonly ip?: string,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'X-Hearth-CSRF': '1' };
    if (this.cookie) headers['Cookie'] = this.cookie;
    if (this.ip !== undefined) headers['X-Forwarded-For'] = this.ip;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of res.headers.getSetCookie()) this.cookie = line.split(';')[0] ?? '';
    const text = await res.text();
    // The embedded engine's queue said "busy" before doing anything: come back as the app would.
    if (res.status === 503) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * (Number(res.headers.get('Retry-After')) || 1)));
      return this.call(method, path, body);
    }
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }

  async signUp(label: string): Promise<void> {
    await this.call('POST', '/api/auth/signup', {
      email: `${label}-${randomUUID().slice(0, 8)}@example.test`,
      salt: b64(16),
      authKey: b64(32),
      recoveryAuthKey: b64(32),
      publicKey: b64(32),
      keysByPassword: b64(80),
      keysByRecovery: b64(80),
      profile: b64(60),
      timeZone: 'Europe/Berlin',
    });
  }

  async item(kind: string, opts: { visibility?: 'shared' | 'private'; remindAt?: Date | null; bytes?: number } = {}): Promise<void> {
    await this.call('POST', '/api/items', {
      id: randomUUID(),
      kind,
      visibility: opts.visibility ?? 'shared',
      parentId: null,
      remindAt: opts.remindAt?.toISOString() ?? null,
      body: b64(opts.bytes ?? 400),
    });
  }
}

/** Two partners in one space, as the app makes them: A creates it and invites, B accepts. */
export async function makeCouple(base: string, label: string, ip?: string): Promise<{ a: BenchClient; b: BenchClient }> {
  const a = new BenchClient(base, ip);
  const b = new BenchClient(base, ip);
  await a.signUp(`${label}-a`);
  await b.signUp(`${label}-b`);
  await a.call('POST', '/api/spaces', { spaceId: randomUUID(), wrappedSpaceKey: b64(80), profile: b64(60) });
  const secret = createInviteSecret();
  const inviteId = randomUUID();
  await a.call('POST', '/api/space/invites', { inviteId, sealedPayload: b64(120), proofHash: toB64(secret.proofHash) });
  await b.call('POST', `/api/invites/${inviteId}/accept`, { proof: toB64(secret.proof), wrappedSpaceKey: b64(80), profile: b64(60) });
  return { a, b };
}
