/** Who is acting (the type and the platform roles are the policy's, in domain/access). */
export type { Actor, PlatformRole } from '../../domain/access/actor.ts';
export { platformRoles } from '../../domain/access/actor.ts';
