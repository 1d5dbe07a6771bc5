/**
 * Hit notices and notifications: writing them (for the cross-case and the partner hit/no-hit)
 * and presenting them. A notice says that a hit exists, on which entities of the reader's own
 * case, and whom to contact — never anything of the other side's case (its id stays in the row
 * for the cooperation that may follow, and is never presented).
 */
import type { HitNoticeOut } from '../../shared/contracts/cooperation.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import type { HitNoticesTable } from '../../store/tables.ts';
import type { Store } from '../../store/store.ts';
import { canSee } from '../access/visibility.ts';
import type { Visibility } from '../access/visibility.ts';

export type NoticeRow = HitNoticesTable;

export interface Contact {
  userId: string | null;
  name: string;
  agency: string;
  country: string | null;
  email: string | null;
  phone: string | null;
}

export interface NoticeWrite {
  origin: 'case' | 'partner';
  role: 'finder' | 'found';
  counterpartCaseId: string | null;
  agreementId: string | null;
  counterpartRef: string | null;
  kinds: Record<string, number>;
  entityIds: string[];
  contact: Contact;
}

const json = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/**
 * Creates or refreshes the notice in `scope`'s case for this counterpart (the other case, or
 * the agreement). Returns it, and whether it is new. Runs inside the caller's transaction.
 */
export async function upsertNotice(
  scope: CaseScope,
  w: NoticeWrite,
  now: string,
): Promise<{ row: NoticeRow; created: boolean }> {
  let q = scope.selectFrom('hit_notices').selectAll().where('origin', '=', w.origin).where('role', '=', w.role);
  q = w.counterpartCaseId
    ? q.where('counterpart_case_id', '=', w.counterpartCaseId)
    : q.where('agreement_id', '=', w.agreementId ?? '');
  const existing = w.origin === 'partner' ? undefined : await q.executeTakeFirst();
  const values = {
    kinds: JSON.stringify(w.kinds),
    entity_ids: JSON.stringify([...new Set(w.entityIds)].sort()),
    counterpart_ref: w.counterpartRef,
    contact_user_id: w.contact.userId,
    contact_name: w.contact.name,
    contact_agency: w.contact.agency,
    contact_country: w.contact.country,
    contact_email: w.contact.email,
    contact_phone: w.contact.phone,
    last_seen_at: now,
  };
  if (existing) {
    await scope.updateTable('hit_notices').set(values).where('id', '=', existing.id).execute();
    return { row: { ...existing, ...values }, created: false };
  }
  const row: Omit<NoticeRow, 'case_id'> = {
    id: uuidv7(),
    origin: w.origin,
    role: w.role,
    counterpart_case_id: w.counterpartCaseId,
    counterpart_notice_id: null,
    agreement_id: w.agreementId,
    first_seen_at: now,
    ...values,
  };
  await scope.insertInto('hit_notices', row).execute();
  return { row: { ...row, case_id: scope.caseId }, created: true };
}

export async function notify(
  scope: CaseScope,
  userIds: readonly string[],
  kind: string,
  refId: string,
  now: string,
): Promise<void> {
  if (!userIds.length) return;
  await scope
    .insertInto(
      'notifications',
      [...new Set(userIds)].map((user_id) => ({
        id: uuidv7(),
        user_id,
        kind,
        ref_id: refId,
        created_at: now,
        read_at: null,
      })),
    )
    .execute();
}

/** The notice as a reader of its own case may see it (only the entities visible to them). */
export function presentNotice(row: NoticeRow, v: Visibility): HitNoticeOut {
  return {
    id: row.id,
    origin: row.origin === 'partner' ? 'partner' : 'case',
    kinds: json<Record<string, number>>(row.kinds, {}),
    entityIds: json<string[]>(row.entity_ids, []).filter((id) => canSee(v, id)),
    contact: {
      name: row.contact_name,
      agency: row.contact_agency,
      country: row.contact_country,
      email: row.contact_email,
      phone: row.contact_phone,
    },
    agreementId: row.agreement_id,
    role: row.role === 'found' ? 'found' : 'finder',
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}

export async function listNotices(store: Store, caseId: string): Promise<NoticeRow[]> {
  return store.scope(caseId).selectFrom('hit_notices').selectAll().orderBy('last_seen_at', 'desc').execute();
}

export async function getNotice(store: Store, caseId: string, id: string): Promise<NoticeRow | undefined> {
  return store.scope(caseId).selectFrom('hit_notices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user's own notifications, newest first, with the cases they concern. */
export async function notificationsOf(store: Store, userId: string, limit = 100) {
  const rows = await store.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    refId: r.ref_id,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export async function markNotificationRead(store: Store, userId: string, id: string): Promise<boolean> {
  const r = await store.db
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
