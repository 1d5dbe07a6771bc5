/**
 * Which truth record a record the platform shows stands for, by identifiers only (IBAN,
 * registration number, personal code, passport, name with birth date). A planted duplicate often
 * shares a personal code or passport with the person it duplicates, so no single identifier says
 * which of the two a record is: a person is matched to every truth person its identifiers lead
 * to, ranked by how many of its values agree (name, birth date, codes), and the best are kept —
 * two when the records are the same in every value (a second import of one record).
 */
import type { GroundTruth } from '../src/demo/index.ts';
import type { TruthIdentifiers } from '../src/demo/sources/index.ts';
import { foldDiacritics } from '../src/demo/names.ts';
import { toCyrillic } from '../src/demo/sources/people.ts';
import type { Ident } from './pipeline.ts';

export const norm = (s: string | undefined) => (s ?? '').normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
export const compact = (s: string | undefined) => (s ?? '').replace(/[\s-]/g, '').toUpperCase();
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** A name as another source writes it: capitals without diacritics (statements, KYC), or in Cyrillic. */
const folded = (s: string | undefined) => norm(foldDiacritics(s ?? ''));
const CYRILLIC = /[\u0400-\u04ff]/;

const add = (m: Map<string, string[]>, k: string, id: string) => m.set(k, [...(m.get(k) ?? []), id]);

export class Matcher {
  private readonly persons = new Map<string, string[]>();
  private readonly companies = new Map<string, string>();
  private readonly companiesByName = new Map<string, string[]>();
  private readonly accounts = new Map<string, string>();
  /** Truth company or person holding each account, and the record each planted duplicate copies. */
  private readonly holderOf = new Map<string, string>();
  private readonly canonical = new Map<string, string>();
  readonly kinds = new Map<string, string[]>();
  /** What an entity that is no confounder is in the truth (worker account, legitimate company…). */
  readonly nature = new Map<string, string>();

  constructor(
    readonly truth: GroundTruth,
    readonly ids: TruthIdentifiers,
  ) {
    for (const [id, p] of Object.entries(ids.persons)) {
      if (p.idNumber) add(this.persons, `id:${compact(p.idNumber)}`, id);
      if (p.passportNumber) add(this.persons, `pp:${compact(p.passportNumber)}`, id);
      add(this.persons, `n:${norm(p.name)}`, id);
      add(this.persons, `f:${folded(p.name)}`, id);
      add(this.persons, `c:${norm(toCyrillic(p.name))}`, id);
      if (p.birthDate) add(this.persons, `nb:${norm(p.name)}|${p.birthDate}`, id);
    }
    for (const [id, c] of Object.entries(ids.companies)) {
      if (c.registrationNumber) this.companies.set(`reg:${compact(c.registrationNumber)}`, id);
      this.companies.set(`name:${norm(c.name)}`, id);
      add(this.companiesByName, norm(c.name), id);
    }
    for (const [id, iban] of Object.entries(ids.accounts)) this.accounts.set(compact(iban), id);
    for (const a of truth.accounts) this.holderOf.set(a.id, a.holderId);
    for (const d of truth.duplicates) this.canonical.set(d.duplicateId, d.canonicalId);
    const holders = new Map<string, string[]>();
    for (const a of truth.accounts) holders.set(a.holderId, [...(holders.get(a.holderId) ?? []), a.id]);
    for (const a of truth.accounts) if (a.nature !== 'clean') this.nature.set(a.id, `${a.nature} account`);
    for (const c of truth.companies) if (c.nature !== 'legitimate') this.nature.set(c.id, `${c.nature} company`);
    for (const p of truth.persons) if (p.proceduralStatus !== 'none') this.nature.set(p.id, p.proceduralStatus);
    for (const c of truth.confounders)
      for (const e of c.entityIds)
        for (const id of [e, ...(holders.get(e) ?? [])]) this.kinds.set(id, [...(this.kinds.get(id) ?? []), c.kind]);
  }

  /**
   * How well a record fits a truth person: null when a value contradicts it (another birth date
   * or code), otherwise more for each value that agrees and for each one both lack.
   */
  private fit(i: Ident, id: string): number | null {
    const t = this.ids.persons[id];
    if (!t) return null;
    // The very name scores most; the same name as another source writes it a little less.
    const cyr = CYRILLIC.test(i.name ?? '') && !CYRILLIC.test(t.name) && norm(i.name) === norm(toCyrillic(t.name));
    let s = norm(i.name) === norm(t.name) ? 4 : folded(i.name) === folded(t.name) || cyr ? 3 : 0;
    const field = (x: string | undefined, y: string, f: (v: string | undefined) => string, agree: number) => {
      if (x && y) return f(x) === f(y) ? agree : null;
      return !x && !y ? agree / 4 : 0;
    };
    for (const part of [
      field(i.birthDate, t.birthDate, (v) => v ?? '', 2),
      field(i.idNumber, t.idNumber, compact, 2),
      field(i.passportNumber, t.passportNumber, compact, 2),
    ]) {
      if (part === null) return null;
      s += part;
    }
    return s;
  }

  /**
   * The truth persons a record fits best (none when nothing fits; two or more only on a tie).
   * A name alone, with nothing else agreeing, fits only when `byName` (the other end of a pair
   * is known, and this end may be a bare account holder's name).
   */
  personsOf(i: Ident, byName = false): string[] {
    const keys = [
      i.idNumber ? `id:${compact(i.idNumber)}` : '',
      i.passportNumber ? `pp:${compact(i.passportNumber)}` : '',
      `n:${norm(i.name)}`,
      `f:${folded(i.name)}`,
      `c:${norm(i.name)}`,
    ];
    const candidates = new Set(keys.flatMap((k) => (k ? (this.persons.get(k) ?? []) : [])));
    let best = -1;
    let out: string[] = [];
    for (const id of [...candidates].sort()) {
      const f = this.fit(i, id);
      // A name alone (nothing else agreeing or both lacking) is no match.
      if (f === null || f < (byName ? 3 : 4.5) || f < best) continue;
      if (f > best) out = [];
      best = f;
      out.push(id);
    }
    return out;
  }

  /** One truth person by the first identifier that names one (the matching of the other capabilities). */
  person(i: Ident): string | undefined {
    const last = (k: string) => this.persons.get(k)?.at(-1);
    return (
      (i.idNumber && last(`id:${compact(i.idNumber)}`)) ||
      (i.passportNumber && last(`pp:${compact(i.passportNumber)}`)) ||
      (i.birthDate ? last(`nb:${norm(i.name)}|${i.birthDate}`) : undefined) ||
      undefined
    );
  }

  /**
   * A company by its registration number, else by any of its names; a record without a number
   * is, among companies of that name, first the record a source wrote without one (a bank's
   * customer record of a registered firm), and of several such, the one holding the record's accounts.
   */
  company(i: Ident): string | undefined {
    if (i.registrationNumber) {
      const byNumber = this.companies.get(`reg:${compact(i.registrationNumber)}`);
      if (byNumber) return byNumber;
    }
    const named = [...new Set([i.name, ...(i.names ?? [])].flatMap((n) => this.companiesByName.get(norm(n)) ?? []))];
    const unnumbered = i.registrationNumber ? [] : named.filter((id) => !this.ids.companies[id]?.registrationNumber);
    const candidates = unnumbered.length ? unnumbered : named;
    // Firms of one name: the one holding an account the record holds.
    const holders = new Set(
      (i.ibans ?? []).flatMap((iban) => {
        const h = this.holderOf.get(this.account(iban) ?? '');
        return h ? [h] : [];
      }),
    );
    const holding = candidates.find((id) => holders.has(id) || holders.has(this.canonical.get(id) ?? ''));
    return holding ?? candidates[0];
  }

  account(iban: string): string | undefined {
    return this.accounts.get(compact(iban));
  }
}

/** The truth persons at each end of a pair; an end nothing else identifies may fit by its name alone. */
export function personEnds(m: Matcher, a: Ident, b: Ident): { a: string[]; b: string[] } {
  const x = m.personsOf(a);
  const y = m.personsOf(b);
  return { a: x.length ? x : m.personsOf(a, true), b: y.length ? y : m.personsOf(b, true) };
}

/**
 * A found pair as the truth pair it names: a truth pair when one end fits one of its records and
 * the other end the other; `same` when both ends are one truth record; else the best guess (a
 * false pair) or undefined when an end fits nothing.
 */
export function pairOf(
  a: readonly string[],
  b: readonly string[],
  truth: ReadonlySet<string>,
): string | 'same' | undefined {
  if (!a.length || !b.length) return undefined;
  const same = a.some((x) => b.includes(x));
  // Ends that could be one record are one, unless both are the same two (or more) records no value
  // tells apart (a record and its identical second import): that is the pair.
  const identical = a.length > 1 && a.length === b.length && a.every((x) => b.includes(x));
  if (same && !identical) return 'same';
  for (const x of a) for (const y of b) if (x !== y && truth.has(pairKey(x, y))) return pairKey(x, y);
  if (same) return 'same';
  return pairKey(a[0] ?? '', b[0] ?? '');
}
