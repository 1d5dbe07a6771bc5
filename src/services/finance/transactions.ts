/**
 * Statement lines as the web's virtualised list and its CSV export show them: filtered by
 * account, counterparty, period, size and direction, sorted by date, size or counterparty, in
 * offset pages with a total. Lines pass through the visibility model (domain/access/visibility.ts):
 * a partial share sees only lines concerning shared entities, a protected person named as the other
 * party (by account, number or name) appears by pseudonym without their number, and totals, text
 * matches and the counterparty sort count only what the caller sees.
 */
import { csvCell as sharedCsvCell } from '../../shared/csv.ts';
import type { z } from 'zod';
import { lineFor, namedIn, pseudonymIn } from '../../domain/access/visibility.ts';
import { nameMatcher } from '../../shared/names/index.ts';
import type { TransactionOut, TransactionRowsQuery } from '../../shared/contracts/finance.ts';
import { errors } from '../../shared/errors.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import type { LineFilter, TransactionRow } from '../../store/repos/finance/transactions.ts';
import { counterpartyNames, countLines, linePage } from '../../store/repos/finance/transactions.ts';
import { findingById } from '../../store/repos/finance/findings.ts';
import type { Store } from '../../store/store.ts';
import type { Actor, CaseAccess, Visibility } from '../access/index.ts';
import { exportableCase, watermark } from '../entities/index.ts';
import { parseIds } from './findings.ts';
import { presentTransaction } from './overview.ts';
import { canSee, visibilityOf } from '../access/index.ts';

type Query = z.output<typeof TransactionRowsQuery>;

const filterOf = (
  v: Visibility,
  q: Query,
  ids: readonly string[] | null,
  names: readonly string[],
): LineFilter & Query => ({
  ...q,
  only: v.only ?? null,
  ids,
  names,
});

/**
 * The counterparty names the words `q` match by the one name matcher (folded, transliterated,
 * any word order), so "Arturs Grinbergs" finds lines paid to "GRĪNBERGS ARTŪRS". A name that
 * names a person protected from the caller is never matched (no oracle on hidden names).
 */
async function namesMatching(scope: CaseScope, v: Visibility, q: Query): Promise<string[]> {
  if (!q.q) return [];
  const matches = nameMatcher(q.q);
  return (await counterpartyNames(scope)).filter((n) => matches(n) && !namedIn(v.protection, n));
}

/** The lines a finding cites (its first 2,000, as the finding's page shows them), when asked for. */
async function evidenceIds(scope: CaseScope, q: Query): Promise<string[] | null> {
  if (!q.finding) return null;
  const row = await findingById(scope, q.finding);
  if (!row) throw errors.notFound('Finding');
  return parseIds(row.evidence).slice(0, 2000);
}

/** The line as the caller may see it (domain/access/visibility.ts), or null when it is withheld. */
function presentFor(v: Visibility, t: TransactionRow): z.infer<typeof TransactionOut> | null {
  const out = presentTransaction(t);
  if (out.counterpartyAccountId && !canSee(v, out.counterpartyAccountId)) out.counterpartyAccountId = null;
  return lineFor(v.protection, out);
}

const protects = (v: Visibility) => v.protection.withheld.size > 0 || v.protection.pseudonymous.size > 0;

/** Whether the presented line still answers the text query (a withheld name is never matched). */
function stillMatches(t: z.infer<typeof TransactionOut>, q: Query, names: ReadonlySet<string>): boolean {
  if (!q.q) return true;
  if (t.counterpartyName && names.has(t.counterpartyName)) return true;
  const needle = q.q.toLowerCase();
  return [t.counterpartyName, t.counterpartyAccount, t.text, t.reference].some((f) =>
    (f ?? '').toLowerCase().includes(needle),
  );
}

/**
 * The caller's lines of the filter, from `offset`: straight from the store when nothing is
 * protected from the caller; otherwise every matching line is presented and checked first, so
 * totals, pages and text matches count only what the caller may see.
 */
async function visibleLines(
  scope: CaseScope,
  v: Visibility,
  f: LineFilter & Query,
  offset: number,
  limit: number,
): Promise<{ total: number; rows: z.infer<typeof TransactionOut>[] }> {
  const counterparty = f.counterparty?.replace(/^(name|no):/, '');
  if (counterparty && f.counterparty !== counterparty && namedIn(v.protection, counterparty))
    return { total: 0, rows: [] };
  if (!protects(v)) {
    const rows = await linePage(scope, f, offset, limit);
    return { total: await countLines(scope, f), rows: rows.flatMap((t) => presentFor(v, t) ?? []) };
  }
  const seen: z.infer<typeof TransactionOut>[] = [];
  const names = new Set(f.names ?? []);
  for (let at = 0; ; at += 5000) {
    const rows = await linePage(scope, f, at, 5000);
    for (const t of rows) {
      const out = presentFor(v, t);
      if (out && stillMatches(out, f, names)) seen.push(out);
    }
    if (rows.length < 5000) break;
  }
  // The store sorted by the names as written; sort again by the names as shown, so the order
  // does not tell where a hidden name falls.
  if (f.sort === 'counterparty') {
    const key = (t: z.infer<typeof TransactionOut>) => t.counterpartyName ?? t.counterpartyAccount ?? '';
    const sign = f.dir === 'asc' ? 1 : -1;
    seen.sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return { total: seen.length, rows: seen.slice(offset, offset + limit) };
}

export async function transactionRows(
  store: Store,
  access: CaseAccess,
  q: Query,
): Promise<{ total: number; transactions: z.infer<typeof TransactionOut>[] }> {
  const scope = store.scope(access.caseId);
  const v = await visibilityOf(store, access);
  if (q.account && !canSee(v, q.account)) return { total: 0, transactions: [] };
  const ids = await evidenceIds(scope, q);
  const names = await namesMatching(scope, v, q);
  const { total, rows } = await visibleLines(scope, v, filterOf(v, q, ids, names), q.offset, q.limit);
  return { total, transactions: rows };
}

/** Lines read elsewhere (a finding's evidence) as this caller may see them. */
export async function presentLines(
  store: Store,
  access: CaseAccess,
  rows: readonly TransactionRow[],
): Promise<z.infer<typeof TransactionOut>[]> {
  const v = await visibilityOf(store, access);
  return rows.flatMap((t) => presentFor(v, t) ?? []);
}

const CSV_COLUMNS = [
  'bookingDate',
  'valueDate',
  'account',
  'direction',
  'amount',
  'currency',
  'counterpartyName',
  'counterpartyAccount',
  'text',
  'reference',
  'kind',
  'place',
  'id',
] as const;

/** A CSV cell: quoted when needed; text a spreadsheet would run as a formula is defused. */
const csvCell = (value: string | null, text = true): string => sharedCsvCell(value, { defuse: text });

/** Minor units as a plain decimal (`-1234` → `-12.34`), as spreadsheets read it whatever the locale. */
export const decimalOf = (minor: number): string => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/**
 * The filtered lines as CSV, in the list's order, watermarked on its first line with who
 * exported them, their agency and when; refused where the case's handling code forbids export.
 */
export async function transactionsCsv(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  q: Query,
): Promise<AsyncGenerator<string>> {
  await exportableCase(store, access);
  const scope = store.scope(access.caseId);
  const v = await visibilityOf(store, access);
  const mark = await watermark(store, actor, access.caseId);
  const ids = await evidenceIds(scope, q);
  const names = await namesMatching(scope, v, q);
  const none = !!q.account && !canSee(v, q.account);
  async function* lines(): AsyncGenerator<string> {
    yield `${csvCell(`# ${mark.properties['title']?.[0] ?? ''} ${mark.properties['summary']?.[0] ?? ''}`)}\r\n`;
    yield `${CSV_COLUMNS.join(',')}\r\n`;
    if (none) return;
    const captions = new Map<string, string>();
    for (let offset = 0; ; offset += 2000) {
      const { rows } = await visibleLines(scope, v, filterOf(v, q, ids, names), offset, 2000);
      const missing = [...new Set(rows.map((r) => r.accountId))].filter((a) => !captions.has(a));
      for (const e of await getEntities(scope, missing))
        captions.set(e.id, v.protection.pseudonymous.has(e.id) ? pseudonymIn(v.protection, e.id) : e.caption);
      let chunk = '';
      for (const t of rows) {
        const cells = [
          t.bookingDate,
          t.valueDate,
          captions.get(t.accountId) ?? t.accountId,
          t.amountMinor < 0 ? 'out' : 'in',
        ].map((c) => csvCell(c));
        cells.push(decimalOf(t.amountMinor), t.currency);
        cells.push(
          ...[t.counterpartyName, t.counterpartyAccount, t.text, t.reference, t.kind, t.place, t.id].map((c) =>
            csvCell(c),
          ),
        );
        chunk += `${cells.join(',')}\r\n`;
      }
      if (chunk) yield chunk;
      if (rows.length < 2000) return;
    }
  }
  return lines();
}
