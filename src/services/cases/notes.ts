/** Notes on entities and on the case, the case journal, and provenance sources. */
import type { z } from 'zod';
import type { JournalCreate, NoteCreate, SourceCreate } from '../../shared/contracts/index.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  insertJournal,
  insertNote,
  insertSource,
  listJournal,
  listNotes,
  listSources,
} from '../../store/repos/cases/notes.ts';
import type { Store } from '../../store/store.ts';
import { fileFor, requireVisibleEntity, visibilityOf } from '../access/index.ts';
import { listFiles } from '../../store/repos/files/files.ts';
import { caseUseCase } from '../useCase/index.ts';

type NoteInput = z.infer<typeof NoteCreate>;

async function writeNote(store: Store, caseId: string, author: string, entityId: string | null, body: NoteInput) {
  const id = uuidv7();
  const createdAt = new Date().toISOString();
  await store.transaction((trx) =>
    insertNote(store.scope(caseId).in(trx), {
      id,
      entity_id: entityId,
      kind: body.kind,
      text: body.text,
      author,
      created_at: createdAt,
    }),
  );
  return { id, entityId, kind: body.kind, text: body.text, author, createdAt };
}

export const addEntityNote = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'note' },
  run: async ({ store, caseId, actor, access, audit }, input: { entityId: string; note: NoteInput }) => {
    const v = await visibilityOf(store, access);
    await requireVisibleEntity(store, access, v, input.entityId);
    const note = await writeNote(store, caseId, actor.id, input.entityId, input.note);
    audit.target(note.id);
    return note;
  },
});

export const addCaseNote = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'note' },
  run: async ({ store, caseId, actor, audit }, note: NoteInput) => {
    const out = await writeNote(store, caseId, actor.id, null, note);
    audit.target(out.id);
    return out;
  },
});

export const caseNotes = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'notes' },
  // Case notes, the journal and sources concern the whole case: a partial share sees none of them.
  run: async ({ store, caseId, access }) => ({
    notes: (access.partial ? [] : await listNotes(store.scope(caseId), null)).map((n) => ({
      id: n.id,
      kind: n.kind,
      text: n.text,
      author: n.author,
      createdAt: n.created_at,
    })),
  }),
});

const presentJournal = (j: {
  id: string;
  kind: string;
  text: string;
  occurred_at: string;
  author: string;
  created_at: string;
}) => ({ id: j.id, kind: j.kind, text: j.text, occurredAt: j.occurred_at, author: j.author, createdAt: j.created_at });

export const caseJournal = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'journal' },
  run: async ({ store, caseId, access }) => ({
    entries: (access.partial ? [] : await listJournal(store.scope(caseId))).map(presentJournal),
  }),
});

export const addJournalEntry = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'journal' },
  run: async ({ store, caseId, actor, audit }, entry: z.infer<typeof JournalCreate>) => {
    const now = new Date().toISOString();
    const row = {
      id: uuidv7(),
      kind: entry.kind,
      text: entry.text,
      occurred_at: entry.occurredAt ?? now,
      author: actor.id,
      created_at: now,
    };
    await store.transaction((trx) => insertJournal(store.scope(caseId).in(trx), row));
    audit.target(row.id);
    return presentJournal(row);
  },
});

const presentSource = (s: {
  id: string;
  kind: string;
  label: string;
  sha256: string | null;
  file_name: string | null;
  created_by: string;
  created_at: string;
}) => ({
  id: s.id,
  kind: s.kind,
  label: s.label,
  sha256: s.sha256,
  fileName: s.file_name,
  createdBy: s.created_by,
  createdAt: s.created_at,
});

export const caseSources = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'sources' },
  run: async ({ store, caseId, access }) => {
    if (access.partial) return { sources: [] };
    const v = await visibilityOf(store, access);
    // An evidence upload's source is labelled with the file's name: withheld as the file's is.
    const entityOfSource = new Map(
      (await listFiles(store.scope(caseId))).flatMap((f) => (f.source_id ? [[f.source_id, f.entity_id]] : [])),
    );
    const sources = (await listSources(store.scope(caseId))).map((s) => {
      const shown = fileFor(v, s.id, { entityId: entityOfSource.get(s.id) ?? null, fileName: s.label });
      return shown && shown.fileName !== s.label ? { ...s, label: shown.fileName, file_name: shown.fileName } : s;
    });
    return { sources: sources.map(presentSource) };
  },
});

export const addSource = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'source' },
  run: async ({ store, caseId, actor, audit }, source: z.infer<typeof SourceCreate>) => {
    const row = {
      id: uuidv7(),
      kind: source.kind,
      label: source.label,
      sha256: source.sha256 ?? null,
      file_name: source.fileName ?? null,
      created_by: actor.id,
      created_at: new Date().toISOString(),
    };
    await store.transaction((trx) => insertSource(store.scope(caseId).in(trx), row));
    audit.target(row.id);
    return presentSource(row);
  },
});
