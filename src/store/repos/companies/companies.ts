/** What the company chains and red flags read of a case. */
import type { CaseScope } from '../../caseScope.ts';

/** The case's entities of the given schemata (companies, persons and the links between them). */
export async function entitiesOfSchemata(
  scope: CaseScope,
  schemata: readonly string[],
): Promise<{ id: string; schema: string; properties: string }[]> {
  return scope
    .selectFrom('entities')
    .select(['id', 'schema', 'properties'])
    .where('schema', 'in', [...schemata])
    .execute();
}
