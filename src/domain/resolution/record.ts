/**
 * What entity resolution compares: a person's (or company's) names folded and transliterated
 * (domain/selectors nameKey/foldText), birth dates, identifiers, phones, e-mails and addresses,
 * each normalised once so scoring only compares strings.
 */
import { abbreviateLegalForm } from '../companies/legalForms.ts';
import type { EntityRecord } from '../records.ts';
import { nameTokens, normaliseDocument, normaliseEmail, normalisePhone } from '../selectors/index.ts';

export interface ResolutionRecord {
  id: string;
  schema: string;
  /** Folded word sets of each name the record gives (full name, first + last, aliases). */
  names: string[][];
  birthDates: string[];
  /** `kind:value` so that a passport number never meets a personal code. */
  identifiers: string[];
  phones: string[];
  emails: string[];
  addresses: string[];
}

const IDENTIFIER_PROPS = ['idNumber', 'passportNumber', 'registrationNumber', 'taxNumber', 'vatCode'] as const;
const NAME_PROPS = ['name', 'alias', 'previousName', 'weakAlias'] as const;
const ORGANISATIONS = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);

function uniq(xs: string[]): string[] {
  // Most lists hold one value or none: no set to build.
  if (xs.length < 2) return xs.length === 1 && xs[0] === '' ? [] : xs;
  return [...new Set(xs)].filter((x) => x !== '').sort();
}

/** Folding is the costly step and names repeat: a batch folds each distinct text once. */
export type FoldCache = Map<string, string[]>;

const CYRILLIC = /[\u0400-\u052f]/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

function tokensOf(raw: string, cache?: FoldCache, keepWhole = true): string[] {
  if (!cache) return nameTokens(raw);
  let t = cache.get(raw);
  if (t) return t;
  if (!keepWhole && !CYRILLIC.test(raw)) return wordsOf(raw, cache);
  // Latin-script names fold word by word (the words repeat across thousands of records);
  // Cyrillic ones whole, since one letter (Ukrainian і, ї, є) decides how another (г) reads.
  t = CYRILLIC.test(raw) ? nameTokens(raw) : wordsOf(raw, cache);
  cache.set(raw, t);
  return t;
}

/** A Latin-script text folded word by word, each distinct word once. */
function wordsOf(raw: string, cache: FoldCache): string[] {
  const out: string[] = [];
  for (const w of raw.split(/\s+/)) {
    let f = cache.get(w);
    if (!f) {
      f = nameTokens(w);
      cache.set(w, f);
    }
    for (const x of f) out.push(x);
  }
  return out;
}

/**
 * An international number written with + (or 00) and only spaces, dashes or brackets between
 * digits is already E.164 once those go; the full parser (libphonenumber) reads the rest.
 */
function phoneKey(raw: string, defaultCountry: string | undefined): string {
  const cleaned = raw.replace(/[()\s-]/g, '');
  const plain = /^(?:\+|00)([1-9]\d{6,14})$/.exec(cleaned);
  if (plain?.[1]) return `+${plain[1]}`;
  const r = normalisePhone(raw, defaultCountry);
  return r.ok ? r.value : raw.replace(/\D/g, '');
}

/** The records of many entities (those without a name are left out), folding each text once. */
export function resolutionRecords(entities: Iterable<EntityRecord>, defaultCountry?: string): ResolutionRecord[] {
  const cache: FoldCache = new Map();
  const out: ResolutionRecord[] = [];
  for (const e of entities) {
    const r = resolutionRecord(e, defaultCountry, cache);
    if (r) out.push(r);
  }
  return out;
}

/** The record of an entity, or null when it has no name to compare. */
export function resolutionRecord(e: EntityRecord, defaultCountry?: string, cache?: FoldCache): ResolutionRecord | null {
  const p = e.properties;
  const names: string[][] = [];
  const seen = new Set<string>();
  const addName = (raw: string) => {
    const tokens = tokensOf(raw, cache);
    const key = [...tokens].sort().join(' ');
    if (tokens.length && !seen.has(key)) {
      seen.add(key);
      names.push([...new Set(tokens)].sort());
    }
  };
  // A firm's legal form may be written out in one source and abbreviated in another.
  const organisation = ORGANISATIONS.has(e.schema);
  for (const k of NAME_PROPS) for (const v of p[k] ?? []) addName(organisation ? abbreviateLegalForm(v) : v);
  const firsts = p.firstName ?? [];
  const lasts = p.lastName ?? [];
  const written = new Set(p.name ?? []);
  for (const f of firsts) for (const l of lasts) if (!written.has(`${f} ${l}`)) addName(`${f} ${l}`);
  if (names.length === 0) return null;
  const identifiers: string[] = [];
  for (const k of IDENTIFIER_PROPS) {
    for (const v of p[k] ?? []) {
      const r = normaliseDocument(v);
      identifiers.push(`${k}:${r.ok ? r.value : v.trim().toUpperCase()}`);
    }
  }
  const phones = (p.phone ?? []).map((v) => phoneKey(v, defaultCountry));
  const emails = (p.email ?? []).map((v) => {
    const r = normaliseEmail(v);
    return r.ok ? r.value : v.trim().toLowerCase();
  });
  const addresses = [
    ...(p.addressEntity ?? []).map((id) => `entity:${id}`),
    // Addresses seldom repeat: their words are cached, not the whole text (a million of them).
    ...(p.address ?? []).map((a) => `text:${tokensOf(a, cache, false).join(' ')}`),
  ];
  const birthDates: string[] = [];
  for (const list of [p.birthDate, p.incorporationDate])
    for (const d of list ?? []) if (DATE.test(d)) birthDates.push(d.slice(0, 10));
  return {
    id: e.id,
    schema: e.schema,
    names,
    birthDates: uniq(birthDates),
    identifiers: uniq(identifiers),
    phones: uniq(phones),
    emails: uniq(emails),
    addresses: uniq(addresses),
  };
}

/**
 * A description of the record that survives a re-import under another id: the folded names,
 * birth dates and identifiers. Decisions are remembered against it (hashed by the caller).
 */
export function stableIdentity(r: ResolutionRecord): string {
  const names = r.names.map((n) => n.join(' ')).sort();
  return [r.schema, names.join(';'), r.birthDates.join(';'), r.identifiers.join(';')].join('|');
}
