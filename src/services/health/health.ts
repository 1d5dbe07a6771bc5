/**
 * Liveness and readiness for load balancers and orchestrators. Liveness says only that the
 * process answers; readiness says whether this process can serve requests now: the database
 * answers, its migrations are this release's, and the key folder is readable.
 */
import { databaseChecks, isDatabaseUnreachable, keyFolderCheck } from '../../store/health/health.ts';
import type { Check } from '../../store/health/health.ts';
import type { Store } from '../../store/store.ts';

export { isDatabaseUnreachable };

/** How long readiness waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 2000;
/** What a client is told to wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; keyFolder: Check };
}

export async function readiness(store: Store): Promise<Readiness> {
  const [db, keyFolder] = await Promise.all([databaseChecks(store, READY_TIMEOUT_MS), keyFolderCheck()]);
  const checks = { ...db, keyFolder };
  return { ready: checks.database.ok && checks.migrations.ok && checks.keyFolder.ok, checks };
}
