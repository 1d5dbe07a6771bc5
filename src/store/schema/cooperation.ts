/**
 * Hit/no-hit between cases and between deployments, and the cooperation that follows a hit.
 *
 * Global reference tables (one deployment's settings and logs, not case data): cooperation_agreements,
 * cooperation_identity (this deployment's id and public key; the secret key is a file, never in the
 * database), psi_query_log, exchange_nonces, psi_responses. Case-scoped: psi_sessions, hit_notices,
 * notifications, cooperation_requests.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface CooperationAgreementsTable {
  id: string;
  name: string;
  partner_name: string;
  partner_country: string;
  partner_public_key: string;
  partner_deployment_id: string;
  partner_url: string | null;
  /** JSON list of selector kinds. */
  selector_types: string;
  rate_queries: number;
  rate_period_hours: number;
  max_selectors: number;
  /** JSON list of contact points {name, agency, email?, phone?}. */
  contact_points: string;
  valid_until: string | null;
  /** active or revoked */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One row, id `self`. */
export interface CooperationIdentityTable {
  id: string;
  deployment_id: string;
  public_key: string;
  /** File name of the secret key in the key folder. */
  key_file: string;
  created_at: string;
}

export interface PsiQueryLogTable {
  id: string;
  agreement_id: string;
  /** out: this deployment asked; in: a partner asked. */
  direction: string;
  /** https or file */
  transport: string;
  peer: string;
  nonce: string;
  /** The initiating case (outgoing queries only). */
  case_ref: string | null;
  set_size: number;
  matched: number | null;
  /** sent, answered, finished, refused (rate limit, size), rejected (signature, replay…), failed */
  outcome: string;
  reason: string | null;
  user_id: string | null;
  at: string;
}

export interface ExchangeNoncesTable {
  sender: string;
  nonce: string;
  agreement_id: string;
  type: string;
  at: string;
}

export interface PsiResponsesTable {
  id: string;
  agreement_id: string;
  peer: string;
  query_nonce: string;
  /** JSON: for each position sent, [kind, value] or null for padding. */
  positions: string;
  created_at: string;
}

export interface PsiSessionsTable {
  case_id: string;
  id: string;
  agreement_id: string;
  query_nonce: string;
  /** The one-query secret scalar (hex); erased when the query is finished. */
  secret: string | null;
  /** JSON: selector index per position sent (-1: padding). */
  positions: string;
  /** JSON: [kind, value, entity ids] of the selectors sent. */
  selectors: string;
  transport: string;
  status: string;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

export interface HitNoticesTable {
  case_id: string;
  id: string;
  /** case: another case of this deployment; partner: a partner deployment. */
  origin: string;
  /** finder: this case's check found it; found: another's check found this case. */
  role: string;
  /** Never shown to users of this case: the other case (origin case). */
  counterpart_case_id: string | null;
  counterpart_notice_id: string | null;
  agreement_id: string | null;
  /** JSON (origin partner): the partner's response id and matched positions. */
  counterpart_ref: string | null;
  /** JSON: counts per selector kind. */
  kinds: string;
  /** JSON: this case's entity ids holding a shared selector. */
  entity_ids: string;
  contact_user_id: string | null;
  contact_name: string;
  contact_agency: string;
  contact_country: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  first_seen_at: string;
  last_seen_at: string;
}

export interface NotificationsTable {
  case_id: string;
  id: string;
  user_id: string;
  kind: string;
  ref_id: string;
  created_at: string;
  read_at: string | null;
}

export interface CooperationRequestsTable {
  case_id: string;
  id: string;
  notice_id: string;
  /** outgoing or incoming */
  direction: string;
  /** requested, accepted, declined */
  status: string;
  counterpart_case_id: string | null;
  counterpart_request_id: string | null;
  agreement_id: string | null;
  counterpart_name: string;
  counterpart_agency: string;
  counterpart_country: string | null;
  message: string | null;
  shared_entities: number;
  requested_by: string;
  decided_by: string | null;
  created_at: string;
  updated_at: string;
}
