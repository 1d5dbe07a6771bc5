/** User accounts and agencies: created by an administrator (API or `elect user`), never with default passwords. */
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { getAgency, insertAgency } from '../../store/repos/access/agencies.ts';
import type { AgencyRow } from '../../store/repos/access/agencies.ts';
import { revokeAllOf } from '../../store/repos/access/sessions.ts';
import { getUserByName, insertUser, issueToken, updateUser } from '../../store/repos/access/users.ts';
import type { UserRow } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import { platformRoles } from './actor.ts';
import type { Actor, PlatformRole } from './actor.ts';
import { checkPasswordStrength, generatePassword, hashPassword } from './passwords.ts';

export const agencyKinds = [
  'police',
  'borderGuard',
  'labourInspectorate',
  'tax',
  'fiu',
  'prosecution',
  'victimSupport',
] as const;

export const actorOf = (u: UserRow): Actor => ({
  id: u.id,
  username: u.username,
  platformRole: u.platform_role,
  agencyId: u.agency_id,
});

export interface NewUser {
  username: string;
  displayName?: string | undefined;
  platformRole: string;
  agencyId?: string | null | undefined;
  /** When absent, a password is generated and returned once. */
  password?: string | undefined;
  /** A generated password works once: the user chooses their own at the first sign-in. */
  generatedWorksOnce?: boolean | undefined;
  language?: string | undefined;
}

export async function addAgency(
  store: Store,
  input: { name: string; country: string; kind: string },
  id = uuidv7(),
): Promise<AgencyRow> {
  if (!(agencyKinds as readonly string[]).includes(input.kind))
    throw errors.validation(`kind: one of ${agencyKinds.join(', ')}`, 'kind');
  if (!/^[A-Z]{2}$/.test(input.country))
    throw errors.validation('country: an ISO 3166 alpha-2 code such as FI, EE or LV', 'country');
  const row = { id, name: input.name, country: input.country, kind: input.kind, created_at: new Date().toISOString() };
  await insertAgency(store.db, row);
  return row;
}

export async function addUser(store: Store, input: NewUser): Promise<UserRow & { initialPassword?: string }> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{2,64}$/.test(username)) {
    throw errors.validation('username: 2–64 characters of a–z, 0–9, dot, dash or underscore', 'username');
  }
  if (!(platformRoles as readonly string[]).includes(input.platformRole)) {
    throw errors.validation(`platformRole: one of ${platformRoles.join(', ')}`, 'platformRole');
  }
  if (input.agencyId && !(await getAgency(store.db, input.agencyId)))
    throw errors.validation(`No agency ${input.agencyId}`, 'agencyId');
  if (await getUserByName(store.db, username)) throw errors.conflict(`User ${username} already exists`, 'username');
  const password = input.password ?? generatePassword();
  checkPasswordStrength(password);
  const now = new Date().toISOString();
  const row: UserRow = {
    id: uuidv7(),
    username,
    display_name: input.displayName ?? username,
    platform_role: input.platformRole as PlatformRole,
    agency_id: input.agencyId ?? null,
    disabled: 0,
    created_at: now,
    password_hash: await hashPassword(password),
    totp_secret: null,
    language: input.language ?? 'en',
    failed_logins: 0,
    locked_until: null,
    password_changed_at: now,
    password_must_change: !input.password && input.generatedWorksOnce ? 1 : 0,
  };
  await insertUser(store.db, row);
  return input.password ? row : { ...row, initialPassword: password };
}

export async function addUserWithToken(
  store: Store,
  input: NewUser,
): Promise<{ user: UserRow; token: string; password: string | undefined }> {
  const user = await addUser(store, input);
  return { user, token: await issueToken(store.db, user.id, 'initial token'), password: user.initialPassword };
}

/** Disabling ends every session and token at once. */
export async function disableUser(store: Store, userId: string, disabled: boolean): Promise<void> {
  await updateUser(store.db, userId, { disabled: disabled ? 1 : 0 });
  if (disabled) await revokeAllOf(store.db, userId);
}

/**
 * A new generated one-time password (shown once): it lets the user sign in only to choose their
 * own password, so whoever reset it never holds one that works twice. Unlocks the account and ends
 * its sessions and tokens.
 */
export async function resetPassword(store: Store, userId: string, password = generatePassword()): Promise<string> {
  checkPasswordStrength(password);
  await updateUser(store.db, userId, {
    password_hash: await hashPassword(password),
    password_changed_at: new Date().toISOString(),
    password_must_change: 1,
    locked_until: null,
    failed_logins: 0,
  });
  await revokeAllOf(store.db, userId);
  return password;
}
