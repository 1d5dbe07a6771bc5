/**
 * Cases, their members, sharing between agencies, and the notes and journal kept on them. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface CasesTable {
  case_id: string;
  title: string;
  reference: string | null;
  /** ISO country whose numbering plan reads national phone numbers in this case. */
  country: string;
  description: string | null;
  status: string;
  owner_agency_id: string | null;
  /** Europol-style handling code H0–H3 limiting onward sharing and export. */
  handling_code: string | null;
  /**
   * operational, training or demo. The column allows NULL (added by ALTER TABLE, which filled the rows then
   * present); every insert sets it, so reads never see NULL.
   */
  purpose: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** When the case must next be reviewed for retention (YYYY-MM-DD); null: not set. */
  review_date: string | null;
}

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  /** The user's role in this case (lead, investigator, analyst, reader…), not their platform role. */
  case_role: string;
  /**
   * May see victims' identities (their contact person, the lead): 1 or 0. The column allows NULL (added by
   * ALTER TABLE, which filled the rows then present); every insert sets it, so reads never see NULL.
   */
  victim_contact: number;
  added_by: string;
  added_at: string;
}

export interface CaseSharesTable {
  case_id: string;
  agency_id: string;
  access: string;
  partial: number;
  shared_by: string;
  shared_at: string;
}

export interface CaseShareEntitiesTable {
  case_id: string;
  agency_id: string;
  entity_id: string;
}

export interface NotesTable {
  case_id: string;
  id: string;
  entity_id: string | null;
  /** `note` is an observation; `assessment` an analyst's judgement, kept apart from facts. */
  kind: string;
  text: string;
  author: string;
  created_at: string;
}

export interface JournalTable {
  case_id: string;
  id: string;
  occurred_at: string;
  kind: string;
  text: string;
  author: string;
  created_at: string;
}
