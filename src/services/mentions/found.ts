/**
 * Reading mentions for a case: the case's persons and companies as a name index, the countries
 * numbers without a country code are read in (as ads are: the document's language, then the
 * case's country), the mentions of one text, and the entities each could link to — holders of
 * the same identifier through the selector index assembly uses, the named person or company.
 */
import { phoneCountries } from '../../domain/captures/index.ts';
import { extractMentions, guessLanguage, nameIndex, STRONG_KINDS } from '../../domain/mentions/index.ts';
import type { FoundMention, KnownName, NameIndex } from '../../domain/mentions/index.ts';
import { descendantsOf, isA } from '../../domain/schema/index.ts';
import type { Properties } from '../../domain/schema/index.ts';
import { normaliseDocument } from '../../domain/selectors/index.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { partiesWithNumbers, selectorHolders } from '../../store/repos/assembly/assembly.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import { getEntities, type EntityRow } from '../../store/repos/entities/entities.ts';
import { entitiesOfSource } from '../../store/repos/documents/documents.ts';
import { entitiesPage } from '../../store/repos/mentions/mentions.ts';

const PAGE = 2000;
const PARTY = descendantsOf('LegalEntity');
/** Schemata whose names are looked for in text: persons and organisations, not chat senders. */
const NAMED = ['Person', ...descendantsOf('Organization')];
/** Seized texts mentions are read in. */
export const TEXT_SCHEMATA = ['Message', 'Email', ...descendantsOf('Document').filter((s) => s !== 'Email')];

export const propsOf = (row: Pick<EntityRow, 'properties'>): Properties => JSON.parse(row.properties) as Properties;

export interface CaseReading {
  names: NameIndex;
  country: string;
}

/** Entities of `schemata` a page at a time (a case's persons, its texts). */
export async function* entitiesOf(scope: CaseScope, schemata: readonly string[]): AsyncGenerator<EntityRow[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await entitiesPage(scope, schemata, after, PAGE);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? null;
    if (rows.length < PAGE) return;
  }
}

export async function caseReading(scope: CaseScope): Promise<CaseReading> {
  const known: KnownName[] = [];
  for await (const rows of entitiesOf(scope, NAMED))
    for (const r of rows) {
      const p = propsOf(r);
      const names = [...new Set([...(p['name'] ?? []), ...(p['alias'] ?? [])])];
      if (names.length) known.push({ entityId: r.id, kind: r.schema === 'Person' ? 'person' : 'company', names });
    }
  const kase = await getCase(scope);
  return { names: nameIndex(known), country: kase?.country ?? '' };
}

/** The text mentions are read in: the body, as the viewer shows it. */
export const textOf = (row: EntityRow): string => (propsOf(row)['bodyText'] ?? []).join('\n');

/**
 * Reads a message's mentions. A chat message has no language of its own: its words tell it when
 * they do, else the words of its conversation (`conversation`: the texts of the chat or mailbox).
 */
export function mentionsOfText(reading: CaseReading, row: EntityRow, conversation = ''): FoundMention[] {
  const p = propsOf(row);
  const language = p['language']?.[0] ?? guessLanguage(textOf(row)) ?? guessLanguage(conversation);
  const countries = phoneCountries({ language, caseCountry: reading.country });
  return extractMentions(textOf(row), { countries, language, names: reading.names });
}

/** Longest conversation text read to tell a message's language. */
const CONVERSATION_SAMPLE = 20_000;

/** The texts of each conversation (messages by their `parent`), for telling their language. */
export function conversationsOf(rows: readonly EntityRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    const parent = propsOf(r)['parent']?.[0];
    if (!parent) continue;
    const had = out.get(parent) ?? '';
    if (had.length < CONVERSATION_SAMPLE) out.set(parent, `${had}\n${textOf(r)}`);
  }
  return out;
}

/** The conversation `row` belongs to: the messages the same import wrote under the same parent. */
export async function conversationOf(scope: CaseScope, row: EntityRow): Promise<string> {
  const parent = propsOf(row)['parent']?.[0];
  if (!parent || !row.provenance_source_id) return '';
  const rows = await entitiesOfSource(scope, row.provenance_source_id, [row.schema]);
  return conversationsOf(rows.filter((r) => propsOf(r)['parent']?.[0] === parent)).get(parent) ?? '';
}

/** Selector kinds a strong mention is held under. */
const SELECTOR_KINDS: Partial<Record<FoundMention['kind'], string[]>> = {
  phone: ['phone'],
  email: ['email'],
  iban: ['iban', 'account'],
  account: ['account', 'iban'],
  document: ['document'],
  nationalId: ['document'],
};

const compact = (v: string) => v.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

/** Entities a mention could link its document to: parties first, then the identifier's own nodes. */
export async function candidatesOf(scope: CaseScope, m: FoundMention, documentId: string): Promise<EntityRow[]> {
  if (m.entityId) return getEntities(scope, [m.entityId]);
  let ids: string[] = [];
  const kinds = SELECTOR_KINDS[m.kind];
  if (kinds) {
    const value = m.kind === 'nationalId' ? m.value.slice(m.value.indexOf(':') + 1) : m.value;
    const probe = m.kind === 'nationalId' || m.kind === 'document' ? normaliseDocument(value) : { ok: true, value };
    if (probe.ok) ids = await selectorHolders(scope, kinds, [probe.value]);
  } else if (m.kind === 'registration') {
    const number = compact(m.value.slice(m.value.indexOf(':') + 1));
    ids = (await partiesWithNumbers(scope, PARTY))
      .filter((r) => (propsOf(r)['registrationNumber'] ?? []).some((n) => compact(n) === number))
      .map((r) => r.id);
  }
  const rows = (await getEntities(scope, ids)).filter((r) => r.id !== documentId && !isA(r.schema, 'Document'));
  const rank = (r: EntityRow) => (PARTY.includes(r.schema) ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

export const isStrong = (m: Pick<FoundMention, 'kind'>): boolean => STRONG_KINDS.has(m.kind);

/**
 * A mention's key in its document: its kind and the place of its value among that kind's
 * distinct values, in text order. The same text read with the same names gives the same keys;
 * a key says nothing about the value, so a pseudonymised mention can be decided on.
 */
export function keyed(found: readonly FoundMention[]): { key: string; mention: FoundMention }[] {
  const seen = new Map<string, number>();
  const out: { key: string; mention: FoundMention }[] = [];
  for (const m of found) {
    const id = `${m.kind}\u0000${m.value}`;
    if (!seen.has(id)) seen.set(id, [...seen.keys()].filter((k) => k.startsWith(`${m.kind}\u0000`)).length);
    out.push({ key: `${m.kind}:${seen.get(id) ?? 0}`, mention: m });
  }
  return out;
}
