/** Hit notices (case-scoped) and the users' notifications about hits and cooperation. */
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids.ts';
import type { CaseScope } from '../../caseScope.ts';
import type { Database, HitNoticesTable, NotificationsTable } from '../../schema/index.ts';

export type NoticeRow = HitNoticesTable;
export type NotificationRow = NotificationsTable;

/** The notice already kept in the case for this counterpart: the other case, or the agreement. */
export async function findNotice(
  scope: CaseScope,
  key: { origin: string; role: string; counterpartCaseId: string | null; agreementId: string | null },
): Promise<NoticeRow | undefined> {
  let q = scope.selectFrom('hit_notices').selectAll().where('origin', '=', key.origin).where('role', '=', key.role);
  q = key.counterpartCaseId
    ? q.where('counterpart_case_id', '=', key.counterpartCaseId)
    : q.where('agreement_id', '=', key.agreementId ?? '');
  return q.executeTakeFirst();
}

export async function insertNotice(scope: CaseScope, row: Omit<NoticeRow, 'case_id'>): Promise<void> {
  await scope.insertInto('hit_notices', row).execute();
}

export async function updateNotice(
  scope: CaseScope,
  id: string,
  patch: Partial<Omit<NoticeRow, 'case_id' | 'id'>>,
): Promise<void> {
  await scope.updateTable('hit_notices').set(patch).where('id', '=', id).execute();
}

export async function listNoticeRows(scope: CaseScope): Promise<NoticeRow[]> {
  return scope.selectFrom('hit_notices').selectAll().orderBy('last_seen_at', 'desc').execute();
}

export async function getNoticeRow(scope: CaseScope, id: string): Promise<NoticeRow | undefined> {
  return scope.selectFrom('hit_notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertNotifications(
  scope: CaseScope,
  userIds: readonly string[],
  kind: string,
  refId: string,
  now: string,
): Promise<void> {
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

/** A user's own notifications across their cases, newest first. */
export async function listNotificationsOf(
  db: Kysely<Database>,
  userId: string,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function setNotificationRead(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
