import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { noteBody } from '../items/kinds.ts';
import {
  createInviteSecret,
  createRecoveryKey,
  deriveRoot,
  generateKeyBundle,
  generateSpaceKey,
  hashProof,
  inviteMaterialFromSecret,
  newSalt,
  openInvitePayload,
  openJson,
  profileBody,
  recoveryKeyFromWords,
  sealInvitePayload,
  sealJson,
  splitRoot,
  unwrapKeyBundle,
  unwrapSpaceKey,
  wrapKeyBundle,
  wrapSpaceKey,
  type KdfParams,
  type SealScope,
} from './index.ts';

// Round trips do not need the production cost; the vectors test covers the real parameters.
const FAST: KdfParams = { memoryKiB: 256, iterations: 1, parallelism: 1 };
const spaceId = '11111111-1111-4111-8111-111111111111';
const otherSpace = '22222222-2222-4222-8222-222222222222';
const itemId = '33333333-3333-4333-8333-333333333333';
const otherItem = '44444444-4444-4444-8444-444444444444';
const scope: SealScope = { type: 'item', spaceId, itemId, kind: 'note', visibility: 'shared' };

describe('account keys', () => {
  it('derives different auth and master keys, the same for the same password and salt', async () => {
    const salt = newSalt();
    const a = splitRoot(await deriveRoot('our song is still ours', salt, FAST));
    const b = splitRoot(await deriveRoot('our song is still ours', salt, FAST));
    const c = splitRoot(await deriveRoot('our song is still ours', newSalt(), FAST));
    expect(bytesToHex(a.authKey)).toBe(bytesToHex(b.authKey));
    expect(bytesToHex(a.authKey)).not.toBe(bytesToHex(a.masterKey));
    expect(bytesToHex(a.authKey)).not.toBe(bytesToHex(c.authKey));
  });

  it('wraps the key bundle so only the right key and purpose open it', () => {
    const bundle = generateKeyBundle();
    const master = generateSpaceKey();
    const wrapped = wrapKeyBundle(bundle, master, 'password');
    const opened = unwrapKeyBundle(wrapped, master, 'password');
    expect(opened.ok && bytesToHex(opened.value.personalKey)).toBe(bytesToHex(bundle.personalKey));
    expect(opened.ok && bytesToHex(opened.value.publicKey)).toBe(bytesToHex(bundle.publicKey));
    const wrongKey = unwrapKeyBundle(wrapped, generateSpaceKey(), 'password');
    expect(wrongKey.ok ? null : wrongKey.code).toBe('decrypt_failed');
    expect(unwrapKeyBundle(wrapped, master, 'recovery').ok).toBe(false);
  });

  it('recovers with the words and re-wraps under a new password; the old password no longer opens it', async () => {
    const bundle = generateKeyBundle();
    const oldMaster = splitRoot(await deriveRoot('first password here', newSalt(), FAST)).masterKey;
    const recovery = createRecoveryKey();
    expect(recovery.words).toHaveLength(12);
    const byRecovery = wrapKeyBundle(bundle, recovery.wrapKey, 'recovery');

    const typed = recoveryKeyFromWords(`  ${recovery.words.slice(0, 6).join(' ')}\n${recovery.words.slice(6).join(', ').toUpperCase()} `);
    expect(typed.ok).toBe(true);
    if (!typed.ok) return;
    expect(bytesToHex(typed.value.authKey)).toBe(bytesToHex(recovery.authKey));
    const opened = unwrapKeyBundle(byRecovery, typed.value.wrapKey, 'recovery');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;

    const newMaster = splitRoot(await deriveRoot('a brand new password', newSalt(), FAST)).masterKey;
    const rewrapped = wrapKeyBundle(opened.value, newMaster, 'password');
    const again = unwrapKeyBundle(rewrapped, newMaster, 'password');
    expect(again.ok && bytesToHex(again.value.personalKey)).toBe(bytesToHex(bundle.personalKey));
    expect(unwrapKeyBundle(rewrapped, oldMaster, 'password').ok).toBe(false);
  });

  it('rejects recovery words with a typo or in the wrong order', () => {
    const { words } = createRecoveryKey();
    const swapped = [...words];
    [swapped[0], swapped[1]] = [swapped[1] ?? '', swapped[0] ?? ''];
    const typo = [...words.slice(0, 11), 'notaword'];
    for (const attempt of [typo, words.slice(0, 11)]) {
      const r = recoveryKeyFromWords(attempt.join(' '));
      expect(r.ok ? null : r.code).toBe('invalid_recovery_words');
    }
    // A swap usually breaks the checksum; when it does not, it must at least give a different key.
    const r = recoveryKeyFromWords(swapped.join(' '));
    const original = recoveryKeyFromWords(words.join(' '));
    if (r.ok && original.ok && words[0] !== words[1]) {
      expect(bytesToHex(r.value.wrapKey)).not.toBe(bytesToHex(original.value.wrapKey));
    }
  });
});

describe('space key', () => {
  it('is sealed to one member and opens only with their secret key and for that space', () => {
    const alex = generateKeyBundle();
    const sam = generateKeyBundle();
    const key = generateSpaceKey();
    const wrapped = wrapSpaceKey(key, alex.publicKey, spaceId);
    const opened = unwrapSpaceKey(wrapped, alex, spaceId);
    expect(opened.ok && bytesToHex(opened.value)).toBe(bytesToHex(key));
    expect(unwrapSpaceKey(wrapped, sam, spaceId).ok).toBe(false);
    expect(unwrapSpaceKey(wrapped, alex, otherSpace).ok).toBe(false);
    // Two wraps of the same key look unrelated (fresh ephemeral key each time).
    expect(bytesToHex(wrapSpaceKey(key, alex.publicKey, spaceId))).not.toBe(bytesToHex(wrapped));
  });
});

describe('sealed items', () => {
  const key = generateSpaceKey();
  const body = { text: 'I felt close to you on the walk.' };

  it('round-trips a body and validates its shape', () => {
    const sealed = sealJson(body, key, scope);
    const opened = openJson(sealed, key, scope, noteBody);
    expect(opened.ok && opened.value).toEqual(body);
    expect(sealed[0]).toBe(1);
  });

  it('fails to open a tampered body, under a wrong key, or moved to another item, space, kind or visibility', () => {
    const sealed = sealJson(body, key, scope);
    const tampered = sealed.slice();
    const last = tampered.length - 1;
    tampered[last] = (tampered[last] ?? 0) ^ 1;
    const attempts: Array<[Uint8Array, Uint8Array, SealScope]> = [
      [tampered, key, scope],
      [sealed, generateSpaceKey(), scope],
      [sealed, key, { ...scope, itemId: otherItem }],
      [sealed, key, { ...scope, spaceId: otherSpace }],
      [sealed, key, { ...scope, kind: 'checkin' }],
      [sealed, key, { ...scope, visibility: 'private' }],
      [sealed, key, { type: 'member-profile', spaceId, userId: itemId }],
    ];
    for (const [bytes, k, s] of attempts) {
      const r = openJson(bytes, k, s, noteBody);
      expect(r.ok ? null : r.code).toBe('decrypt_failed');
    }
  });

  it('binds the parent: a reply cannot be moved under another item or out of its thread', () => {
    const threaded: SealScope = { ...scope, parentId: otherItem };
    const sealed = sealJson(body, key, threaded);
    expect(openJson(sealed, key, threaded, noteBody).ok).toBe(true);
    expect(openJson(sealed, key, { ...threaded, parentId: otherSpace }, noteBody).ok).toBe(false);
    expect(openJson(sealed, key, scope, noteBody).ok).toBe(false);
    // An item without a parent seals exactly as before threads existed.
    const plain = sealJson(body, key, scope);
    expect(openJson(plain, key, { ...scope, parentId: null }, noteBody).ok).toBe(true);
  });

  it('flags a body that decrypts but has the wrong shape instead of returning it', () => {
    const sealed = sealJson({ text: 42 }, key, scope);
    const r = openJson(sealed, key, scope, noteBody);
    expect(r.ok ? null : r.code).toBe('invalid_body');
  });

  it('reports a truncated body as malformed', () => {
    const r = openJson(new Uint8Array([1, 2, 3]), key, scope, noteBody);
    expect(r.ok ? null : r.code).toBe('malformed');
  });

  it('seals profiles so they open only for the member and space they were made for', () => {
    const sealed = sealJson({ displayName: 'Sam' }, key, { type: 'member-profile', spaceId, userId: itemId });
    expect(openJson(sealed, key, { type: 'member-profile', spaceId, userId: itemId }, profileBody).ok).toBe(true);
    expect(openJson(sealed, key, { type: 'member-profile', spaceId, userId: otherItem }, profileBody).ok).toBe(false);
  });
});

describe('invitation secret flow', () => {
  const inviteId = '55555555-5555-4555-8555-555555555555';

  it('lets the joiner derive the same proof and open the space key from the link fragment alone', () => {
    const spaceKey = generateSpaceKey();
    const created = createInviteSecret();
    const sealed = sealInvitePayload({ spaceKey, inviterName: 'Alex' }, created, { inviteId, spaceId });
    const link = `https://hearth.example/join/${inviteId}#${created.secret}`;

    const fragment = new URL(link).hash.slice(1);
    const joiner = inviteMaterialFromSecret(fragment);
    expect(joiner.ok).toBe(true);
    if (!joiner.ok) return;
    // The server compares only hashes of the proof.
    expect(bytesToHex(hashProof(joiner.value.proof))).toBe(bytesToHex(created.proofHash));
    const payload = openInvitePayload(sealed, joiner.value, { inviteId, spaceId });
    expect(payload.ok && payload.value.inviterName).toBe('Alex');
    expect(payload.ok && bytesToHex(payload.value.spaceKey)).toBe(bytesToHex(spaceKey));
  });

  it('does not open with another link secret or for another invite id', () => {
    const created = createInviteSecret();
    const sealed = sealInvitePayload({ spaceKey: generateSpaceKey(), inviterName: 'Alex' }, created, { inviteId, spaceId });
    expect(openInvitePayload(sealed, createInviteSecret(), { inviteId, spaceId }).ok).toBe(false);
    expect(openInvitePayload(sealed, created, { inviteId: itemId, spaceId }).ok).toBe(false);
  });

  it('rejects a truncated or garbled fragment with a clear code', () => {
    const { secret } = createInviteSecret();
    for (const bad of [secret.slice(0, 20), 'not base64 !!', '']) {
      const r = inviteMaterialFromSecret(bad);
      expect(r.ok ? null : r.code).toBe('invalid_invite_secret');
    }
  });
});
