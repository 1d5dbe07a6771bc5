/**
 * What the financial rules, flows and proceeds read of a case: the account and holder metadata
 * (entities, Ownership/Accommodation/Control links, phone and e-mail selectors, captured ads) and
 * the statement lines, read account by account in booking order in batches of whole accounts
 * through the (case_id, account_id, booking_date) index. Both dialects run the same queries.
 */
import type { CaseScope } from '../../caseScope.ts';

/** Ids per query: SQLite and PostgreSQL both take this many bound parameters comfortably. */
export const ID_CHUNK = 500;
export function* chunks<T>(xs: readonly T[], n = ID_CHUNK): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}

export const entitiesOfSchema = (scope: CaseScope, schema: string) =>
  scope.selectFrom('entities').select(['id', 'caption', 'properties']).where('schema', '=', schema).execute();

/** Ownership links: all, or those of the given accounts (targets) or holders (sources). */
export async function ownershipLinks(
  scope: CaseScope,
  of: { accounts?: readonly string[]; holders?: readonly string[] } = {},
): Promise<{ source_id: string | null; target_id: string | null }[]> {
  const q = () => scope.selectFrom('entities').select(['source_id', 'target_id']).where('schema', '=', 'Ownership');
  if (!of.accounts && !of.holders) return q().execute();
  const out: { source_id: string | null; target_id: string | null }[] = [];
  const column = of.accounts ? 'target_id' : 'source_id';
  for (const part of chunks([...(of.accounts ?? of.holders ?? [])]))
    out.push(...(await q().where(column, 'in', part).execute()));
  return out;
}

/** Entities by primary key only: a schema condition would make the planner walk every person per chunk. */
export async function entityKinds(
  scope: CaseScope,
  ids: readonly string[],
): Promise<{ id: string; schema: string; properties: string }[]> {
  const out: { id: string; schema: string; properties: string }[] = [];
  for (const part of chunks(ids))
    out.push(
      ...(await scope.selectFrom('entities').select(['id', 'schema', 'properties']).where('id', 'in', part).execute()),
    );
  return out;
}

/** Recruitment links to the given persons (their fees). */
export const recruitmentsOf = (scope: CaseScope, personIds: readonly string[]) =>
  scope
    .selectFrom('entities')
    .select(['id', 'target_id', 'properties'])
    .where('schema', '=', 'Recruitment')
    .where('target_id', 'in', personIds)
    .execute();

/** Persons whose properties name a procedural status: the candidates for victims. */
export const personsWithStatus = (scope: CaseScope) =>
  scope
    .selectFrom('entities')
    .select(['id', 'caption', 'properties'])
    .where('schema', '=', 'Person')
    // Properties are JSON written by JSON.stringify, so a victim's status reads like this.
    .where('properties', 'like', '%"proceduralStatus"%')
    .execute();

/** Bank accounts keyset-paged by id, optionally only those of a partial share. */
export function accountRows(
  scope: CaseScope,
  q: { after?: string | undefined; only: ReadonlySet<string> | null; limit: number },
) {
  let query = scope.selectFrom('entities').select(['id', 'caption', 'properties']).where('schema', '=', 'BankAccount');
  if (q.after) query = query.where('id', '>', q.after);
  if (q.only) query = query.where('id', 'in', q.only.size ? [...q.only] : ['']);
  return query.orderBy('id').limit(q.limit).execute();
}

export const householdLinks = (scope: CaseScope) =>
  scope
    .selectFrom('entities')
    .select(['schema', 'source_id', 'target_id', 'properties'])
    .where('schema', 'in', ['Accommodation', 'Control', 'Family', 'Recruitment'])
    .execute();

export const contactNodes = (scope: CaseScope) =>
  scope.selectFrom('entities').select(['id', 'schema']).where('schema', 'in', ['Phone', 'EmailAddress']).execute();

export const contactSelectors = (scope: CaseScope) =>
  scope
    .selectFrom('selectors')
    .select(['entity_id', 'kind', 'value'])
    .where('kind', 'in', ['phone', 'email'])
    .execute();

/** Statement lines per account: all accounts with lines, or the ones given. */
export async function lineCounts(
  scope: CaseScope,
  accountIds?: readonly string[],
): Promise<{ account_id: string; n: number }[]> {
  const q = () =>
    scope
      .selectFrom('transactions')
      .select(['account_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('account_id');
  if (!accountIds) return q().execute();
  const out: { account_id: string; n: number }[] = [];
  for (const part of chunks([...new Set(accountIds)]))
    out.push(...(await q().where('account_id', 'in', part).execute()));
  return out;
}

/** One statement line as the rules read it, a plain array: (id, account, counterparty id, …). */
export type LineTuple = [
  id: string,
  accountId: string,
  counterpartyAccountId: string | null,
  counterpartyAccount: string | null,
  counterpartyName: string | null,
  amountMinor: number,
  currency: string,
  bookingDate: string,
  text: string | null,
  reference: string | null,
  kind: string | null,
  place: string | null,
];

/**
 * One batch of accounts' lines in (account, date, id) order, read to completion before the next
 * batch so the connection is never held open. Measured on a generated case of 190,944 lines
 * (all rules, SQLite file): see the note on the finance service's streamHistories.
 */
const LINE_COLUMNS = [
  'id',
  'account_id',
  'counterparty_account_id',
  'counterparty_account',
  'counterparty_name',
  'amount_minor',
  'currency',
  'booking_date',
  'text',
  'reference',
  'kind',
  'place',
] as const;

/**
 * One batch of accounts' lines in (account, date, id) order, read to completion before the next
 * batch so the connection is never held open between batches.
 */
export async function lineBatch(scope: CaseScope, accounts: readonly string[]): Promise<LineTuple[]> {
  const rows = await scope
    .selectFrom('transactions')
    .select([...LINE_COLUMNS])
    .where('account_id', 'in', accounts)
    .orderBy('account_id')
    .orderBy('booking_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => [
    r.id,
    r.account_id,
    r.counterparty_account_id,
    r.counterparty_account,
    r.counterparty_name,
    Number(r.amount_minor),
    r.currency,
    r.booking_date,
    r.text,
    r.reference,
    r.kind,
    r.place,
  ]);
}

/**
 * A short fingerprint of the case's data that the rules depend on: lines and entities, counted
 * and their newest id and change.
 */
export async function dataVersionOf(scope: CaseScope): Promise<string> {
  const t = await scope
    .selectFrom('transactions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('max')])
    .executeTakeFirst();
  const e = await scope
    .selectFrom('entities')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('max')])
    .executeTakeFirst();
  return `t${Number(t?.n ?? 0)}.${t?.max ?? '-'}/e${Number(e?.n ?? 0)}.${e?.max ?? '-'}`;
}

/** Per case: accounts with lines, with a place on a credit line, with a counterparty account number. */
export async function ruleInputCounts(
  scope: CaseScope,
): Promise<{ statements: number; withDepositPlaces: number; withCounterpartyAccounts: number }> {
  const count = async (f?: (q: ReturnType<typeof base>) => ReturnType<typeof base>): Promise<number> => {
    const q = f ? f(base()) : base();
    const row = await q
      .select((eb) => eb.fn.count<number | string>('account_id').distinct().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const base = () => scope.selectFrom('transactions');
  return {
    statements: await count(),
    withDepositPlaces: await count((q) =>
      q.where('amount_minor', '>', 0).where('place', 'is not', null).where('place', '!=', ''),
    ),
    withCounterpartyAccounts: await count((q) =>
      q.where('counterparty_account', 'is not', null).where('counterparty_account', '!=', ''),
    ),
  };
}
