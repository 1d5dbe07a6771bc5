/** Victims' proceedings files (case-scoped, one per person), and the persons a case may hold them for. */
import type { CaseScope } from '../../caseScope.ts';
import type { VictimFilesTable } from '../../schema/index.ts';

export type VictimFileRow = VictimFilesTable;
export type VictimFileValues = Omit<VictimFileRow, 'case_id' | 'person_id' | 'compensation'>;

/** The case's persons, to pick its victims from. */
export const casePersons = (scope: CaseScope) =>
  scope.selectFrom('entities').select(['id', 'caption', 'properties']).where('schema', '=', 'Person').execute();

export const listVictimFiles = (scope: CaseScope) => scope.selectFrom('victim_files').selectAll().execute();

export const getVictimFileRow = (scope: CaseScope, personId: string) =>
  scope.selectFrom('victim_files').selectAll().where('person_id', '=', personId).executeTakeFirst();

export const caseCountry = async (scope: CaseScope): Promise<string | undefined> =>
  (await scope.selectFrom('cases').select('country').executeTakeFirst())?.country;

export async function insertVictimFile(scope: CaseScope, personId: string, values: VictimFileValues): Promise<void> {
  await scope.insertInto('victim_files', { person_id: personId, compensation: null, ...values }).execute();
}

export async function updateVictimFile(
  scope: CaseScope,
  personId: string,
  values: Partial<Omit<VictimFileRow, 'case_id' | 'person_id'>>,
): Promise<void> {
  await scope.updateTable('victim_files').set(values).where('person_id', '=', personId).execute();
}
