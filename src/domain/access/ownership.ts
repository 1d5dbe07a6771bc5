/**
 * Who may change or delete a record already in a case. The case's own members may (as their case
 * role allows). A partner agency the case is shared with for contributing adds entities, links,
 * notes and annotations, and changes or deletes only what its own agency added: the owner's facts
 * are read-only to it, so a partner can neither rewrite nor remove the owner's evidence.
 */
import type { CaseAccess } from './policy.ts';

/** `recordAgencyId`: the agency of whoever added the record (null when unknown: the owner's). */
export function mayAlterRecord(access: CaseAccess, recordAgencyId: string | null): boolean {
  if (!access.canWrite) return false;
  if (access.via === 'member') return true;
  return access.sharedAgencyId !== null && recordAgencyId === access.sharedAgencyId;
}
