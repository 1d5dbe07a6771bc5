/**
 * What the financial-analysis API returns, as the caller may see it: accounts with their holders
 * and totals, counterparties, flow graphs for the money-flow view and the link chart, and
 * findings with their subjects. Captions come from the entities (a victim's caption is already a
 * pseudonym); with a partial share only the shared accounts' data is shown.
 */
import type { z } from 'zod';
import { ruleById } from '../../domain/finance/rules/index.ts';
import type { AccountMeta } from '../../domain/finance/types.ts';
import { errors } from '../../shared/errors.ts';
import type { Sentence } from '../../shared/sentences.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import type { EntityRow } from '../../store/repos/entities/entities.ts';
import type { TransactionRow } from '../../store/repos/finance/transactions.ts';
import { linesByIds } from '../../store/repos/finance/transactions.ts';
import { accountRows, ownershipLinks } from '../../store/repos/finance/analysis.ts';
import { unreconciledStatements } from '../../store/repos/finance/statements.ts';
import { formatMinor } from '../../domain/finance/reconcile.ts';
import type { Store } from '../../store/store.ts';
import type {
  AccountOut,
  CounterpartiesQuery,
  FindingOut,
  FlowsQuery,
  TransactionOut,
} from '../../shared/contracts/finance.ts';
import { loadFinanceContext } from './data.ts';
import { parseIds } from './findings.ts';
import type { FindingRow, FindingStatus } from './findings.ts';
import { accountFlows, accountTotals, groupFlows, holderTotals, rankCounterparties } from './flows.ts';
import type { Period, Totals } from './flows.ts';
import type { CaseAccess, Visibility } from '../access/index.ts';
import { canSee, captionFor, visibilityOf } from '../access/index.ts';
import { lineFor, partyKey } from '../../domain/access/visibility.ts';

type Party = { id: string; schema: string; caption: string };
const partyFor =
  (v: Visibility) =>
  (e: EntityRow): Party => ({ id: e.id, schema: e.schema, caption: captionFor(v, e) });

async function entitiesById(store: Store, caseId: string, ids: Iterable<string>): Promise<Map<string, EntityRow>> {
  return new Map((await getEntities(store.scope(caseId), [...new Set(ids)])).map((e) => [e.id, e]));
}

export const presentTransaction = (t: TransactionRow): z.infer<typeof TransactionOut> => ({
  id: t.id,
  accountId: t.account_id,
  counterpartyAccountId: t.counterparty_account_id,
  counterpartyName: t.counterparty_name,
  counterpartyAccount: t.counterparty_account,
  amountMinor: Number(t.amount_minor),
  currency: t.currency,
  bookingDate: t.booking_date,
  valueDate: t.value_date,
  text: t.text,
  reference: t.reference,
  kind: t.kind,
  place: t.place,
});

/** Bank accounts, keyset-paged by id, with holders and totals per currency for the period. */
export async function accountPage(
  store: Store,
  access: CaseAccess,
  q: Period & { limit: number; after?: string | undefined },
): Promise<{ accounts: z.infer<typeof AccountOut>[]; next: string | null }> {
  const v = await visibilityOf(store, access);
  const rows = await accountRows(store.scope(access.caseId), { after: q.after, only: v.only ?? null, limit: q.limit });
  const ids = rows.map((r) => r.id);
  const totals = await accountTotals(store.scope(access.caseId), q, ids);
  const owners = ids.length ? await ownershipLinks(store.scope(access.caseId), { accounts: ids }) : [];
  const holders = await entitiesById(
    store,
    access.caseId,
    owners.flatMap((o) => (o.source_id ? [o.source_id] : [])),
  );
  const warnings = new Map<string, string[]>();
  for (const s of await unreconciledStatements(store.scope(access.caseId), ids)) {
    const period = s.opening_date === s.closing_date ? s.opening_date : `${s.opening_date} to ${s.closing_date}`;
    const what = `statement ${s.reference ? `"${s.reference}" ` : ''}for ${period}`;
    const text =
      s.reconciliation === 'unbalanced'
        ? `${what} does not reconcile (difference ${formatMinor(Number(s.difference_minor ?? 0), s.currency)}); imported as accepted`
        : `${what}: not reconcilable: ${s.reconciliation}`;
    warnings.set(s.account_id, [...(warnings.get(s.account_id) ?? []), text]);
  }
  const accounts = rows.map((r) => {
    const p = JSON.parse(r.properties) as Record<string, string[] | undefined>;
    const hs = owners
      .filter((o) => o.target_id === r.id && o.source_id && canSee(v, o.source_id))
      .map((o) => holders.get(o.source_id ?? ''));
    return {
      id: r.id,
      caption: captionFor(v, r),
      bankName: p.bankName?.[0] ?? null,
      holders: hs.filter((h): h is EntityRow => !!h).map(partyFor(v)),
      totals: totals.get(r.id) ?? [],
      ...(warnings.has(r.id) ? { statementWarnings: warnings.get(r.id) ?? [] } : {}),
    };
  });
  const last = rows[rows.length - 1];
  return { accounts, next: rows.length === q.limit && last ? last.id : null };
}

/** Totals per holder over all their accounts, largest volume first. */
export async function holderPage(
  store: Store,
  access: CaseAccess,
  q: Period & { limit: number },
): Promise<{ holders: (Party & { accounts: number; totals: Totals[] })[] }> {
  const v = await visibilityOf(store, access);
  const ctx = await loadFinanceContext(store.scope(access.caseId));
  const byAccount = await accountTotals(store.scope(access.caseId), q, v.only ? [...v.only] : undefined);
  const byHolder = holderTotals(byAccount, (a) =>
    canSee(v, a) ? (ctx.accounts.get(a)?.holderIds ?? []).filter((h) => canSee(v, h)) : [],
  );
  const volume = (ts: readonly Totals[]) => ts.reduce((s, t) => s + t.inMinor + t.outMinor, 0);
  const top = [...byHolder].sort((a, b) => volume(b[1]) - volume(a[1])).slice(0, q.limit);
  const entities = await entitiesById(
    store,
    access.caseId,
    top.map(([h]) => h),
  );
  const accountsOf = (h: string) => [...ctx.accounts.values()].filter((a) => a.holderIds.includes(h)).length;
  return {
    holders: top.flatMap(([h, totals]) => {
      const e = entities.get(h);
      return e ? [{ ...partyFor(v)(e), accounts: accountsOf(h), totals }] : [];
    }),
  };
}

export async function counterpartiesOf(store: Store, access: CaseAccess, q: z.infer<typeof CounterpartiesQuery>) {
  const v = await visibilityOf(store, access);
  let accountIds: string[];
  if (q.account) accountIds = [q.account];
  else {
    const owned = await ownershipLinks(store.scope(access.caseId), { holders: [q.holder ?? ''] });
    accountIds = owned.flatMap((o) => (o.target_id ? [o.target_id] : []));
  }
  accountIds = accountIds.filter((a) => canSee(v, a));
  if (!accountIds.length) throw errors.notFound(q.account ? 'Account' : 'Holder');
  const list = await rankCounterparties(store.scope(access.caseId), accountIds, q, q.limit);
  return {
    accountIds,
    counterparties: list.flatMap((c) => {
      const shown = lineFor(v.protection, {
        accountId: accountIds[0] ?? '',
        counterpartyAccountId: c.accountId,
        counterpartyName: c.name,
        counterpartyAccount: c.account,
        text: null,
        reference: null,
      });
      if (!shown) return [];
      const hidden = shown.counterpartyName !== c.name || shown.counterpartyAccount !== c.account;
      const out = hidden
        ? { ...c, name: shown.counterpartyName, account: null, key: `name:${shown.counterpartyName ?? ''}` }
        : c;
      return out.accountId && !canSee(v, out.accountId)
        ? [{ ...out, key: `no:${out.account ?? ''}`, accountId: null }]
        : [out];
    }),
  };
}

/** Flows for the money-flow view (accounts) or the link chart (holders), largest first. */
export async function flowGraph(store: Store, access: CaseAccess, q: z.infer<typeof FlowsQuery>) {
  const v = await visibilityOf(store, access);
  const ctx = await loadFinanceContext(store.scope(access.caseId));
  const holderOf = (a: string): string => ctx.accounts.get(a)?.holderIds[0] ?? a;
  let focus: string[] | undefined;
  if (q.account) {
    if (!canSee(v, q.account)) throw errors.notFound('Account');
    const holder = holderOf(q.account);
    focus =
      q.level === 'entity'
        ? [...ctx.accounts.values()].filter((a) => a.holderIds.includes(holder)).map((a) => a.id)
        : [q.account];
  }
  const visible = v.only ? [...v.only] : undefined;
  // A focus also needs the other side's statements naming it: take all lines, then keep the edges touching it.
  let edges = await accountFlows(store.scope(access.caseId), {
    from: q.from,
    to: q.to,
    minAmount: q.minAmount,
    accountIds: visible,
  });
  if (v.only) edges = edges.map((e) => ({ ...e, from: outside(v, e.from), to: outside(v, e.to) }));
  edges = edges.map((e) => ({ ...e, from: partyKey(v.protection, e.from), to: partyKey(v.protection, e.to) }));
  if (focus) {
    const f = new Set(focus);
    edges = edges.filter((e) => f.has(e.from) || f.has(e.to));
  }
  const nodeOf = (id: string) => (q.level === 'entity' && ctx.accounts.has(id) ? holderOf(id) : id);
  const grouped = groupFlows(edges, nodeOf)
    .sort((a, b) => b.amountMinor - a.amountMinor)
    .slice(0, q.limit);
  const ids = new Set(grouped.flatMap((e) => [e.from, e.to]));
  const entities = await entitiesById(
    store,
    access.caseId,
    [...ids].filter((id) => !id.includes(':')),
  );
  const nodes = [...ids].map((id) => nodeOut(v, id, entities.get(id), ctx.accounts.get(id)));
  return { level: q.level, nodes, edges: grouped };
}

/** An account outside a partial share becomes one anonymous node. */
const outside = (v: Visibility, id: string): string => (id.includes(':') || canSee(v, id) ? id : 'outside:shared-part');

function nodeOut(v: Visibility, id: string, e: EntityRow | undefined, acc: AccountMeta | undefined) {
  if (e)
    return {
      id,
      kind: (e.schema === 'BankAccount' ? 'account' : 'holder') as 'account' | 'holder',
      caption: v.protection.pseudonymous.has(id) ? captionFor(v, e) : (acc?.label ?? e.caption),
      schema: e.schema,
    };
  const caption = id.startsWith('name:')
    ? id.slice(5)
    : id.startsWith('no:')
      ? id.slice(3)
      : id === 'outside:shared-part'
        ? 'Accounts outside the shared part'
        : id;
  return { id, kind: 'external' as const, caption, schema: null };
}

/** Findings as the caller may see them: with a partial share, only those wholly within it. */
export async function presentFindings(
  store: Store,
  access: CaseAccess,
  rows: readonly FindingRow[],
): Promise<z.infer<typeof FindingOut>[]> {
  const v = await visibilityOf(store, access);
  const visible = rows.filter(
    (r) =>
      !v.only ||
      (parseIds(r.account_ids).every((a) => canSee(v, a)) &&
        (r.subject_kind === 'accountNumber' || canSee(v, r.subject_id))),
  );
  const entities = await entitiesById(
    store,
    access.caseId,
    visible.map((r) => r.subject_id),
  );
  // An account is known by its holders as much as by its IBAN: their names (or pseudonyms) go with it.
  const accountIds = visible.filter((r) => entities.get(r.subject_id)?.schema === 'BankAccount').map((r) => r.subject_id);
  const owning = accountIds.length ? await ownershipLinks(store.scope(access.caseId), { accounts: accountIds }) : [];
  const holderEntities = await entitiesById(
    store,
    access.caseId,
    owning.flatMap((o) => (o.source_id ? [o.source_id] : [])),
  );
  const holdersOf = new Map<string, string[]>();
  for (const o of owning) {
    const h = o.source_id ? holderEntities.get(o.source_id) : undefined;
    if (!o.target_id || !h || !canSee(v, h.id)) continue;
    holdersOf.set(o.target_id, [...(holdersOf.get(o.target_id) ?? []), captionFor(v, h)]);
  }
  return visible.map((r) => {
    const e = entities.get(r.subject_id);
    return {
      id: r.id,
      rule: r.rule,
      title: ruleById(r.rule)?.title ?? r.rule,
      variant: r.variant,
      subject: {
        id: r.subject_id,
        kind: r.subject_kind,
        caption: e
          ? captionFor(v, e)
          : r.subject_kind === 'accountNumber'
            ? partyKey(v.protection, r.subject_id)
            : null,
        schema: e?.schema ?? null,
        holders: [...new Set(holdersOf.get(r.subject_id) ?? [])],
      },
      score: Number(r.score),
      explanation: r.explanation,
      words: r.explanation_words ? (JSON.parse(r.explanation_words) as Sentence[]) : null,
      status: r.status as FindingStatus,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
      accountIds: parseIds(r.account_ids),
      evidenceCount: parseIds(r.evidence).length,
      current: Number(r.current) === 1,
      runId: r.run_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** The statement lines a finding cites, in date order (those the caller may see). */
export async function evidenceOf(
  store: Store,
  access: CaseAccess,
  row: FindingRow,
  limit = 2000,
): Promise<TransactionRow[]> {
  const v = await visibilityOf(store, access);
  const ids = parseIds(row.evidence).slice(0, limit);
  const out = await linesByIds(store.scope(access.caseId), ids);
  return out
    .filter((t) => canSee(v, t.account_id))
    .sort((a, b) =>
      a.booking_date < b.booking_date ? -1 : a.booking_date > b.booking_date ? 1 : a.id < b.id ? -1 : 1,
    );
}
