import { z } from 'zod';
import { AgencyCreate, UserCreate, UserPatch } from '../../../shared/contracts/index.ts';
import { errors } from '../../../shared/errors.ts';
import { addAgency, addUser, disableUser, resetPassword } from '../../../services/access/users.ts';
import { listAgencies } from '../../../store/repos/access/agencies.ts';
import { getUser, listUsers } from '../../../store/repos/access/users.ts';
import type { UserRow } from '../../../store/repos/access/users.ts';
import type { Router } from '../router.ts';

const present = (u: UserRow) => ({
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

const UserParams = z.object({ userId: z.string().min(1).max(200) });

/** Administration of users and agencies (admins only); every change is audited. */
export function userRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/agencies',
    tag: 'users',
    summary: 'Agencies (to share cases with)',
    access: 'authenticated',
    handler: async ({ store }) => ({ agencies: await listAgencies(store.db) }),
  });

  r({
    method: 'POST',
    url: '/api/agencies',
    tag: 'users',
    summary: 'Add an agency',
    status: 201,
    access: { global: 'users:manage' },
    body: AgencyCreate,
    audit: { action: 'permission', target: 'agency' },
    handler: async ({ store, body, setAuditTarget }) => {
      const a = await addAgency(store, body);
      setAuditTarget(a.id);
      return a;
    },
  });

  r({
    method: 'GET',
    url: '/api/users',
    tag: 'users',
    summary: 'All user accounts',
    access: { global: 'users:manage' },
    audit: { action: 'consultation', target: 'users' },
    handler: async ({ store }) => ({ users: (await listUsers(store.db)).map(present) }),
  });

  r({
    method: 'POST',
    url: '/api/users',
    tag: 'users',
    summary: 'Create a user; the generated password is shown once',
    status: 201,
    access: { global: 'users:manage' },
    body: UserCreate,
    audit: { action: 'permission', target: 'user' },
    handler: async ({ store, body, setAuditTarget }) => {
      const u = await addUser(store, body);
      setAuditTarget(u.id);
      return { user: present(u), initialPassword: u.initialPassword };
    },
  });

  r({
    method: 'PATCH',
    url: '/api/users/:userId',
    tag: 'users',
    summary: 'Disable or re-enable a user (disabling ends their sessions and tokens)',
    params: UserParams,
    body: UserPatch,
    access: { global: 'users:manage' },
    audit: { action: 'permission', target: 'user', targetParam: 'userId' },
    handler: async ({ store, params, body, actor }) => {
      if (params.userId === actor.id && body.disabled)
        throw errors.validation('You cannot disable yourself', 'disabled');
      if (!(await getUser(store.db, params.userId))) throw errors.notFound('User');
      await disableUser(store, params.userId, body.disabled);
      return { user: present((await getUser(store.db, params.userId)) as UserRow) };
    },
  });

  r({
    method: 'POST',
    url: '/api/users/:userId/reset',
    tag: 'users',
    summary: 'Reset a password: a new one is generated and shown once',
    params: UserParams,
    access: { global: 'users:manage' },
    audit: { action: 'permission', target: 'user', targetParam: 'userId' },
    handler: async ({ store, params }) => {
      if (!(await getUser(store.db, params.userId))) throw errors.notFound('User');
      return { password: await resetPassword(store, params.userId) };
    },
  });
}
