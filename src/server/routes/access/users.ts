import { z } from 'zod';
import { AgencyCreate, UserCreate, UserPatch } from '../../../shared/contracts/index.ts';
import {
  agencyList,
  createAgency,
  createUser,
  resetUserPassword,
  setUserDisabled,
  userList,
} from '../../../services/access/index.ts';
import type { Router } from '../router.ts';

const UserParams = z.object({ userId: z.string().min(1).max(200) });

/** Administration of users and agencies (admins only); every change is audited. */
export function userRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/agencies',
    tag: 'users',
    summary: 'Agencies (to share cases with)',
    access: 'authenticated',
    handler: ({ store, caller }) => agencyList(store, caller),
  });

  r({
    method: 'POST',
    url: '/api/agencies',
    tag: 'users',
    summary: 'Add an agency',
    status: 201,
    access: { global: 'users:manage' },
    body: AgencyCreate,
    handler: ({ store, caller, body }) => createAgency(store, caller, body),
  });

  r({
    method: 'GET',
    url: '/api/users',
    tag: 'users',
    summary: 'All user accounts',
    access: { global: 'users:manage' },
    handler: ({ store, caller }) => userList(store, caller),
  });

  r({
    method: 'POST',
    url: '/api/users',
    tag: 'users',
    summary: 'Create a user; the generated password is shown once',
    status: 201,
    access: { global: 'users:manage' },
    body: UserCreate,
    handler: ({ store, caller, body }) => createUser(store, caller, body),
  });

  r({
    method: 'PATCH',
    url: '/api/users/:userId',
    tag: 'users',
    summary: 'Disable or re-enable a user (disabling ends their sessions and tokens)',
    params: UserParams,
    body: UserPatch,
    access: { global: 'users:manage' },
    handler: ({ store, caller, params, body }) =>
      setUserDisabled(store, caller, { userId: params.userId, disabled: body.disabled }),
  });

  r({
    method: 'POST',
    url: '/api/users/:userId/reset',
    tag: 'users',
    summary: 'Reset a password: a new one is generated and shown once',
    params: UserParams,
    access: { global: 'users:manage' },
    handler: ({ store, caller, params }) => resetUserPassword(store, caller, { userId: params.userId }),
  });
}
