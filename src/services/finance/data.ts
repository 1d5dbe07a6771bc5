/**
 * Reading a case's bank data for the financial rules, flows and proceeds: the account and holder
 * metadata (entities, Ownership/Accommodation/Control links, phone and e-mail selectors, captured
 * ads) once, and the statement lines streamed account by account in booking order, in batches of
 * whole accounts read through the (case_id, account_id, booking_date) index — memory stays at one
 * batch however many lines the case holds, and both dialects run the same queries.
 */
import { Classifier } from '../../domain/finance/classify.ts';
import { dayOf } from '../../domain/finance/dates.ts';
import type {
  AccountHistory,
  AccountMeta,
  AdMeta,
  FinanceContext,
  HolderMeta,
  Tx,
} from '../../domain/finance/types.ts';
import { foldWords } from '../../domain/finance/vocabulary.ts';
import SQLiteDatabase from 'better-sqlite3';
import type SQLite from 'better-sqlite3';
import type { CaseScope } from '../../store/caseScope.ts';

type Props = Record<string, string[] | undefined>;
const parse = (text: string): Props => {
  try {
    return JSON.parse(text) as Props;
  } catch {
    return {};
  }
};

/** Ids per query: SQLite and PostgreSQL both take this many bound parameters comfortably. */
const ID_CHUNK = 500;
function* chunks<T>(xs: readonly T[], n = ID_CHUNK): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}

const HOLDER_SCHEMATA = ['Person', 'Company', 'LegalEntity', 'Organization', 'PublicBody'];

/** Lower-case host of a URL or a bare site name; null when there is none. */
export function hostOf(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  try {
    return new URL(t.includes('://') ? t : `https://${t}`).hostname || null;
  } catch {
    return null;
  }
}

export async function loadFinanceContext(scope: CaseScope): Promise<FinanceContext> {
  const accounts = new Map<string, AccountMeta>();
  for (const r of await scope
    .selectFrom('entities')
    .select(['id', 'caption', 'properties'])
    .where('schema', '=', 'BankAccount')
    .execute()) {
    const p = parse(r.properties);
    const opening = p.openingDate?.[0];
    accounts.set(r.id, {
      id: r.id,
      label: p.iban?.[0] ?? p.accountNumber?.[0] ?? r.caption,
      bankName: p.bankName?.[0] ?? p.bic?.[0] ?? null,
      openingDay: opening ? dayOf(opening) : null,
      holderIds: [],
    });
  }
  const holderIds = new Set<string>();
  for (const r of await scope
    .selectFrom('entities')
    .select(['source_id', 'target_id'])
    .where('schema', '=', 'Ownership')
    .execute()) {
    const acc = r.target_id ? accounts.get(r.target_id) : undefined;
    if (!acc || !r.source_id || acc.holderIds.includes(r.source_id)) continue;
    (acc.holderIds as string[]).push(r.source_id);
    holderIds.add(r.source_id);
  }

  const holders = new Map<
    string,
    HolderMeta & { phones: string[]; emails: string[]; addresses: string[]; controllers: string[] }
  >();
  for (const part of chunks([...holderIds])) {
    // By primary key only: a schema condition would make the planner walk every person per chunk.
    const rows = await scope
      .selectFrom('entities')
      .select(['id', 'schema', 'properties'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) {
      if (!HOLDER_SCHEMATA.includes(r.schema)) continue;
      const p = parse(r.properties);
      const addresses = [...(p.addressEntity ?? []), ...(p.address ?? []).map((a) => `text:${foldWords(a)}`)];
      holders.set(r.id, { id: r.id, schema: r.schema, phones: [], emails: [], addresses, controllers: [] });
    }
  }
  const links = await scope
    .selectFrom('entities')
    .select(['schema', 'source_id', 'target_id', 'properties'])
    .where('schema', 'in', ['Accommodation', 'Control'])
    .execute();
  for (const l of links) {
    if (l.schema === 'Accommodation') {
      const h = l.source_id ? holders.get(l.source_id) : undefined;
      if (!h) continue;
      if (l.target_id && !h.addresses.includes(l.target_id)) h.addresses.push(l.target_id);
      for (const by of parse(l.properties).housedBy ?? []) if (by !== h.id) h.controllers.push(by);
    } else {
      const h = l.target_id ? holders.get(l.target_id) : undefined;
      if (h && l.source_id && l.source_id !== h.id) h.controllers.push(l.source_id);
    }
  }

  const nodes = new Map(
    (
      await scope
        .selectFrom('entities')
        .select(['id', 'schema'])
        .where('schema', 'in', ['Phone', 'EmailAddress'])
        .execute()
    ).map((r) => [r.id, r]),
  );
  const ads = new Map<string, AdMeta & { phones: string[]; emails: string[] }>();
  for (const n of await scope
    .selectFrom('entities')
    .select(['id', 'properties'])
    .where('schema', '=', 'OnlineAd')
    .execute()) {
    const p = parse(n.properties);
    const sites = [...new Set([...(p.site ?? []), ...(p.url ?? [])].map(hostOf).filter((h): h is string => !!h))];
    ads.set(n.id, { id: n.id, sites, phones: [], emails: [] });
  }
  const phoneNodes = new Map<string, string>();
  const emailNodes = new Map<string, string>();
  const selectors = await scope
    .selectFrom('selectors')
    .select(['entity_id', 'kind', 'value'])
    .where('kind', 'in', ['phone', 'email'])
    .execute();
  for (const s of selectors) {
    const kind = s.kind as 'phone' | 'email';
    const holder = holders.get(s.entity_id);
    if (holder) (kind === 'phone' ? holder.phones : holder.emails).push(s.value);
    const ad = ads.get(s.entity_id);
    if (ad) (kind === 'phone' ? ad.phones : ad.emails).push(s.value);
    const node = nodes.get(s.entity_id);
    if (node?.schema === 'Phone' && kind === 'phone') phoneNodes.set(s.value, s.entity_id);
    if (node?.schema === 'EmailAddress' && kind === 'email') emailNodes.set(s.value, s.entity_id);
  }
  return { accounts, holders, ads: [...ads.values()], contactNodes: { phone: phoneNodes, email: emailNodes } };
}

export interface StreamOptions {
  /** Only these accounts (a partial share, or the accounts of interest). */
  accountIds?: readonly string[] | undefined;
  /** Statement lines per batch read from the store. */
  batchRows?: number;
  classifier?: Classifier;
  onProgress?: (transactions: number) => void;
}

/**
 * Statement lines per account in booking-date order (within a day: id order, or storage order
 * on the file-backed reader), one account at a time.
 */
export async function* streamHistories(scope: CaseScope, opts: StreamOptions = {}): AsyncGenerator<AccountHistory> {
  const classifier = opts.classifier ?? new Classifier();
  if (!opts.accountIds && scope.sqlite && !scope.sqlite.memory) {
    yield* readerHistories(scope.sqlite.name, scope.caseId, classifier, opts.onProgress);
    return;
  }
  const batchRows = opts.batchRows ?? 20_000;
  const counts: { account_id: string; n: number }[] = [];
  const countQuery = () =>
    scope
      .selectFrom('transactions')
      .select(['account_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('account_id');
  if (opts.accountIds) {
    for (const part of chunks([...new Set(opts.accountIds)]))
      counts.push(...(await countQuery().where('account_id', 'in', part).execute()));
  } else counts.push(...(await countQuery().execute()));
  counts.sort((a, b) => (a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0));

  let read = 0;
  for (let i = 0; i < counts.length;) {
    const batch: string[] = [];
    let rows = 0;
    while (
      i < counts.length &&
      batch.length < ID_CHUNK &&
      (rows === 0 || rows + Number(counts[i]?.n ?? 0) <= batchRows)
    ) {
      const c = counts[i++];
      if (!c) break;
      batch.push(c.account_id);
      rows += Number(c.n);
    }
    const lines = await readBatch(scope, batch);
    let current: Tx[] = [];
    let account: string | null = null;
    for (const r of lines) {
      if (r[1] !== account) {
        if (account !== null) yield { accountId: account, txs: current };
        account = r[1];
        current = [];
      }
      current.push(txOf(classifier, r));
    }
    if (account !== null) yield { accountId: account, txs: current };
    read += lines.length;
    opts.onProgress?.(read);
  }
}

/** Rows between pauses that let the event loop serve other requests during a long read. */
const PAUSE_EVERY = 50_000;

/**
 * The whole case in one pass over the account index, on a read-only connection of its own
 * (SQLite in WAL mode lets it read a consistent snapshot while the main connection serves
 * requests), so the cursor can stay open across pauses. Within a day, lines keep the order in
 * which they were stored.
 */
async function* readerHistories(
  file: string,
  caseId: string,
  classifier: Classifier,
  onProgress?: (n: number) => void,
): AsyncGenerator<AccountHistory> {
  const db = new SQLiteDatabase(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // Fewer, merged columns: at a million rows every column read costs about half a second.
  const rows = db
    .prepare(
      "SELECT id, account_id, COALESCE(counterparty_account_id, 'no:' || counterparty_account), counterparty_name, amount_minor, currency, booking_date, text, kind, place " +
        'FROM transactions WHERE case_id = ? ORDER BY account_id, booking_date, rowid',
    )
    .raw(true)
    .iterate(caseId) as IterableIterator<ReaderTuple>;
  try {
    let current: Tx[] = [];
    let account: string | null = null;
    let n = 0;
    for (const r of rows) {
      if (r[1] !== account) {
        if (account !== null) yield { accountId: account, txs: current };
        account = r[1];
        current = [];
      }
      current.push(classifier.tx(r[0], r[1], r[2], r[3], Number(r[4]), r[5], r[6], r[7], r[8], r[9]));
      if (++n % PAUSE_EVERY === 0) {
        onProgress?.(n);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (account !== null) yield { accountId: account, txs: current };
    onProgress?.(n);
  } finally {
    rows.return?.();
    db.close();
  }
}

const txOf = (classifier: Classifier, r: LineTuple): Tx =>
  classifier.toTx({
    id: r[0],
    accountId: r[1],
    counterpartyAccountId: r[2],
    counterpartyAccount: r[3],
    counterpartyName: r[4],
    amount: Number(r[5]),
    currency: r[6],
    bookingDate: r[7],
    text: r[8],
    reference: r[9],
    kind: r[10],
    place: r[11],
  });

type ReaderTuple = [
  string,
  string,
  string | null,
  string | null,
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
];
type LineTuple = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
];
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

/** Prepared statements per batch size, per embedded database. */
const batchStatements = new WeakMap<SQLite.Database, Map<number, SQLite.Statement>>();

/**
 * One batch of accounts' lines in (account, date, id) order. On SQLite a prepared statement
 * returns plain arrays (a million rows through the query builder's objects cost more than the
 * rules); it runs to completion before the next batch, so the connection is never held open.
 */
async function readBatch(scope: CaseScope, accounts: readonly string[]): Promise<LineTuple[]> {
  const order = 'ORDER BY account_id, booking_date, id';
  if (scope.sqlite) {
    let byLength = batchStatements.get(scope.sqlite);
    if (!byLength) batchStatements.set(scope.sqlite, (byLength = new Map()));
    let stmt = byLength.get(accounts.length);
    if (!stmt) {
      const marks = accounts.map(() => '?').join(', ');
      stmt = scope.sqlite
        .prepare(
          `SELECT ${LINE_COLUMNS.join(', ')} FROM transactions WHERE case_id = ? AND account_id IN (${marks}) ${order}`,
        )
        .raw(true);
      byLength.set(accounts.length, stmt);
    }
    return stmt.all(scope.caseId, ...accounts) as LineTuple[];
  }
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
 * and their newest id and change. Findings made at another version are out of date.
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
