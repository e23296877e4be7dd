import { createECDH, createPublicKey, hkdfSync, randomBytes, createDecipheriv, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A push service in-process, as a browser vendor runs one: it checks the VAPID JWT
 * (RFC 8292, ES256) and decrypts the body (RFC 8291, aes128gcm) the way a browser does,
 * with its own code on node:crypto (ECDH P-256, HKDF, AES-128-GCM) and nothing from
 * web-push, so a passing test means a real browser could read what Hearth sends.
 */

export type FakeDevice = {
  readonly name: string;
  readonly endpoint: string;
  /** What `PushSubscription.toJSON().keys` gives: the device's public key and auth secret, base64url. */
  readonly keys: { readonly p256dh: string; readonly auth: string };
  /** The status the service answers for this device (201 delivered, 404/410 gone, 5xx trouble). */
  status: number;
};

export type ReceivedPush = {
  readonly device: string;
  readonly topic: string | null;
  readonly ttl: string | null;
  readonly urgency: string | null;
  /** The decrypted body, as the service worker's `event.data.text()` would see it. */
  readonly text: string;
  readonly jwt: { readonly aud: string; readonly exp: number; readonly sub: string };
  /** The VAPID public key the push was signed with (`k=`), base64url. */
  readonly vapidKey: string;
};

type Secrets = { ecdh: ReturnType<typeof createECDH>; auth: Buffer };

export type FakePushService = {
  readonly origin: string;
  addDevice(name: string, status?: number): FakeDevice;
  readonly received: ReceivedPush[];
  /** Requests refused (bad JWT, undecryptable), with why: a test expects this to stay empty. */
  readonly rejected: string[];
  close(): Promise<void>;
};

const b64u = (b: Buffer | Uint8Array) => Buffer.from(b).toString('base64url');

function hkdf(ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

/** RFC 8291 §3.4 + RFC 8188: one aes128gcm record, decrypted with the device's private key. */
export function decryptAes128gcm(body: Buffer, secrets: Secrets): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20] ?? 0;
  const senderPublic = body.subarray(21, 21 + idlen);
  const records = body.subarray(21 + idlen);
  if (idlen !== 65) throw new Error(`keyid must be the sender's 65-byte public key, got ${idlen}`);
  if (records.length > rs) throw new Error('more than one record: Hearth payloads must fit in one');
  const devicePublic = secrets.ecdh.getPublicKey();
  const ecdhSecret = secrets.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), devicePublic, senderPublic]);
  const ikm = hkdf(ecdhSecret, secrets.auth, keyInfo, 32);
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 followed by any number of zero bytes.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('missing last-record padding delimiter');
  return padded.subarray(0, end).toString('utf8');
}

/** RFC 8292: `Authorization: vapid t=<JWT>, k=<public key>`, ES256 over header.payload. */
export function verifyVapid(header: string | undefined, audience: string): { jwt: ReceivedPush['jwt']; key: string } {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? '');
  if (m === null || m[1] === undefined || m[2] === undefined) throw new Error(`bad Authorization header: ${header ?? '(none)'}`);
  const [h, p, s] = m[1].split('.');
  if (h === undefined || p === undefined || s === undefined) throw new Error('bad JWT');
  const head: unknown = JSON.parse(Buffer.from(h, 'base64url').toString());
  if (typeof head !== 'object' || head === null || !('alg' in head) || head.alg !== 'ES256') throw new Error('JWT is not ES256');
  const point = Buffer.from(m[2], 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) }, format: 'jwk' });
  const ok = verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'));
  if (!ok) throw new Error('JWT signature does not verify');
  const claims: unknown = JSON.parse(Buffer.from(p, 'base64url').toString());
  if (typeof claims !== 'object' || claims === null || !('aud' in claims) || !('exp' in claims) || !('sub' in claims)) throw new Error('JWT claims missing');
  const { aud, exp, sub } = claims;
  if (typeof aud !== 'string' || typeof exp !== 'number' || typeof sub !== 'string') throw new Error('JWT claims of the wrong type');
  if (aud !== audience) throw new Error(`JWT aud ${aud} is not ${audience}`);
  const now = Date.now() / 1000;
  if (exp <= now || exp > now + 24 * 3600) throw new Error('JWT exp must be within 24 hours (RFC 8292 §2)');
  return { jwt: { aud, exp, sub }, key: m[2] };
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `delayMs`: how long each answer takes, like a real service over the network (so work is in flight when a worker dies). */
export async function startFakePushService(options: { delayMs?: number } = {}): Promise<FakePushService> {
  const devices = new Map<string, { device: FakeDevice; secrets: Secrets }>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      if (options.delayMs !== undefined) await new Promise((r) => setTimeout(r, options.delayMs));
      const name = decodeURIComponent((req.url ?? '').replace(/^\/push\//, ''));
      const entry = devices.get(name);
      if (req.method !== 'POST' || entry === undefined) {
        res.writeHead(404).end();
        return;
      }
      try {
        const { jwt, key } = verifyVapid(req.headers.authorization, origin);
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('Content-Encoding must be aes128gcm');
        const text = decryptAes128gcm(body, entry.secrets);
        if (entry.device.status >= 200 && entry.device.status < 300) {
          const header = (n: string) => {
            const v = req.headers[n];
            return typeof v === 'string' ? v : null;
          };
          received.push({ device: name, topic: header('topic'), ttl: header('ttl'), urgency: header('urgency'), text, jwt, vapidKey: key });
        }
        res.writeHead(entry.device.status).end();
      } catch (e) {
        rejected.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
        res.writeHead(400).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake push service has no TCP port');
  const { port } = address;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    received,
    rejected,
    addDevice(name, status = 201) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const device: FakeDevice = { name, endpoint: `${origin}/push/${encodeURIComponent(name)}`, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) }, status };
      devices.set(name, { device, secrets: { ecdh, auth } });
      return device;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
