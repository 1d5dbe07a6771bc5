/**
 * Thin routes: every route declares its input schemas and its access rule, and `defineRoute` runs
 * authenticate → authorise (a case it may not reach is a 404 before anything is parsed) → validate →
 * handler. The handler calls one use case, which authorises its own action and leaves the request's
 * one audit record; the wrapper refuses a signed-in request that left none or more than one.
 * No route can skip the policy layer: a route without an access rule does not compile.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { z } from 'zod';
import { errors } from '../../shared/errors.ts';
import { actorFromSession, actorFromToken, authorizeGlobal, SESSION_COOKIE } from '../../services/access/index.ts';
import type { Actor, CaseAccess, CaseAction, GlobalAction } from '../../services/access/index.ts';
import { apiCaller, openCase } from '../../services/useCase/index.ts';
import type { Caller, Store } from '../../services/useCase/index.ts';
import { zodToAppError } from './errors.ts';
import { DEFAULT_BODY_LIMITS, JsonBodyGuard, tooLarge } from './bodyGuard.ts';
import type { BodyLimits } from './bodyGuard.ts';
import { UPLOAD_TYPE } from './upload.ts';

export type Access = { case: CaseAction } | { global: GlobalAction } | 'authenticated' | 'public';

export const KiB = 1024;
export const MiB = 1024 * KiB;
/** Ordinary JSON requests are small; batch routes ask for more explicitly. */
export const DEFAULT_JSON_LIMIT = 256 * KiB;

export interface RouteContext<P, Q, B> {
  actor: Actor;
  /** Who calls and from where, with the case access established; handed to the use case. */
  caller: Caller;
  caseId: string;
  params: P;
  query: Q;
  body: B;
  store: Store;
  request: FastifyRequest;
  reply: FastifyReply;
  /** How the actor reaches this case (case routes); decides pseudonyms and partial shares. */
  access: CaseAccess;
}

export interface RouteSpec<P, Q, B> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  response?: ZodType;
  status?: number;
  /** The largest body the route accepts from a signed-in user (JSON routes default to 256 KiB). */
  bodyLimit?: number;
  access: Access;
  /**
   * A public route takes `bodyLimit` only from a caller this proves from the headers, before the
   * body is read (a partner's signed request); anyone else gets the unauthenticated few KB.
   */
  admitLargeBody?: (store: Store, headers: IncomingHttpHeaders) => Promise<boolean>;
  handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown>;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  summary: string;
  tag: string;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  response?: ZodType;
  status: number;
  access: Access;
}

const emptyObject = z.object({});

// Matching control characters is the point: typed-in text has no use for them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Half of a UTF-16 surrogate pair without its other half: no character, and invalid in XML and UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Typed-in text (query and body) may not hold control characters other than tab and line breaks
 * (NUL included), nor lone surrogates: they are invisible or no character at all, and would be
 * stored and exported as they are (an XML export would no longer parse). Bodies that are not
 * valid UTF-8 are refused before this (jsonBody.ts). (Importers strip them from
 * files, with a warning.) Refused naming the field, e.g. `body.properties.name[0]`.
 */
function refuseControlCharacters(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const m = CONTROL.exec(value);
    if (m) {
      const code = `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      throw errors.validation(`${path}: contains a control character (${code}); type the text without it`, path);
    }
    if (LONE_SURROGATE.test(value))
      throw errors.validation(`${path}: contains half a character (a lone UTF-16 surrogate)`, path);
  } else if (Array.isArray(value)) value.forEach((v, i) => refuseControlCharacters(v, `${path}[${i}]`));
  else if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value)))
    // Plain JSON objects only: an upload's bytes or stream is a file, not typed-in text.
    for (const [k, v] of Object.entries(value)) refuseControlCharacters(v, `${path}.${k}`);
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (where !== 'params') refuseControlCharacters(value, where);
  const s = schema ?? (emptyObject as unknown as ZodType<T>);
  const r = s.safeParse(value ?? {});
  if (!r.success) throw zodToAppError(r.error, where);
  return r.data;
}

/** A case route's access, or this for routes outside any case. */
const NO_CASE: CaseAccess = {
  caseId: '',
  via: 'member',
  role: 'readonly',
  canWrite: false,
  canManage: false,
  victimContact: false,
  sharedAgencyId: null,
  partial: false,
  handlingCode: null,
  purpose: 'none',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Who is calling: an API token (`Authorization: Bearer`) or a session cookie. A cookie-signed
 * request that changes something must also carry `x-elect-csrf: 1` and, when the browser sends
 * one, an Origin of this very server — another site can send neither.
 */
export async function authenticate(store: Store, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const actor = await actorFromToken(store, header.slice(7).trim());
    if (!actor) throw errors.unauthenticated('The API token is not valid');
    return actor;
  }
  const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
  if (!token) throw errors.unauthenticated();
  const actor = await actorFromSession(store, token);
  if (!actor) throw errors.unauthenticated('Your session has ended; sign in again');
  if (!SAFE_METHODS.has(request.method)) checkSameOrigin(request);
  return actor;
}

export function checkSameOrigin(request: FastifyRequest): void {
  if (request.headers['x-elect-csrf'] !== '1')
    throw errors.forbidden('Missing the x-elect-csrf header; the request did not come from the workspace');
  const origin = request.headers.origin;
  if (origin && origin !== `${request.protocol}://${request.host}`)
    throw errors.forbidden('The request came from another site');
}

/** Who called and what they may reach, settled before the body is read. */
interface Admitted {
  actor: Actor;
  caller: Caller;
  access: CaseAccess;
}
const admitted = new WeakMap<FastifyRequest, Admitted>();

const contentType = (request: FastifyRequest): string => (request.headers['content-type'] ?? '').toLowerCase();

export function defineRoute<P, Q, B>(
  app: FastifyInstance,
  store: Store,
  registry: RegisteredRoute[],
  spec: RouteSpec<P, Q, B>,
  limits: BodyLimits = DEFAULT_BODY_LIMITS,
): void {
  const routeLimit = spec.bodyLimit ?? (spec.access === 'public' ? limits.unauthenticatedBytes : DEFAULT_JSON_LIMIT);
  const route = `${spec.method} ${spec.url}`;
  registry.push({
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tag: spec.tag,
    status: spec.status ?? 200,
    access: spec.access,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.response ? { response: spec.response } : {}),
  });
  app.route({
    method: spec.method,
    url: spec.url,
    bodyLimit: routeLimit,
    // Authenticate and authorise before the body is read: an unknown caller never gets more than
    // a few KB parsed, and a case the user may not reach answers 404 whatever was sent.
    preParsing: async (request, _reply, payload) => {
      const actor: Actor = spec.access === 'public' ? ANONYMOUS : await authenticate(store, request);
      if (spec.access === 'public' && !SAFE_METHODS.has(request.method)) checkSameOriginIfBrowser(request);
      const caseId = (request.params as Record<string, string | undefined>).caseId ?? '';
      const caller: Caller = apiCaller(actor, request.ip, route);
      let access = NO_CASE;
      if (typeof spec.access === 'object') {
        parse(spec.params, request.params, 'params');
        if ('case' in spec.access) {
          access = await openCase(store, caller, caseId, spec.access.case);
          caller.access = access;
        } else authorizeGlobal(actor, spec.access.global);
      }
      admitted.set(request, { actor, caller, access });
      // Uploads stream to disk under their own limits and the user's quota (upload.ts).
      if (request.method === 'GET' || request.method === 'HEAD' || contentType(request).startsWith(UPLOAD_TYPE))
        return payload;
      const limit =
        spec.access !== 'public' || (await spec.admitLargeBody?.(store, request.headers))
          ? routeLimit
          : Math.min(routeLimit, limits.unauthenticatedBytes);
      if (Number(request.headers['content-length']) > limit) throw tooLarge(limit);
      const depth = contentType(request).includes('json') ? limits.maxJsonDepth : Number.POSITIVE_INFINITY;
      return payload.pipe(new JsonBodyGuard(limit, depth, limits.jsonBodyMs));
    },
    handler: async (request, reply) => {
      const done = admitted.get(request);
      if (!done) throw new Error(`${route} was reached without being admitted`);
      const { actor, caller, access } = done;
      const params = parse(spec.params, request.params, 'params');
      const caseId = (request.params as Record<string, string | undefined>).caseId ?? '';
      const query = parse(spec.query, request.query, 'query');
      const body =
        spec.method === 'GET' || spec.method === 'DELETE'
          ? parse(spec.body, {}, 'body')
          : parse(spec.body, request.body, 'body');
      const result = await spec.handler({
        actor,
        caller,
        caseId,
        access,
        params,
        query,
        body,
        store,
        request,
        reply,
      });
      // Every signed-in request that reaches a route leaves exactly one record, made by its use case.
      if (spec.access !== 'public' && caller.audits !== 1)
        throw new Error(`${route} left ${caller.audits} audit records instead of one`);
      // A handler that answered with its own status (readiness: 503) keeps it.
      if (reply.statusCode === 200) void reply.status(spec.status ?? 200);
      return result;
    },
  });
}

const ANONYMOUS: Actor = { id: 'anonymous', username: 'anonymous', platformRole: 'none', agencyId: null };

/** Sign-in is public, but a browser posting it from another site is refused. */
function checkSameOriginIfBrowser(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin && origin !== `${request.protocol}://${request.host}`)
    throw errors.forbidden('The request came from another site');
}
