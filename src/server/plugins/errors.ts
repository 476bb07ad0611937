import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, errorStatus, type ErrorCode } from '../../domain/errors.ts';
import type { ErrorBody } from '../../contract/common.ts';
import { messageFor } from '../i18n/error-messages.ts';
import { isDatabaseUnavailable } from '../../db/availability.ts';
import { isUniqueViolation } from '../../db/constraints.ts';

/** Fastify's own client errors, by their codes, mapped to Huimin's stable codes. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params?: Record<string, string | number>,
  issues?: ErrorBody['issues'],
) {
  const body: ErrorBody = { code, message: messageFor(code, request.locale ?? 'zh-CN', params), requestId: request.id };
  if (issues) body.issues = issues;
  // Sent as a string: an error envelope must never be checked against the route's own
  // response schema for that status (a 503 health body is not an error body).
  return reply.status(errorStatus[code]).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/**
 * One error handler: domain errors and malformed requests become 4xx with a stable code
 * and a message in the request's language; anything else is a 500 that names only the
 * request id, so no stack trace or SQL reaches the client.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return send(request, reply, error.code, error.params);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return send(request, reply, 'VALIDATION_FAILED', {}, issues);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(request, reply, 'INTERNAL');
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return send(request, reply, mapped);
    if (error instanceof SyntaxError) return send(request, reply, 'MALFORMED_JSON');
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      if (error.statusCode === 413) return send(request, reply, 'PAYLOAD_TOO_LARGE');
      if (error.statusCode === 415) return send(request, reply, 'UNSUPPORTED_MEDIA_TYPE');
      if (error.statusCode === 429) return send(request, reply, 'RATE_LIMITED');
      return send(request, reply, 'BAD_REQUEST');
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ code: (error as { code?: unknown }).code, msg: error.message }, 'database unavailable');
      return send(request, reply, 'DATABASE_UNAVAILABLE');
    }
    if (isUniqueViolation(error)) {
      // A race the write did not foresee: the other request won, this one changes nothing.
      request.log.warn({ msg: error.message }, 'write refused by a unique constraint');
      return send(request, reply, 'CONFLICT');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 'INTERNAL');
  });
}

/** The JSON 404 for unknown API routes. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, 'NOT_FOUND');
}
