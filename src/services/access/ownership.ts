/**
 * Ownership of writes, read for a caller (the rule is domain/access/ownership.ts): a contributing
 * partner changes or removes only what its own agency recorded — entities, merges, annotations —
 * and the owner's records answer 403 to it. Members of the case pass without a look-up.
 */
import { mayAlterRecord } from '../../domain/access/ownership.ts';
import type { CaseAccess } from '../../domain/access/policy.ts';
import { errors } from '../../shared/errors.ts';
import { getUser, userIdsOfAgency } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';

/** Whether the caller may change or remove a record that `recordedBy` (a user id) recorded. */
export async function mayAlter(store: Store, access: CaseAccess, recordedBy: string | null): Promise<boolean> {
  if (access.via === 'member') return mayAlterRecord(access, null);
  const recorder = recordedBy ? await getUser(store.db, recordedBy) : undefined;
  return mayAlterRecord(access, recorder?.agency_id ?? null);
}

/** Refuses (403) a partner's change to what another agency (the owner or another partner) recorded. */
export async function requireOwnRecord(store: Store, access: CaseAccess, recordedBy: string | null): Promise<void> {
  if (!(await mayAlter(store, access, recordedBy)))
    throw errors.forbidden(
      'Another agency recorded this; your agency may add to the case and change only what it recorded',
    );
}

/**
 * The same rule as a predicate on the recorder, read once: for checks inside a transaction that
 * touches many records (a merge re-points every reference). Null for a case member: no limit.
 */
export async function ownRecordsOf(
  store: Store,
  access: CaseAccess,
): Promise<((recordedBy: string | null) => boolean) | null> {
  if (access.via === 'member') return null;
  if (!access.canWrite || !access.sharedAgencyId) return () => false;
  const own = new Set(await userIdsOfAgency(store.db, access.sharedAgencyId));
  return (recordedBy) => recordedBy !== null && own.has(recordedBy);
}
