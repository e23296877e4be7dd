/**
 * The Hearth crypto protocol (DESIGN §5). Pure functions over bytes; identical in
 * the browser and in Node. Server and web call these and never reimplement them.
 */
export { FORMAT_VERSION, associatedData, seal, open, type DecryptError } from './envelope.ts';
export {
  ARGON2_PARAMS,
  SALT_BYTES,
  KEY_BYTES,
  newSalt,
  deriveKey,
  deriveRoot,
  splitRoot,
  fakeSalt,
  sha256Bytes,
  randomBytes,
  type KdfParams,
} from './kdf.ts';
export {
  generateKeyBundle,
  wrapKeyBundle,
  unwrapKeyBundle,
  type KeyBundle,
  type WrapPurpose,
} from './keys.ts';
export { createRecoveryKey, recoveryKeyFromWords, type RecoveryKey } from './recovery.ts';
export {
  generateSpaceKey,
  wrapSpaceKey,
  unwrapSpaceKey,
  createInviteSecret,
  inviteMaterialFromSecret,
  hashProof,
  type InviteMaterial,
} from './space.ts';
export {
  sealJson,
  openJson,
  profileBody,
  sealInvitePayload,
  openInvitePayload,
  type SealScope,
  type OpenError,
  type ProfileBody,
  type InvitePayload,
} from './sealed-json.ts';
export {
  PUSH_PREVIEW_AD,
  PUSH_PREVIEW_MAX_CHARS,
  PUSH_PREVIEW_NONCE_BYTES,
  PUSH_PREVIEW_VERSION,
  derivePushPreviewKey,
  sealPushPreview,
  openPushPreview,
} from './push-preview.ts';
export {
  DEVICE_SHARE_BYTES,
  PIN_DIGITS,
  PIN_PATTERN,
  PIN_SALT_BYTES,
  deviceKeyFromPin,
  deviceKeyFromPrf,
  offlineKeyFromPrf,
  newPinSalt,
  openBundleForDevice,
  pinProof,
  pinVerifier,
  prfInput,
  sealBundleForDevice,
  type DeviceIds,
} from './device.ts';
export {
  fitsPhotoLimit,
  MAX_SEALED_PHOTO_BYTES,
  newPhotoKey,
  openPhotoFile,
  PHOTO_OVERHEAD_BYTES,
  sealPhotoFile,
  type PhotoScope,
  type PhotoVariant,
} from './photo-file.ts';
