/**
 * Assessments of persons (a new one supersedes the last; none is overwritten), the observations
 * recorded about them, and the evidence an assessment may cite.
 */
import type { CaseScope } from '../../caseScope.ts';
import type {
  AssessmentsTable,
  EntitiesTable,
  IndicatorObservationsTable,
  PendingObservationsTable,
} from '../../schema/index.ts';

export type AssessmentRow = AssessmentsTable;
export type ObservationRow = IndicatorObservationsTable;
export type PendingObservationRow = PendingObservationsTable;
export type EvidenceKind = 'note' | 'finding' | 'file' | 'observation' | 'transaction';

/** Whether the case holds the note, finding, file, observation or statement line an assessment cites. */
export async function evidenceRowExists(scope: CaseScope, kind: EvidenceKind, id: string): Promise<boolean> {
  switch (kind) {
    case 'note':
      return !!(await scope.selectFrom('notes').select('id').where('id', '=', id).executeTakeFirst());
    case 'finding':
      return !!(await scope.selectFrom('findings').select('id').where('id', '=', id).executeTakeFirst());
    case 'file':
      return !!(await scope.selectFrom('case_files').select('id').where('id', '=', id).executeTakeFirst());
    case 'observation':
      return !!(await scope.selectFrom('indicator_observations').select('id').where('id', '=', id).executeTakeFirst());
    case 'transaction':
      return !!(await scope.selectFrom('transactions').select('id').where('id', '=', id).executeTakeFirst());
  }
}

/** The id of the person's newest assessment (the one a new assessment supersedes). */
export async function latestAssessmentId(scope: CaseScope, personId: string): Promise<string | undefined> {
  const row = await scope
    .selectFrom('assessments')
    .select('id')
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}

export async function insertAssessment(scope: CaseScope, row: Omit<AssessmentRow, 'case_id'>): Promise<void> {
  await scope.insertInto('assessments', row).execute();
}

/** Newest first. */
export async function assessmentsOfPerson(scope: CaseScope, personId: string): Promise<AssessmentRow[]> {
  return scope
    .selectFrom('assessments')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Oldest first. */
export async function caseAssessments(scope: CaseScope): Promise<AssessmentRow[]> {
  return scope.selectFrom('assessments').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** The case's persons (of the given ids only, when given), by caption. */
export async function personRows(
  scope: CaseScope,
  ids?: readonly string[],
): Promise<Pick<EntitiesTable, 'id' | 'caption' | 'properties' | 'schema'>[]> {
  let query = scope
    .selectFrom('entities')
    .select(['id', 'caption', 'properties', 'schema'])
    .where('schema', '=', 'Person');
  if (ids) query = query.where('id', 'in', [...ids]);
  return query.orderBy('caption').orderBy('id').execute();
}

/** Every Person entity of the case, whole. */
export async function personEntities(scope: CaseScope): Promise<EntitiesTable[]> {
  return scope.selectFrom('entities').selectAll().where('schema', '=', 'Person').execute();
}

/** The person each observation is about, one row per observation. */
export async function observationPersons(scope: CaseScope): Promise<{ person_id: string }[]> {
  return scope.selectFrom('indicator_observations').select(['person_id']).execute();
}

/** Observations in the order recorded: of one person, of some persons, or all. */
export async function observationRows(
  scope: CaseScope,
  persons?: { one: string } | { some: readonly string[] },
): Promise<ObservationRow[]> {
  let q = scope.selectFrom('indicator_observations').selectAll();
  if (persons && 'one' in persons) q = q.where('person_id', '=', persons.one);
  else if (persons) q = q.where('person_id', 'in', persons.some.length ? [...persons.some] : ['-']);
  return q.orderBy('recorded_at').orderBy('id').execute();
}

/** The entities each observation's evidence sits on. */
export async function observationEntityIds(
  scope: CaseScope,
  ids: readonly string[],
): Promise<{ id: string; entity_ids: string }[]> {
  if (!ids.length) return [];
  return scope
    .selectFrom('indicator_observations')
    .select(['id', 'entity_ids'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Inserts observations 500 at a time (call inside a transaction). */
export async function insertObservations(scope: CaseScope, rows: readonly Omit<ObservationRow, 'case_id'>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await scope.insertInto('indicator_observations', rows.slice(i, i + 500)).execute();
}

/** Observations whose identifiers named no person of the case when recorded, oldest first. */
export async function pendingObservationRows(scope: CaseScope): Promise<PendingObservationRow[]> {
  return scope.selectFrom('pending_observations').selectAll().orderBy('recorded_at').orderBy('id').execute();
}

export async function insertPendingObservations(
  scope: CaseScope,
  rows: readonly Omit<PendingObservationRow, 'case_id'>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await scope.insertInto('pending_observations', rows.slice(i, i + 500)).execute();
}

export async function deletePendingObservations(scope: CaseScope, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await scope
      .deleteFrom('pending_observations')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}
