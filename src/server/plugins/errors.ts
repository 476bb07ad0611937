import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, errorStatus, type ErrorCode } from '../../domain/errors.ts';
import type { ErrorBody, Locale } from '../../contract/common.ts';
import { localeFromHeader, messageFor } from '../i18n/error-messages.ts';
import { isDatabaseUnavailable } from '../../db/availability.ts';
import { isRefusedData } from '../../db/refused-data.ts';
import { localizedMessage, validationEntriesOf } from './validation.ts';
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

const fieldMessage: Record<Locale, string> = {
  'zh-CN': '此项不符合要求',
  'zh-TW': '此項不符合要求',
  en: 'This value is not valid',
};

/**
 * A domain error that names the field it is about (`params.field`, a path inside the body such
 * as `items.2.text`) carries it as an issue, so the form can mark that field as it marks a
 * schema error: the unpaid rule's refusal marks the text that mentions a fee.
 */
function fieldIssues(request: FastifyRequest, error: DomainError): ErrorBody['issues'] {
  const field = error.params.field;
  if (typeof field !== 'string' || field === '') return undefined;
  const locale = request.locale ?? 'zh-CN';
  const message =
    error.code === 'VALIDATION_FAILED' ? fieldMessage[locale] : messageFor(error.code, locale, error.params);
  return [{ path: `body.${field}`, message }];
}

/**
 * One error handler: domain errors and malformed requests become 4xx with a stable code
 * and a message in the request's language; anything else is a 500 that names only the
 * request id, so no stack trace or SQL reaches the client.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError)
      return send(request, reply, error.code, error.params, fieldIssues(request, error));
    const entries = validationEntriesOf(error);
    if (entries) {
      const issues = entries.map((v) => ({
        path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: localizedMessage(v, request.locale ?? 'zh-CN'),
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
    if (isRefusedData(error)) {
      // A check the contract or the service should have made: logged so it gets made there.
      request.log.warn(
        { code: (error as { code?: unknown }).code, route: request.routeOptions.url },
        'database refused data',
      );
      return send(request, reply, 'VALIDATION_FAILED');
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

/**
 * Errors Fastify raises before routing (a path that is not valid percent-encoding, a parameter
 * over `maxParamLength`): the same envelope, in the language the request asked for.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.locale = localeFromHeader(request.headers['accept-language']);
  return send(request, reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'BAD_REQUEST');
}

/** The 405 for a path that exists under other methods, with the `Allow` header naming them. */
export function sendMethodNotAllowed(request: FastifyRequest, reply: FastifyReply, allowed: string[]) {
  reply.header('allow', allowed.join(', '));
  return send(request, reply, 'METHOD_NOT_ALLOWED');
}
