import { z } from 'zod/mini';
import { b64Bytes, uuid } from './common.ts';
import { deviceLabel } from './push.ts';

// Trusted devices (decision 0053): unlocking a device without the password.

/** Base64url text as WebAuthn's JSON uses it (ids, client data, signatures), bounded. */
const webauthnText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/, 'must be base64url'));

/** What a browser's navigator.credentials.create() gives, as JSON (only what the server verifies). */
export const passkeyRegistration = z.object({
  id: webauthnText(1400),
  rawId: webauthnText(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: webauthnText(4096),
    attestationObject: webauthnText(16_384),
    transports: z.optional(z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).check(z.maxLength(8))),
  }),
  clientExtensionResults: z.object({}),
  authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'])),
});
export type PasskeyRegistration = z.infer<typeof passkeyRegistration>;

/** What navigator.credentials.get() gives, as JSON. The PRF output is never part of it: it stays on the device. */
export const passkeyAssertion = z.object({
  id: webauthnText(1400),
  rawId: webauthnText(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: webauthnText(4096),
    authenticatorData: webauthnText(4096),
    signature: webauthnText(2048),
    userHandle: z.optional(webauthnText(128)),
  }),
  clientExtensionResults: z.object({}),
  authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'])),
});
export type PasskeyAssertion = z.infer<typeof passkeyAssertion>;

export const addPinDeviceRequest = z.strictObject({ id: uuid, label: deviceLabel, pinVerifier: b64Bytes(32) });
export const addPasskeyDeviceRequest = z.strictObject({ id: uuid, label: deviceLabel, registration: passkeyRegistration });
export const unlockWithPinRequest = z.object({ pinProof: b64Bytes(32) });
export const unlockWithPasskeyRequest = z.object({ assertion: passkeyAssertion });
export const unlockDeviceRequest = z.union([unlockWithPinRequest, unlockWithPasskeyRequest]);

export const trustedDeviceView = z.object({
  id: uuid,
  label: z.string(),
  kind: z.enum(['pin', 'passkey']),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
});
export type TrustedDeviceView = z.infer<typeof trustedDeviceView>;

export const trustedDeviceListResponse = z.object({ devices: z.array(trustedDeviceView) });
/** The server's half of the device key, sent when a device is added and after each proven unlock. */
export const deviceShareResponse = z.object({ device: trustedDeviceView, share: b64Bytes(32) });
const transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
const credentialDescriptor = z.object({ id: z.string(), type: z.literal('public-key'), transports: z.optional(z.array(transport)) });
const userVerification = z.enum(['discouraged', 'preferred', 'required']);

/** WebAuthn creation options as @simplewebauthn's JSON (what the browser needs of them). */
export const passkeyRegistrationOptions = z.object({
  challenge: z.string(),
  rp: z.object({ name: z.string(), id: z.optional(z.string()) }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number() })),
  timeout: z.optional(z.number()),
  excludeCredentials: z.optional(z.array(credentialDescriptor)),
  authenticatorSelection: z.optional(
    z.object({
      authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'])),
      requireResidentKey: z.optional(z.boolean()),
      residentKey: z.optional(userVerification),
      userVerification: z.optional(userVerification),
    }),
  ),
  attestation: z.optional(z.enum(['direct', 'enterprise', 'indirect', 'none'])),
});
/** WebAuthn request options as @simplewebauthn's JSON. */
export const passkeyRequestOptions = z.object({
  challenge: z.string(),
  timeout: z.optional(z.number()),
  rpId: z.optional(z.string()),
  allowCredentials: z.optional(z.array(credentialDescriptor)),
  userVerification: z.optional(userVerification),
});
export const passkeyRegistrationOptionsResponse = z.object({ options: passkeyRegistrationOptions });
export const passkeyRequestOptionsResponse = z.object({ options: passkeyRequestOptions });
/** Wrong PINs in a row before a device's unlock ends (answered `device_unlock_ended`). */
export const MAX_PIN_ATTEMPTS = 5;
