/**
 * Bank accounts and their holders as case entities, with ids derived from what identifies them
 * so that every statement naming the same account (this file, an overlapping statement
 * imported last month, another bank's statement of the counterparty) yields the same entity.
 *
 * Ids:
 * - `acct-<sha1(key)>`. The key of an IBAN is the IBAN in electronic format (globally unique).
 *   Other account numbers are only unique at their bank, so when the statement names the bank
 *   (BIC or national bank code) the key is `BANK/NUMBER`, otherwise the number alone.
 * - `party-<sha1(nameKey + account id)>` for the holder named on a statement. The name key
 *   (domain/selectors nameKey) makes "Jānis Bērziņš" and "JANIS BERZINS" one holder of an
 *   account. Holders are deliberately per account: two customers called "John Smith" at
 *   different accounts must not become one person automatically. The case's matching finds
 *   same-named holders for an investigator to merge.
 * - `own-<sha1(party id + account id)>` for the Ownership link holder → account.
 */
import { hash } from 'node:crypto';
import type { EntityRecord } from '../../domain/records.ts';
import type { Properties } from '../../domain/schema/index.ts';
import { nameKey, normaliseAccount, normaliseIban } from '../../domain/selectors/index.ts';

// One call per digest (crypto.hash): an import derives three ids per new counterparty.
const sha1 = (text: string): string => hash('sha1', text, 'hex');

/** An account as a statement names it, normalised. */
export interface AccountRef {
  /** What the entity id is derived from (see above). */
  key: string;
  /** Valid IBAN, electronic format. */
  iban?: string | undefined;
  /** Account number when it is not a valid IBAN (IBAN-shaped numbers with a bad checksum too). */
  number?: string | undefined;
  bic?: string | undefined;
  /** National bank code (German BLZ, UK sort code…) when the statement gives one. */
  bankCode?: string | undefined;
  bankName?: string | undefined;
  currency?: string | undefined;
  /** As it goes into TransactionRecord.counterpartyAccount: the normalised identifier. */
  display: string;
  /** A number that is not an IBAN as the file writes it (dashes and all), when asked to keep it. */
  written?: string | undefined;
}

export interface BankHint {
  bic?: string | undefined;
  bankCode?: string | undefined;
  bankName?: string | undefined;
  currency?: string | undefined;
  /** Keep a number that is not an IBAN as written too (CSV exports, where the user typed the mapping). */
  keepWritten?: boolean | undefined;
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const BIC_SHAPE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/** A BIC (8 or 11 characters) in upper case, or undefined when `text` is not one. */
export function asBic(text: string | undefined): string | undefined {
  const bic = text?.trim().toUpperCase();
  return bic && BIC_SHAPE.test(bic) ? bic : undefined;
}

/**
 * Reads an account identifier. Returns null when there is nothing usable (empty, fewer than
 * four letters or digits, or filler such as `NOTPROVIDED`).
 */
export function accountRef(raw: string | undefined, hint: BankHint = {}): AccountRef | null {
  if (!raw) return null;
  const compact = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}.]/gu, '');
  if (compact === '' || compact === 'NOTPROVIDED' || compact === 'NONREF') return null;
  const bic = asBic(hint.bic);
  const bank = {
    bic,
    bankCode: hint.bankCode?.trim() || undefined,
    bankName: hint.bankName?.trim() || undefined,
    currency: hint.currency,
  };
  if (IBAN_SHAPE.test(compact)) {
    const iban = normaliseIban(compact);
    return { key: compact, ...(iban.ok ? { iban: iban.value } : { number: compact }), ...bank, display: compact };
  }
  const number = normaliseAccount(raw);
  if (!number.ok) return null;
  // BIC branches (the last three letters) share accounts; the institution is the first eight.
  const qualifier = bic?.slice(0, 8) ?? bank.bankCode?.replace(/[\s-]/g, '');
  return {
    key: qualifier ? `${qualifier}/${number.value}` : number.value,
    number: number.value,
    ...bank,
    display: number.value,
    ...(hint.keepWritten && { written: raw.replace(/\s+/g, ' ').trim() }),
  };
}

const ids = new WeakMap<AccountRef, string>();

export function accountEntityId(ref: AccountRef): string {
  let id = ids.get(ref);
  if (id === undefined) ids.set(ref, (id = `acct-${sha1(ref.key)}`));
  return id;
}

/**
 * accountRef with a memory of recent answers: a statement names the same few counterparties
 * over and over, and IBAN validation is not free. Bounded, so a file with millions of
 * distinct accounts does not grow it without limit.
 */
export class AccountRefCache {
  private readonly refs = new Map<string, AccountRef | null>();
  /** Numbers named without any hint (most counterparties): keyed by the number alone, no key string made. */
  private readonly bare = new Map<string, AccountRef | null>();
  constructor(private readonly max = 50_000) {}

  get(raw: string | undefined, hint: BankHint = {}): AccountRef | null {
    if (!raw) return null;
    const bare =
      hint.bic === undefined &&
      hint.bankCode === undefined &&
      hint.bankName === undefined &&
      hint.currency === undefined &&
      !hint.keepWritten;
    const refs = bare ? this.bare : this.refs;
    const key = bare
      ? raw
      : [raw, hint.bic, hint.bankCode, hint.bankName, hint.currency, hint.keepWritten].join('\u001f');
    let ref = refs.get(key);
    if (ref === undefined) {
      if (refs.size >= this.max) refs.clear();
      refs.set(key, (ref = accountRef(raw, hint)));
    }
    return ref;
  }
}

export function accountEntity(ref: AccountRef): EntityRecord {
  const properties: Properties = { name: [ref.iban ?? ref.written ?? ref.number ?? ref.key] };
  if (ref.iban) properties['iban'] = [ref.iban];
  if (ref.number) properties['accountNumber'] = [...new Set([ref.written ?? ref.number, ref.number])];
  if (ref.bic) properties['bic'] = [ref.bic];
  if (ref.bankName) properties['bankName'] = [ref.bankName];
  if (ref.currency) properties['currency'] = [ref.currency];
  // BankAccount has no bank-code property; the description keeps it visible and searchable.
  if (ref.bankCode && !ref.iban) properties['description'] = [`Bank code ${ref.bankCode}`];
  return { id: accountEntityId(ref), schema: 'BankAccount', properties };
}

/**
 * The holder named on a statement for `accountId` and the Ownership link saying so; empty
 * when the name folds to nothing (punctuation only). LegalEntity, because a statement does
 * not say whether "NAME NAME" is a person or a company.
 */
export function holderEntities(name: string | undefined, accountId: string, idNumber?: string): EntityRecord[] {
  const clean = name?.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const key = nameKey(clean);
  if (!key) return [];
  const partyId = `party-${sha1(`${key}\u001f${accountId}`)}`;
  const id = idNumber?.trim();
  return [
    { id: partyId, schema: 'LegalEntity', properties: { name: [clean], ...(id ? { idNumber: [id] } : {}) } },
    {
      id: `own-${sha1(`${partyId}\u001f${accountId}`)}`,
      schema: 'Ownership',
      properties: { owner: [partyId], asset: [accountId], role: ['Account holder'] },
    },
  ];
}
