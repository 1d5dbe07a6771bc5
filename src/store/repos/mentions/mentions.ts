/**
 * Mentions: the analyst's decisions (mention_decisions), the texts mentions are read from (seized
 * messages and documents with a body) and the persons and companies whose names are looked for.
 */
import type { CaseScope } from '../../caseScope.ts';
import type { MentionDecisionsTable } from '../../schema/index.ts';
import type { EntityRow } from '../entities/entities.ts';

export type MentionDecisionRow = Omit<MentionDecisionsTable, 'case_id'>;

const CHUNK = 500;

/** The decisions taken on mentions in these documents. */
export async function decisionsOn(scope: CaseScope, documentIds: readonly string[]): Promise<MentionDecisionRow[]> {
  const out: MentionDecisionRow[] = [];
  const ids = [...new Set(documentIds)];
  for (let i = 0; i < ids.length; i += CHUNK)
    out.push(
      ...(await scope
        .selectFrom('mention_decisions')
        .select([
          'document_id',
          'kind',
          'value',
          'decision',
          'entity_id',
          'link_id',
          'snippet',
          'text_offset',
          'decided_by',
          'decided_at',
        ])
        .where('document_id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    );
  return out;
}

/** Records a decision, replacing an earlier one on the same mention of the same document. */
export async function saveDecision(scope: CaseScope, row: MentionDecisionRow): Promise<void> {
  await scope
    .deleteFrom('mention_decisions')
    .where('document_id', '=', row.document_id)
    .where('kind', '=', row.kind)
    .where('value', '=', row.value)
    .execute();
  await scope.insertInto('mention_decisions', row).execute();
}

/** Entities of `schemata` in id order, a page at a time after `afterId` (texts to read mentions in). */
export async function entitiesPage(
  scope: CaseScope,
  schemata: readonly string[],
  afterId: string | null,
  limit: number,
): Promise<EntityRow[]> {
  let q = scope
    .selectFrom('entities')
    .selectAll()
    .where('schema', 'in', [...schemata]);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}
