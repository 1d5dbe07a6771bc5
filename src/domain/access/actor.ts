import { platformRoleValues } from '../../shared/contracts/access.ts';

/** Who is acting: resolved from a session or API token by the server, or named to the CLI. */
export interface Actor {
  id: string;
  username: string;
  platformRole: string;
  agencyId: string | null;
}

/** The platform roles, as the API contract lists them. */
export const platformRoles = platformRoleValues;
export type PlatformRole = (typeof platformRoles)[number];
