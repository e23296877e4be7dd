/**
 * Stable error codes the API answers with, and the HTTP status each maps to.
 * Clients branch on `code`; `message` is for people.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  unknown_kind: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  wrong_pin: 401,
  forbidden: 403,
  csrf: 403,
  reauth_required: 403,
  invalid_proof: 403,
  not_author: 403,
  not_in_space: 403,
  above_spark_level: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  already_in_space: 409,
  space_full: 409,
  space_ended: 409,
  spark_unavailable: 409,
  /** An update made on a version the item has moved past (decision 0061). */
  stale_version: 409,
  /** An item already has MAX_PHOTOS_PER_ITEM photos. */
  too_many_photos: 409,
  invite_gone: 410,
  /** This device can no longer be unlocked without the password (removed, five wrong PINs, a new password). */
  device_unlock_ended: 410,
  length_required: 411,
  payload_too_large: 413,
  /** The space's photos would pass PHOTO_QUOTA_MB. */
  photo_quota: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  /** The embedded database has more waiting than it can answer in time; `Retry-After` says when to come back. */
  busy: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ApiErrorBody = { error: { code: ErrorCode; message: string } };
