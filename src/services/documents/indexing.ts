/**
 * The search facts of seized documents, derived from their entities: type, sender, recipients
 * and day for the filters, the near-duplicate signature and its bands, and the indicator
 * language the text shows. Written by the import that brought the documents (in its
 * transaction), and for documents written otherwise (before the index existed, by hand) when a
 * search first meets them.
 */
import { bandKeys, encodeSignature, signatureOf } from '../../domain/documents/nearDuplicates.ts';
import { markMessage } from '../../domain/indicators/messageMarks.ts';
import { foldText } from '../../domain/selectors/index.ts';
import type { DocumentKind } from '../../shared/contracts/documents.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import type { Store } from '../../store/store.ts';
import {
  documentIndexComplete,
  unindexedDocuments,
  writeDocumentIndex,
  type DocumentIndexRow,
} from '../../store/repos/documents/documentIndex.ts';
import { entitiesOfSource } from '../../store/repos/documents/documents.ts';
import { getEntities, type EntityRow } from '../../store/repos/entities/entities.ts';
import { first, propsOf } from './parts.ts';

/** The schemata search finds, and the type each is shown as. */
export const KIND_OF_SCHEMA: Readonly<Record<string, DocumentKind>> = {
  Email: 'mail',
  Message: 'chat',
  Page: 'pdf',
  Document: 'office',
  Table: 'office',
  Image: 'image',
  PlainText: 'text',
  HyperText: 'text',
};
export const DOCUMENT_SCHEMATA = Object.keys(KIND_OF_SCHEMA);

/** The words a document says: an e-mail's subject and body, any other's body text. */
export function textOf(row: EntityRow): string {
  const p = propsOf(row);
  const body = (p['bodyText'] ?? []).join('\n');
  return row.schema === 'Email' ? [first(p, 'subject'), body].filter(Boolean).join('\n') : body;
}

const dayOf = (date: string | null): string | null =>
  date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;

/** The parties a message names by entity (a chat's sender and recipients), as their captions. */
async function partyCaptions(scope: CaseScope, rows: readonly EntityRow[]): Promise<Map<string, string>> {
  const ids = rows.flatMap((r) =>
    r.schema === 'Message' ? [...(propsOf(r)['sender'] ?? []), ...(propsOf(r)['recipients'] ?? [])] : [],
  );
  return new Map((await getEntities(scope, ids)).map((e) => [e.id, e.caption]));
}

/** The raw sender and recipients of a document, as written (captions for a chat's parties). */
export function partiesOf(row: EntityRow, captions: ReadonlyMap<string, string>): { sender: string[]; to: string[] } {
  const p = propsOf(row);
  if (row.schema === 'Message') {
    const named = (k: string) => (p[k] ?? []).map((id) => captions.get(id) ?? '').filter(Boolean);
    return { sender: named('sender'), to: named('recipients') };
  }
  if (row.schema === 'Email')
    return { sender: p['from'] ?? p['sender'] ?? [], to: [...(p['to'] ?? []), ...(p['cc'] ?? [])] };
  return { sender: p['author'] ?? [], to: [] };
}

export function indexRowOf(row: EntityRow, captions: ReadonlyMap<string, string>): DocumentIndexRow | null {
  const kind = KIND_OF_SCHEMA[row.schema];
  if (!kind) return null;
  const text = textOf(row);
  const sig = signatureOf(text);
  const parties = partiesOf(row, captions);
  const p = propsOf(row);
  return {
    entityId: row.id,
    kind,
    sender: foldText(parties.sender.join(' ')),
    recipients: foldText(parties.to.join(' ')),
    day: dayOf(first(p, 'date') ?? first(p, 'authoredAt') ?? first(p, 'publishedAt')),
    signature: sig ? encodeSignature(sig) : null,
    bands: sig ? bandKeys(sig) : [],
    marks: markMessage(text).map((m) => ({
      ruleId: m.ruleId,
      category: m.category,
      indicator: m.indicator,
      language: m.language,
      phrase: m.phrase,
      snippet: m.snippet,
    })),
  };
}

export async function indexDocuments(scope: CaseScope, rows: readonly EntityRow[]): Promise<number> {
  const captions = await partyCaptions(scope, rows);
  const out = rows.flatMap((r) => indexRowOf(r, captions) ?? []);
  await writeDocumentIndex(scope, out);
  return out.length;
}

/** Indexes the documents one import wrote (run inside the import's transaction). */
export async function indexDocumentsOfSource(scope: CaseScope, sourceId: string): Promise<number> {
  return indexDocuments(scope, await entitiesOfSource(scope, sourceId, DOCUMENT_SCHEMATA));
}

const CATCH_UP_BATCH = 500;

/** Indexes the case's documents the index does not hold yet. */
export async function catchUpDocumentIndex(scope: CaseScope): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await unindexedDocuments(scope, DOCUMENT_SCHEMATA, CATCH_UP_BATCH);
    if (!ids.length) return done;
    done += await indexDocuments(scope, await getEntities(scope, ids));
    if (ids.length < CATCH_UP_BATCH) return done;
  }
}

/**
 * Before a search: indexes what the index misses, in a transaction of its own — opened only when
 * something is missing, so searching takes no write lock.
 */
export async function ensureDocumentIndex(store: Store, caseId: string): Promise<void> {
  // Two counts on indexes: far cheaper than looking for the missing ones on every search.
  if (await documentIndexComplete(store.scope(caseId), DOCUMENT_SCHEMATA)) return;
  await store.transaction((trx) => catchUpDocumentIndex(store.scope(caseId).in(trx)));
}
