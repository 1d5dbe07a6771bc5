/**
 * Bank statement lines and statements' own figures, the red-flag findings and the runs that made
 * them, and the proceeds model. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface TransactionsTable {
  case_id: string;
  id: string;
  account_id: string;
  counterparty_account_id: string | null;
  counterparty_name: string | null;
  counterparty_account: string | null;
  amount_minor: number;
  currency: string;
  booking_date: string;
  value_date: string | null;
  text: string | null;
  reference: string | null;
  kind: string | null;
  place: string | null;
  source_id: string | null;
  /** Hash of the statement line's identifying fields: a re-imported line is not added twice. */
  fingerprint: string;
}

export interface StatementsTable {
  case_id: string;
  id: string;
  /** Entity id of the BankAccount. */
  account_id: string;
  /** camt `<Stmt><Id>`, MT940 `:20:`. */
  reference: string;
  currency: string;
  /** Signed minor units, as written in the file; null when the file gives no balances. */
  opening_minor: number | null;
  opening_date: string;
  closing_minor: number | null;
  closing_date: string;
  /** Transactions read from the statement. */
  entries: number;
  /** The import that first added it. */
  source_id: string | null;
  /** `balanced`, `unbalanced` (imported on the user's explicit acceptance) or `no balances`. */
  reconciliation: string;
  /** Closing balance minus (opening + entries), when unbalanced. */
  difference_minor: number | null;
}

export interface FindingsTable {
  case_id: string;
  /** Stable across reruns: derived from the rule, the subject and the rule's key. */
  id: string;
  rule: string;
  /** The rule's variant as a code (wageKickback: transfer or cash; sharedContacts: phone, address…). */
  variant: string;
  subject_id: string;
  /** account, accountNumber, holder, address, phone, email, controller */
  subject_kind: string;
  score: number;
  /** Plain words, no personal data. */
  explanation: string;
  /** JSON list of the explanation's sentences (shared/sentences.ts); null for findings stored before. */
  explanation_words: string | null;
  /** JSON list of transaction ids. */
  evidence: string;
  /** JSON list of the account ids the finding flags. */
  account_ids: string;
  /** open, confirmed or dismissed */
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  /** The run that last produced it; `current` = 0 when a later run no longer did. */
  run_id: string;
  data_version: string;
  current: number;
  created_at: string;
  updated_at: string;
}

export interface FindingRunsTable {
  case_id: string;
  id: string;
  started_at: string;
  finished_at: string;
  data_version: string;
  /** JSON: the rules run and their parameters. */
  rules: string;
  transactions: number;
  accounts: number;
  findings: number;
  run_by: string;
}

/** One model per case (id `default`). */
export interface ProceedsModelsTable {
  case_id: string;
  id: string;
  /** JSON: assumptions (name, value, unit, source, applies to) and the victims and accounts chosen. */
  model: string;
  updated_by: string;
  updated_at: string;
}
