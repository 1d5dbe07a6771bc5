/**
 * Application logs without personal data. Fastify's default request log carries the full URL
 * (query strings hold search words, phone numbers, names) and an error's message (a database
 * error quotes the offending value). These serializers keep only what operating the server
 * needs: method, route template (never the concrete path: parameters are user input), status,
 * timing, request id, client address, and for errors their type, code and stack frames.
 *
 * Wire it with `Fastify({ logger: safeLoggerOptions })` (or `{ ...safeLoggerOptions, level }`).
 */
import type { FastifyRequest } from 'fastify';

type SafeReq = { method: string; route: string; reqId: string; remoteAddress: string };

/** The request as logged: its route template, not its URL. */
export function serializeRequest(req: FastifyRequest): SafeReq {
  return {
    method: req.method,
    route: req.routeOptions?.url ?? '(no route)',
    reqId: String(req.id),
    remoteAddress: req.ip,
  };
}

export function serializeReply(res: { statusCode: number }): { statusCode: number } {
  return { statusCode: res.statusCode };
}

/** An error as logged: type, code and where it happened; its message can quote data, so it is left out. */
export function serializeError(err: unknown): {
  type: string;
  message: string;
  stack: string;
  code?: string;
  statusCode?: number;
} {
  if (!(err instanceof Error)) return { type: typeof err, message: '[not logged]', stack: '' };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: e.name || e.constructor.name,
    message: '[not logged]',
    stack: (e.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 15)
      .join('\n'),
    ...(typeof e.code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(e.code) ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
  };
}

/**
 * Log messages that may be written as they are. Any other message (Fastify's default error
 * log uses the error's message; its 404 log quotes the URL) is replaced: add a message here
 * once it is known to carry no data.
 */
export const SAFE_MESSAGES: ReadonlySet<string> = new Set([
  'incoming request',
  'request completed',
  'unexpected error',
  'request errored',
  'stream closed prematurely',
  'client error',
]);
const SAFE_PREFIXES = [/^Server listening at https?:\/\/[\w.:[\]-]+$/, /^Closing server/];
export const WITHHELD = 'log message withheld (it may quote request data)';

export function safeMessage(msg: string): string {
  if (SAFE_MESSAGES.has(msg) || SAFE_PREFIXES.some((p) => p.test(msg))) return msg;
  if (/^Route [A-Z]+:\S* not found$/.test(msg)) return 'route not found';
  return WITHHELD;
}

/** pino's hook on every log call: the message argument goes through `safeMessage`. */
function logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void): void {
  const i = typeof args[0] === 'string' ? 0 : typeof args[1] === 'string' ? 1 : -1;
  // Arguments after the message are interpolated into it: they are dropped with it.
  const safe = i < 0 ? args.slice(0, 1) : [...args.slice(0, i), safeMessage(args[i] as string)];
  method.apply(this, safe);
}

export const safeLoggerOptions = {
  level: 'info',
  serializers: { req: serializeRequest, res: serializeReply, err: serializeError },
  hooks: { logMethod },
  // Belt and braces for anything logged outside the serializers.
  redact: {
    paths: [
      'req.url',
      'req.query',
      'req.body',
      'req.headers',
      'headers',
      'body',
      'query',
      'url',
      '*.authorization',
      '*.cookie',
      'password',
      '*.password',
      'token',
      '*.token',
    ],
    censor: '[not logged]',
  },
};

/**
 * The terminal's request log: one short line (time, method, route template, status, duration)
 * for a request that changes something or fails; nothing for a successful read, so a user
 * browsing the workspace does not bury the console. Like the JSON log, never the concrete URL.
 */
export function shortRequestLine(
  req: Pick<FastifyRequest, 'method' | 'routeOptions'>,
  reply: { statusCode: number; elapsedTime: number },
): string | null {
  const reads = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
  if (reads && reply.statusCode < 400) return null;
  const time = new Date().toISOString().slice(11, 19);
  const route = req.routeOptions?.url ?? '(no route)';
  return `${time} ${req.method} ${route} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`;
}
