/** Who is acting: resolved from a session or API token by the server, or named to the CLI. */
export interface Actor {
  id: string;
  username: string;
  platformRole: string;
  agencyId: string | null;
}

export const platformRoles = [
  'admin',
  'investigator',
  'analyst',
  'supervisor',
  'prosecutor',
  'trainer',
  'trainee',
  'dpo',
] as const;
export type PlatformRole = (typeof platformRoles)[number];
