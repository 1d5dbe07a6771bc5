/**
 * Red-flag findings, the runs that made them, and the case's proceeds model, case-scoped.
 */
import { sql } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type { FindingRunsTable, FindingsTable, ProceedsModelsTable } from '../../schema/index.ts';

export type FindingRow = FindingsTable;
export type RunRow = FindingRunsTable;
type NewFinding = Omit<FindingRow, 'case_id'>;

/** Creation time of each finding, of decided findings or of open ones. */
export async function findingDates(s: CaseScope, decided: boolean): Promise<Map<string, string>> {
  const rows = await s
    .selectFrom('findings')
    .select(['id', 'created_at'])
    .where('status', decided ? '!=' : '=', 'open')
    .execute();
  return new Map(rows.map((r) => [r.id, r.created_at]));
}

export const deleteOpenFindings = (s: CaseScope) => s.deleteFrom('findings').where('status', '=', 'open').execute();

export const updateFinding = (s: CaseScope, id: string, values: Partial<NewFinding>) =>
  s.updateTable('findings').set(values).where('id', '=', id).execute();

export async function insertFindings(s: CaseScope, rows: readonly NewFinding[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await s.insertInto('findings', rows.slice(i, i + 200)).execute();
}

/** Marks decided findings a run no longer reports as not current. */
export async function markNotCurrent(s: CaseScope, ids: readonly string[], now: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 200)
    await s
      .updateTable('findings')
      .set({ current: 0, updated_at: now })
      .where('id', 'in', ids.slice(i, i + 200))
      .execute();
}

export const insertRun = (s: CaseScope, row: Omit<RunRow, 'case_id'>) => s.insertInto('finding_runs', row).execute();

export const lastRun = (s: CaseScope): Promise<RunRow | undefined> =>
  s
    .selectFrom('finding_runs')
    .selectAll()
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

export interface FindingFilter {
  rule?: string | undefined;
  status?: string | undefined;
  subjectId?: string | undefined;
  /** Findings flagging this account. */
  accountId?: string | undefined;
  minScore?: number | undefined;
  /** Include decided findings a later run no longer reports. */
  includeOld?: boolean | undefined;
  after?: { score: number; id: string } | undefined;
  limit: number;
}

/** Findings, strongest first, keyset-paged by (score, id). */
export async function listFindings(s: CaseScope, q: FindingFilter): Promise<FindingRow[]> {
  let query = s.selectFrom('findings').selectAll();
  if (q.rule) query = query.where('rule', '=', q.rule);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  if (q.accountId) {
    // The JSON list holds the id in quotes; LIKE metacharacters in it are matched literally.
    const pattern = `%${JSON.stringify(q.accountId).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`${sql.ref('account_ids')} LIKE ${pattern} ESCAPE '\\'`);
  }
  if (q.minScore !== undefined) query = query.where('score', '>=', q.minScore);
  if (!q.includeOld) query = query.where('current', '=', 1);
  if (q.after) {
    const { score, id } = q.after;
    query = query.where((eb) => eb.or([eb('score', '<', score), eb.and([eb('score', '=', score), eb('id', '>', id)])]));
  }
  return query.orderBy('score', 'desc').orderBy('id').limit(q.limit).execute();
}

export const findingById = (s: CaseScope, id: string): Promise<FindingRow | undefined> =>
  s.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();

/** Current findings of the rules the proceeds estimate rests on, not dismissed. */
export const proceedsFindings = (s: CaseScope, rules: readonly string[]) =>
  s
    .selectFrom('findings')
    .select(['id', 'rule', 'variant', 'subject_id', 'subject_kind', 'account_ids'])
    .where('rule', 'in', rules)
    .where('status', '!=', 'dismissed')
    .where('current', '=', 1)
    .execute();

export const proceedsModelRow = (s: CaseScope, id: string): Promise<ProceedsModelsTable | undefined> =>
  s.selectFrom('proceeds_models').selectAll().where('id', '=', id).executeTakeFirst();

/** Replaces the case's proceeds model (inside the caller's transaction). */
export async function replaceProceedsModel(s: CaseScope, row: Omit<ProceedsModelsTable, 'case_id'>): Promise<void> {
  await s.deleteFrom('proceeds_models').where('id', '=', row.id).execute();
  await s.insertInto('proceeds_models', row).execute();
}
