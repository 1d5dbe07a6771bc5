/**
 * Hit notices and notifications: writing them (for the cross-case and the partner hit/no-hit)
 * and presenting them. A notice says that a hit exists, on which entities of the reader's own
 * case, and whom to contact — never anything of the other side's case (its id stays in the row
 * for the cooperation that may follow, and is never presented).
 */
import type { HitNoticeOut, NotificationOut } from '../../shared/contracts/cooperation.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import {
  findNotice,
  getNoticeRow,
  insertNotice,
  insertNotifications,
  listNoticeRows,
  listNotificationsOf,
  setNotificationRead,
  updateNotice,
} from '../../store/repos/cooperation/notices.ts';
import type { NoticeRow } from '../../store/repos/cooperation/notices.ts';
import type { Store } from '../../store/store.ts';
import { canSee, visibilityOf } from '../access/index.ts';
import type { Visibility } from '../access/index.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';

export type { NoticeRow };

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
  const existing = w.origin === 'partner' ? undefined : await findNotice(scope, w);
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
    await updateNotice(scope, existing.id, values);
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
  await insertNotice(scope, row);
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
  await insertNotifications(scope, userIds, kind, refId, now);
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
  return listNoticeRows(store.scope(caseId));
}

export async function getNotice(store: Store, caseId: string, id: string): Promise<NoticeRow | undefined> {
  return getNoticeRow(store.scope(caseId), id);
}

/** The hit notices of a case, as the caller may see them. */
export const caseHitNotices = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'hits' },
  run: async ({ store, caseId, access, audit }): Promise<{ notices: HitNoticeOut[] }> => {
    const v = await visibilityOf(store, access);
    const notices = (await listNotices(store, caseId)).map((n) => presentNotice(n, v));
    audit.returned(notices.map((n) => n.id));
    return { notices };
  },
});

/** A user's own notifications, newest first, with the cases they concern. */
export async function notificationsOf(store: Store, userId: string, limit = 100): Promise<NotificationOut[]> {
  const rows = await listNotificationsOf(store.db, userId, limit);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    refId: r.ref_id,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export const myNotifications = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'notifications' },
  run: async ({ store, actor, audit }) => {
    const notifications = await notificationsOf(store, actor.id);
    audit.detail({ count: notifications.length });
    return { notifications };
  },
});

export async function markNotificationRead(store: Store, userId: string, id: string): Promise<boolean> {
  return setNotificationRead(store.db, userId, id);
}

export const readNotification = globalUseCase({
  permission: 'authenticated',
  audit: {
    action: 'alteration',
    target: 'notification',
    targetOf: (i: { notificationId: string }) => i.notificationId,
  },
  run: async ({ store, actor }, { notificationId }: { notificationId: string }) => {
    if (!(await markNotificationRead(store, actor.id, notificationId))) throw errors.notFound('Notification');
    return { id: notificationId };
  },
});
