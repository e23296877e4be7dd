import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { x25519 as nobleX25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { x25519 } from './x25519.ts';

describe('x25519 (the Montgomery ladder alone)', () => {
  it('gives both sides of RFC 7748 §6.1 the same shared secret', () => {
    const alice = hexToBytes('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const bob = hexToBytes('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
    expect(bytesToHex(x25519.getPublicKey(bob))).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
    expect(bytesToHex(x25519.getSharedSecret(bob, x25519.getPublicKey(alice)))).toBe(shared);
    expect(bytesToHex(x25519.getSharedSecret(alice, x25519.getPublicKey(bob)))).toBe(shared);
  });

  it('passes RFC 7748 §5.2 iterated test after 1,000 rounds', () => {
    let k = hexToBytes('0900000000000000000000000000000000000000000000000000000000000000');
    let u = k;
    for (let i = 0; i < 1000; i++) {
      const next = x25519.scalarMult(k, u);
      u = k;
      k = next;
    }
    expect(bytesToHex(k)).toBe('684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51');
  });

  it('agrees with noble’s table-accelerated x25519 on any keys', () => {
    const key = fc.uint8Array({ minLength: 32, maxLength: 32 });
    fc.assert(
      fc.property(key, key, (a, b) => {
        const pub = bytesToHex(x25519.getPublicKey(a));
        expect(pub).toBe(bytesToHex(nobleX25519.getPublicKey(a)));
        expect(bytesToHex(x25519.getSharedSecret(a, x25519.getPublicKey(b)))).toBe(
          bytesToHex(nobleX25519.getSharedSecret(a, nobleX25519.getPublicKey(b))),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a low-order public key instead of agreeing on zero', () => {
    const zero = new Uint8Array(32);
    expect(() => x25519.getSharedSecret(x25519.utils.randomSecretKey(), zero)).toThrow();
  });
});
