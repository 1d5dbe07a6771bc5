/** Free-text notes and assessments on entities, the case journal, and provenance sources. */
import type { CaseScope } from '../../caseScope.ts';
import type { JournalTable, NotesTable, SourcesTable } from '../../schema/index.ts';

export type NoteRow = NotesTable;
export type JournalRow = JournalTable;
export type SourceRow = SourcesTable;

export async function insertNote(scope: CaseScope, row: Omit<NoteRow, 'case_id'>): Promise<void> {
  await scope.insertInto('notes', row).execute();
  // Notes are searchable like names and properties.
  await scope
    .insertInto('search_docs', { doc_id: row.id, entity_id: row.entity_id, kind: row.kind, text: row.text })
    .execute();
}

export async function listNotes(scope: CaseScope, entityId: string | null): Promise<NoteRow[]> {
  const q = scope.selectFrom('notes').selectAll();
  return (entityId === null ? q.where('entity_id', 'is', null) : q.where('entity_id', '=', entityId))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertJournal(scope: CaseScope, row: Omit<JournalRow, 'case_id'>): Promise<void> {
  await scope.insertInto('journal', row).execute();
}

export async function listJournal(scope: CaseScope, limit = 500): Promise<JournalRow[]> {
  return scope
    .selectFrom('journal')
    .selectAll()
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertSource(scope: CaseScope, row: Omit<SourceRow, 'case_id'>): Promise<void> {
  await scope.insertInto('sources', row).execute();
}

export async function getSource(scope: CaseScope, id: string): Promise<SourceRow | undefined> {
  return scope.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSources(scope: CaseScope): Promise<SourceRow[]> {
  return scope.selectFrom('sources').selectAll().orderBy('created_at').execute();
}
