/** User accounts (full authentication with passwords and sessions builds on this). */
import { errors } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';
import { getUserByName, insertUser, issueToken } from '../store/repos/users.ts';
import type { UserRow } from '../store/repos/users.ts';
import type { Store } from '../store/store.ts';
import { platformRoles } from './actor.ts';
import type { Actor, PlatformRole } from './actor.ts';

export const actorOf = (u: UserRow): Actor => ({ id: u.id, username: u.username, platformRole: u.platform_role });

export async function addUser(store: Store, input: { username: string; displayName?: string; platformRole: string }): Promise<UserRow> {
  if (!/^[a-z0-9._-]{2,64}$/.test(input.username)) {
    throw errors.validation('username: 2–64 characters of a–z, 0–9, dot, dash or underscore', 'username');
  }
  if (!(platformRoles as readonly string[]).includes(input.platformRole)) {
    throw errors.validation(`platformRole: one of ${platformRoles.join(', ')}`, 'platformRole');
  }
  if (await getUserByName(store.db, input.username)) throw errors.conflict(`User ${input.username} already exists`, 'username');
  const row: UserRow = {
    id: uuidv7(),
    username: input.username,
    display_name: input.displayName ?? input.username,
    platform_role: input.platformRole as PlatformRole,
    agency_id: null,
    disabled: 0,
    created_at: new Date().toISOString(),
  };
  await insertUser(store.db, row);
  return row;
}

export async function addUserWithToken(store: Store, input: { username: string; displayName?: string; platformRole: string }): Promise<{ user: UserRow; token: string }> {
  const user = await addUser(store, input);
  return { user, token: await issueToken(store.db, user.id, 'initial token') };
}
