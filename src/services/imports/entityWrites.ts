/**
 * Write steps of the import pipeline that check and merge against what the case already holds:
 * statement lines must name bank accounts of the case or file; entities keyed by a selector merge
 * into the one already there.
 */
import type { PreparedEntity } from '../../domain/entity/prepared.ts';
import { sameProperties, unionProperties } from '../../domain/entity/merge.ts';
import type { EntityRecord, Grading, TransactionRecord } from '../../domain/records.ts';
import { isA } from '../../domain/schema/registry.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { errors } from '../../shared/errors.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { getEntities, getEntity, refreshCaption, updateEntity } from '../../store/repos/entities/entities.ts';
import type { Recording } from '../../store/repos/entities/entities.ts';
import { prepareAll } from '../entities/index.ts';

/**
 * Every account a statement line names must be a bank account of the case or file. `verified`
 * holds the ids already found to be one in this import (a statement names its accounts over and
 * over), so only ids new to it are read.
 */
export async function checkAccounts(
  scope: CaseScope,
  batch: readonly { line: number; record: Pick<TransactionRecord, 'accountId' | 'counterpartyAccountId'> }[],
  inFile: Map<string, number>,
  verified: Set<string> = new Set(),
): Promise<void> {
  const ids = new Set<string>();
  for (const b of batch) {
    if (!verified.has(b.record.accountId)) ids.add(b.record.accountId);
    const cp = b.record.counterpartyAccountId;
    if (cp && !verified.has(cp)) ids.add(cp);
  }
  if (!ids.size) return;
  for (const e of await getEntities(scope, [...ids])) if (e.schema === 'BankAccount') verified.add(e.id);
  for (const b of batch) {
    for (const id of [b.record.accountId, b.record.counterpartyAccountId]) {
      if (id && !verified.has(id)) {
        throw errors.importFailed(
          `${id} is not a bank account in this case${inFile.has(id) ? '' : ' or file'}`,
          `line ${b.line}`,
        );
      }
    }
  }
}

export interface PendingEntity {
  line: number;
  record: EntityRecord;
  merge: boolean;
}

/** Mergeable items repeated within one chunk become one, their values combined. */
export function combineMergeable(items: readonly PendingEntity[]): PendingEntity[] {
  const out: PendingEntity[] = [];
  const at = new Map<string, number>();
  for (const item of items) {
    const i = item.merge ? at.get(item.record.id) : undefined;
    const prev = i === undefined ? undefined : out[i];
    if (prev) {
      const props = unionProperties(prev.record.properties, item.record.properties);
      if (props) out[i as number] = { ...prev, record: { ...prev.record, properties: props } };
      continue;
    }
    if (item.merge) at.set(item.record.id, out.length);
    out.push(item);
  }
  return out;
}

/** Adds an import's values to an entity already in the case; false when nothing was new. */
export async function mergeExisting(
  scope: CaseScope,
  incoming: PreparedEntity,
  country: string,
  rec: Recording,
  where: string,
): Promise<boolean> {
  const row = await getEntity(scope, incoming.id);
  if (!row) return false;
  // An entity a join narrowed (a statement's LegalEntity holder now a Person) takes the file's values as before.
  if (row.schema !== incoming.schema && !isA(row.schema, incoming.schema))
    throw errors.conflict(
      `${incoming.id} is a ${row.schema} in this case, not a ${incoming.schema}`,
      where.replace(/:$/, ''),
    );
  const props = unionProperties(JSON.parse(row.properties) as Properties, incoming.properties);
  if (!props) return false;
  const [next] = prepareAll(
    [
      {
        id: row.id,
        schema: row.schema,
        properties: props,
        grading: {
          reliability: row.reliability as Grading['reliability'],
          information: row.information as Grading['information'],
        },
      },
    ],
    country,
    { strictSelectors: false, skipRequired: true },
  );
  if (!next) return false;
  return updateEntity(scope, next, row.version, { ...rec, provenanceSourceId: row.provenance_source_id });
}

/**
 * An entity the case already holds under the id the file gives it (the same file, or a newer
 * export of the same source, imported again): unchanged values leave it as it is (false; only a
 * caption computed by an earlier rule is renewed); changed ones are written as its next version,
 * its grading kept (true). Another schema under that id is refused: it is not the same entity.
 */
export async function reimportExisting(
  scope: CaseScope,
  incoming: PreparedEntity,
  rec: Recording,
  where: string,
): Promise<boolean> {
  const row = await getEntity(scope, incoming.id);
  if (!row) return false;
  if (row.schema !== incoming.schema)
    throw errors.conflict(
      `${incoming.id} is a ${row.schema} in this case, not a ${incoming.schema}`,
      where.replace(/:$/, ''),
    );
  if (sameProperties(JSON.parse(row.properties) as Properties, incoming.properties)) {
    // Stored before captions followed FtM's rule (a company shown by a former name): named anew.
    if (row.caption !== incoming.caption) await refreshCaption(scope, incoming);
    return false;
  }
  const grading = {
    reliability: row.reliability as Grading['reliability'],
    information: row.information as Grading['information'],
  };
  const next = { ...incoming, grading };
  if (!(await updateEntity(scope, next, row.version, { ...rec, provenanceSourceId: row.provenance_source_id })))
    throw errors.conflict(`${incoming.id} changed while it was being imported`, where.replace(/:$/, ''));
  return true;
}
