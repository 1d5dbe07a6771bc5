/**
 * Search across a case's seized documents: words (with highlighted snippets) and filters by
 * type, sender, recipient, day and the entity a document is linked to, with near-duplicates
 * (the same text with small changes) grouped. Everything shown passes the one visibility model:
 * snippets, senders and recipients with protected persons by pseudonym, and a document found
 * only by words the caller may not read (a victim's name) is not found at all.
 */
import { decodeSignature, groupNearDuplicates } from '../../domain/documents/nearDuplicates.ts';
import { foldText } from '../../domain/selectors/index.ts';
import type { DocumentHitOut, DocumentKind, DocumentSearchOut, SnippetPart } from '../../shared/contracts/documents.ts';
import { searchDocumentIndex, signaturesOf } from '../../store/repos/documents/documentIndex.ts';
import { queryTokens } from '../../store/repos/search/search.ts';
import { getEntities, type EntityRow } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import { canSee, requireVisibleEntity, visibilityOf, type Visibility } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { ensureDocumentIndex, KIND_OF_SCHEMA, partiesOf, textOf } from './indexing.ts';
import { first, partyNames, propsOf, readable } from './parts.ts';

export interface DocumentSearchInput {
  q: string;
  type: DocumentKind[];
  sender?: string | undefined;
  recipient?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  entity?: string | undefined;
  limit: number;
}

const SNIPPET_REACH = 90;
const PLAIN_SNIPPET = 200;

/** Whether a word of the text, folded, begins with one of the query's tokens. */
const wordHits = (word: string, tokens: readonly string[]): boolean =>
  foldText(word)
    .split(' ')
    .some((w) => w && tokens.some((t) => w.startsWith(t)));

/** Every query token begins some word of `text` (as the full-text index matched them). */
export const containsAll = (text: string, tokens: readonly string[]): boolean => {
  const words = foldText(text).split(' ');
  return tokens.every((t) => words.some((w) => w.startsWith(t)));
};

/** The text around the first word found, cut at word edges, in pieces marking the words found. */
export function snippetOf(text: string, tokens: readonly string[]): SnippetPart[] {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’\-.@+]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)];
  const hits = tokens.length ? words.filter((m) => wordHits(m[0], tokens)) : [];
  const firstHit = hits[0];
  let a = firstHit ? Math.max(0, firstHit.index - SNIPPET_REACH) : 0;
  let b = firstHit ? Math.min(text.length, firstHit.index + firstHit[0].length + SNIPPET_REACH) : PLAIN_SNIPPET;
  b = Math.min(b, text.length);
  while (a > 0 && /\S/.test(text[a - 1] ?? '')) a--;
  while (b < text.length && /\S/.test(text[b] ?? '')) b++;
  const parts: SnippetPart[] = [];
  if (a > 0) parts.push({ text: '…', hit: false });
  let at = a;
  for (const m of hits) {
    if (m.index < a || m.index + m[0].length > b) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    at = m.index + m[0].length;
  }
  if (at < b) parts.push({ text: text.slice(at, b), hit: false });
  if (b < text.length) parts.push({ text: '…', hit: false });
  return parts.map((p) => (p.hit ? p : { ...p, text: p.text.replace(/\s+/g, ' ') }));
}

/** A page's title names its document: "contract.pdf, page 2". */
async function pageTitles(store: Store, caseId: string, rows: readonly EntityRow[]): Promise<Map<string, EntityRow>> {
  const ids = rows.flatMap((r) => (r.schema === 'Page' ? [first(propsOf(r), 'document') ?? ''] : []));
  return new Map((await getEntities(store.scope(caseId), ids.filter(Boolean))).map((d) => [d.id, d]));
}

async function present(
  store: Store,
  caseId: string,
  v: Visibility,
  rows: readonly EntityRow[],
  tokens: readonly string[],
): Promise<DocumentHitOut[]> {
  const scope = store.scope(caseId);
  const senderIds = rows.flatMap((r) => (r.schema === 'Message' ? (propsOf(r)['sender'] ?? []) : []));
  const recipientIds = rows.flatMap((r) => (r.schema === 'Message' ? (propsOf(r)['recipients'] ?? []) : []));
  const parties = await partyNames(scope, v, [...senderIds, ...recipientIds]);
  const documents = await pageTitles(store, caseId, rows);
  return rows.map((r) => {
    const p = propsOf(r);
    const kind = KIND_OF_SCHEMA[r.schema] ?? 'text';
    const body = readable(v, textOf(r));
    let sender: string | null;
    let recipients: string[];
    let redacted = body.redacted;
    if (r.schema === 'Message') {
      const names = (k: string) => (p[k] ?? []).flatMap((id) => parties.get(id) ?? []);
      const s = names('sender')[0] ?? null;
      sender = s?.name ?? null;
      recipients = names('recipients').map((x) => x.name);
      redacted ||= !!s?.redacted;
    } else {
      const raw = partiesOf(r, new Map());
      const s = raw.sender.length ? readable(v, raw.sender.join(', ')) : null;
      sender = s?.text ?? null;
      redacted ||= !!s?.redacted;
      recipients = raw.to.map((t) => readable(v, t).text);
    }
    const doc = r.schema === 'Page' ? documents.get(first(p, 'document') ?? '') : undefined;
    const title =
      r.schema === 'Page'
        ? `${readable(v, doc?.caption ?? r.caption).text}, page ${first(p, 'index') ?? '?'}`
        : readable(v, first(p, 'subject') ?? r.caption).text;
    const isMessage = r.schema === 'Email' || r.schema === 'Message';
    return {
      id: r.id,
      kind,
      schema: r.schema,
      opens: isMessage ? 'conversation' : 'document',
      openId: doc?.id ?? r.id,
      title,
      sender,
      recipients,
      date: first(p, 'date') ?? first(p, 'authoredAt'),
      snippet: snippetOf(body.text, tokens),
      redacted,
      group: null,
    };
  });
}

export async function findDocuments(
  store: Store,
  caseId: string,
  v: Visibility,
  input: DocumentSearchInput,
): Promise<DocumentSearchOut> {
  const scope = store.scope(caseId);
  const words = foldText(input.q);
  const tokens = queryTokens(words);
  const sender = input.sender ? foldText(input.sender) : null;
  const recipient = input.recipient ? foldText(input.recipient) : null;
  const hits = await searchDocumentIndex(
    scope,
    store.dialect,
    {
      words,
      kinds: input.type,
      sender,
      recipient,
      from: input.from ?? null,
      to: input.to ?? null,
      linkedTo: input.entity ?? null,
    },
    // More than shown: some may be outside a partial share or found only by words withheld.
    input.limit * 3,
  );
  const rows = new Map(
    (
      await getEntities(
        scope,
        hits.map((h) => h.entityId),
      )
    ).map((r) => [r.id, r]),
  );
  const visible = hits.flatMap((h) => {
    const r = rows.get(h.entityId);
    return r && canSee(v, r.id) ? [r] : [];
  });
  const shown = (await present(store, caseId, v, visible, tokens)).filter((d) => {
    if (v.victimContact && !v.only) return true;
    // Found by what the caller may read, not by a protected person's name or number.
    const readableText = [d.title, d.sender ?? '', ...d.recipients, d.snippet.map((s) => s.text).join('')];
    const whole = readable(v, textOf(rows.get(d.id) as EntityRow)).text;
    if (tokens.length && !containsAll([...readableText, whole].join(' '), tokens)) return false;
    if (sender && !foldText(d.sender ?? '').includes(sender)) return false;
    if (recipient && !foldText(d.recipients.join(' ')).includes(recipient)) return false;
    return true;
  });
  const results = shown.slice(0, input.limit);
  const signatures = await signaturesOf(
    scope,
    results.map((r) => r.id),
  );
  const groups = groupNearDuplicates(
    results.map((r) => ({ id: r.id, signature: decodeSignature(signatures.get(r.id) ?? '') })),
  ).map((members) => ({ id: members[0] ?? '', members }));
  const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g.id] as const)));
  return { results: results.map((r) => ({ ...r, group: groupOf.get(r.id) ?? null })), groups };
}

export const searchDocuments = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'documentSearch' },
  run: async ({ store, caseId, access, audit }, input: DocumentSearchInput): Promise<DocumentSearchOut> => {
    // The words and names searched for may name a person: the audit layer keeps only keyed hashes of them.
    audit.detail({
      q: input.q,
      type: input.type,
      sender: input.sender,
      recipient: input.recipient,
      from: input.from,
      to: input.to,
      entity: input.entity,
    });
    const v = await visibilityOf(store, access);
    if (input.entity) await requireVisibleEntity(store, access, v, input.entity);
    // Documents written before the index, or not by an import, are indexed when first searched.
    await ensureDocumentIndex(store, caseId);
    const out = await findDocuments(store, caseId, v, input);
    audit.returned(out.results.map((r) => r.id));
    return out;
  },
});
