/** Administration of users and agencies (administrators, by API or at the console); every change is audited. */
import type { z } from 'zod';
import type { AgencyCreate, UserCreate } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { listAgencies } from '../../store/repos/access/agencies.ts';
import { getUser, getUserByName, issueToken, listUsers } from '../../store/repos/access/users.ts';
import type { UserRow } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import { globalUseCase } from '../useCase/index.ts';
import type { Actor } from './actor.ts';
import { addAgency, addUser, disableUser, resetPassword } from './users.ts';

/**
 * Who acts at the server's console in `elect user` and `elect agency`: the operator who sets up the
 * first accounts, with an administrator's rights over accounts and recorded as `console`.
 */
export const consoleActor: Actor = { id: 'console', username: 'console', platformRole: 'admin', agencyId: null };

export const presentUser = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  platformRole: u.platform_role,
  agencyId: u.agency_id,
  disabled: u.disabled === 1,
  lockedUntil: u.locked_until,
  totp: !!u.totp_secret,
  createdAt: u.created_at,
});

/** A user's id by exact name, for the console's commands that name a user. */
export async function userNamed(store: Store, username: string): Promise<{ id: string; username: string }> {
  const u = await getUserByName(store.db, username.toLowerCase());
  if (!u) throw errors.validation(`No user "${username}"`, 'username');
  return { id: u.id, username: u.username };
}

async function existingUser(store: Store, userId: string): Promise<UserRow> {
  const u = await getUser(store.db, userId);
  if (!u) throw errors.notFound('User');
  return u;
}

/**
 * An agency's administrator manages the accounts of that agency only: a user of another agency
 * reaches that agency's shared cases, so creating or resetting one is that agency's decision. An
 * administrator of no agency (the console operator) administers the platform, and is audited as such.
 */
const administersAll = (actor: Actor): boolean => actor.agencyId === null;
const administers = (actor: Actor, u: Pick<UserRow, 'agency_id'>): boolean =>
  administersAll(actor) || u.agency_id === actor.agencyId;

/** A user the actor administers; any other answers as a missing one. */
async function administeredUser(store: Store, actor: Actor, userId: string): Promise<UserRow> {
  const u = await existingUser(store, userId);
  if (!administers(actor, u)) throw errors.notFound('User');
  return u;
}

/** Agencies, to share cases with. */
export const agencyList = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'agencies' },
  run: async ({ store }) => ({ agencies: await listAgencies(store.db) }),
});

export const createAgency = globalUseCase({
  permission: 'users:manage',
  audit: { action: 'permission', target: 'agency' },
  run: async (
    { store, audit },
    input: z.infer<typeof AgencyCreate> | { name: string; country: string; kind: string },
  ) => {
    const a = await addAgency(store, input);
    audit.target(a.id);
    return a;
  },
});

export const userList = globalUseCase({
  permission: 'users:manage',
  audit: { action: 'consultation', target: 'users' },
  run: async ({ store, actor }) => ({
    users: (await listUsers(store.db)).filter((u) => administers(actor, u)).map(presentUser),
  }),
});

type NewUserInput = Omit<z.infer<typeof UserCreate>, 'platformRole'> & { platformRole: string };

/**
 * Creates a user; the generated password is returned once and works once: whoever created the
 * account never holds a password the user goes on using.
 */
export const createUser = globalUseCase({
  permission: 'users:manage',
  audit: { action: 'permission', target: 'user' },
  run: async ({ store, actor, audit }, input: NewUserInput) => {
    if (!administersAll(actor)) {
      if (input.agencyId !== undefined && input.agencyId !== null && input.agencyId !== actor.agencyId)
        throw errors.forbidden('You manage the accounts of your own agency only');
      input = { ...input, agencyId: actor.agencyId ?? undefined };
    }
    const u = await addUser(store, { ...input, generatedWorksOnce: true });
    audit.target(u.id);
    audit.detail({ change: 'created' });
    return { user: presentUser(u), initialPassword: u.initialPassword };
  },
});

/** Disables (ending the user's sessions and tokens) or re-enables a user. */
export const setUserDisabled = globalUseCase({
  permission: 'users:manage',
  audit: { action: 'permission', target: 'user', targetOf: (i: { userId: string }) => i.userId },
  run: async ({ store, actor, audit }, input: { userId: string; disabled: boolean }) => {
    if (input.userId === actor.id && input.disabled) throw errors.validation('You cannot disable yourself', 'disabled');
    await administeredUser(store, actor, input.userId);
    await disableUser(store, input.userId, input.disabled);
    audit.detail({ change: input.disabled ? 'disabled' : 'enabled' });
    return { user: presentUser(await administeredUser(store, actor, input.userId)) };
  },
});

/**
 * A one-time password (shown once) that only lets the user choose their own at the next sign-in;
 * unlocks the account and ends its sessions.
 */
export const resetUserPassword = globalUseCase({
  permission: 'users:manage',
  audit: { action: 'permission', target: 'user', targetOf: (i: { userId: string }) => i.userId },
  run: async ({ store, actor, audit }, { userId }: { userId: string }) => {
    await administeredUser(store, actor, userId);
    audit.detail({ change: 'password reset' });
    return { password: await resetPassword(store, userId) };
  },
});

/** A personal API token for another user's scripts (shown once). */
export const issueTokenFor = globalUseCase({
  permission: 'users:manage',
  audit: { action: 'permission', target: 'api-token', targetOf: (i: { userId: string }) => i.userId },
  run: async ({ store, actor }, input: { userId: string; label: string }) => ({
    token: await issueToken(store.db, (await administeredUser(store, actor, input.userId)).id, input.label),
  }),
});
