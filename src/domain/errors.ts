/** A rule of the domain was broken; carries a stable code that the server maps to a status and a translated message. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

/** Every stable error code the API can answer with, and its HTTP status. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  PASSWORD_TOO_WEAK: 400,
  WRONG_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  UNIT_CODE_TAKEN: 409,
  TRANSITION_NOT_ALLOWED: 409,
  PLAQUE_NUMBER_TAKEN: 409,
  RENEWAL_TOO_LATE: 409,
  APPLICATION_INCOMPLETE: 400,
  REVIEW_INCONSISTENT: 400,
  REASON_REQUIRED: 400,
  TERM_INVALID: 400,
  SIGNATORIES_REQUIRED: 400,
  DEADLINE_INVALID: 400,
  FEE_NOT_ALLOWED: 400,
  CONSENT_REQUIRED: 400,
  // Supervision mailbox (监督信箱).
  LETTER_STATE_CONFLICT: 409,
  HANDLER_NOT_ELIGIBLE: 400,
  EXTENSION_ALREADY_USED: 409,
  EXTENSION_TOO_LONG: 400,
  RULING_BY_HANDLER: 403,
  RATING_WINDOW_CLOSED: 409,
  PHOTO_INVALID: 400,
  PHOTO_TOO_LARGE: 413,
  DUPLICATE_VOLUNTEER: 409,
  IMPORT_NOT_READY: 409,
  IMPORT_HAS_ERRORS: 409,
  INVALID_WORKBOOK: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
