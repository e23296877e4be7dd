import { x25519 } from './x25519.ts';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { base64urlnopad } from '@scure/base';
import { concatBytes, utf8ToBytes } from '../bytes.ts';
import { err, ok, type Result } from '../result.ts';
import { associatedData, FORMAT_VERSION, open, seal, type DecryptError } from './envelope.ts';
import { deriveKey, KEY_BYTES } from './kdf.ts';
import type { KeyBundle } from './keys.ts';

export const generateSpaceKey = (): Uint8Array => randomBytes(KEY_BYTES);

/**
 * The space key sealed to one member's X25519 public key (an ephemeral-static box),
 * so the other partner's device can re-admit someone who lost every secret by
 * sealing the key to their new public key.
 * Layout: version ‖ ephemeralPublicKey ‖ envelope(seal).
 */
function boxKey(shared: Uint8Array, ephemeralPk: Uint8Array, recipientPk: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeralPk, recipientPk), utf8ToBytes('hearth/box'), KEY_BYTES);
}

const spaceKeyAd = (spaceId: string) => associatedData('space-key', [spaceId]);

export function wrapSpaceKey(spaceKey: Uint8Array, recipientPublicKey: Uint8Array, spaceId: string): Uint8Array {
  const ephemeralSk = x25519.utils.randomSecretKey();
  const ephemeralPk = x25519.getPublicKey(ephemeralSk);
  const key = boxKey(x25519.getSharedSecret(ephemeralSk, recipientPublicKey), ephemeralPk, recipientPublicKey);
  return concatBytes(Uint8Array.of(FORMAT_VERSION), ephemeralPk, seal(key, spaceKey, spaceKeyAd(spaceId)));
}

export function unwrapSpaceKey(
  wrapped: Uint8Array,
  keys: Pick<KeyBundle, 'secretKey' | 'publicKey'>,
  spaceId: string,
): Result<Uint8Array, DecryptError> {
  if (wrapped.length < 1 + KEY_BYTES) return err('malformed', 'Wrapped space key is too short.');
  if (wrapped[0] !== FORMAT_VERSION) return err('unsupported_version', 'Wrapped space key has an unknown version.');
  const ephemeralPk = wrapped.subarray(1, 1 + KEY_BYTES);
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(keys.secretKey, ephemeralPk);
  } catch {
    return err('malformed', 'Wrapped space key carries an invalid public key.');
  }
  const opened = open(boxKey(shared, ephemeralPk, keys.publicKey), wrapped.subarray(1 + KEY_BYTES), spaceKeyAd(spaceId));
  if (opened.ok && opened.value.length !== KEY_BYTES) return err('malformed', 'Space key has the wrong length.');
  return opened;
}

/**
 * Invitation: `/join/<inviteId>#<secret>`. The fragment never reaches the server.
 * From the secret come a key that seals {space key, inviter's name} and a proof the
 * joiner shows; the server stores only the sealed payload and SHA-256(proof).
 */
export type InviteMaterial = {
  readonly secret: string;
  readonly key: Uint8Array;
  readonly proof: Uint8Array;
  readonly proofHash: Uint8Array;
};

export const hashProof = (proof: Uint8Array): Uint8Array => sha256(proof);

function materialFromBytes(secretBytes: Uint8Array): InviteMaterial {
  const proof = deriveKey(secretBytes, 'hearth/invite/proof');
  return {
    secret: base64urlnopad.encode(secretBytes),
    key: deriveKey(secretBytes, 'hearth/invite/key'),
    proof,
    proofHash: hashProof(proof),
  };
}

export const createInviteSecret = (): InviteMaterial => materialFromBytes(randomBytes(KEY_BYTES));

export function inviteMaterialFromSecret(secret: string): Result<InviteMaterial, 'invalid_invite_secret'> {
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(secret.trim());
  } catch {
    return err('invalid_invite_secret', 'The invitation link is incomplete. Ask your partner to send it again.');
  }
  if (bytes.length !== KEY_BYTES) {
    return err('invalid_invite_secret', 'The invitation link is incomplete. Ask your partner to send it again.');
  }
  return ok(materialFromBytes(bytes));
}
