/**
 * The signed-in user's own account: signing in and out, who they are, their language, their
 * second factor and their API tokens. Sign-in is public, so it records its outcome itself.
 */
import type { MeOut } from '../../shared/contracts/index.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { getAgency } from '../../store/repos/access/agencies.ts';
import { getUser, issueToken, updateUser } from '../../store/repos/access/users.ts';
import type { UserRow } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import { recordEntry } from '../audit/index.ts';
import { globalUseCase } from '../useCase/index.ts';
import { verifyPassword } from './passwords.ts';
import { login, logout, logoutEverywhere, recordFailure } from './sessions.ts';
import type { LoginInput } from './sessions.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.ts';

export interface Me {
  user: MeOut & { totp: boolean };
}

async function presentMe(store: Store, u: UserRow): Promise<Me> {
  const agency = u.agency_id ? await getAgency(store.db, u.agency_id) : undefined;
  return {
    user: {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      platformRole: u.platform_role,
      agency: agency ? { id: agency.id, name: agency.name, country: agency.country, kind: agency.kind } : null,
      language: u.language ?? 'en',
      totp: !!u.totp_secret,
    },
  };
}

const currentUser = async (store: Store, id: string): Promise<UserRow> => {
  const u = await getUser(store.db, id);
  if (!u) throw errors.unauthenticated();
  return u;
};

/**
 * Signs in (public): the session token is the only copy, for the caller to hand over. Success and
 * refusal are both recorded; the attempted name may be a mistyped password, so only the outcome is.
 */
export async function signIn(store: Store, input: LoginInput): Promise<{ me: Me; token: string; expiresAt: string }> {
  try {
    const { user, token, expiresAt } = await login(store, input);
    await recordEntry(store, { caseId: null, userId: user.id, action: 'login', targetType: 'session', ip: input.ip });
    return { me: await presentMe(store, user), token, expiresAt };
  } catch (e) {
    if (e instanceof AppError) {
      await recordEntry(store, {
        caseId: null,
        userId: 'anonymous',
        action: 'login',
        targetType: 'session',
        ip: input.ip,
        detail: { outcome: e.code },
      });
    }
    throw e;
  }
}

export const signOut = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'logout', target: 'session' },
  run: async ({ store }, { token }: { token: string | undefined }) => {
    if (token) await logout(store, token);
    return null;
  },
});

/** Ends every session and revokes every API token of the caller. */
export const signOutEverywhere = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'logout', target: 'all-sessions' },
  run: async ({ store, actor }) => {
    await logoutEverywhere(store, actor.id);
    return null;
  },
});

export const whoAmI = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'user' },
  run: async ({ store, actor, audit }) => {
    audit.target(actor.id);
    return presentMe(store, await currentUser(store, actor.id));
  },
});

/** Remembers the caller's language. */
export const setLanguage = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'alteration', target: 'user' },
  run: async ({ store, actor, audit }, { language }: { language: string }) => {
    audit.target(actor.id);
    audit.detail({ language });
    await updateUser(store.db, actor.id, { language });
    return presentMe(store, await currentUser(store, actor.id));
  },
});

/** A new authenticator secret to scan; not active until confirmed. */
export const proposeTotp = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'totp' },
  run: async ({ actor }) => {
    const secret = newTotpSecret();
    return { secret, uri: otpauthUri(secret, actor.username) };
  },
});

/**
 * A stolen session alone must not change the second factor: the password, and the current code
 * when one is on, are asked again, and wrong ones count toward the account's lockout.
 */
async function confirmOwner(
  store: Store,
  user: UserRow,
  input: { password: string; code?: string | undefined },
  ip: string | null,
  codePath: string,
): Promise<void> {
  const fail = () => recordFailure(store, { user, name: user.username, ip });
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await fail();
    throw errors.validation('password: not your current password', 'password');
  }
  if (user.totp_secret && !(input.code && verifyTotp(user.totp_secret, input.code))) {
    await fail();
    throw errors.validation(`${codePath}: not a current code of your authenticator`, codePath);
  }
}

/** Turns on (or replaces) the second factor once a code confirms the new secret. */
export const enableTotp = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'permission', target: 'totp' },
  run: async (
    { store, actor, caller, audit },
    input: { secret: string; code: string; password: string; currentCode?: string | undefined },
  ) => {
    const user = await currentUser(store, actor.id);
    await confirmOwner(store, user, { password: input.password, code: input.currentCode }, caller.ip, 'currentCode');
    if (!verifyTotp(input.secret, input.code))
      throw errors.validation('The code does not match the secret; check the device clock', 'code');
    await updateUser(store.db, actor.id, { totp_secret: input.secret });
    audit.detail({ enabled: true, replaced: !!user.totp_secret });
    return { totp: true };
  },
});

/** Turns the second factor off: the password and a current code. */
export const disableTotp = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'permission', target: 'totp' },
  run: async ({ store, actor, caller, audit }, input: { password: string; code: string }) => {
    const user = await currentUser(store, actor.id);
    await confirmOwner(store, user, input, caller.ip, 'code');
    await updateUser(store.db, actor.id, { totp_secret: null });
    audit.detail({ enabled: false, was: !!user.totp_secret });
    return { totp: false };
  },
});

/** A personal API token for scripts and the CLI (shown once). */
export const issueApiToken = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'permission', target: 'api-token' },
  run: async ({ store, actor }, { label }: { label: string }) => ({
    token: await issueToken(store.db, actor.id, label),
    label,
  }),
});
