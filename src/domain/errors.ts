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
  DUPLICATE_VOLUNTEER: 409,
  IMPORT_NOT_READY: 409,
  IMPORT_HAS_ERRORS: 409,
  INVALID_WORKBOOK: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  CHECKLIST_MISMATCH: 400,
  INSPECTION_NOT_ALLOWED: 409,
  CORRECTION_WINDOW_CLOSED: 409,
  SUPERVISOR_UNAVAILABLE: 409,
  SUPERVISOR_NOT_ALLOWED: 409,
  PROPOSAL_NOT_PENDING: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  CARD_NUMBER_TAKEN: 409,
  ALREADY_ON_ROSTER: 409,
  PHOTO_INVALID: 400,
  PHOTO_TOO_LARGE: 413,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
