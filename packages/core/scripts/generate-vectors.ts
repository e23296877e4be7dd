/**
 * Writes test-vectors.json: fixed inputs and the bytes Hearth's protocol produced
 * for them. Run once when the format changes on purpose (`npx tsx
 * packages/core/scripts/generate-vectors.ts`), never to make a failing test pass:
 * existing vectors stand for data already stored on servers.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hexToBytes, bytesToHex } from '@noble/hashes/utils.js';
import { createRecoveryKey, deriveRoot, fakeSalt, generateKeyBundle, inviteMaterialFromSecret, sealInvitePayload, splitRoot, wrapKeyBundle, wrapSpaceKey, sealJson, seal, associatedData } from '../src/crypto/index.ts';

const password = 'a quiet walk after dinner';
const salt = hexToBytes('000102030405060708090a0b0c0d0e0f');
const root = await deriveRoot(password, salt);
const { authKey, masterKey } = splitRoot(root);
const bundle = generateKeyBundle();
const recovery = createRecoveryKey();
const spaceKey = hexToBytes('a0'.repeat(32));
const spaceId = '6f1c2a38-51f8-4c4b-9d0e-2b7a4e1f0c11';
const itemId = '0c3e9b54-7f2d-4a61-8e35-91d2c6b7a840';
const inviteId = '3b8f1e2d-9c47-4a05-b6e3-7d1a2c9e5f60';
const invite = inviteMaterialFromSecret('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8');
if (!invite.ok) throw new Error(invite.message);
const nonce = hexToBytes('11'.repeat(24));

const vectors = {
  argon2id: { password, salt: bytesToHex(salt), root: bytesToHex(root) },
  splitRoot: { root: bytesToHex(root), authKey: bytesToHex(authKey), masterKey: bytesToHex(masterKey) },
  associatedData: { purpose: 'item', fields: [spaceId, itemId, 'note', 'shared'], bytes: bytesToHex(associatedData('item', [spaceId, itemId, 'note', 'shared'])) },
  fixedNonceSeal: {
    key: bytesToHex(spaceKey),
    nonce: bytesToHex(nonce),
    plaintext: 'We agreed: phones away at dinner.',
    ad: bytesToHex(associatedData('item', [spaceId, itemId, 'note', 'shared'])),
    sealed: bytesToHex(seal(spaceKey, new TextEncoder().encode('We agreed: phones away at dinner.'), associatedData('item', [spaceId, itemId, 'note', 'shared']), nonce)),
  },
  keyBundle: {
    masterKey: bytesToHex(masterKey),
    secretKey: bytesToHex(bundle.secretKey),
    publicKey: bytesToHex(bundle.publicKey),
    personalKey: bytesToHex(bundle.personalKey),
    wrappedByPassword: bytesToHex(wrapKeyBundle(bundle, masterKey, 'password')),
    recoveryWords: recovery.words.join(' '),
    recoveryWrapKey: bytesToHex(recovery.wrapKey),
    recoveryAuthKey: bytesToHex(recovery.authKey),
    wrappedByRecovery: bytesToHex(wrapKeyBundle(bundle, recovery.wrapKey, 'recovery')),
  },
  spaceKey: { spaceId, spaceKey: bytesToHex(spaceKey), wrapped: bytesToHex(wrapSpaceKey(spaceKey, bundle.publicKey, spaceId)) },
  item: {
    spaceId,
    itemId,
    kind: 'note',
    visibility: 'shared',
    body: { text: 'Thank you for the coffee this morning.' },
    sealed: bytesToHex(sealJson({ text: 'Thank you for the coffee this morning.' }, spaceKey, { type: 'item', spaceId, itemId, kind: 'note', visibility: 'shared' })),
  },
  invite: {
    secret: invite.value.secret,
    key: bytesToHex(invite.value.key),
    proof: bytesToHex(invite.value.proof),
    proofHash: bytesToHex(invite.value.proofHash),
    inviteId,
    spaceId,
    inviterName: 'Alex',
    sealedPayload: bytesToHex(sealInvitePayload({ spaceKey, inviterName: 'Alex' }, invite.value, { inviteId, spaceId })),
  },
  fakeSalt: { serverSecret: '42'.repeat(32), email: 'nobody@example.com', salt: bytesToHex(fakeSalt(hexToBytes('42'.repeat(32)), 'nobody@example.com')) },
};

writeFileSync(fileURLToPath(new URL('../src/crypto/test-vectors.json', import.meta.url)), JSON.stringify(vectors, null, 2) + '\n');
console.log('wrote test-vectors.json');
