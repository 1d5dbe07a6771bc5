/**
 * Every error becomes `{error: {code, message, path?}}` here and nowhere else. A user's
 * mistake is a 4xx naming the field; anything unexpected is a 500 with no internals shown.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, isAppError } from '../../shared/errors.ts';
import { isDatabaseUnreachable, RETRY_AFTER_SECONDS } from '../../services/health/index.ts';
import { isBodyRefusal } from './bodyGuard.ts';

export function zodToAppError(e: ZodError, where?: string): AppError {
  const issue = e.issues[0];
  const path = [where, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  const field = path || where || 'request';
  return new AppError('validation_failed', `${field}: ${issue?.message ?? 'invalid'}`, path || undefined);
}

function fromFastify(e: FastifyError): AppError | null {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than this route accepts', 'body');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', `Unsupported content type; send application/json`, 'content-type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', 'The JSON body is empty', 'body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed_json', `The body is not valid JSON: ${e.message}`, 'body');
    default:
      break;
  }
  if (e instanceof SyntaxError && e.statusCode === 400)
    return new AppError('malformed_json', `The body is not valid JSON: ${e.message}`, 'body');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('bad_request', e.message);
  return null;
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  let app: AppError | null = null;
  if (isAppError(error)) app = error;
  else if (error instanceof ZodError) app = zodToAppError(error);
  else if (isDatabaseUnreachable(error)) {
    // The database is down or restarting: say so, and when to try again; the pool reconnects by itself.
    request.log.warn('database unreachable');
    app = new AppError('unavailable', 'The database cannot be reached right now; try again shortly');
    void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  }
  else if (error && typeof error === 'object' && 'code' in error) app = fromFastify(error as FastifyError);
  if (!app) {
    request.log.error({ err: error }, 'unexpected error');
    app = new AppError('internal', 'Something went wrong on the server; the request was not completed');
  }
  // A body refused part-way (too large, too deep, too slow) is not read further: the connection
  // closes after the answer instead of draining what the client still sends.
  if (isBodyRefusal(error) || app.code === 'payload_too_large') void reply.header('connection', 'close');
  if (app.retryAfterSeconds !== undefined) void reply.header('retry-after', String(app.retryAfterSeconds));
  void reply.status(app.status).type('application/json').send(app.toJSON());
}
