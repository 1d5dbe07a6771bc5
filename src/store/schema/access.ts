/**
 * Users, agencies, sign-in sessions and attempts, API tokens, and the administrator's wording of the
 * handling codes. Small global reference tables: they describe people and deployment settings, not case data.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  /** Platform role: admin, investigator, analyst, supervisor, prosecutor, trainer, trainee. */
  platform_role: string;
  agency_id: string | null;
  disabled: number;
  created_at: string;
  password_hash: string | null;
  totp_secret: string | null;
  language: string | null;
  failed_logins: number | null;
  locked_until: string | null;
  password_changed_at: string | null;
  /** 1 after an administrator's reset: the next sign-in must choose a new password. */
  password_must_change: number;
}

export interface AgenciesTable {
  id: string;
  name: string;
  country: string;
  /** police, border guard, labour inspectorate, tax, FIU, prosecution, victim support */
  kind: string;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptsTable {
  key: string;
  at: string;
  ok: number;
}

export interface ApiTokensTable {
  token_hash: string;
  user_id: string;
  label: string;
  created_at: string;
}

export interface HandlingCodeTextsTable {
  code: string;
  label: string;
  meaning: string;
  source: string;
  updated_by: string;
  updated_at: string;
}
