/**
 * Entity and link operations shared by the API, the CLI and importers. All writes of one call
 * happen in one transaction: a bad entity anywhere in a batch leaves the case untouched.
 */
import type { PreparedEntity } from '../../domain/entity/prepared.ts';
import type { Grading } from '../../domain/records.ts';
import type { EntityOut } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { prepareAll } from './prepareAll.ts';
import type { PrepareInput } from './prepare.task.ts';
import { runTask } from '../workers/index.ts';
import { withServerIds } from './prepareAll.ts';
import type { EntityWrite, WriteOptions } from './prepareAll.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import {
  deleteEntity,
  existingIds,
  getEntity,
  insertEntities,
  linksOf,
  updateEntity,
} from '../../store/repos/entities/entities.ts';
import type { EntityRow, Recording } from '../../store/repos/entities/entities.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import { getSource } from '../../store/repos/cases/notes.ts';
import { addSharedEntities } from '../../store/repos/cases/shares.ts';
import type { Store } from '../../store/store.ts';
import { presentEntity } from '../access/index.ts';

/** The case, read here rather than through the cases capability, which builds on this one. */
async function caseRow(store: Store, caseId: string) {
  const row = await getCase(store.scope(caseId));
  if (!row) throw errors.notFound('Case');
  return row;
}

/**
 * Who records: only the user id is kept. (Not the access capability's Actor: its visibility rules
 * present entities through this file.)
 */
export interface Author {
  id: string;
}

export { presentEntity };
export { atPath, prepareAll } from './prepareAll.ts';
export type { EntityWrite, WriteOptions } from './prepareAll.ts';

export async function writePrepared(
  scope: CaseScope,
  prepared: readonly PreparedEntity[],
  rec: Recording,
  opts: WriteOptions,
): Promise<void> {
  const name = (i: number, field: string) =>
    opts.itemPath ? `${opts.itemPath(i)}${opts.itemPath(i).endsWith(':') ? ' ' : '.'}${field}` : field;
  const seen = new Map<string, number>();
  prepared.forEach((p, i) => {
    if (seen.has(p.id)) throw errors.conflict(`Id ${p.id} appears twice`, name(i, 'id'));
    seen.set(p.id, i);
  });
  const clash = await existingIds(scope, [...seen.keys()]);
  if (clash.size) {
    const [first] = clash;
    throw errors.conflict(
      `An entity with id ${first} already exists in this case`,
      name(seen.get(first ?? '') ?? 0, 'id'),
    );
  }
  const ends = prepared
    .flatMap((p) => [p.sourceId, p.targetId])
    .filter((x): x is string => !!x && !seen.has(x) && (!opts.within || opts.within.has(x)));
  const found = await existingIds(scope, ends);
  prepared.forEach((p, i) => {
    for (const [end, id] of [
      ['source', p.sourceId],
      ['target', p.targetId],
    ] as const) {
      if (id && !seen.has(id) && !found.has(id)) {
        throw errors.validation(`The link's ${end} ${id} is not an entity of this case`, name(i, 'properties'));
      }
    }
  });
  await insertEntities(scope, prepared, rec);
}

/** Batches larger than this are validated on a pool thread; smaller ones are not worth the hop. */
const POOLED_BATCH = 200;

/** Validates the writes, on a pool thread when there are many (item paths as `itemPrefix[i]`). */
async function prepareWrites(
  items: readonly EntityWrite[],
  country: string,
  opts: WriteOptions & { itemPrefix?: string },
): Promise<PreparedEntity[]> {
  if (items.length <= POOLED_BATCH || opts.strictSelectors === false || opts.skipRequired)
    return prepareAll(items, country, opts);
  const input: PrepareInput = { items, country, ...(opts.itemPrefix ? { itemPrefix: opts.itemPrefix } : {}) };
  return runTask<PrepareInput, PreparedEntity[]>(new URL('./prepare.task.ts', import.meta.url), input);
}

/** Writes the entities in one transaction (all or nothing); their ids, in order. */
export async function writeEntities(
  store: Store,
  actor: Author,
  caseId: string,
  items: readonly EntityWrite[],
  opts: WriteOptions & { itemPrefix?: string } = {},
): Promise<string[]> {
  const kase = await caseRow(store, caseId);
  const prepared = await prepareWrites(opts.within ? withServerIds(items) : items, kase.country, opts);
  const at = new Date().toISOString();
  await store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    if (opts.sourceId && !(await getSource(scope, opts.sourceId)))
      throw errors.validation(`Unknown source ${opts.sourceId}`, 'sourceId');
    await writePrepared(scope, prepared, { userId: actor.id, at, provenanceSourceId: opts.sourceId ?? null }, opts);
    if (opts.sharedWith) {
      const agency = opts.sharedWith;
      await addSharedEntities(
        scope,
        agency,
        prepared.map((p) => p.id),
      );
    }
  });
  return prepared.map((p) => p.id);
}

/** Writes the entities (all or nothing) and reads them back as written. */
export async function createEntities(
  store: Store,
  actor: Author,
  caseId: string,
  items: readonly EntityWrite[],
  opts: WriteOptions = {},
): Promise<EntityOut[]> {
  const ids = await writeEntities(store, actor, caseId, items, opts);
  const rows = await Promise.all(ids.map((id) => getEntity(store.scope(caseId), id)));
  return rows.filter((r): r is EntityRow => !!r).map(presentEntity);
}

export async function requireEntity(scope: CaseScope, id: string): Promise<EntityRow> {
  const row = await getEntity(scope, id);
  if (!row) throw errors.notFound('Entity');
  return row;
}

/**
 * A change names only what it changes: each property given replaces that property's values (an
 * empty list removes it), the others stay, so a phone or status the client did not send is kept.
 */
function mergedProperties(stored: string, change: unknown): unknown {
  if (!change || typeof change !== 'object' || Array.isArray(change)) return change;
  const merged: Record<string, unknown> = { ...(JSON.parse(stored) as Record<string, unknown>) };
  for (const [k, v] of Object.entries(change)) {
    if (Array.isArray(v) && v.length === 0) delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

export async function editEntity(
  store: Store,
  actor: Author,
  caseId: string,
  id: string,
  input: { properties: unknown; grading?: Grading | undefined; version: number; replace?: boolean | undefined },
  within: ReadonlySet<string> | null = null,
): Promise<EntityOut> {
  const kase = await caseRow(store, caseId);
  const current = await requireEntity(store.scope(caseId), id);
  const properties = input.replace ? input.properties : mergedProperties(current.properties, input.properties);
  const [prepared] = prepareAll(
    [
      {
        id,
        schema: current.schema,
        properties,
        grading: input.grading ?? {
          reliability: current.reliability as Grading['reliability'],
          information: current.information as Grading['information'],
        },
      },
    ],
    kase.country,
    {},
  );
  if (!prepared) throw errors.validation('Nothing to update');
  await store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    for (const end of [prepared.sourceId, prepared.targetId]) {
      if (end && ((within && !within.has(end)) || !(await getEntity(scope, end))))
        throw errors.validation(`The link end ${end} is not an entity of this case`, 'properties');
    }
    const ok = await updateEntity(scope, prepared, input.version, {
      userId: actor.id,
      at: new Date().toISOString(),
      provenanceSourceId: current.provenance_source_id,
    });
    if (!ok)
      throw errors.conflict(`The entity changed since version ${input.version}; reload it and edit again`, 'version');
  });
  return presentEntity(await requireEntity(store.scope(caseId), id));
}

/** Deletes an entity; its links go with it only when asked (`withLinks`), never silently. */
export async function removeEntity(
  store: Store,
  actor: Author,
  caseId: string,
  id: string,
  withLinks: boolean,
): Promise<{ deleted: string[] }> {
  const deleted: string[] = [];
  await store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    const row = await getEntity(scope, id);
    if (!row) throw errors.notFound('Entity');
    const links = await linksOf(scope, id, 10_000);
    if (links.length && !withLinks) {
      throw errors.conflict(
        `${links.length} link(s) attach to this entity; delete them too with withLinks=true`,
        'withLinks',
      );
    }
    const rec = { userId: actor.id, at: new Date().toISOString(), provenanceSourceId: null };
    for (const l of links) {
      await deleteEntity(scope, l, rec);
      deleted.push(l.id);
    }
    await deleteEntity(scope, row, rec);
    deleted.push(id);
  });
  return { deleted };
}
