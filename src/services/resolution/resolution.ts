/**
 * Entity resolution in a case: candidate duplicates scored with reasons (domain/resolution),
 * the analyst's decisions (reject, unsure, merge) remembered against the pair's stable
 * identities so that a re-import does not ask again. Merging and undoing are in
 * resolutionMerge.ts. Victims the actor may not identify are left out: a score would say who
 * they are.
 */
import { createHash } from 'node:crypto';
import { findCandidates, resolutionRecord, stableIdentity } from '../../domain/resolution/index.ts';
import type { FoldCache, Reason, ResolutionRecord } from '../../domain/resolution/index.ts';
import { descendantsOf } from '../../domain/schema/registry.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { errors } from '../../shared/errors.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import {
  decisionKeys,
  recentDecisions,
  replaceDecision,
  resolvableRowPages,
  resolvableRows,
  type ResolvableRow,
} from '../../store/repos/resolution/decisions.ts';
import { openConflicts } from '../../store/repos/assembly/assembly.ts';
import type { Store } from '../../store/store.ts';
import { canSee, hiddenVictim, visibilityOf, type Actor, type CaseAccess } from '../access/index.ts';
import { requireCase } from '../cases/index.ts';
import { caseUseCase } from '../useCase/index.ts';

export const DECISIONS = ['merged', 'rejected', 'unsure'] as const;
export type DecisionStatus = (typeof DECISIONS)[number];

export interface CandidateSide {
  id: string;
  schema: string;
  caption: string;
}

export interface CandidateOut {
  pairKey: string;
  a: CandidateSide;
  b: CandidateSide;
  score: number;
  total: number;
  reasons: Reason[];
  decision: DecisionStatus | null;
  /** `conflict`: assembly met them on a strong identifier but their facts disagree (`reason` says how). */
  kind: 'duplicate' | 'conflict';
  reason?: string;
}

const identityHash = (r: ResolutionRecord) =>
  createHash('sha256').update(stableIdentity(r), 'utf8').digest('hex').slice(0, 32);
export const pairKeyOf = (x: string, y: string) => (x < y ? `${x}:${y}` : `${y}:${x}`);

interface Loaded {
  records: ResolutionRecord[];
  sides: Map<string, CandidateSide>;
  identity: Map<string, string>;
}

/** The case's records of one kind (Person by default) as this actor may resolve them. */
async function loadRecords(store: Store, access: CaseAccess, schema: string, ids?: readonly string[]): Promise<Loaded> {
  const kase = await requireCase(store, access.caseId);
  const v = await visibilityOf(store, access);
  const scope = store.scope(access.caseId);
  const schemata = descendantsOf(schema);
  const out: Loaded = { records: [], sides: new Map(), identity: new Map() };
  const cache: FoldCache = new Map();
  const add = (row: ResolvableRow) => {
    if (!canSee(v, row.id) || hiddenVictim(v, row)) return;
    const r = resolutionRecord(
      { id: row.id, schema: row.schema, properties: JSON.parse(row.properties) as Properties },
      kase.country,
      cache,
    );
    if (!r) return;
    out.records.push(r);
    out.sides.set(row.id, { id: row.id, schema: row.schema, caption: row.caption });
    out.identity.set(row.id, identityHash(r));
  };
  // A whole case is read page by page: only the compact records stay, not every row's text.
  if (ids) for (const row of await resolvableRows(scope, schemata, ids)) add(row);
  else for await (const page of resolvableRowPages(scope, schemata)) for (const row of page) add(row);
  return out;
}

export async function decisionsByKey(scope: CaseScope): Promise<Map<string, DecisionStatus>> {
  const rows = await decisionKeys(scope);
  const out = new Map<string, DecisionStatus>();
  for (const r of rows) {
    out.set(r.pair_key, r.status as DecisionStatus);
    out.set(pairKeyOf(`id=${r.a_id}`, `id=${r.b_id}`), r.status as DecisionStatus);
  }
  return out;
}

export interface CandidateQuery {
  schema: string;
  threshold: number;
  limit: number;
  /** Also list pairs already decided (with their decision). */
  decided: boolean;
}

export async function resolutionCandidates(
  store: Store,
  access: CaseAccess,
  q: CandidateQuery,
): Promise<{ candidates: CandidateOut[]; total: number; records: number }> {
  const loaded = await loadRecords(store, access, q.schema);
  const decided = await decisionsByKey(store.scope(access.caseId));
  const all: CandidateOut[] = [];
  for (const c of findCandidates(loaded.records, { threshold: q.threshold })) {
    const pairKey = pairKeyOf(loaded.identity.get(c.a) ?? c.a, loaded.identity.get(c.b) ?? c.b);
    const decision = decided.get(pairKey) ?? decided.get(pairKeyOf(`id=${c.a}`, `id=${c.b}`)) ?? null;
    if (decision && !q.decided) continue;
    const a = loaded.sides.get(c.a);
    const b = loaded.sides.get(c.b);
    if (!a || !b) continue;
    all.push({ pairKey, a, b, score: c.score, total: c.total, reasons: c.reasons, decision, kind: 'duplicate' });
  }
  // Conflicts assembly raised come first: records sharing an identifier whose facts disagree.
  const conflicts: CandidateOut[] = [];
  for (const c of await openConflicts(store.scope(access.caseId))) {
    const a = loaded.sides.get(c.a_id);
    const b = loaded.sides.get(c.b_id);
    if (!a || !b) continue;
    const scored = all.find((x) => x.a.id === a.id && x.b.id === b.id);
    conflicts.push({
      pairKey: c.conflict_key,
      a,
      b,
      score: scored?.score ?? 0,
      total: scored?.total ?? 0,
      reasons: scored?.reasons ?? [],
      decision: null,
      kind: 'conflict',
      reason: c.reason,
    });
  }
  const queue = [...conflicts, ...all];
  return { candidates: queue.slice(0, q.limit), total: queue.length, records: loaded.records.length };
}

/** Scores one pair (both must be visible and resolvable): what a decision is recorded against. */
export async function scoredPair(
  store: Store,
  access: CaseAccess,
  a: string,
  b: string,
  fields: readonly [string, string] = ['a', 'b'],
): Promise<{ pairKey: string; score: number; schema: string }> {
  if (a === b) throw errors.validation('A record cannot be paired with itself', fields[1]);
  const loaded = await loadRecords(store, access, 'LegalEntity', [a, b]);
  const x = loaded.records.find((r) => r.id === a);
  const y = loaded.records.find((r) => r.id === b);
  if (!x) throw errors.validation(`No person or company ${a} to resolve in this case`, fields[0]);
  if (!y) throw errors.validation(`No person or company ${b} to resolve in this case`, fields[1]);
  const [c] = findCandidates([x, y], { threshold: 0 });
  return {
    pairKey: pairKeyOf(loaded.identity.get(a) ?? a, loaded.identity.get(b) ?? b),
    score: c?.score ?? 0,
    schema: x.schema,
  };
}

/** Records a reject or unsure decision (a merge records its own). Deciding again replaces it. */
export async function decidePair(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  input: { a: string; b: string; decision: 'rejected' | 'unsure' },
): Promise<{ pairKey: string; decision: DecisionStatus }> {
  const pair = await scoredPair(store, access, input.a, input.b);
  await store.transaction(async (trx) => {
    const scope = store.scope(access.caseId).in(trx);
    await saveDecision(scope, {
      pairKey: pair.pairKey,
      a: input.a,
      b: input.b,
      status: input.decision,
      score: pair.score,
      mergeId: null,
      by: actor.id,
    });
  });
  return { pairKey: pair.pairKey, decision: input.decision };
}

export async function saveDecision(
  scope: CaseScope,
  d: {
    pairKey: string;
    a: string;
    b: string;
    status: DecisionStatus;
    score: number;
    mergeId: string | null;
    by: string;
  },
): Promise<void> {
  const [a, b] = d.a < d.b ? [d.a, d.b] : [d.b, d.a];
  await replaceDecision(scope, {
    pair_key: d.pairKey,
    a_id: a,
    b_id: b,
    status: d.status,
    score: d.score,
    merge_id: d.mergeId,
    decided_by: d.by,
    decided_at: new Date().toISOString(),
  });
}

export async function listDecisions(store: Store, caseId: string) {
  const rows = await recentDecisions(store.scope(caseId));
  return rows.map((r) => ({
    pairKey: r.pair_key,
    a: r.a_id,
    b: r.b_id,
    decision: r.status as DecisionStatus,
    score: r.score,
    mergeId: r.merge_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  }));
}

export const findDuplicates = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'resolutionCandidates' },
  run: async ({ store, access, audit }, query: CandidateQuery) => {
    const out = await resolutionCandidates(store, access, query);
    audit.returned(out.candidates.flatMap((c) => [c.a.id, c.b.id]));
    audit.detail({ count: out.total });
    return out;
  },
});

export const pairDecisions = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'resolutionDecisions' },
  run: async ({ store, caseId }) => ({ decisions: await listDecisions(store, caseId) }),
});

export const decideOnPair = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'resolutionDecision' },
  run: async ({ store, actor, access, audit }, input: Parameters<typeof decidePair>[3]) => {
    const out = await decidePair(store, actor, access, input);
    audit.target(out.pairKey);
    audit.returned([input.a, input.b]);
    return out;
  },
});
