/**
 * Thin routes: every route declares its input schemas, its access rule and what it audits,
 * and `defineRoute` runs them in that order — authenticate → validate → authorise → handle →
 * audit. No route can skip the policy layer: a route without an access rule does not compile.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { z } from 'zod';
import { errors } from '../../shared/errors.ts';
import type { Actor } from '../../services/actor.ts';
import { authorizeCase, authorizeGlobal } from '../../services/policy.ts';
import type { CaseAction, GlobalAction } from '../../services/policy.ts';
import { recordAudit } from '../../store/repos/audit.ts';
import type { Store } from '../../store/store.ts';
import { userByToken } from '../../store/repos/users.ts';
import { zodToAppError } from './errors.ts';

/** Directive 2016/680 art. 25 categories of processing that must be logged. */
export type AuditAction = 'collection' | 'alteration' | 'consultation' | 'disclosure' | 'combination' | 'erasure';

export type Access = { case: CaseAction } | { global: GlobalAction } | 'authenticated' | 'public';

export const KiB = 1024;
export const MiB = 1024 * KiB;
/** Ordinary JSON requests are small; batch routes ask for more explicitly. */
export const DEFAULT_JSON_LIMIT = 256 * KiB;

export interface RouteContext<P, Q, B> {
  actor: Actor;
  caseId: string;
  params: P;
  query: Q;
  body: B;
  store: Store;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Adds detail to the audit record (e.g. how many rows were returned). */
  auditDetail: Record<string, unknown>;
  /** The audited target's id when it is only known after handling (a created entity). */
  setAuditTarget: (id: string) => void;
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
  bodyLimit?: number;
  access: Access;
  /** Required for case routes: every access to case data is audited. */
  audit?: { action: AuditAction; target: string; targetParam?: string };
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

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  const s = schema ?? (emptyObject as unknown as ZodType<T>);
  const r = s.safeParse(value ?? {});
  if (!r.success) throw zodToAppError(r.error, where);
  return r.data;
}

async function authenticate(store: Store, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (!token) throw errors.unauthenticated();
  const user = await userByToken(store.db, token);
  if (!user || user.disabled) throw errors.unauthenticated('The API token is not valid');
  return { id: user.id, username: user.username, platformRole: user.platform_role };
}

export function defineRoute<P, Q, B>(app: FastifyInstance, store: Store, registry: RegisteredRoute[], spec: RouteSpec<P, Q, B>): void {
  if (typeof spec.access === 'object' && 'case' in spec.access && !spec.audit) {
    throw new Error(`Route ${spec.method} ${spec.url} reads case data but declares no audit`);
  }
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
    bodyLimit: spec.bodyLimit ?? DEFAULT_JSON_LIMIT,
    handler: async (request, reply) => {
      const actor: Actor =
        spec.access === 'public' ? { id: 'anonymous', username: 'anonymous', platformRole: 'none' } : await authenticate(store, request);
      const params = parse(spec.params, request.params, 'params');
      const query = parse(spec.query, request.query, 'query');
      const body = spec.method === 'GET' || spec.method === 'DELETE' ? parse(spec.body, {}, 'body') : parse(spec.body, request.body, 'body');
      const caseId = (request.params as Record<string, string | undefined>).caseId ?? '';
      if (typeof spec.access === 'object') {
        if ('case' in spec.access) await authorizeCase(store, actor, caseId, spec.access.case);
        else authorizeGlobal(actor, spec.access.global);
      }
      const auditDetail: Record<string, unknown> = {};
      let auditTarget: string | null = spec.audit?.targetParam ? ((request.params as Record<string, string | undefined>)[spec.audit.targetParam] ?? null) : null;
      const result = await spec.handler({
        actor, caseId, params, query, body, store, request, reply, auditDetail,
        setAuditTarget: (id) => { auditTarget = id; },
      });
      if (spec.audit) {
        await recordAudit(store.db, {
          caseId: caseId || null,
          userId: actor.id,
          action: spec.audit.action,
          targetType: spec.audit.target,
          targetId: auditTarget,
          detail: { route: `${spec.method} ${spec.url}`, ...auditDetail },
        });
      }
      void reply.status(spec.status ?? 200);
      return result;
    },
  });
}
