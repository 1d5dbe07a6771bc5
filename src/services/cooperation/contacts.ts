/**
 * Whom the other side of a hit is told to contact: a case's lead (name and agency, nothing of the
 * case itself), or the user asking for cooperation.
 */
import { getAgency } from '../../store/repos/access/agencies.ts';
import { getUser } from '../../store/repos/access/users.ts';
import { listMembers } from '../../store/repos/cases/cases.ts';
import type { Store } from '../../store/store.ts';
import type { Contact } from './notices.ts';

/** The case's lead as a contact: name and agency, nothing of the case itself. */
export async function leadContact(store: Store, caseId: string): Promise<Contact & { leadIds: string[] }> {
  const leads = (await listMembers(store.scope(caseId))).filter((m) => m.case_role === 'lead');
  const first = leads[0];
  const user = first ? await getUser(store.db, first.user_id) : undefined;
  const agency = user?.agency_id ? await getAgency(store.db, user.agency_id) : undefined;
  return {
    userId: user?.id ?? null,
    name: user?.display_name ?? '—',
    agency: agency?.name ?? '—',
    country: agency?.country ?? null,
    email: null,
    phone: null,
    leadIds: leads.map((l) => l.user_id),
  };
}

/** The user asking for cooperation: their name and agency, or the case lead's where unknown. */
export async function requesterOf(
  store: Store,
  userId: string,
  lead: Contact,
): Promise<{ name: string; agency: string; country: string | null }> {
  const user = await getUser(store.db, userId);
  const agency = user?.agency_id ? await getAgency(store.db, user.agency_id) : undefined;
  return {
    name: user?.display_name ?? lead.name,
    agency: agency?.name ?? lead.agency,
    country: agency?.country ?? lead.country,
  };
}

/** The user's display name, or the case lead's where unknown. */
export async function displayNameOf(store: Store, userId: string, lead: Contact): Promise<string> {
  return (await getUser(store.db, userId))?.display_name ?? lead.name;
}
