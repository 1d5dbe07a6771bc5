import { z } from 'zod';
import { JournalCreate, NoteCreate, SourceCreate } from '../../../shared/contracts/index.ts';
import {
  addCaseNote,
  addEntityNote,
  addJournalEntry,
  addSource,
  caseJournal,
  caseNotes,
  caseSources,
} from '../../../services/cases/index.ts';
import { CaseParams } from './cases.ts';
import type { Router } from '../router.ts';

const EntityParams = CaseParams.extend({ entityId: z.string().min(1).max(200) });

/** Notes on entities and on the case, the case journal, and provenance sources. */
export function noteRoutes(r: Router): void {
  r({
    method: 'POST',
    url: '/api/cases/:caseId/entities/:entityId/notes',
    tag: 'notes',
    summary: 'Add a note or an assessment to an entity',
    status: 201,
    params: EntityParams,
    body: NoteCreate,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, params, body }) =>
      addEntityNote(store, caller, caseId, { entityId: params.entityId, note: body }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/notes',
    tag: 'notes',
    summary: 'Add a note on the case as a whole',
    status: 201,
    params: CaseParams,
    body: NoteCreate,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => addCaseNote(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/notes',
    tag: 'notes',
    summary: 'Notes on the case as a whole',
    params: CaseParams,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId }) => caseNotes(store, caller, caseId),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/journal',
    tag: 'journal',
    summary: 'The case journal: decisions and actions, newest first',
    params: CaseParams,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId }) => caseJournal(store, caller, caseId),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/journal',
    tag: 'journal',
    summary: 'Record a decision, action or event in the case journal',
    status: 201,
    params: CaseParams,
    body: JournalCreate,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => addJournalEntry(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/sources',
    tag: 'provenance',
    summary: 'Provenance sources: import batches, evidence documents, officer notes',
    params: CaseParams,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId }) => caseSources(store, caller, caseId),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/sources',
    tag: 'provenance',
    summary: 'Register a source that facts can cite',
    status: 201,
    params: CaseParams,
    body: SourceCreate,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => addSource(store, caller, caseId, body),
  });
}
