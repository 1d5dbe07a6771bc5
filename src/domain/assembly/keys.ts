/**
 * Strong identifiers: what joins two records of one person, company or account across imports
 * and schemata without an analyst (DOMAIN.md §9). Each is normalised and carries its kind and,
 * where the number is only unique within a country, the country:
 * - `account:<IBAN>` of a BankAccount (iban, or an account number that is a valid IBAN);
 * - `registration:<cc>:<number>` (registration number with its country), `vat:<code>`,
 *   `tax:<cc>:<number>` of a person, company or other legal entity;
 * - `document:<cc>:<number>` (passport number with the issuing country, or `-` without one);
 * - `nationalId:<cc>:<code>` (a personal code whose checksum holds, nationalIds.ts);
 * - `phone:<E.164>` of a Phone node and `email:<address>` of an EmailAddress node.
 * A person's own phone or e-mail is not a strong key: families and firms share them (name + phone
 * is weaker evidence, for the resolution queue).
 */
import type { Properties } from '../schema/types.ts';
import { isA } from '../schema/registry.ts';
import { normaliseDocument, normaliseEmail, normaliseIban, normalisePhone } from '../selectors/index.ts';
import { nationalId } from './nationalIds.ts';

export type KeyKind = 'account' | 'registration' | 'vat' | 'tax' | 'document' | 'nationalId' | 'phone' | 'email';

export interface StrongKey {
  kind: KeyKind;
  key: string;
}

export interface KeyedRecord {
  id: string;
  schema: string;
  properties: Properties;
}

const compact = (v: string) => v.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
const countryOf = (p: Properties, fallback: string) =>
  (p.country?.[0] ?? p.jurisdiction?.[0] ?? p.nationality?.[0] ?? fallback).toLowerCase() || '-';

function partyKeys(p: Properties, defaultCountry: string): StrongKey[] {
  const out: StrongKey[] = [];
  const cc = countryOf(p, defaultCountry);
  for (const v of p.registrationNumber ?? []) {
    const n = compact(v);
    if (n.length >= 4) out.push({ kind: 'registration', key: `registration:${cc}:${n}` });
  }
  for (const v of p.vatCode ?? []) {
    const n = compact(v);
    if (n.length >= 6) out.push({ kind: 'vat', key: `vat:${/^[A-Z]{2}/.test(n) ? n : `${cc.toUpperCase()}${n}`}` });
  }
  for (const v of p.taxNumber ?? []) {
    const n = compact(v);
    if (n.length >= 6) out.push({ kind: 'tax', key: `tax:${cc}:${n}` });
  }
  const issuing = (p.nationality?.[0] ?? p.country?.[0] ?? '').toLowerCase() || '-';
  for (const v of p.passportNumber ?? []) {
    const r = normaliseDocument(v);
    if (r.ok && r.value.length >= 5) out.push({ kind: 'document', key: `document:${issuing}:${r.value}` });
  }
  const hints = [...(p.nationality ?? []), ...(p.country ?? [])];
  for (const v of p.idNumber ?? []) {
    const id = nationalId(v, hints);
    if (id) out.push({ kind: 'nationalId', key: `nationalId:${id.country}:${id.code}` });
  }
  return out;
}

function accountKeys(p: Properties): StrongKey[] {
  const out: StrongKey[] = [];
  for (const v of [...(p.iban ?? []), ...(p.accountNumber ?? [])]) {
    const r = normaliseIban(v);
    if (r.ok) out.push({ kind: 'account', key: `account:${r.value}` });
  }
  return out;
}

/** The record's strong keys, each once. `defaultCountry` is the case's (for registration numbers without one). */
export function strongKeys(e: KeyedRecord, defaultCountry = ''): StrongKey[] {
  const p = e.properties;
  let keys: StrongKey[] = [];
  if (isA(e.schema, 'LegalEntity')) keys = partyKeys(p, defaultCountry.toLowerCase());
  else if (isA(e.schema, 'BankAccount')) keys = accountKeys(p);
  else if (isA(e.schema, 'Phone')) {
    for (const v of p.number ?? []) {
      const r = normalisePhone(v, defaultCountry || undefined);
      if (r.ok) keys.push({ kind: 'phone', key: `phone:${r.value}` });
    }
  } else if (isA(e.schema, 'EmailAddress')) {
    for (const v of p.address ?? []) {
      const r = normaliseEmail(v);
      if (r.ok) keys.push({ kind: 'email', key: `email:${r.value}` });
    }
  }
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(k.key) && (seen.add(k.key), true));
}
