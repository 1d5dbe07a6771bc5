/**
 * A use case is one thing a user does, the same whether asked through the API or the CLI: it is
 * authorised by the policy layer and leaves exactly one audit record. Routes and CLI commands
 * only build a `Caller` and call it; neither authorises data access nor records anything itself.
 *
 * A use case's `run` is a plain function; another use case that needs the same work calls the
 * plain function, so one request still leaves one record.
 */
import { errors } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../../domain/access/actor.ts';
// The policy's rules and facts are taken from below services, so that the access and audit
// capabilities can write their own use cases with this wrapper without an import cycle.
import { authorizeGlobal, decideCaseAccess, permits, requireCaseAction } from '../../domain/access/policy.ts';
import type { CaseAccess, CaseAction, GlobalAction } from '../../domain/access/policy.ts';
import { caseFacts } from '../../store/repos/access/caseAccess.ts';
import { recordDenied, recordEntry } from './record.ts';
import type { AuditAction } from './record.ts';

/** Who calls, from where. Made once per request by the route wrapper, once per command by the CLI. */
export interface Caller {
  actor: Actor;
  /** The client's address (null from the CLI). */
  ip: string | null;
  /** Where the call came in, kept in the audit detail: `{ route: 'GET /api/…' }` or `{ via: 'cli' }`. */
  origin: Record<string, unknown>;
  /** Case access the route wrapper established before parsing the request (a case it may not reach is a 404). */
  access?: CaseAccess;
  /** How many audit records this call has made; the route wrapper insists on exactly one. */
  audits: number;
}

export const apiCaller = (actor: Actor, ip: string | null, route: string, access?: CaseAccess): Caller => ({
  actor,
  ip,
  origin: { route },
  audits: 0,
  ...(access ? { access } : {}),
});

export const cliCaller = (actor: Actor): Caller => ({ actor, ip: null, origin: { via: 'cli' }, audits: 0 });

/** What the use case adds to its audit record as it runs. */
export interface AuditNote {
  /** The audited target's id, when only known while running (a created entity). */
  target(id: string | null): void;
  /** Ids, counts and codes to keep with the record. */
  detail(d: Record<string, unknown>): void;
  /** The entity ids a read returned (capped by the store, with the count). */
  returned(ids: readonly string[]): void;
}

export interface GlobalContext {
  store: Store;
  actor: Actor;
  caller: Caller;
  audit: AuditNote;
}

export interface CaseContext extends GlobalContext {
  caseId: string;
  access: CaseAccess;
}

interface AuditSpec<I> {
  action: AuditAction;
  /** What kind of thing the record is about: 'entity', 'members', 'report' … */
  target: string;
  /** The target's id taken from the input, when it names one. */
  targetOf?: (input: I) => string | null | undefined;
}

class Note implements AuditNote {
  targetId: string | null = null;
  extra: Record<string, unknown> = {};
  ids: string[] | undefined;
  target(id: string | null): void {
    this.targetId = id;
  }
  detail(d: Record<string, unknown>): void {
    Object.assign(this.extra, d);
  }
  returned(ids: readonly string[]): void {
    this.ids = [...ids];
  }
}

async function finish<I>(
  store: Store,
  caller: Caller,
  caseId: string | null,
  spec: AuditSpec<I>,
  input: I,
  note: Note,
): Promise<void> {
  caller.audits += 1;
  await recordEntry(store, {
    caseId,
    userId: caller.actor.id,
    action: spec.action,
    targetType: spec.target,
    targetId: note.targetId ?? spec.targetOf?.(input) ?? null,
    ip: caller.ip,
    ...(note.ids ? { returnedIds: note.ids } : {}),
    detail: { ...caller.origin, ...note.extra },
  });
}

/**
 * The caller's access to a case for `permission`: the access the route wrapper already holds
 * when it covers the permission, otherwise the policy layer's answer. A refusal is recorded.
 */
export async function openCase(
  store: Store,
  caller: Caller,
  caseId: string,
  permission: CaseAction,
): Promise<CaseAccess> {
  const held = caller.access;
  if (held && held.caseId === caseId) {
    if (permits(held, permission)) return held;
  }
  try {
    const access = await decideCaseAccess(caller.actor, caseId, caseFacts(store.scope(caseId)));
    return requireCaseAction(access, caller.actor, permission);
  } catch (e) {
    await recordDenied(store, { userId: caller.actor.id, caseId, ip: caller.ip, detail: { ...caller.origin } });
    throw e;
  }
}

/** A use case that takes no input is called without one. */
type Input<I> = unknown extends I ? [input?: I] : [input: I];
export type CaseUseCase<I, O> = (store: Store, caller: Caller, caseId: string, ...input: Input<I>) => Promise<O>;
export type GlobalUseCase<I, O> = (store: Store, caller: Caller, ...input: Input<I>) => Promise<O>;

/** A use case on one case's data. */
export function caseUseCase<I, O>(spec: {
  permission: CaseAction;
  audit: AuditSpec<I>;
  run: (ctx: CaseContext, input: I) => Promise<O>;
}): CaseUseCase<I, O> {
  return async (store, caller, caseId, ...args) => {
    const input = args[0] as I;
    const access = await openCase(store, caller, caseId, spec.permission);
    const note = new Note();
    const out = await spec.run({ store, actor: caller.actor, caller, caseId, access, audit: note }, input);
    await finish(store, caller, caseId, spec.audit, input, note);
    return out;
  };
}

/**
 * A use case outside any one case (users, agencies, cohorts, agreements, the catalogue): allowed by a
 * platform permission, or to any signed-in user ('authenticated'). Its record goes to the global chain
 * unless `caseOf` names a case the record concerns.
 */
export function globalUseCase<I, O>(spec: {
  permission: GlobalAction | 'authenticated';
  audit: AuditSpec<I> & { caseOf?: (input: I, out: O) => string | null };
  run: (ctx: GlobalContext, input: I) => Promise<O>;
}): GlobalUseCase<I, O> {
  return async (store, caller, ...args) => {
    const input = args[0] as I;
    if (caller.actor.platformRole === 'none') throw errors.unauthenticated();
    if (spec.permission !== 'authenticated') authorizeGlobal(caller.actor, spec.permission);
    const note = new Note();
    const out = await spec.run({ store, actor: caller.actor, caller, audit: note }, input);
    await finish(store, caller, spec.audit.caseOf?.(input, out) ?? null, spec.audit, input, note);
    return out;
  };
}
