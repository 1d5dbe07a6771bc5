/**
 * Selectors linked to whoever carries them: a phone, e-mail address, postal address or bank
 * account node joined by an edge to each person, company or ad whose own properties name the
 * same value (or refer to the node by id). A phone two people use then connects them on the
 * chart, where before it was a property of each and an unconnected node (DOMAIN.md §6: shared
 * contact details are a sign of a network).
 *
 * Pure. Values compare after the selector's own normalisation (phones in E.164, e-mails folded,
 * IBANs compact), so "+371 2012 3456" and "0037120123456" meet. The caller passes entities as
 * the caller may see them; who is shown by pseudonym is the visibility model's decision, and an
 * edge between a pseudonymous person and their pseudonymous phone names neither.
 */
import { foldAddress, normaliseSelector } from '../selectors/index.ts';

export interface SelectorEntity {
  id: string;
  schema: string;
  properties: Record<string, readonly string[]>;
  sourceId: string | null;
  targetId: string | null;
}

export interface SelectorLink {
  id: string;
  holder: string;
  selector: string;
  /** The holder's property that names the selector (phone, email, address, iban…). */
  property: string;
}

type Kind = 'phone' | 'email' | 'iban' | 'account' | 'address';

/** Selector node schemata: which of their properties hold the value, and of what kind. */
const SELECTOR_VALUES: Record<string, readonly (readonly [string, Kind])[]> = {
  Phone: [['number', 'phone']],
  EmailAddress: [['address', 'email']],
  BankAccount: [
    ['iban', 'iban'],
    ['accountNumber', 'account'],
  ],
  Address: [['full', 'address']],
};

/** Holder properties that name a selector value, by kind. */
const HOLDER_VALUES: readonly (readonly [string, Kind])[] = [
  ['phone', 'phone'],
  ['email', 'email'],
  ['iban', 'iban'],
  ['accountNumber', 'account'],
  ['address', 'address'],
];

export const selectorLinkId = (holder: string, selector: string): string => `selector:${holder}>${selector}`;

/** The value as compared: the selector's normal form, or null when it is not one. */
function keyOf(kind: Kind, raw: string): string | null {
  if (kind === 'address') {
    const k = foldAddress(raw);
    return k.length >= 6 ? `address:${k}` : null;
  }
  const r = normaliseSelector(kind, raw);
  return r.ok ? `${kind === 'account' ? 'iban' : kind}:${r.value}` : null;
}

/**
 * A cheap stand-in for the normal form, equal whenever the normal forms are: the last digits of
 * a number, the digits of an address, an e-mail's part before the "@" lower-cased. Holders' values are normalised only
 * when their stand-in is a selector's (normalising every value of a 20,000-entity case cost
 * seconds; most holder values are no selector's).
 */
function quickOf(kind: Kind, raw: string): string {
  if (kind === 'email')
    return `@${
      raw
        .normalize('NFKC')
        .trim()
        .toLowerCase()
        .replace(/^<|^mailto:/, '')
        .split('@')[0]
    }`;
  if (kind === 'address') return raw.replace(/\D+/g, '');
  const tail = (kind === 'phone' ? raw.replace(/\D+/g, '') : raw.replace(/[^0-9A-Za-z]+/g, '').toUpperCase()).slice(-7);
  return `${kind === 'account' ? 'iban' : kind}:${tail}`;
}

export const isSelectorSchema = (schema: string): boolean => schema in SELECTOR_VALUES;

/**
 * One edge per holder and selector node. Nodes that are themselves selectors are not holders
 * (an address does not hold a phone), nor are links; a pair already joined by a link (an
 * Ownership of an account) gets no second edge.
 */
export function selectorLinks(entities: readonly SelectorEntity[]): SelectorLink[] {
  const family = (kind: Kind) => (kind === 'account' ? 'iban' : kind);
  // Selector values as written, and by their cheap stand-in: a holder's value written the same
  // way (the usual case) links without normalising anything; one written otherwise is compared
  // in normal form with the selectors that share its stand-in.
  const byRaw = new Map<string, string[]>();
  const byQuick = new Map<string, { id: string; kind: Kind; raw: string }[]>();
  const selectorIds = new Set<string>();
  for (const e of entities) {
    const fields = SELECTOR_VALUES[e.schema];
    if (!fields || e.sourceId !== null) continue;
    selectorIds.add(e.id);
    for (const [prop, kind] of fields)
      for (const raw of e.properties[prop] ?? []) {
        const r = `${family(kind)}|${raw}`;
        const same = byRaw.get(r);
        if (same) same.push(e.id);
        else byRaw.set(r, [e.id]);
        const q = quickOf(kind, raw);
        const near = byQuick.get(q);
        if (near) near.push({ id: e.id, kind, raw });
        else byQuick.set(q, [{ id: e.id, kind, raw }]);
      }
  }
  const keys = new Map<string, string | null>();
  const key = (kind: Kind, raw: string) => {
    const k = `${kind}|${raw}`;
    if (!keys.has(k)) keys.set(k, keyOf(kind, raw));
    return keys.get(k) ?? null;
  };
  const linked = new Set<string>();
  for (const e of entities)
    if (e.sourceId && e.targetId) {
      linked.add(`${e.sourceId}|${e.targetId}`);
      linked.add(`${e.targetId}|${e.sourceId}`);
    }
  const out = new Map<string, SelectorLink>();
  const add = (holder: string, selector: string, property: string) => {
    const id = selectorLinkId(holder, selector);
    if (holder === selector || out.has(id) || linked.has(`${holder}|${selector}`)) return;
    out.set(id, { id, holder, selector, property });
  };
  for (const e of entities) {
    if (e.sourceId !== null || e.targetId !== null || selectorIds.has(e.id)) continue;
    for (const [prop, kind] of HOLDER_VALUES)
      for (const v of e.properties[prop] ?? []) {
        const same = byRaw.get(`${family(kind)}|${v}`);
        if (same) {
          for (const s of same) add(e.id, s, prop);
          continue;
        }
        const near = byQuick.get(quickOf(kind, v));
        if (!near) continue;
        const k = key(kind, v);
        if (k) for (const c of near) if (key(c.kind, c.raw) === k) add(e.id, c.id, prop);
      }
    // A property that refers to a selector node by id (an ad's posting account, an address entity).
    for (const [prop, values] of Object.entries(e.properties))
      for (const v of values) if (selectorIds.has(v)) add(e.id, v, prop);
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
