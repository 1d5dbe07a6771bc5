/**
 * Private set intersection with partner deployments: the query log, the nonces of received
 * envelopes (replay protection), the answers given (to map a later cooperation request back to
 * selectors) and, per case, the open queries with their secrets.
 */
import type { Kysely } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type {
  Database,
  ExchangeNoncesTable,
  PsiQueryLogTable,
  PsiResponsesTable,
  PsiSessionsTable,
} from '../../schema/index.ts';

export type PsiSessionRow = PsiSessionsTable;
export type PsiResponseRow = PsiResponsesTable;

export async function insertQueryLog(db: Kysely<Database>, row: PsiQueryLogTable): Promise<void> {
  await db.insertInto('psi_query_log').values(row).execute();
}

/** When the queries answered under an agreement since `since` came in. */
export async function answeredQueriesSince(
  db: Kysely<Database>,
  agreementId: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('psi_query_log')
    .select('at')
    .where('agreement_id', '=', agreementId)
    .where('direction', '=', 'in')
    .where('outcome', '=', 'answered')
    .where('at', '>', since)
    .execute();
  return rows.map((r) => r.at);
}

export async function nonceSeen(db: Kysely<Database>, sender: string, nonce: string): Promise<boolean> {
  const row = await db
    .selectFrom('exchange_nonces')
    .select('nonce')
    .where('sender', '=', sender)
    .where('nonce', '=', nonce)
    .executeTakeFirst();
  return !!row;
}

export async function rememberNonce(db: Kysely<Database>, row: ExchangeNoncesTable): Promise<void> {
  await db.insertInto('exchange_nonces').values(row).execute();
}

export async function insertPsiResponse(db: Kysely<Database>, row: PsiResponseRow): Promise<void> {
  await db.insertInto('psi_responses').values(row).execute();
}

export async function getPsiResponse(
  db: Kysely<Database>,
  id: string,
  agreementId: string,
): Promise<PsiResponseRow | undefined> {
  return db
    .selectFrom('psi_responses')
    .selectAll()
    .where('id', '=', id)
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
}

export async function insertPsiSession(scope: CaseScope, row: Omit<PsiSessionRow, 'case_id'>): Promise<void> {
  await scope.insertInto('psi_sessions', row).execute();
}

export async function getPsiSession(
  scope: CaseScope,
  queryNonce: string,
  agreementId: string,
): Promise<PsiSessionRow | undefined> {
  return scope
    .selectFrom('psi_sessions')
    .selectAll()
    .where('query_nonce', '=', queryNonce)
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
}

/** The secret is erased: the query cannot be finished twice, nor its values recomputed. */
export async function closePsiSession(scope: CaseScope, id: string, now: string): Promise<void> {
  await scope
    .updateTable('psi_sessions')
    .set({ secret: null, status: 'finished', finished_at: now })
    .where('id', '=', id)
    .execute();
}

/** The case's own selectors of the given kinds (its own rows only). */
export async function caseSelectorsOfKinds(
  scope: CaseScope,
  kinds: readonly string[],
): Promise<{ kind: string; value: string; entity_id: string }[]> {
  if (!kinds.length) return [];
  return scope
    .selectFrom('selectors')
    .select(['kind', 'value', 'entity_id'])
    .where('kind', 'in', [...kinds])
    .execute();
}
