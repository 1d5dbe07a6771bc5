/**
 * Plain records that cross layer boundaries: what importers and the scenario generator produce
 * and what the store persists. No I/O here.
 */
import type { IntermediateBalance } from './finance/reconcile.ts';
import type { Properties } from './schema/types.ts';

/** 4x4 evaluation: source reliability A–D or X (cannot be judged), information 1–4. */
export type SourceReliability = 'A' | 'B' | 'C' | 'D' | 'X';
export type InformationAssessment = '1' | '2' | '3' | '4';
export interface Grading {
  reliability: SourceReliability;
  information: InformationAssessment;
}

/** An entity or a link (links are edge-schema entities, FtM style). */
export interface EntityRecord {
  /** Stable id. FtM imports keep their ids; new entities get a UUIDv7. */
  id: string;
  schema: string;
  properties: Properties;
  grading?: Grading;
}

/**
 * One bank-statement line. Amounts are integer minor units (cents), signed from the point of
 * view of `accountId`: negative = money out. Transactions live in their own table, not as
 * Payment entities, because a case may hold millions of them.
 */
export interface TransactionRecord {
  /** Entity id of the BankAccount the statement belongs to. */
  accountId: string;
  /** Entity id of the counterparty BankAccount, when known. */
  counterpartyAccountId?: string | null;
  counterpartyName?: string | null;
  /** Counterparty IBAN or account number as written on the statement. */
  counterpartyAccount?: string | null;
  amountMinor: number;
  currency: string;
  /** ISO dates, YYYY-MM-DD. */
  bookingDate: string;
  valueDate?: string | null;
  text?: string | null;
  /** Bank's own reference, when there is one; part of the fingerprint. */
  reference?: string | null;
  /** Cash deposit/withdrawal, card, transfer… as the statement says. */
  kind?: string | null;
  /** Where a cash deposit or card payment happened, when the statement says. */
  place?: string | null;
}

/**
 * One bank statement's own figures, as written in the file: which account, the bank's
 * reference for it, its balances (signed minor units, negative = overdrawn) and how many
 * transactions the importer read from it.
 */
export interface StatementRecord {
  /** Entity id of the BankAccount the statement is about. */
  accountId: string;
  /** The bank's statement id or reference (camt `<Stmt><Id>`, MT940 `:20:`). */
  reference: string;
  currency: string;
  /** Null when the file gives no balance (a notification, an export without balance rows). */
  openingMinor: number | null;
  /** ISO dates, YYYY-MM-DD. */
  openingDate: string;
  closingMinor: number | null;
  closingDate: string;
  /** Transactions read from this statement. */
  entries: number;
  /**
   * The bank's sequence number of the statement, when the file gives one (camt `<ElctrncSeqNb>`,
   * else `<LglSeqNb>`): banks may give every statement the same reference, not the same number.
   */
  sequence?: string | undefined;
  /**
   * Balances inside the statement (MT940 `:62M:`/`:60M:` pairs, camt `ITBD`), in order: each
   * segment between them must add up too. Checked on import, not stored.
   */
  intermediate?: IntermediateBalance[] | undefined;
}
