import { z } from 'zod';
import { JournalCreate, NoteCreate, SourceCreate } from '../../../shared/contracts/index.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { requireVisibleEntity, visibilityOf } from '../../../services/access/visibility.ts';
import {
  insertJournal,
  insertNote,
  insertSource,
  listJournal,
  listNotes,
  listSources,
} from '../../../store/repos/cases/notes.ts';
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
    audit: { action: 'collection', target: 'note' },
    handler: async ({ store, caseId, params, body, actor, setAuditTarget, access }) => {
      const id = uuidv7();
      const createdAt = new Date().toISOString();
      const v = await visibilityOf(store, access);
      await requireVisibleEntity(store, access, v, params.entityId);
      await store.transaction(async (trx) => {
        const scope = store.scope(caseId).in(trx);
        await insertNote(scope, {
          id,
          entity_id: params.entityId,
          kind: body.kind,
          text: body.text,
          author: actor.id,
          created_at: createdAt,
        });
      });
      setAuditTarget(id);
      return { id, entityId: params.entityId, kind: body.kind, text: body.text, author: actor.id, createdAt };
    },
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
    audit: { action: 'collection', target: 'note' },
    handler: async ({ store, caseId, body, actor, setAuditTarget }) => {
      const id = uuidv7();
      const createdAt = new Date().toISOString();
      await store.transaction((trx) =>
        insertNote(store.scope(caseId).in(trx), {
          id,
          entity_id: null,
          kind: body.kind,
          text: body.text,
          author: actor.id,
          created_at: createdAt,
        }),
      );
      setAuditTarget(id);
      return { id, entityId: null, kind: body.kind, text: body.text, author: actor.id, createdAt };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/notes',
    tag: 'notes',
    summary: 'Notes on the case as a whole',
    params: CaseParams,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'notes' },
    handler: async ({ store, caseId }) => ({
      notes: (await listNotes(store.scope(caseId), null)).map((n) => ({
        id: n.id,
        kind: n.kind,
        text: n.text,
        author: n.author,
        createdAt: n.created_at,
      })),
    }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/journal',
    tag: 'journal',
    summary: 'The case journal: decisions and actions, newest first',
    params: CaseParams,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'journal' },
    handler: async ({ store, caseId }) => ({
      entries: (await listJournal(store.scope(caseId))).map((j) => ({
        id: j.id,
        kind: j.kind,
        text: j.text,
        occurredAt: j.occurred_at,
        author: j.author,
        createdAt: j.created_at,
      })),
    }),
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
    audit: { action: 'collection', target: 'journal' },
    handler: async ({ store, caseId, body, actor, setAuditTarget }) => {
      const now = new Date().toISOString();
      const row = {
        id: uuidv7(),
        kind: body.kind,
        text: body.text,
        occurred_at: body.occurredAt ?? now,
        author: actor.id,
        created_at: now,
      };
      await store.transaction((trx) => insertJournal(store.scope(caseId).in(trx), row));
      setAuditTarget(row.id);
      return {
        id: row.id,
        kind: row.kind,
        text: row.text,
        occurredAt: row.occurred_at,
        author: row.author,
        createdAt: row.created_at,
      };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/sources',
    tag: 'provenance',
    summary: 'Provenance sources: import batches, evidence documents, officer notes',
    params: CaseParams,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'sources' },
    handler: async ({ store, caseId }) => ({
      sources: (await listSources(store.scope(caseId))).map((s) => ({
        id: s.id,
        kind: s.kind,
        label: s.label,
        sha256: s.sha256,
        fileName: s.file_name,
        createdBy: s.created_by,
        createdAt: s.created_at,
      })),
    }),
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
    audit: { action: 'collection', target: 'source' },
    handler: async ({ store, caseId, body, actor, setAuditTarget }) => {
      const row = {
        id: uuidv7(),
        kind: body.kind,
        label: body.label,
        sha256: body.sha256 ?? null,
        file_name: body.fileName ?? null,
        created_by: actor.id,
        created_at: new Date().toISOString(),
      };
      await store.transaction((trx) => insertSource(store.scope(caseId).in(trx), row));
      setAuditTarget(row.id);
      return {
        id: row.id,
        kind: row.kind,
        label: row.label,
        sha256: row.sha256,
        fileName: row.file_name,
        createdBy: row.created_by,
        createdAt: row.created_at,
      };
    },
  });
}
