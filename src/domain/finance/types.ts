/**
 * The view of bank data that the financial rules, flows and the proceeds model work on. No I/O:
 * the services layer streams statement lines into these shapes, one account at a time, and
 * loads the account and holder metadata (from entities and selectors) once per run.
 */
import type { Sentence } from '../../shared/sentences.ts';

/** Bits set on a statement line by the classifier (classify.ts). */
export const TxFlag = {
  /** A wage or salary, by its text or kind (credit on the worker's side, debit on the employer's). */
  wage: 1,
  /** Payment to or from a tax office, pension or social-insurance body. */
  tax: 2,
  /** Words for rent, housing, lodging or transport. */
  housing: 4,
  cashDeposit: 8,
  cashWithdrawal: 16,
} as const;

/** One statement line, compact. Amounts are signed minor units from the account's side. */
export interface Tx {
  id: string;
  accountId: string;
  /**
   * The counterparty account: its entity id when the case has one, else `no:<account number>`;
   * null when the line names no account (card payments, cash, a name only).
   */
  cp: string | null;
  cpName: string | null;
  amount: number;
  currency: string;
  /** Days since 1970-01-01 (booking date). */
  day: number;
  text: string | null;
  reference: string | null;
  kind: string | null;
  /** Where a cash or card transaction happened, as the statement says (trimmed). */
  place: string | null;
  /** TxFlag bits. */
  flags: number;
}

/** One account's lines in booking order (then by id). */
export interface AccountHistory {
  accountId: string;
  txs: readonly Tx[];
}

export interface AccountMeta {
  id: string;
  /** IBAN or number as the case records it (for explanations: not personal data of a holder). */
  label: string;
  bankName: string | null;
  /** Days since 1970 of the opening date, when known. */
  openingDay: number | null;
  holderIds: readonly string[];
}

export interface HolderMeta {
  id: string;
  schema: string;
  /** Normalised phone numbers and e-mail addresses (selectors). */
  phones: readonly string[];
  emails: readonly string[];
  /** Address entity ids and folded full-address texts, from the holder and its Accommodation links. */
  addresses: readonly string[];
  /** Who controls or houses the holder (Control.controller, Accommodation.housedBy). */
  controllers: readonly string[];
  /** Who is recorded as having recruited the holder (Recruitment.recruiter). */
  recruiters?: readonly string[] | undefined;
  /** Fees the case records the holder as charging people it recruited (Recruitment.fee above zero). */
  feesCharged?: readonly RecordedFee[] | undefined;
  /** A person holder's names, for the household test (domain/entity/households.ts). */
  names?: { firstName: string | null; lastName: string | null; name: string | null } | undefined;
}

/** A recruitment fee a record (a Recruitment link) says was charged to the recruited person. */
export interface RecordedFee {
  /** The recruited person's entity id. */
  recruitedId: string;
  amountMinor: number;
  currency: string;
}

/** A captured online ad: where it ran and the contact details it gives. */
export interface AdMeta {
  id: string;
  /** Lower-case host names of the site and of the ad's URL. */
  sites: readonly string[];
  phones: readonly string[];
  emails: readonly string[];
}

/** Entity ids naming a contact detail (Phone, EmailAddress, Address nodes), to use as a finding's subject. */
export interface ContactNodes {
  phone: ReadonlyMap<string, string>;
  email: ReadonlyMap<string, string>;
}

/** What every rule may consult besides the transactions. */
export interface FinanceContext {
  accounts: ReadonlyMap<string, AccountMeta>;
  holders: ReadonlyMap<string, HolderMeta>;
  ads: readonly AdMeta[];
  contactNodes: ContactNodes;
  /** Persons recorded as family (Family links), as `familyKey` pairs. */
  family?: ReadonlySet<string> | undefined;
}

export type SubjectKind = 'account' | 'accountNumber' | 'holder' | 'address' | 'phone' | 'email' | 'controller';

/** What a rule reports. Explanations are plain words without personal data. */
export interface Finding {
  rule: string;
  /** Distinguishes findings of one rule on one subject; with the rule it makes the stable id. */
  key: string;
  /** Which form of the pattern, as a code (stored and filterable; the key may hold values). */
  variant: string;
  subjectId: string;
  subjectKind: SubjectKind;
  /** 0–1: how strongly the pattern shows (documented per rule). */
  score: number;
  /** The explanation in English, as stored and shown where no translation is at hand. */
  explanation: string;
  /** The same explanation as sentences every platform language can say (shared/sentences.ts). */
  words?: Sentence[];
  /** Transaction ids of the lines that show the pattern. */
  evidence: string[];
  /**
   * The accounts the finding flags: the subject account, and accounts that show the pattern
   * themselves (workers paying kick-backs, members of a group sharing a phone). Accounts that
   * merely appear in the evidence (employees paid by a flagged employer) are not listed.
   */
  accountIds: string[];
}

export const emptyContext = (): FinanceContext => ({
  accounts: new Map(),
  holders: new Map(),
  ads: [],
  contactNodes: { phone: new Map(), email: new Map() },
});
