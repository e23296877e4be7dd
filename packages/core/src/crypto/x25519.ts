import { montgomery } from '@noble/curves/abstract/montgomery.js';
import { pow } from '@noble/curves/abstract/modular.js';

/** Curve25519's field prime, 2^255 − 19 (RFC 7748 §4.1). */
const P = 2n ** 255n - 19n;

/**
 * X25519 (RFC 7748) from noble's Montgomery ladder alone. noble's ready-made `x25519`
 * speeds up key generation with the Edwards curve's tables, which pulls the whole of
 * ed25519 (~5 KB gzipped) into Today's download; Hearth makes a key pair a handful of
 * times per account, so the plain ladder is plenty (decision 0054). Tested against the
 * RFC's vectors and against noble's own x25519.
 */
export const x25519 = montgomery({
  P,
  type: 'x25519',
  // Field inversion by Fermat: x^(p−2). The exponent is public, so the square-and-multiply walk does not depend on secrets.
  powPminus2: (x) => pow(x, P - 2n, P),
  // RFC 7748 §5 "decodeScalar25519": clear the three low bits and the top bit, set bit 254.
  adjustScalarBytes: (bytes: Uint8Array) => {
    bytes[0] = (bytes[0] ?? 0) & 248;
    bytes[31] = ((bytes[31] ?? 0) & 127) | 64;
    return bytes;
  },
});
