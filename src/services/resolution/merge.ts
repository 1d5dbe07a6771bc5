/**
 * Merging two records of one person or company, and undoing it. A merge keeps one entity, adds
 * the other's values to it, points every link and reference at the kept one and deletes the
 * other — all in one transaction, every change in entity history. What each touched entity was
 * before is stored with the merge, so an undo puts everything back as long as nobody has edited
 * those entities since (otherwise it refuses, naming the entity, rather than lose the edit).
 */
import { unionProperties } from '../../domain/entity/merge.ts';
import type { Grading } from '../../domain/records.ts';
import { isA, propertiesOf } from '../../domain/schema/registry.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { MergeOut } from '../../shared/contracts/companies.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import type { EntityRow, Recording } from '../../store/repos/entities/entities.ts';
import { deleteEntity, getEntity, updateEntity } from '../../store/repos/entities/entities.ts';
import {
  deleteDecision,
  getMerge,
  insertMerge,
  markMergeUndone,
  recentMerges,
  rowsMentioning,
} from '../../store/repos/resolution/decisions.ts';
import { restoreEntity } from '../../store/repos/resolution/resolution.ts';
import type { Store } from '../../store/store.ts';
import { ownRecordsOf, requireOwnRecord } from '../access/index.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { requireCase } from '../cases/index.ts';
import { prepareAll } from '../entities/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { saveDecision, scoredPair } from './resolution.ts';

interface Before {
  keep: EntityRow;
  merged: EntityRow;
  refs: EntityRow[];
  automatic?: AutomaticJoin;
}

const gradingOf = (r: EntityRow): Grading => ({
  reliability: r.reliability as Grading['reliability'],
  information: r.information as Grading['information'],
});
const propsOf = (r: EntityRow) => JSON.parse(r.properties) as Properties;

/** Single-valued properties keep the kept entity's value. */
function keepSingles(schema: string, props: Properties): Properties {
  const defs = propertiesOf(schema);
  const out: Properties = {};
  for (const [k, v] of Object.entries(props)) out[k] = defs[k]?.single ? v.slice(0, 1) : v;
  return out;
}

async function rewrite(
  scope: CaseScope,
  row: EntityRow,
  properties: Properties,
  country: string,
  rec: Recording,
): Promise<number> {
  const [p] = prepareAll([{ id: row.id, schema: row.schema, properties, grading: gradingOf(row) }], country, {
    strictSelectors: false,
    skipRequired: true,
  });
  if (!p || !(await updateEntity(scope, p, row.version, { ...rec, provenanceSourceId: row.provenance_source_id }))) {
    throw errors.conflict(`${row.id} changed while this ran; try again`, 'keep');
  }
  return row.version + 1;
}

/** Entities whose properties name `id` (links by their ends, others by any reference). */
async function referencesTo(scope: CaseScope, id: string): Promise<EntityRow[]> {
  const rows = await rowsMentioning(scope, id);
  return rows.filter((r) => Object.values(propsOf(r)).some((vs) => vs.includes(id)));
}

/** Why an automatic join (assembly on import) was made: the identifier, and the sources of both records. */
export interface AutomaticJoin {
  reason: string;
  sources: string[];
}

export interface MergeMeta {
  pairKey: string;
  score: number;
  by: string;
  at: string;
  country: string;
  /** Set by assembly; an undo then records a rejection so the next import does not join them again. */
  automatic?: AutomaticJoin;
  /** Whom a partner's merge may alter (services/access/ownership.ts); absent: anyone's records. */
  mayAlter?: ((recordedBy: string | null) => boolean) | null;
  /** The entities referring to `id`, when the caller keeps an index of them (default: a scan of the case). */
  references?: (id: string) => Promise<EntityRow[]>;
}

/**
 * Merges `mergedId` into `keepId` inside the caller's transaction: values joined, every link and
 * reference re-pointed, the other deleted, all in entity history, and the merge stored for undo.
 * The kept entity's schema must be the merged one's or a descendant of it (a LegalEntity becomes
 * the Person or Company it is).
 */
export async function mergeInScope(
  scope: CaseScope,
  keepId: string,
  mergedId: string,
  meta: MergeMeta,
): Promise<{ id: string; repointed: number; keepId: string; mergedId: string }> {
  const id = uuidv7();
  let keep = await getEntity(scope, keepId);
  let merged = await getEntity(scope, mergedId);
  if (!keep) throw errors.validation(`No entity ${keepId} in this case`, 'keep');
  if (!merged) throw errors.validation(`No entity ${mergedId} in this case`, 'merge');
  // A LegalEntity merged with the Person or Company it is: the more specific record stays.
  if (keep.schema !== merged.schema && isA(merged.schema, keep.schema)) [keep, merged] = [merged, keep];
  if (keep.schema !== merged.schema && !isA(keep.schema, merged.schema))
    throw errors.validation(`A ${merged.schema} cannot be merged into a ${keep.schema}`, 'merge');
  const refs = (await (meta.references ?? ((x: string) => referencesTo(scope, x)))(merged.id)).filter(
    (r) => r.id !== keep.id,
  );
  // A merge rewrites the kept record and every reference and deletes the other: a partner may
  // do that only when all of them are its own agency's.
  if (meta.mayAlter && ![keep, merged, ...refs].every((r) => meta.mayAlter?.(r.recorded_by)))
    throw errors.forbidden("The case's owner recorded one of these; your agency may merge only its own records");
  const why = meta.automatic ? `${meta.automatic.reason}` : null;
  const rec = (change?: string): Recording => ({
    userId: meta.by,
    at: meta.at,
    provenanceSourceId: null,
    ...(change ? { change } : {}),
  });
  const after: Record<string, number> = {};
  const union = unionProperties(propsOf(keep), propsOf(merged)) ?? propsOf(keep);
  after[keep.id] = await rewrite(
    scope,
    keep,
    keepSingles(keep.schema, union),
    meta.country,
    rec(why ? `join: ${merged.id} (${why})` : undefined),
  );
  for (const r of refs) {
    const props: Properties = {};
    for (const [k, vs] of Object.entries(propsOf(r)))
      props[k] = [...new Set(vs.map((v) => (v === merged.id ? keep.id : v)))];
    after[r.id] = await rewrite(
      scope,
      r,
      props,
      meta.country,
      rec(why ? `re-pointed to ${keep.id} (${why})` : undefined),
    );
  }
  await deleteEntity(scope, merged, rec(why ? `joined into ${keep.id} (${why})` : undefined));
  const before: Before = { keep, merged, refs, ...(meta.automatic ? { automatic: meta.automatic } : {}) };
  await insertMerge(scope, {
    id,
    keep_id: keep.id,
    merged_id: merged.id,
    pair_key: meta.pairKey,
    before: JSON.stringify(before),
    after_versions: JSON.stringify(after),
    merged_by: meta.by,
    merged_at: meta.at,
    undone_by: null,
    undone_at: null,
  });
  await saveDecision(scope, {
    pairKey: meta.pairKey,
    a: keep.id,
    b: merged.id,
    status: 'merged',
    score: meta.score,
    mergeId: id,
    by: meta.by,
  });
  return { id, repointed: refs.length, keepId: keep.id, mergedId: merged.id };
}

export async function mergePair(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  input: { keep: string; merge: string },
): Promise<MergeOut> {
  const kase = await requireCase(store, access.caseId);
  const pair = await scoredPair(store, access, input.keep, input.merge, ['keep', 'merge']);
  const mayAlter = await ownRecordsOf(store, access);
  const at = new Date().toISOString();
  const out = await store.transaction(async (trx) => {
    const scope = store.scope(access.caseId).in(trx);
    return mergeInScope(scope, input.keep, input.merge, {
      pairKey: pair.pairKey,
      score: pair.score,
      by: actor.id,
      at,
      country: kase.country,
      mayAlter,
    });
  });
  return {
    id: out.id,
    keepId: out.keepId,
    mergedId: out.mergedId,
    mergedAt: at,
    undoneAt: null,
    repointed: out.repointed,
  };
}

export async function undoMerge(store: Store, actor: Actor, access: CaseAccess, mergeId: string): Promise<MergeOut> {
  const kase = await requireCase(store, access.caseId);
  // A partner undoes only the merges its own agency made.
  const made = await getMerge(store.scope(access.caseId), mergeId);
  if (made) await requireOwnRecord(store, access, made.merged_by);
  const at = new Date().toISOString();
  let out: MergeOut | undefined;
  await store.transaction(async (trx) => {
    const scope = store.scope(access.caseId).in(trx);
    const m = await getMerge(scope, mergeId);
    if (!m) throw errors.notFound('Merge');
    if (m.undone_at) throw errors.conflict(`This merge was already undone on ${m.undone_at}`, 'mergeId');
    const before = JSON.parse(m.before) as Before;
    const after = JSON.parse(m.after_versions) as Record<string, number>;
    const rec: Recording = { userId: actor.id, at, provenanceSourceId: null };
    if (await getEntity(scope, before.merged.id))
      throw errors.conflict(`An entity ${before.merged.id} exists again; undo by hand`, 'mergeId');
    for (const row of [before.keep, ...before.refs]) {
      const now = await getEntity(scope, row.id);
      if (!now || now.version !== after[row.id])
        throw errors.conflict(`${now?.caption ?? row.id} changed since the merge; undo by hand`, 'mergeId');
      await rewrite(scope, now, propsOf(row), kase.country, rec);
    }
    const g = before.merged;
    const [p] = prepareAll(
      [{ id: g.id, schema: g.schema, properties: propsOf(g), grading: gradingOf(g) }],
      kase.country,
      { strictSelectors: false, skipRequired: true },
    );
    if (!p) throw errors.conflict('The merged entity cannot be restored', 'mergeId');
    await restoreEntity(scope, p, g, { userId: actor.id, at });
    await markMergeUndone(scope, mergeId, actor.id, at);
    if (before.automatic)
      // An automatic join undone is the analyst saying "not one": the next import must not join them again.
      await saveDecision(scope, {
        pairKey: m.pair_key,
        a: m.keep_id,
        b: m.merged_id,
        status: 'rejected',
        score: 0,
        mergeId: null,
        by: actor.id,
      });
    // The pair is open again: the analyst decides anew.
    else await deleteDecision(scope, m.pair_key);
    out = {
      id: m.id,
      keepId: m.keep_id,
      mergedId: m.merged_id,
      mergedAt: m.merged_at,
      undoneAt: at,
      repointed: before.refs.length,
    };
  });
  if (!out) throw errors.notFound('Merge');
  return out;
}

export async function listMerges(store: Store, caseId: string): Promise<MergeOut[]> {
  const rows = await recentMerges(store.scope(caseId));
  return rows.map((r) => ({
    id: r.id,
    keepId: r.keep_id,
    mergedId: r.merged_id,
    mergedAt: r.merged_at,
    undoneAt: r.undone_at,
    repointed: Object.keys(JSON.parse(r.after_versions) as object).length - 1,
  }));
}

export const caseMerges = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'resolutionMerges' },
  run: async ({ store, caseId }) => ({ merges: await listMerges(store, caseId) }),
});

export const mergeRecords = caseUseCase({
  permission: 'case:write',
  audit: { action: 'combination', target: 'resolutionMerge' },
  run: async ({ store, actor, access, audit }, input: { keep: string; merge: string }) => {
    const out = await mergePair(store, actor, access, input);
    audit.target(out.id);
    audit.returned([input.keep, input.merge]);
    return out;
  },
});

export const undoRecordMerge = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'resolutionMerge', targetOf: (i: { mergeId: string }) => i.mergeId },
  run: async ({ store, actor, access, audit }, { mergeId }: { mergeId: string }) => {
    const out = await undoMerge(store, actor, access, mergeId);
    audit.returned([out.keepId, out.mergedId]);
    return out;
  },
});
