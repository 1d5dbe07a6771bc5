/**
 * The platform's one error type. Thrown anywhere (domain, store, ingest, server, CLI) and turned
 * into a response or an exit code in one place. `code` is stable and machine-readable; `path`
 * names the offending field (`properties.phone[0]`) or line (`line 17`) when there is one.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unknown_schema'
  | 'unknown_property'
  | 'invalid_selector'
  | 'malformed_json'
  | 'payload_too_large'
  | 'request_timeout'
  | 'unauthenticated'
  | 'totp_required'
  | 'password_change_required'
  | 'rate_limited'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unsupported_media_type'
  | 'import_failed'
  | 'unavailable'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unknown_schema: 400,
  unknown_property: 400,
  invalid_selector: 400,
  malformed_json: 400,
  import_failed: 400,
  payload_too_large: 413,
  request_timeout: 408,
  unsupported_media_type: 415,
  unauthenticated: 401,
  totp_required: 401,
  password_change_required: 401,
  rate_limited: 429,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly path: string | undefined;
  /** For `rate_limited`: when to try again (sent as Retry-After). */
  retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = statusOf[code];
    this.path = path;
  }

  toJSON(): { error: { code: ErrorCode; message: string; path?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.path ? { path: this.path } : {}) } };
  }
}

/** Small factories so call sites read as what went wrong. */
export const errors = {
  validation: (message: string, path?: string) => new AppError('validation_failed', message, path),
  unknownSchema: (schema: string, path = 'schema') =>
    new AppError('unknown_schema', `Unknown entity type "${schema}"`, path),
  unknownProperty: (schema: string, prop: string, path?: string) =>
    new AppError('unknown_property', `"${schema}" has no property "${prop}"`, path ?? `properties.${prop}`),
  invalidSelector: (message: string, path: string) => new AppError('invalid_selector', message, path),
  notFound: (what: string) => new AppError('not_found', `${what} not found`),
  forbidden: (message = 'You do not have access to this') => new AppError('forbidden', message),
  unauthenticated: (message = 'Sign in or send an API token') => new AppError('unauthenticated', message),
  conflict: (message: string, path?: string) => new AppError('conflict', message, path),
  importFailed: (message: string, path?: string) => new AppError('import_failed', message, path),
};

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * The one written form of an error: `where: message`, e.g. `donations.csv: line 17: amount is not a number`.
 * Parsers name the line in their messages too (`Line 17: …`), since they are read on their own; when the
 * path already ends at that line, the message's own line is the one kept, so it is written once; a message
 * that starts with its path (`--subscriber belongs to …`) is written alone.
 */
export function errorText(e: AppError): string {
  if (!e.path || e.message.startsWith(`${e.path} `)) return e.message;
  const own = /^Line (\d+)\b:?\s*/.exec(e.message);
  const at = own ? new RegExp(`(?:^|:\\s*)line ${own[1]}\\b[^]*$`).exec(e.path) : null;
  if (!own || !at) return `${e.path}: ${e.message}`;
  const before = e.path.slice(0, at.index);
  const rest = e.message.slice(own[0].length);
  // `Line 17: text` → `line 17: text`; `Line 17, column "x": text` / `Line 17 has …` keep their wording.
  const line = own[0].includes(':') ? `line ${own[1]}: ${rest}` : `l${e.message.slice(1)}`;
  return before ? `${before}: ${line}` : line;
}
