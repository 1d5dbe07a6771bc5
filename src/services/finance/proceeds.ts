/**
 * The proceeds estimate of a case: which victims, beneficiaries and funnel accounts it covers
 * comes from the case's findings (those not dismissed) and the model's own choices; the money
 * from the victims' and funnels' statements; fees from Recruitment links; prices from captured
 * ads; everything else from the assumptions entered (domain/finance/proceedsModel.ts). The model
 * is stored per case so the estimate can be recomputed as findings and data change.
 */
import { isCash } from '../../domain/finance/classify.ts';
import { estimateProceeds } from '../../domain/finance/proceeds.ts';
import type { LabourVictimInput, ProceedsEstimate } from '../../domain/finance/proceeds.ts';
import { ProceedsModel } from '../../domain/finance/proceedsModel.ts';
import type { ProceedsModelInput } from '../../domain/finance/proceedsModel.ts';
import { isoOfDay } from '../../domain/finance/dates.ts';
import { wagesOf } from '../../domain/finance/rules/common.ts';
import type { Wage } from '../../domain/finance/rules/common.ts';
import { countryOfIban, wageNormOn } from '../../domain/finance/wageNorms.ts';
import { TxFlag } from '../../domain/finance/types.ts';
import type { Tx } from '../../domain/finance/types.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { requireCase } from '../cases/index.ts';
import { loadFinanceContext, streamHistories } from './data.ts';
import { personsByIban } from './holders.ts';
import { parseIds } from './findings.ts';
import { entitiesOfSchema, recruitmentsOf } from '../../store/repos/finance/analysis.ts';
import { proceedsFindings, proceedsModelRow, replaceProceedsModel } from '../../store/repos/finance/findings.ts';

const MODEL_ID = 'default';

export async function getProceedsModel(
  store: Store,
  caseId: string,
): Promise<{ model: ProceedsModel; updatedBy: string | null; updatedAt: string | null }> {
  const row = await proceedsModelRow(store.scope(caseId), MODEL_ID);
  if (!row) return { model: ProceedsModel.parse({}), updatedBy: null, updatedAt: null };
  return { model: ProceedsModel.parse(JSON.parse(row.model)), updatedBy: row.updated_by, updatedAt: row.updated_at };
}

export async function saveProceedsModel(
  store: Store,
  actor: Actor,
  caseId: string,
  input: ProceedsModelInput,
): Promise<ProceedsModel> {
  await requireCase(store, caseId);
  const model = ProceedsModel.parse(input);
  const now = new Date().toISOString();
  await store.transaction(async (trx) => {
    await replaceProceedsModel(store.scope(caseId).in(trx), {
      id: MODEL_ID,
      model: JSON.stringify(model),
      updated_by: actor.id,
      updated_at: now,
    });
  });
  return model;
}

async function histories(scope: CaseScope, accountIds: readonly string[]): Promise<Map<string, readonly Tx[]>> {
  const out = new Map<string, readonly Tx[]>();
  if (!accountIds.length) return out;
  for await (const h of streamHistories(scope, { accountIds })) out.set(h.accountId, h.txs);
  return out;
}

export interface ProceedsResult extends ProceedsEstimate {
  model: ProceedsModel;
  /** The findings the estimate rests on. */
  basedOn: { findingId: string; rule: string }[];
}

/** The estimate with the stored model, or with `override` (a preview that stores nothing). */
export async function estimateCaseProceeds(
  store: Store,
  caseId: string,
  override?: ProceedsModelInput,
  visible?: ReadonlySet<string> | null,
): Promise<ProceedsResult> {
  await requireCase(store, caseId);
  const model = override ? ProceedsModel.parse(override) : (await getProceedsModel(store, caseId)).model;
  const scope = store.scope(caseId);
  const rows = await proceedsFindings(scope, [
    'wageKickback',
    'housingDeductions',
    'payrollWithoutTax',
    'funnelAccount',
  ]);
  const ok = (id: string) => !visible || visible.has(id);
  const subjects = (rule: string, variant?: string) =>
    new Set(
      rows
        .filter((r) => r.rule === rule && r.subject_kind === 'account' && (!variant || r.variant === variant))
        .map((r) => r.subject_id)
        .filter(ok),
    );
  const kickbackAccounts = subjects('wageKickback', 'transfer');
  const deductionAccounts = subjects('housingDeductions');
  const employers = [...subjects('payrollWithoutTax')];
  // Workers: accounts that show the pattern in kick-back and deduction findings, and employees of flagged employers.
  const workerAccounts = new Set<string>();
  for (const r of rows) {
    if (r.rule !== 'wageKickback' && r.rule !== 'housingDeductions') continue;
    for (const a of parseIds(r.account_ids)) if (a !== r.subject_id) workerAccounts.add(a);
  }
  for (const txs of (await histories(scope, employers)).values()) {
    for (const t of txs)
      if (t.amount < 0 && t.flags & TxFlag.wage && t.cp && !t.cp.startsWith('no:')) workerAccounts.add(t.cp);
  }

  const ctx = await loadFinanceContext(scope);
  // Holders by IBAN: a statement's account and the bank's customer record of the same IBAN.
  const byIban = personsByIban(ctx);
  const receiving = new Set(
    [...kickbackAccounts, ...deductionAccounts, ...employers].flatMap((a) => byIban.ofAccount(a)),
  );
  const persons = new Set<string>();
  for (const a of workerAccounts) for (const h of byIban.ofAccount(a)) if (!receiving.has(h)) persons.add(h);
  for (const id of model.victims.include) persons.add(id);
  for (const id of model.victims.exclude) persons.delete(id);
  const victimIds = [...persons].filter(ok).sort();
  const accountsOf = new Map<string, string[]>();
  for (const acc of ctx.accounts.values())
    for (const h of acc.holderIds)
      if (persons.has(h) && ok(acc.id)) accountsOf.set(h, [...(accountsOf.get(h) ?? []), acc.id]);
  for (const p of persons)
    accountsOf.set(p, [...new Set([...(accountsOf.get(p) ?? []), ...byIban.accountsOf(p).filter(ok)])]);
  const victimTx = await histories(scope, [...accountsOf.values()].flat());

  const fees = new Map<string, { linkId: string; amountMinor: number; currency: string }[]>();
  for (const part of chunk(victimIds)) {
    const links = await recruitmentsOf(scope, part);
    for (const l of links) {
      const p = JSON.parse(l.properties) as Record<string, string[] | undefined>;
      const fee = Number(p.fee?.[0] ?? 'NaN');
      if (!l.target_id || !Number.isFinite(fee) || fee <= 0) continue;
      fees.set(l.target_id, [
        ...(fees.get(l.target_id) ?? []),
        { linkId: l.id, amountMinor: Math.round(fee * 100), currency: (p.currency?.[0] ?? 'EUR').toUpperCase() },
      ]);
    }
  }
  const labour: LabourVictimInput[] = victimIds.map((personId) => {
    const accountIds = accountsOf.get(personId) ?? [];
    const txs = accountIds
      .flatMap((a) => victimTx.get(a) ?? [])
      .sort((x, y) => x.day - y.day || (x.id < y.id ? -1 : 1));
    return {
      personId,
      accountIds,
      wages: wagesOf(txs),
      debits: txs
        .filter((t) => t.amount < 0)
        .map((t) => ({ id: t.id, day: t.day, amount: -t.amount, currency: t.currency, cp: t.cp, cash: isCash(t) })),
      fees: fees.get(personId) ?? [],
      norm: normOf(wagesOf(txs), ctx),
    };
  });

  const funnelIds = new Set([...subjects('funnelAccount'), ...model.funnelAccounts.include.filter(ok)]);
  for (const id of model.funnelAccounts.exclude) funnelIds.delete(id);
  const funnelTx = await histories(scope, [...funnelIds].sort());
  const funnels = [...funnelTx].map(([accountId, txs]) => ({
    accountId,
    deposits: txs
      .filter((t) => t.amount > 0 && t.flags & TxFlag.cashDeposit)
      .map((t) => ({ id: t.id, day: t.day, amount: t.amount, currency: t.currency })),
  }));

  const ads = await entitiesOfSchema(scope, 'OnlineAd');
  const adPrices = ads
    .map((a) => Number((JSON.parse(a.properties) as { price?: string[] }).price?.[0] ?? 'NaN'))
    .filter((n) => Number.isFinite(n) && n > 0);
  const sexualVictims = [
    ...new Set(
      model.assumptions
        .filter((a) => a.name === 'clientsPerDay' || a.name === 'daysWorked')
        .flatMap((a) => a.appliesTo ?? []),
    ),
  ];

  const estimate = estimateProceeds({
    labour,
    kickbackAccounts,
    deductionAccounts,
    funnels,
    sexualVictims,
    adPrices,
    model,
  });
  return {
    ...estimate,
    model,
    basedOn: rows.filter((r) => ok(r.subject_id)).map((r) => ({ findingId: r.id, rule: r.rule })),
  };
}

/** The statutory minimum of the first wage's payer country and year (wageNorms.ts), when the law sets one. */
function normOf(
  wages: readonly Wage[],
  ctx: { accounts: ReadonlyMap<string, { label: string }> },
): LabourVictimInput['norm'] {
  const w = wages[0];
  if (!w?.payer) return undefined;
  const iban = w.payer.startsWith('no:') ? w.payer.slice(3) : ctx.accounts.get(w.payer)?.label;
  const country = iban ? countryOfIban(iban) : null;
  const n = country ? wageNormOn(country, isoOfDay(w.day)) : undefined;
  if (!n?.monthlyMinor) return undefined;
  return {
    name: `statutory minimum wage ${n.country} ${n.year}`,
    monthlyMinor: n.monthlyMinor,
    currency: n.currency,
    source: n.source,
  };
}

function chunk<T>(xs: readonly T[], n = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
