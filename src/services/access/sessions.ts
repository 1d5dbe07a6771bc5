/**
 * Password sign-in and server-side sessions. Sessions end after an idle period and at an
 * absolute limit. Failed passwords and authenticator codes count against the account (a temporary
 * lockout) and against the account at one address; an unknown name answers as a real one does.
 */
import { randomBytes } from 'node:crypto';
import { AppError, errors } from '../../shared/errors.ts';
import {
  deleteSession,
  failuresSince,
  getSession,
  insertSession,
  pruneAttempts,
  recordAttempt,
  revokeAllOf,
  touchSession,
} from '../../store/repos/access/sessions.ts';
import { getUser, getUserByName, updateUser, userByToken } from '../../store/repos/access/users.ts';
import type { UserRow } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from './actor.ts';
import { checkPasswordStrength, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { verifyTotp } from './totp.ts';
import { actorOf } from './users.ts';

export const SESSION_COOKIE = 'elect_session';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** Failures (password or authenticator code) allowed per account before it is locked for `lockMinutes`. */
  maxFailures: number;
  lockMinutes: number;
  /**
   * Failures allowed for one account name from one address within `lockMinutes`. Keyed on both, so
   * colleagues behind one office address never lock each other out.
   */
  maxFailuresPerAddress: number;
}

export const defaultSessionPolicy: SessionPolicy = {
  idleMinutes: 30,
  absoluteHours: 12,
  maxFailures: 5,
  lockMinutes: 15,
  maxFailuresPerAddress: 30,
};

const minutesAgo = (now: number, m: number) => new Date(now - m * 60_000).toISOString();
/** One answer for a locked account, an unknown name that failed as often, and a busy address. */
const locked = () =>
  new AppError('rate_limited', 'This account is temporarily locked after repeated failed sign-ins; try again later');
const wrongCredentials = () => errors.unauthenticated('Wrong username or password');

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
  /** After an administrator's reset: the password the user chooses now. */
  newPassword?: string | undefined;
  ip: string;
}

/** A name that is no account is checked against this, so it costs the same time as a real one. */
let decoyHash: Promise<string> | undefined;
const decoy = (): Promise<string> => (decoyHash ??= hashPassword(randomBytes(18).toString('base64url')));

/** Attempt keys: the account (its id, or the name tried when there is no such account) and name + address. */
const accountKey = (user: UserRow | undefined, name: string) => (user ? `user:${user.id}` : `name:${name}`);
const addressKey = (name: string, ip: string) => `addr:${name}@${ip}`;

/**
 * Counts a failed password or authenticator code against the account (locking it after
 * `maxFailures`) and against the account at this address.
 */
export async function recordFailure(
  store: Store,
  who: { user: UserRow | undefined; name: string; ip: string | null },
  policy = defaultSessionPolicy,
  now = Date.now(),
): Promise<void> {
  const at = new Date(now).toISOString();
  const key = accountKey(who.user, who.name);
  if (who.ip) await recordAttempt(store.db, addressKey(who.name, who.ip), false, at);
  await recordAttempt(store.db, key, false, at);
  if (who.user && (await failuresSince(store.db, key, minutesAgo(now, policy.lockMinutes))) >= policy.maxFailures) {
    await updateUser(store.db, who.user.id, {
      locked_until: new Date(now + policy.lockMinutes * 60_000).toISOString(),
    });
  }
}

/** Whether the name is locked: the account's lock, or as many recent failures for a name that is no account. */
async function isLocked(store: Store, user: UserRow | undefined, name: string, policy: SessionPolicy, now: number) {
  if (user) return !!user.locked_until && user.locked_until > new Date(now).toISOString();
  return (
    (await failuresSince(store.db, accountKey(undefined, name), minutesAgo(now, policy.lockMinutes))) >=
    policy.maxFailures
  );
}

/** Checks credentials; returns the user and a new session token (the only copy). */
export async function login(
  store: Store,
  input: LoginInput,
  policy = defaultSessionPolicy,
  now = Date.now(),
): Promise<{ user: UserRow; token: string; expiresAt: string }> {
  const at = new Date(now).toISOString();
  const name = input.username.trim().toLowerCase();
  const since = minutesAgo(now, policy.lockMinutes);
  if ((await failuresSince(store.db, addressKey(name, input.ip), since)) >= policy.maxFailuresPerAddress)
    throw locked();
  const user = await getUserByName(store.db, name);
  if (await isLocked(store, user, name, policy, now)) throw locked();
  const passwordOk = await verifyPassword(user ? user.password_hash : await decoy(), input.password);
  const fail = () => recordFailure(store, { user, name, ip: input.ip }, policy, now);
  if (!user || user.disabled || !passwordOk) {
    await fail();
    throw wrongCredentials();
  }
  if (user.totp_secret) {
    if (!input.totp) throw new AppError('totp_required', 'Enter the code from your authenticator app', 'totp');
    if (!verifyTotp(user.totp_secret, input.totp, now)) {
      await fail();
      throw new AppError('unauthenticated', 'The authenticator code is not valid', 'totp');
    }
  }
  if (user.password_must_change) await chooseOwnPassword(store, user, input, at);
  await recordAttempt(store.db, accountKey(user, name), true, at);
  await updateUser(store.db, user.id, { locked_until: null, failed_logins: 0 });
  await pruneAttempts(store.db, minutesAgo(now, 24 * 60));
  // A fresh random token at every sign-in: a token planted before sign-in (fixation) never becomes valid.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + policy.absoluteHours * 3_600_000).toISOString();
  await insertSession(store.db, token, { user_id: user.id, created_at: at, last_seen_at: at, expires_at: expiresAt });
  return { user, token, expiresAt };
}

/**
 * After an administrator's reset the one-time password only lets its owner choose their own:
 * no session until they do, and the one-time password never works again.
 */
async function chooseOwnPassword(store: Store, user: UserRow, input: LoginInput, at: string): Promise<void> {
  if (!input.newPassword)
    throw new AppError('password_change_required', 'Choose a new password to finish signing in', 'newPassword');
  try {
    checkPasswordStrength(input.newPassword);
  } catch {
    throw errors.validation(`newPassword: at least ${MIN_PASSWORD_LENGTH} characters`, 'newPassword');
  }
  if (input.newPassword === input.password)
    throw errors.validation('newPassword: choose a password other than the one you were given', 'newPassword');
  await updateUser(store.db, user.id, {
    password_hash: await hashPassword(input.newPassword),
    password_changed_at: at,
    password_must_change: 0,
  });
}

/** The user behind a session token, or undefined when it is unknown, idle too long or expired. */
export async function sessionUser(
  store: Store,
  token: string,
  policy = defaultSessionPolicy,
  now = Date.now(),
): Promise<UserRow | undefined> {
  const s = await getSession(store.db, token);
  if (!s) return undefined;
  const at = new Date(now).toISOString();
  if (s.expires_at <= at || s.last_seen_at < minutesAgo(now, policy.idleMinutes)) {
    await deleteSession(store.db, token);
    return undefined;
  }
  // Writing on every request would serialise readers on SQLite; a minute's precision is enough.
  if (s.last_seen_at < minutesAgo(now, 1)) await touchSession(store.db, token, at);
  const user = await getUser(store.db, s.user_id);
  return user && !user.disabled ? user : undefined;
}

export const logout = (store: Store, token: string): Promise<void> => deleteSession(store.db, token);
export const logoutEverywhere = (store: Store, userId: string): Promise<void> => revokeAllOf(store.db, userId);

/** The actor behind a session token, for the route wrapper; undefined when the session has ended. */
export async function actorFromSession(store: Store, token: string): Promise<Actor | undefined> {
  const user = await sessionUser(store, token);
  return user ? actorOf(user) : undefined;
}

/** The actor behind a personal API token; undefined when the token is unknown or its user disabled. */
export async function actorFromToken(store: Store, token: string): Promise<Actor | undefined> {
  const user = await userByToken(store.db, token);
  return user && !user.disabled ? actorOf(user) : undefined;
}

/**
 * The user the CLI acts as (`--as` or ELECT_USER): the console grants no access of its own, so the
 * name must be an active account.
 */
export async function actorNamed(store: Store, name: string): Promise<Actor | undefined> {
  const user = await getUserByName(store.db, name);
  return user && !user.disabled ? actorOf(user) : undefined;
}
