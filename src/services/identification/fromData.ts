/**
 * Possible victims surfaced from the case's own records into the identification queue: workers
 * whose statements show kick-backs or deductions the finance findings name, a wage kept below the
 * statutory minimum, wages from an employer that pays no payroll tax, and persons the bank knows
 * by a suspect's phone or address. Each becomes a suggested observation (origin `data:<signal>`)
 * tagged with the indicator the signal evidences (domain/indicators/dataSignals.ts), citing its
 * lines and entities; nothing is decided here — the analyst confirms, and filling weighs them.
 * Statement accounts and KYC accounts are matched by IBAN, so a worker is found whichever import
 * brought the holder. Running again adds only what is new.
 */
import { moneySignals, SIGNAL_INDICATORS } from '../../domain/indicators/index.ts';
import type { DataSignal, SignalHit, WorkerMoney } from '../../domain/indicators/index.ts';
import { wagesOf } from '../../domain/finance/rules/common.ts';
import { TxFlag } from '../../domain/finance/types.ts';
import type { Tx } from '../../domain/finance/types.ts';
import { addressKey } from '../../domain/companies/index.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { contactSelectors, entitiesOfSchema } from '../../store/repos/finance/analysis.ts';
import { proceedsFindings } from '../../store/repos/finance/findings.ts';
import { insertObservations, observationRows } from '../../store/repos/identification/assessments.ts';
import type { ObservationRow } from '../../store/repos/identification/assessments.ts';
import type { Store } from '../../store/store.ts';
import { canSee, visibilityOf, type Actor, type CaseAccess } from '../access/index.ts';
import { loadFinanceContext, personsByIban, streamHistories } from '../finance/index.ts';

export interface DataSuggestion {
  personId: string;
  signal: DataSignal;
  catalogue: string;
  code: string;
  item: string;
  source: string;
  detail: string;
  observationId: string;
  /** False when an earlier run already suggested it. */
  added: boolean;
  entityIds: string[];
  transactionIds: string[];
}

export interface SurfaceResult {
  persons: number;
  suggestions: DataSuggestion[];
  /** Worker accounts no Person of the case holds (by account or IBAN): their signals wait for the holder. */
  unresolvedAccounts: number;
}

type Props = Record<string, string[] | undefined>;
const props = (s: string): Props => JSON.parse(s) as Props;
const SUSPECT = /suspect|accused|epäil|kahtlustatav|aizdomās/i;

export async function surfaceFromData(store: Store, actor: Actor, access: CaseAccess): Promise<SurfaceResult> {
  const scope = store.scope(access.caseId);
  const v = await visibilityOf(store, access);
  const rows = await proceedsFindings(scope, ['wageKickback', 'housingDeductions', 'payrollWithoutTax']);
  const ctx = await loadFinanceContext(scope);
  const persons = personsByIban(ctx);

  // Worker accounts and what the findings name on them.
  const named = new Map<string, { findingId: string; kind: 'kickback' | 'deduction'; to: string }[]>();
  const employers = new Map<string, string>();
  for (const r of rows) {
    const ids = JSON.parse(r.account_ids) as string[];
    if (r.rule === 'payrollWithoutTax') {
      employers.set(r.subject_id, r.id);
      continue;
    }
    const kind = r.rule === 'wageKickback' ? 'kickback' : 'deduction';
    for (const a of ids)
      if (a !== r.subject_id) named.set(a, [...(named.get(a) ?? []), { findingId: r.id, kind, to: r.subject_id }]);
  }
  const payrollOf = new Map<string, { employer: string; findingId: string; ids: string[] }>();
  for await (const h of streamHistories(scope, { accountIds: [...employers.keys()] })) {
    for (const t of h.txs) {
      if (t.amount >= 0 || !(t.flags & TxFlag.wage) || !t.cp || t.cp.startsWith('no:')) continue;
      const e = payrollOf.get(t.cp) ?? { employer: h.accountId, findingId: employers.get(h.accountId) ?? '', ids: [] };
      e.ids.push(t.id);
      payrollOf.set(t.cp, e);
    }
  }

  const workerAccounts = [...new Set([...named.keys(), ...payrollOf.keys()])].sort();
  const money = new Map<string, WorkerMoney & { accountIds: string[] }>();
  const hits: SignalHit[] = [];
  let unresolved = 0;
  const ibanOf = (cp: string | null) =>
    !cp ? null : cp.startsWith('no:') ? cp.slice(3) : (ctx.accounts.get(cp)?.label ?? null);
  for await (const h of streamHistories(scope, { accountIds: workerAccounts })) {
    const who = persons.ofAccount(h.accountId).filter((p) => canSee(v, p));
    if (!who.length) {
      unresolved++;
      continue;
    }
    const marks = named.get(h.accountId) ?? [];
    const handedBack = handedBackOf(h.txs, marks);
    const wages = wagesOf(h.txs).map((w) => ({ ...w, payerIban: ibanOf(w.payer) }));
    const payroll = payrollOf.get(h.accountId);
    for (const personId of who) {
      const m = money.get(personId) ?? { personId, accountIds: [], wages: [], handedBack: [] };
      money.set(personId, {
        personId,
        accountIds: [...m.accountIds, h.accountId],
        wages: [...m.wages, ...wages],
        handedBack: [...m.handedBack, ...handedBack],
      });
      if (payroll)
        hits.push({
          signal: 'payrollWithoutTax',
          personId,
          detail: `Wages from an account the payroll-without-tax finding names (${payroll.ids.length} line(s))`,
          occurredOn: null,
          entityIds: [payroll.employer, h.accountId],
          transactionIds: payroll.ids.slice(0, 200),
        });
    }
  }
  for (const m of money.values()) hits.push(...moneySignals(m));
  const suspects = (await entitiesOfSchema(scope, 'Person')).filter(
    (p) => canSee(v, p.id) && (props(p.properties)['proceduralStatus'] ?? []).some((x) => SUSPECT.test(x)),
  );
  hits.push(...(await controlledContacts(store, access.caseId, ctx.holders, suspects, (id) => canSee(v, id))));
  hits.push(...(await controlLinks(store, access.caseId, (id) => canSee(v, id))));
  // The side that receives: suspects and the holders of the accounts the findings name as beneficiaries.
  const receiving = new Set(suspects.map((p) => p.id));
  for (const r of rows)
    if (r.rule !== 'payrollWithoutTax') for (const p of persons.ofAccount(r.subject_id)) receiving.add(p);
  // Funnels and the collectors their cash goes on to, and recruiters' fee accounts: money taken, not given.
  for (const r of await proceedsFindings(scope, ['funnelAccount', 'recruitmentFees'])) {
    const collectors = r.rule === 'funnelAccount' ? (JSON.parse(r.account_ids) as string[]) : [];
    const taking = [r.subject_id, ...collectors];
    for (const a of taking) for (const p of persons.ofAccount(a)) receiving.add(p);
  }
  for (const e of employers.keys()) for (const p of persons.ofAccount(e)) receiving.add(p);
  const kept = hits.filter((h) => !receiving.has(h.personId));

  const existing = await observationRows(scope);
  const seen = new Map(
    existing
      .filter((o) => o.origin.startsWith('data:'))
      .map((o) => [`${o.person_id}|${o.origin}|${o.catalogue}|${o.code}`, o.id]),
  );
  const now = new Date().toISOString();
  const fresh: Omit<ObservationRow, 'case_id'>[] = [];
  const suggestions: DataSuggestion[] = [];
  for (const hit of kept) {
    for (const ind of SIGNAL_INDICATORS[hit.signal]) {
      const origin = `data:${hit.signal}`;
      const key = `${hit.personId}|${origin}|${ind.catalogue}|${ind.code}`;
      const old = seen.get(key);
      const id = old ?? uuidv7();
      if (!old) {
        seen.set(key, id);
        fresh.push({
          id,
          person_id: hit.personId,
          catalogue: ind.catalogue,
          code: ind.code,
          strength: ind.strength,
          text: ind.text,
          occurred_on: hit.occurredOn,
          entity_ids: JSON.stringify(hit.entityIds),
          transaction_refs: JSON.stringify(hit.transactionIds.slice(0, 500)),
          origin,
          recorded_by: actor.id,
          recorded_at: now,
        });
      }
      suggestions.push({
        personId: hit.personId,
        signal: hit.signal,
        catalogue: ind.catalogue,
        code: ind.code,
        item: ind.item,
        source: ind.source,
        detail: hit.detail,
        observationId: id,
        added: !old,
        entityIds: hit.entityIds,
        transactionIds: hit.transactionIds,
      });
    }
  }
  if (fresh.length) await store.transaction((trx) => insertObservations(scope.in(trx), fresh));
  return { persons: new Set(kept.map((h) => h.personId)).size, suggestions, unresolvedAccounts: unresolved };
}

/** Debits of a worker's account that a finding names: in its evidence or paid to its subject. */
function handedBackOf(
  txs: readonly Tx[],
  marks: readonly { findingId: string; kind: 'kickback' | 'deduction'; to: string }[],
): WorkerMoney['handedBack'] {
  const out: WorkerMoney['handedBack'][number][] = [];
  for (const t of txs) {
    if (t.amount >= 0 || !t.cp) continue;
    // An account both rules name counts as a kick-back (as the proceeds estimate counts it).
    const hits = marks.filter((x) => x.to === t.cp || t.cp === `no:${x.to}`);
    const m = hits.find((x) => x.kind === 'kickback') ?? hits[0];
    if (m) out.push({ id: t.id, day: t.day, amount: -t.amount, kind: m.kind, findingId: m.findingId });
  }
  return out;
}

/** Account holders the bank knows by a suspect's phone number or address (the suspect not being the holder). */
async function controlledContacts(
  store: Store,
  caseId: string,
  holders: ReadonlyMap<string, { schema: string; addresses: readonly string[] }>,
  suspects: readonly { id: string; properties: string }[],
  visible: (id: string) => boolean,
): Promise<SignalHit[]> {
  const scope = store.scope(caseId);
  if (!suspects.length) return [];
  const suspectIds = new Set(suspects.map((s) => s.id));
  const phones = new Map<string, string>();
  const selectors = await contactSelectors(scope);
  for (const s of selectors) if (s.kind === 'phone' && suspectIds.has(s.entity_id)) phones.set(s.value, s.entity_id);
  const addresses = new Map<string, string>();
  for (const s of suspects) for (const a of props(s.properties)['address'] ?? []) addresses.set(addressKey(a), s.id);
  const phonesOf = new Map<string, string[]>();
  for (const s of selectors)
    if (s.kind === 'phone' && holders.has(s.entity_id))
      phonesOf.set(s.entity_id, [...(phonesOf.get(s.entity_id) ?? []), s.value]);
  const out: SignalHit[] = [];
  for (const [id, h] of holders) {
    if (h.schema !== 'Person' || suspectIds.has(id) || !visible(id)) continue;
    const byPhone = (phonesOf.get(id) ?? []).map((p) => [p, phones.get(p)] as const).find(([, s]) => s);
    const byAddress = h.addresses.map((a) => [a, addresses.get(a)] as const).find(([, s]) => s);
    const hit = byPhone ?? byAddress;
    if (!hit?.[1]) continue;
    out.push({
      signal: 'controlledContact',
      personId: id,
      detail: `The bank's customer data give the ${byPhone ? 'phone number' : 'address'} of a suspect`,
      occurredOn: null,
      entityIds: [id, hit[1]],
      transactionIds: [],
    });
  }
  return out;
}

/** Persons a recorded Control link names as controlled (police intelligence, statements). */
async function controlLinks(store: Store, caseId: string, visible: (id: string) => boolean): Promise<SignalHit[]> {
  const out: SignalHit[] = [];
  for (const l of await entitiesOfSchema(store.scope(caseId), 'Control')) {
    if (!visible(l.id)) continue;
    const p = props(l.properties);
    for (const personId of p['controlled'] ?? [])
      if (visible(personId))
        out.push({
          signal: 'controlledByPerson',
          personId,
          detail: `A Control link names a controller${p['role']?.[0] ? ` (${p['role'][0]})` : ''}`,
          occurredOn: p['startDate']?.[0] ?? null,
          entityIds: [l.id, ...(p['controller'] ?? [])],
          transactionIds: [],
        });
  }
  return out;
}
