/**
 * The one visibility model: who is protected, what of them, and what a caller may not see.
 *
 * Protected persons (recorded or presumed victims, minors, and any the caller adds from
 * assessments or the chain) are shown to a caller without victim contact only by pseudonym
 * (Directive 2012/29/EU; Directive 2016/680 art. 6). So are the entities that identify them —
 * their phone, e-mail, bank-account and document nodes — as pseudonymous selectors, because a
 * number in clear names the person as surely as their name. A partial share withholds every
 * entity outside it. The identifying values of both (names, numbers, addresses) are collected so
 * that free text naming them (a statement line's counterparty, a note, a file name) is withheld
 * too, and so that filtering and text matching never run on a value the caller may not see.
 */
import type { Properties } from '../schema/types.ts';
import { foldText, nameTokens } from '../selectors/index.ts';
import { isVictim, pseudonymOf } from './victims.ts';
import { inflectedForms } from '../mentions/inflection.ts';

/** An entity of the case as the model reads it (links carry their two ends). */
export interface CaseEntity {
  id: string;
  schema: string;
  properties: Properties;
  sourceId: string | null;
  targetId: string | null;
}

/** Nodes that identify a person: shown as pseudonymous selectors when the person is protected. */
const SELECTOR_SCHEMATA: ReadonlySet<string> = new Set([
  'Phone',
  'EmailAddress',
  'BankAccount',
  'Passport',
  'Identification',
  'UserAccount',
  'CryptoWallet',
]);

/** Properties whose values identify someone: names, numbers, addresses, documents. */
const IDENTIFYING: readonly string[] = [
  'name',
  'firstName',
  'lastName',
  'middleName',
  'fatherName',
  'secondName',
  'alias',
  'weakAlias',
  'previousName',
  'phone',
  'email',
  'address',
  'passportNumber',
  'idNumber',
  'taxNumber',
  'socialSecurityNumber',
  'iban',
  'accountNumber',
  'number',
  'username',
];
const NAME_PROPS: ReadonlySet<string> = new Set(['name', 'alias', 'weakAlias', 'previousName']);

/** Age under which a person is protected as a minor (Directive 2011/36/EU art. 13–16). */
const MINOR_YEARS = 18;

export function isMinor(properties: Properties, today: string): boolean {
  const born = properties['birthDate']?.[0];
  if (!born || !/^\d{4}-\d{2}-\d{2}/.test(born)) return false;
  const [y, m, d] = [Number(born.slice(0, 4)), born.slice(5, 7), born.slice(8, 10)];
  const adult = `${y + MINOR_YEARS}-${m}-${d}`;
  return adult > today;
}

/** A value folded for comparison: letters and digits only, any case, any script. */
export const valueKey = (raw: string): string => foldText(raw).replace(/\s+/g, '');

export interface Protection {
  /** Shown only by pseudonym: protected persons and the selectors identifying them. */
  pseudonymous: ReadonlySet<string>;
  /** Not shown at all: entities outside a partial share. */
  withheld: ReadonlySet<string>;
  /** Folded identifying values (account numbers, phones, e-mails, documents) → whose they are. */
  values: ReadonlyMap<string, string>;
  /**
   * Names as word sets → whose they are (order-insensitive, any script); `forms` holds each word's
   * inflected forms (Latvian, Lithuanian, Estonian, Finnish), so "Jāņa Bērziņa" names Jānis Bērziņš.
   */
  names: readonly { tokens: readonly string[]; id: string; forms?: readonly ReadonlySet<string>[] }[];
  /** The protected person a selector identifies, so that both are named by the same pseudonym. */
  personOf: ReadonlyMap<string, string>;
}

export const noProtection: Protection = {
  pseudonymous: new Set(),
  withheld: new Set(),
  values: new Map(),
  names: [],
  personOf: new Map(),
};

/** The pseudonym an entity is shown by: a selector by its person's, so one person has one pseudonym. */
export const pseudonymIn = (p: Protection, id: string): string => pseudonymOf(p.personOf.get(id) ?? id);

export interface ProtectionRules {
  victimContact: boolean;
  /** The entities of a partial share; null when the whole case is reached. */
  shared: ReadonlySet<string> | null;
  /** Persons protected for reasons the entity does not carry (an assessment, the chain). */
  alsoProtected?: Iterable<string>;
  /** YYYY-MM-DD, for minors. */
  today: string;
}

/** The protected persons of a case, before the caller is considered. */
export function protectedPersons(
  entities: readonly CaseEntity[],
  rules: Pick<ProtectionRules, 'alsoProtected' | 'today'>,
) {
  const out = new Set<string>(rules.alsoProtected ?? []);
  for (const e of entities)
    if (e.schema === 'Person' && (isVictim(e.schema, e.properties) || isMinor(e.properties, rules.today)))
      out.add(e.id);
  return out;
}

export function protectionOf(entities: readonly CaseEntity[], rules: ProtectionRules): Protection {
  if (rules.victimContact && !rules.shared) return noProtection;
  const pseudonymous = new Set<string>();
  const personOf = new Map<string, string>();
  const selector = (id: string, person: string) => {
    pseudonymous.add(id);
    if (!personOf.has(id)) personOf.set(id, person);
  };
  if (!rules.victimContact) {
    const persons = protectedPersons(entities, rules);
    for (const p of persons) pseudonymous.add(p);
    const personValues = new Map<string, string>();
    for (const e of entities)
      if (persons.has(e.id)) for (const v of identifyingValues(e.properties)) personValues.set(valueKey(v), e.id);
    for (const e of entities) {
      if (!SELECTOR_SCHEMATA.has(e.schema)) continue;
      const ref = Object.values(e.properties)
        .flat()
        .find((r) => r !== undefined && persons.has(r));
      const own = identifyingValues(e.properties)
        .map(valueKey)
        .find((v) => v.length >= 5 && personValues.has(v));
      const person = ref ?? (own !== undefined ? personValues.get(own) : undefined);
      if (person) selector(e.id, person);
    }
    // A link from a protected person to a selector (an Ownership of an account, a holder link).
    const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
    for (const e of entities) {
      const [a, b] = [e.sourceId, e.targetId];
      if (!a || !b) continue;
      if (persons.has(a) && SELECTOR_SCHEMATA.has(schemaOf.get(b) ?? '')) selector(b, a);
      if (persons.has(b) && SELECTOR_SCHEMATA.has(schemaOf.get(a) ?? '')) selector(a, b);
    }
  }
  const withheld = new Set<string>();
  if (rules.shared) for (const e of entities) if (!rules.shared.has(e.id)) withheld.add(e.id);
  const values = new Map<string, string>();
  const names: { tokens: string[]; id: string; forms: ReadonlySet<string>[] }[] = [];
  for (const e of entities) {
    if (!pseudonymous.has(e.id) && !withheld.has(e.id)) continue;
    for (const [prop, list] of Object.entries(e.properties)) {
      if (!IDENTIFYING.includes(prop)) continue;
      for (const v of list ?? []) {
        const tokens = nameTokens(v);
        if (NAME_PROPS.has(prop) && e.schema === 'Person' && tokens.length >= 2)
          names.push({ tokens, id: e.id, forms: tokens.map((t) => inflectedForms(t)) });
        const k = valueKey(v);
        if (k.length >= 5) values.set(k, e.id);
      }
    }
  }
  return { pseudonymous, withheld, values, names, personOf };
}

function identifyingValues(p: Properties): string[] {
  return IDENTIFYING.flatMap((k) => p[k] ?? []);
}

/** Whom a piece of free text names or identifies among the protected, or null. */
export function namedIn(p: Protection, text: string | null | undefined): string | null {
  if (!text || (!p.values.size && !p.names.length)) return null;
  const folded = valueKey(text);
  for (const [v, id] of p.values) if (folded.includes(v)) return id;
  const words = new Set(nameTokens(text));
  for (const n of p.names) if (n.tokens.every((t, i) => hasForm(words, t, n.forms?.[i]))) return n.id;
  return null;
}

/** Whether the caller may see this entity at all. */
export const visibleEntity = (p: Protection, id: string | null | undefined): boolean => !!id && !p.withheld.has(id);

/** Whether this entity is shown to the caller only by pseudonym. */
export const pseudonymousEntity = (p: Protection, id: string | null | undefined): boolean =>
  !!id && p.pseudonymous.has(id);

/** The fields of a statement line that may name its other party. */
export interface LineParties {
  accountId: string;
  counterpartyAccountId: string | null;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  text: string | null;
  reference: string | null;
}

/**
 * A statement line as the caller may see it: null when it concerns an entity withheld from them
 * (its account, or its other party by id, number or name); a protected other party by pseudonym,
 * without their account number; text and reference that name a protected person withheld.
 */
export function lineFor<T extends LineParties>(p: Protection, line: T): T | null {
  if (p.withheld.has(line.accountId)) return null;
  const party =
    (line.counterpartyAccountId &&
    (p.withheld.has(line.counterpartyAccountId) || p.pseudonymous.has(line.counterpartyAccountId))
      ? line.counterpartyAccountId
      : null) ??
    namedIn(p, line.counterpartyAccount) ??
    namedIn(p, line.counterpartyName);
  let out = line;
  if (party) {
    if (p.withheld.has(party)) return null;
    out = { ...out, counterpartyName: pseudonymIn(p, party), counterpartyAccount: null };
  }
  const textParty = namedIn(p, out.text) ?? namedIn(p, out.reference);
  if (textParty && p.withheld.has(textParty)) return null;
  if (textParty) out = { ...out, text: null, reference: null };
  return out;
}

/** A flow end or counterparty key (an entity id, `no:<number>` or `name:<name>`) as the caller may see it. */
export function partyKey(p: Protection, key: string): string {
  const external = /^(no|name):/.exec(key);
  const party = external ? namedIn(p, key.slice(external[0].length)) : key;
  if (!party) return key;
  if (p.withheld.has(party)) return 'outside:shared-part';
  return external ? `name:${pseudonymIn(p, party)}` : key;
}

/** Longest run of words one identifying value is written in ("LV80 BANK 0000 4351 9500 1" is six). */
const MAX_VALUE_WORDS = 9;

/** Whom the words `text.slice(from, to)` name or identify, by a whole value or a whole name. */
function nameOfWords(p: Protection, words: string): string | null {
  const key = valueKey(words);
  for (const [v, id] of p.values) if (key.includes(v)) return id;
  const tokens = nameTokens(words);
  const present = new Set(tokens);
  for (const n of p.names)
    if (n.tokens.length === tokens.length && n.tokens.every((t, i) => hasForm(present, t, n.forms?.[i]))) return n.id;
  return null;
}

/** Whether the words hold the name word `token` or one of its inflected forms. */
function hasForm(words: ReadonlySet<string>, token: string, forms: ReadonlySet<string> | undefined): boolean {
  if (words.has(token)) return true;
  if (!forms) return false;
  for (const w of words) if (forms.has(w)) return true;
  return false;
}

/**
 * Free text (a message's body, a sender, a document's text) as the caller may read it: each run
 * of words that names a protected or withheld person or gives an identifying value of theirs
 * (a phone, an e-mail, an IBAN, a document number, however spaced) replaced by the person's
 * pseudonym in brackets. `named` lists whom the text named, so that what carries the text
 * (an original file, a page image) can be withheld too.
 */
export function redactText(p: Protection, text: string): { text: string; named: string[] } {
  if (!text || (!p.values.size && !p.names.length) || namedIn(p, text) === null) return { text, named: [] };
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const spans: { start: number; end: number; id: string }[] = [];
  const slice = (a: number, b: number) => text.slice(words[a]?.start ?? 0, words[b]?.end ?? 0);
  for (let i = 0; i < words.length;) {
    let hit: { first: number; last: number; id: string } | null = null;
    for (let last = i; last < Math.min(words.length, i + MAX_VALUE_WORDS) && !hit; last++) {
      const id = nameOfWords(p, slice(i, last));
      if (!id) continue;
      // The run may have started before the value: keep the words before it.
      let first = i;
      while (first < last && nameOfWords(p, slice(first + 1, last)) === id) first++;
      hit = { first, last, id };
    }
    if (!hit) {
      i++;
      continue;
    }
    spans.push({ start: words[hit.first]?.start ?? 0, end: words[hit.last]?.end ?? 0, id: hit.id });
    i = hit.last + 1;
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${text.slice(at, s.start)}[${pseudonymIn(p, s.id)}]`;
    at = s.end;
  }
  out += text.slice(at);
  const named = [...new Set(spans.map((s) => s.id))];
  // Named in a way no run of words shows (split across lines oddly): withhold the whole text.
  if (!named.length) return { text: '[withheld: it names a protected person]', named: [namedIn(p, text) ?? ''] };
  return { text: out, named };
}
