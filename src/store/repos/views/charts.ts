/** Link charts saved in a case, with their layout (and an imported file's own graph). */
import type { CaseScope } from '../../caseScope.ts';
import type { ChartsTable } from '../../schema/index.ts';

export type ChartRow = ChartsTable;

/** Newest first. */
export async function listChartRows(scope: CaseScope): Promise<ChartRow[]> {
  return scope.selectFrom('charts').selectAll().orderBy('updated_at', 'desc').orderBy('id').execute();
}

export async function getChartRow(scope: CaseScope, id: string): Promise<ChartRow | undefined> {
  return scope.selectFrom('charts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function chartIdNamed(scope: CaseScope, name: string): Promise<string | undefined> {
  const row = await scope.selectFrom('charts').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id;
}

export async function insertChartRow(scope: CaseScope, row: Omit<ChartRow, 'case_id'>): Promise<void> {
  await scope.insertInto('charts', row).execute();
}

/** Writes the new layout when the chart is still at `version`; false when a colleague saved first. */
export async function updateChartRow(
  scope: CaseScope,
  id: string,
  version: number,
  patch: Pick<ChartRow, 'name' | 'content' | 'node_count' | 'updated_at' | 'version'>,
): Promise<boolean> {
  const res = await scope
    .updateTable('charts')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteChartRow(scope: CaseScope, id: string): Promise<void> {
  await scope.deleteFrom('charts').where('id', '=', id).execute();
}
