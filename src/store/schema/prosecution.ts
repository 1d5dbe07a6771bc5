/**
 * The victim's proceedings file (Directive 2011/36/EU art. 11–17; Directive 2012/29/EU; CETS 197 art. 12–13,
 * 26): one row per victim, read and written only with the victim-contact permission. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface VictimFilesTable {
  case_id: string;
  person_id: string;
  referral_org: string | null;
  referral_date: string | null;
  /** accepted, declined, pending, notReferred */
  referral_outcome: string | null;
  reflection_start: string | null;
  reflection_end: string | null;
  /** JSON list of reminder keys the contact person acknowledged. */
  reminders_ack: string;
  /** none, applied, granted, refused, notNeeded */
  residence_permit: string | null;
  residence_permit_until: string | null;
  interpreter_language: string | null;
  legal_counsel: string | null;
  /** JSON list of { measure, asked, granted } (videoTestimony, noConfrontation, anonymity). */
  protective_measures: string;
  /** 1: offences committed under control are flagged and must not be used against the victim. */
  non_punishment: number;
  non_punishment_note: string | null;
  /** JSON of the compensation claim as last computed, or null. */
  compensation: string | null;
  updated_by: string;
  updated_at: string;
  version: number;
}
