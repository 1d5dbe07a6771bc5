/**
 * Sets the TxFlag bits of a statement line from its kind, text and counterparty name, once per
 * line, so that rules test bits instead of running word lists over a million lines. Statement
 * texts repeat a lot ("PALKKA", "ATM", a landlord's name), so answers are cached (boundedly).
 */
import { dayOf } from './dates.ts';
import type { Tx } from './types.ts';
import { TxFlag } from './types.ts';
import {
  CASH_DEPOSIT_WORDS,
  CASH_WITHDRAWAL_WORDS,
  foldWords,
  HOUSING_WORDS,
  TAX_WORDS,
  WAGE_WORDS,
  wordMatcher,
} from './vocabulary.ts';

/** A statement line as stored (the transactions table's columns, camel-cased). */
export interface RawTx {
  id: string;
  accountId: string;
  counterpartyAccountId: string | null;
  counterpartyAccount: string | null;
  counterpartyName: string | null;
  amount: number;
  currency: string;
  bookingDate: string;
  text: string | null;
  reference: string | null;
  kind: string | null;
  place: string | null;
}

const CACHE_LIMIT = 50_000;

export class Classifier {
  private readonly wage = wordMatcher(WAGE_WORDS.words);
  private readonly tax = wordMatcher(TAX_WORDS.words);
  private readonly housing = wordMatcher(HOUSING_WORDS.words);
  private readonly deposit = wordMatcher(CASH_DEPOSIT_WORDS.words);
  private readonly withdrawal = wordMatcher(CASH_WITHDRAWAL_WORDS.words);
  /** kind → text → bits; nested so that a look-up builds no key string. */
  private readonly lineCache = new Map<string, Map<string, number>>();
  private lineCached = 0;
  private readonly nameCache = new Map<string, number>();
  private readonly days = new Map<string, number>();

  /** Bits from the line's kind and text (which say what the payment is). */
  private lineFlags(kind: string | null, text: string | null): number {
    let byText = this.lineCache.get(kind ?? '');
    let f = byText?.get(text ?? '');
    if (f !== undefined) return f;
    const k = kind ? foldWords(kind) : '';
    const t = text ? foldWords(text) : '';
    const both = `${k} ${t}`;
    f = 0;
    if (this.wage.test(both)) f |= TxFlag.wage;
    if (this.tax.test(t)) f |= TxFlag.tax;
    if (this.housing.test(t)) f |= TxFlag.housing;
    if (this.deposit.test(both)) f |= TxFlag.cashDeposit;
    if (this.withdrawal.test(both)) f |= TxFlag.cashWithdrawal;
    if (++this.lineCached >= CACHE_LIMIT) {
      this.lineCache.clear();
      this.lineCached = 0;
      byText = undefined;
    }
    if (!byText) this.lineCache.set(kind ?? '', (byText = new Map()));
    byText.set(text ?? '', f);
    return f;
  }

  /** Bits from the counterparty's name (a tax office, a landlord). */
  private nameFlags(name: string | null): number {
    if (!name) return 0;
    let f = this.nameCache.get(name);
    if (f !== undefined) return f;
    const n = foldWords(name);
    f = (this.tax.test(n) ? TxFlag.tax : 0) | (this.housing.test(n) ? TxFlag.housing : 0);
    if (this.nameCache.size >= CACHE_LIMIT) this.nameCache.clear();
    this.nameCache.set(name, f);
    return f;
  }

  flags(kind: string | null, text: string | null, counterpartyName: string | null, amount: number): number {
    let f = this.lineFlags(kind, text) | this.nameFlags(counterpartyName);
    // Direction decides between the two cash words a bank may print on either side.
    if (amount > 0) f &= ~TxFlag.cashWithdrawal;
    else f &= ~TxFlag.cashDeposit;
    return f;
  }

  /** A case spans a few thousand booking dates: each is converted once. */
  private dayOf(iso: string): number {
    let d = this.days.get(iso);
    if (d === undefined) {
      if (this.days.size >= CACHE_LIMIT) this.days.clear();
      this.days.set(iso, (d = dayOf(iso)));
    }
    return d;
  }

  toTx(r: RawTx): Tx {
    const cp = r.counterpartyAccountId ?? (r.counterpartyAccount ? `no:${r.counterpartyAccount}` : null);
    return this.tx(
      r.id,
      r.accountId,
      cp,
      r.counterpartyName,
      r.amount,
      r.currency,
      r.bookingDate,
      r.text,
      r.kind,
      r.place,
      r.reference,
    );
  }

  /** A line from its columns, the counterparty already as a key (`toTx` without the record). */
  tx(
    id: string,
    accountId: string,
    cp: string | null,
    cpName: string | null,
    amount: number,
    currency: string,
    bookingDate: string,
    text: string | null,
    kind: string | null,
    place: string | null,
    reference: string | null = null,
  ): Tx {
    return {
      id,
      accountId,
      cp,
      cpName,
      amount,
      currency,
      day: this.dayOf(bookingDate),
      text,
      reference,
      kind,
      place: place ? place.trim() || null : null,
      flags: this.flags(kind, text, cpName, amount),
    };
  }
}

export const isCash = (t: Tx): boolean => (t.flags & (TxFlag.cashDeposit | TxFlag.cashWithdrawal)) !== 0;
export const hasFlag = (t: Tx, flag: number): boolean => (t.flags & flag) !== 0;
