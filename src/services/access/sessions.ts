/**
 * Password sign-in and server-side sessions. Sessions end after an idle period and at an
 * absolute limit; a failed-login budget per account and per address leads to a temporary lockout.
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
import { verifyPassword } from './passwords.ts';
import { verifyTotp } from './totp.ts';
import { actorOf } from './users.ts';

export const SESSION_COOKIE = 'elect_session';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** Failures allowed per account before it is locked for `lockMinutes`. */
  maxFailures: number;
  lockMinutes: number;
  /** Failures allowed from one address within `lockMinutes` before it must wait. */
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
const tooMany = (message: string) => new AppError('rate_limited', message);

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
  ip: string;
}

/** Checks credentials; returns the user and a new session token (the only copy). */
export async function login(
  store: Store,
  input: LoginInput,
  policy = defaultSessionPolicy,
  now = Date.now(),
): Promise<{ user: UserRow; token: string; expiresAt: string }> {
  const at = new Date(now).toISOString();
  const since = minutesAgo(now, policy.lockMinutes);
  const addressKey = `ip:${input.ip}`;
  if ((await failuresSince(store.db, addressKey, since)) >= policy.maxFailuresPerAddress) {
    throw tooMany('Too many failed sign-ins from this address; wait and try again');
  }
  const user = await getUserByName(store.db, input.username.trim().toLowerCase());
  if (user?.locked_until && user.locked_until > at) {
    throw tooMany('This account is temporarily locked after repeated failed sign-ins; try again later');
  }
  const ok = !!user && !user.disabled && (await verifyPassword(user.password_hash, input.password));
  if (!ok || !user) {
    await recordAttempt(store.db, addressKey, false, at);
    if (user) {
      await recordAttempt(store.db, `user:${user.id}`, false, at);
      if ((await failuresSince(store.db, `user:${user.id}`, since)) >= policy.maxFailures) {
        await updateUser(store.db, user.id, {
          locked_until: new Date(now + policy.lockMinutes * 60_000).toISOString(),
        });
      }
    }
    throw errors.unauthenticated('Wrong username or password');
  }
  if (user.totp_secret) {
    if (!input.totp) throw new AppError('totp_required', 'Enter the code from your authenticator app', 'totp');
    if (!verifyTotp(user.totp_secret, input.totp, now)) {
      await recordAttempt(store.db, `user:${user.id}`, false, at);
      throw new AppError('unauthenticated', 'The authenticator code is not valid', 'totp');
    }
  }
  await recordAttempt(store.db, `user:${user.id}`, true, at);
  await updateUser(store.db, user.id, { locked_until: null, failed_logins: 0 });
  await pruneAttempts(store.db, minutesAgo(now, 24 * 60));
  // A fresh random token at every sign-in: a token planted before sign-in (fixation) never becomes valid.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + policy.absoluteHours * 3_600_000).toISOString();
  await insertSession(store.db, token, { user_id: user.id, created_at: at, last_seen_at: at, expires_at: expiresAt });
  return { user, token, expiresAt };
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
