import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { argon2id as nobleArgon2id } from '@noble/hashes/argon2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { x25519 } from './x25519.ts';
import { utf8ToBytes } from '../bytes.ts';
import { noteBody } from '../items/kinds.ts';
import rawVectors from './test-vectors.json';
import {
  ARGON2_PARAMS,
  associatedData,
  deriveKey,
  deriveRoot,
  fakeSalt,
  inviteMaterialFromSecret,
  open,
  openInvitePayload,
  openJson,
  recoveryKeyFromWords,
  seal,
  splitRoot,
  unwrapKeyBundle,
  unwrapSpaceKey,
} from './index.ts';

const hex = z.string().regex(/^[0-9a-f]*$/);
const vectorsSchema = z.object({
  argon2id: z.object({ password: z.string(), salt: hex, root: hex }),
  splitRoot: z.object({ root: hex, authKey: hex, masterKey: hex }),
  associatedData: z.object({ purpose: z.string(), fields: z.array(z.string()), bytes: hex }),
  fixedNonceSeal: z.object({ key: hex, nonce: hex, plaintext: z.string(), ad: hex, sealed: hex }),
  keyBundle: z.object({
    masterKey: hex,
    secretKey: hex,
    publicKey: hex,
    personalKey: hex,
    wrappedByPassword: hex,
    recoveryWords: z.string(),
    recoveryWrapKey: hex,
    recoveryAuthKey: hex,
    wrappedByRecovery: hex,
  }),
  spaceKey: z.object({ spaceId: z.string(), spaceKey: hex, wrapped: hex }),
  item: z.object({
    spaceId: z.string(),
    itemId: z.string(),
    kind: z.string(),
    visibility: z.enum(['shared', 'private']),
    body: noteBody,
    sealed: hex,
  }),
  invite: z.object({
    secret: z.string(),
    key: hex,
    proof: hex,
    proofHash: hex,
    inviteId: z.string(),
    spaceId: z.string(),
    inviterName: z.string(),
    sealedPayload: hex,
  }),
  fakeSalt: z.object({ serverSecret: hex, email: z.string(), salt: hex }),
});
const v = vectorsSchema.parse(rawVectors);
const h = hexToBytes;

describe('published test vectors for the primitives we rely on', () => {
  it('HKDF-SHA-256 matches RFC 5869 test case 3 (empty salt and info)', () => {
    const okm = deriveKey(h('0b'.repeat(22)), '', 42);
    expect(bytesToHex(okm)).toBe('8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
  });

  it('XChaCha20-Poly1305 matches draft-irtf-cfrg-xchacha-03 §A.3.1', () => {
    const key = h('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
    const nonce = h('404142434445464748494a4b4c4d4e4f5051525354555657');
    const ad = h('50515253c0c1c2c3c4c5c6c7');
    const pt = utf8ToBytes(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const sealed = seal(key, pt, ad, nonce);
    expect(bytesToHex(sealed.subarray(25))).toBe(
      'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e' +
        'c0875924c1c7987947deafd8780acf49',
    );
  });

  it('X25519 matches RFC 7748 §6.1', () => {
    const alice = h('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const bobPublic = h('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    expect(bytesToHex(x25519.getPublicKey(alice))).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(bytesToHex(x25519.getSharedSecret(alice, bobPublic))).toBe(
      '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
    );
  });
});

describe('Hearth protocol vectors (data already stored must stay readable)', () => {
  it('derives the same root with hash-wasm and an independent Argon2id implementation', async () => {
    const root = await deriveRoot(v.argon2id.password, h(v.argon2id.salt));
    expect(bytesToHex(root)).toBe(v.argon2id.root);
    const independent = nobleArgon2id(v.argon2id.password, h(v.argon2id.salt), {
      t: ARGON2_PARAMS.iterations,
      m: ARGON2_PARAMS.memoryKiB,
      p: ARGON2_PARAMS.parallelism,
      dkLen: 32,
    });
    expect(bytesToHex(independent)).toBe(v.argon2id.root);
    // The pure-JS reference takes seconds at 64 MiB, more on a busy 2-core CI machine.
  }, 60_000);

  it('splits the root into the recorded auth and master keys', () => {
    const { authKey, masterKey } = splitRoot(h(v.splitRoot.root));
    expect(bytesToHex(authKey)).toBe(v.splitRoot.authKey);
    expect(bytesToHex(masterKey)).toBe(v.splitRoot.masterKey);
    expect(v.splitRoot.authKey).not.toBe(v.splitRoot.masterKey);
  });

  it('encodes associated data and seals with a fixed nonce to the recorded bytes', () => {
    expect(bytesToHex(associatedData(v.associatedData.purpose, v.associatedData.fields))).toBe(v.associatedData.bytes);
    const s = v.fixedNonceSeal;
    expect(bytesToHex(seal(h(s.key), utf8ToBytes(s.plaintext), h(s.ad), h(s.nonce)))).toBe(s.sealed);
    expect(s.sealed.startsWith('01')).toBe(true);
  });

  it('opens the recorded key bundle with the master key and with the recovery words', () => {
    const b = v.keyBundle;
    const byPassword = unwrapKeyBundle(h(b.wrappedByPassword), h(b.masterKey), 'password');
    expect(byPassword.ok && bytesToHex(byPassword.value.personalKey)).toBe(b.personalKey);
    expect(byPassword.ok && bytesToHex(byPassword.value.publicKey)).toBe(b.publicKey);
    const recovery = recoveryKeyFromWords(b.recoveryWords);
    expect(recovery.ok && bytesToHex(recovery.value.wrapKey)).toBe(b.recoveryWrapKey);
    expect(recovery.ok && bytesToHex(recovery.value.authKey)).toBe(b.recoveryAuthKey);
    if (!recovery.ok) return;
    const byRecovery = unwrapKeyBundle(h(b.wrappedByRecovery), recovery.value.wrapKey, 'recovery');
    expect(byRecovery.ok && bytesToHex(byRecovery.value.secretKey)).toBe(b.secretKey);
  });

  it('opens the recorded wrapped space key, and only for the recorded space', () => {
    const keys = { secretKey: h(v.keyBundle.secretKey), publicKey: h(v.keyBundle.publicKey) };
    const opened = unwrapSpaceKey(h(v.spaceKey.wrapped), keys, v.spaceKey.spaceId);
    expect(opened.ok && bytesToHex(opened.value)).toBe(v.spaceKey.spaceKey);
    expect(unwrapSpaceKey(h(v.spaceKey.wrapped), keys, v.item.itemId).ok).toBe(false);
  });

  it('opens the recorded sealed item body', () => {
    const i = v.item;
    const opened = openJson(h(i.sealed), h(v.spaceKey.spaceKey), { type: 'item', spaceId: i.spaceId, itemId: i.itemId, kind: i.kind, visibility: i.visibility }, noteBody);
    expect(opened.ok && opened.value).toEqual(i.body);
  });

  it('derives the recorded invite key and proof from the link secret and opens the payload', () => {
    const i = v.invite;
    const material = inviteMaterialFromSecret(i.secret);
    expect(material.ok).toBe(true);
    if (!material.ok) return;
    expect(bytesToHex(material.value.key)).toBe(i.key);
    expect(bytesToHex(material.value.proof)).toBe(i.proof);
    expect(bytesToHex(material.value.proofHash)).toBe(i.proofHash);
    const payload = openInvitePayload(h(i.sealedPayload), material.value, { inviteId: i.inviteId, spaceId: i.spaceId });
    expect(payload.ok && payload.value.inviterName).toBe(i.inviterName);
    expect(payload.ok && bytesToHex(payload.value.spaceKey)).toBe(v.spaceKey.spaceKey);
  });

  it('gives the recorded fake salt for an unknown email', () => {
    expect(bytesToHex(fakeSalt(h(v.fakeSalt.serverSecret), v.fakeSalt.email))).toBe(v.fakeSalt.salt);
  });

  it('refuses a sealed value whose version byte is unknown', () => {
    const s = h(v.fixedNonceSeal.sealed);
    s[0] = 2;
    const r = open(h(v.fixedNonceSeal.key), s, h(v.fixedNonceSeal.ad));
    expect(r.ok ? null : r.code).toBe('unsupported_version');
  });
});
