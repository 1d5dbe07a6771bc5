/**
 * Heavy-operation slots shared by every server process on the database: taking one counts the
 * user's and everyone's live slots and inserts in one write transaction (PostgreSQL: one
 * transaction-scoped advisory lock, held for two counts and an insert; SQLite: the writer lock),
 * so two processes never both take the last slot. A slot whose holder stopped renewing it
 * (a killed process) stops counting when `held_until` passes.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, HeavySlotsTable } from '../../schema/index.ts';
import { inWriteTransaction, isPostgresDb } from '../../writeTransaction.ts';

/** The advisory lock key of slot taking (an arbitrary constant, the same in every process). */
const SLOTS_LOCK = 7_246_001;

export type TakeOutcome = 'taken' | 'user-full' | 'deployment-full';

export async function takeHeavySlot(
  db: Kysely<Database>,
  slot: HeavySlotsTable,
  limits: { perUser: number; perDeployment: number },
): Promise<TakeOutcome> {
  return inWriteTransaction(db, async (trx) => {
    if (isPostgresDb(trx)) await sql`SELECT pg_advisory_xact_lock(${SLOTS_LOCK})`.execute(trx);
    const live = (q: ReturnType<typeof countLive>) => q.executeTakeFirstOrThrow().then((r) => Number(r.n));
    const countLive = (t: Kysely<Database>) =>
      t
        .selectFrom('heavy_slots')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('held_until', '>', slot.acquired_at);
    if ((await live(countLive(trx).where('user_id', '=', slot.user_id))) >= limits.perUser) return 'user-full';
    if ((await live(countLive(trx))) >= limits.perDeployment) return 'deployment-full';
    await trx.deleteFrom('heavy_slots').where('held_until', '<=', slot.acquired_at).execute();
    await trx.insertInto('heavy_slots').values(slot).execute();
    return 'taken';
  });
}

export async function releaseHeavySlot(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('heavy_slots').where('id', '=', id).execute();
}

/** Renews the slots a process holds (it is alive and still working). */
export async function renewHeavySlots(db: Kysely<Database>, ids: readonly string[], until: string): Promise<void> {
  if (ids.length) await db.updateTable('heavy_slots').set({ held_until: until }).where('id', 'in', ids).execute();
}
