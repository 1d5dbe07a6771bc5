/**
 * Statement lines as the web's virtualised list and its CSV export show them: filtered by
 * account, counterparty, period, size and direction, sorted by date, size or counterparty, in
 * offset pages with a total. Lines pass through the caller's visibility: a partial share shows
 * only its accounts' lines, and a victim named as the other party of a line (by the account
 * they hold, or by name) appears by pseudonym to anyone without victim contact.
 */
import { csvCell as sharedCsvCell } from '../../shared/csv.ts';
import type { z } from 'zod';
import { isVictim } from '../../domain/access/victims.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { nameKey, nameMatcher } from '../../shared/names/index.ts';
import type { TransactionOut, TransactionRowsQuery } from '../../shared/contracts/finance.ts';
import { errors } from '../../shared/errors.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import type { LineFilter, TransactionRow } from '../../store/repos/finance/transactions.ts';
import { counterpartyNames, countLines, linePage } from '../../store/repos/finance/transactions.ts';
import { ownershipLinks, personsWithStatus } from '../../store/repos/finance/analysis.ts';
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
  names?: readonly string[],
): LineFilter & Query => ({
  ...q,
  only: v.only ?? null,
  ids,
  names,
});

/**
 * The counterparty names the words `q` match by the one name matcher (folded, transliterated,
 * any word order), so "Arturs Grinbergs" finds lines paid to "GRĪNBERGS ARTŪRS". A victim's
 * name is left to the literal match for users who see victims by pseudonym only.
 */
async function namesMatching(scope: CaseScope, q: Query, cover: VictimCover | null): Promise<string[]> {
  if (!q.q) return [];
  const matches = nameMatcher(q.q);
  return (await counterpartyNames(scope)).filter((n) => matches(n) && !cover?.byName.has(nameKey(n)));
}

/** The lines a finding cites (its first 2,000, as the finding's page shows them), when asked for. */
async function evidenceIds(scope: CaseScope, q: Query): Promise<string[] | null> {
  if (!q.finding) return null;
  const row = await findingById(scope, q.finding);
  if (!row) throw errors.notFound('Finding');
  return parseIds(row.evidence).slice(0, 2000);
}

/** How a victim named on a line is shown instead: by account held and by name, to their pseudonym. */
interface VictimCover {
  byAccount: Map<string, string>;
  byName: Map<string, string>;
}

async function victimCover(scope: CaseScope, v: Visibility): Promise<VictimCover | null> {
  if (v.victimContact) return null;
  const persons = await personsWithStatus(scope);
  const byName = new Map<string, string>();
  const victims = new Map<string, string>();
  for (const p of persons) {
    const props = JSON.parse(p.properties) as Properties;
    if (!isVictim('Person', props)) continue;
    victims.set(p.id, p.caption);
    for (const n of [...(props['name'] ?? []), ...(props['firstName'] ?? []), ...(props['alias'] ?? [])]) {
      const key = nameKey(n);
      if (key) byName.set(key, p.caption);
    }
  }
  const byAccount = new Map<string, string>();
  const ids = [...victims.keys()];
  for (const o of await ownershipLinks(scope, { holders: ids }))
    if (o.source_id && o.target_id) byAccount.set(o.target_id, victims.get(o.source_id) ?? '');
  return { byAccount, byName };
}

function presentFor(v: Visibility, cover: VictimCover | null, t: TransactionRow): z.infer<typeof TransactionOut> {
  const out = presentTransaction(t);
  if (out.counterpartyAccountId && !canSee(v, out.counterpartyAccountId)) out.counterpartyAccountId = null;
  if (!cover) return out;
  const pseudonym =
    (t.counterparty_account_id ? cover.byAccount.get(t.counterparty_account_id) : undefined) ??
    (t.counterparty_name ? cover.byName.get(nameKey(t.counterparty_name)) : undefined);
  return pseudonym ? { ...out, counterpartyName: pseudonym } : out;
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
  const cover = await victimCover(scope, v);
  const names = await namesMatching(scope, q, cover);
  const n = await countLines(scope, filterOf(v, q, ids, names));
  const rows = await linePage(scope, filterOf(v, q, ids, names), q.offset, q.limit);
  return { total: n, transactions: rows.map((t) => presentFor(v, cover, t)) };
}

/** Lines read elsewhere (a finding's evidence) as this caller may see them. */
export async function presentLines(
  store: Store,
  access: CaseAccess,
  rows: readonly TransactionRow[],
): Promise<z.infer<typeof TransactionOut>[]> {
  const v = await visibilityOf(store, access);
  const cover = await victimCover(store.scope(access.caseId), v);
  return rows.map((t) => presentFor(v, cover, t));
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
  const cover = await victimCover(scope, v);
  const mark = await watermark(store, actor, access.caseId);
  const ids = await evidenceIds(scope, q);
  const names = await namesMatching(scope, q, cover);
  const none = !!q.account && !canSee(v, q.account);
  async function* lines(): AsyncGenerator<string> {
    yield `${csvCell(`# ${mark.properties['title']?.[0] ?? ''} ${mark.properties['summary']?.[0] ?? ''}`)}\r\n`;
    yield `${CSV_COLUMNS.join(',')}\r\n`;
    if (none) return;
    const captions = new Map<string, string>();
    for (let offset = 0; ; offset += 2000) {
      const rows = await linePage(scope, filterOf(v, q, ids, names), offset, 2000);
      const missing = [...new Set(rows.map((r) => r.account_id))].filter((a) => !captions.has(a));
      for (const e of await getEntities(scope, missing)) captions.set(e.id, e.caption);
      let chunk = '';
      for (const r of rows) {
        const t = presentFor(v, cover, r);
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
