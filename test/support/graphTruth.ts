/**
 * What the link chart must show, worked out apart from the chart's own code: adjacency from the
 * case's tables (link rows' source and target, statement lines naming a counterparty account
 * of the case, and a phone, e-mail, address or account node beside whoever carries its value),
 * breadth-first neighbourhoods on it, and the path from a victim to the controlling
 * account taken from the generator's ground truth (the victim holds an account that paid the
 * network controller's account, by the proceeds ledger's statement references).
 */
import { groundTruthPartSchema } from '../../src/demo/groundTruth.ts';
import { foldAddress, normaliseSelector } from '../../src/domain/selectors/index.ts';
import type { Store } from '../../src/store/store.ts';
import { listGroundTruthParts } from './demoTruth.ts';

/** Values compared in the selector's normal form ("+358 40 457" = "00358 40 457"). */
const normal = (prop: string, v: string): string => {
  if (prop === 'address') return foldAddress(v);
  const kind = prop === 'phone' ? 'phone' : prop === 'email' ? 'email' : 'iban';
  const r = normaliseSelector(prop === 'accountNumber' ? 'account' : kind, v);
  return r.ok ? r.value.replace(/\s/g, '') : v;
};

/** Selector schemata and the property holding their value; a holder's property of the same value. */
const SELECTOR_VALUE: Record<string, [string, string][]> = {
  Phone: [['number', 'phone']],
  EmailAddress: [['address', 'email']],
  Address: [['full', 'address']],
  BankAccount: [
    ['iban', 'iban'],
    ['accountNumber', 'accountNumber'],
  ],
};

export async function caseAdjacency(store: Store, caseId: string): Promise<Map<string, Set<string>>> {
  const scope = store.scope(caseId);
  const entities = await scope
    .selectFrom('entities')
    .select(['id', 'schema', 'properties', 'source_id', 'target_id'])
    .execute();
  const nodes = new Set(entities.filter((e) => e.source_id === null || e.target_id === null).map((e) => e.id));
  const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
  const adj = new Map<string, Set<string>>([...nodes].map((id) => [id, new Set<string>()]));
  const join = (a: string, b: string) => {
    if (a === b || !nodes.has(a) || !nodes.has(b)) return;
    adj.get(a)?.add(b);
    adj.get(b)?.add(a);
  };
  for (const e of entities) if (e.source_id !== null && e.target_id !== null) join(e.source_id, e.target_id);
  // A selector and whoever carries its value (in its normal form) or its id.
  const props = (e: (typeof entities)[number]) => JSON.parse(e.properties) as Record<string, string[]>;
  const selectorByValue = new Map<string, string>();
  for (const e of entities)
    for (const [own, held] of SELECTOR_VALUE[e.schema] ?? [])
      for (const v of props(e)[own] ?? []) selectorByValue.set(`${held}=${normal(held, v)}`, e.id);
  for (const e of entities) {
    if (e.schema in SELECTOR_VALUE || e.source_id !== null || e.target_id !== null) continue;
    for (const [k, values] of Object.entries(props(e)))
      for (const v of values) {
        const s =
          selectorByValue.get(`${k}=${normal(k, v)}`) ?? (SELECTOR_VALUE[schemaOf.get(v) ?? ''] ? v : undefined);
        if (s) join(e.id, s);
      }
  }
  const lines = await scope
    .selectFrom('transactions')
    .select(['account_id', 'counterparty_account_id'])
    .where('counterparty_account_id', 'is not', null)
    .execute();
  for (const t of lines) join(t.account_id, t.counterparty_account_id ?? '');
  return adj;
}

export function within(adj: ReadonlyMap<string, ReadonlySet<string>>, start: string, steps: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let i = 0; i < steps; i++) {
    frontier = frontier.flatMap((id) => [...(adj.get(id) ?? [])].filter((n) => !seen.has(n) && (seen.add(n), true)));
  }
  return seen;
}

export interface TruthPath {
  victimId: string;
  victimAccountId: string;
  controllerAccountId: string;
}

/**
 * Victim → the account they hold → the controller's account, for each victim whose wage
 * kick-backs the ledger shows leaving their own account for the controller's (labour network).
 */
export async function victimToControllerPaths(store: Store, caseId: string): Promise<TruthPath[]> {
  const scope = store.scope(caseId);
  const parts = (await listGroundTruthParts(scope)).map((r) => groundTruthPartSchema.parse(JSON.parse(r.content)));
  const out: TruthPath[] = [];
  for (const gt of parts) {
    for (const net of gt.networks) {
      const controllerAccounts = new Set(
        gt.accounts.filter((a) => a.nature === 'controller' && net.controllerIds.includes(a.holderId)).map((a) => a.id),
      );
      for (const v of gt.persons.filter(
        (p) => p.networkId === net.id && (p.proceduralStatus === 'victim' || p.proceduralStatus === 'presumedVictim'),
      )) {
        const own = gt.accounts.filter((a) => a.holderId === v.id).map((a) => a.id);
        const refs = gt.proceeds
          .filter((p) => p.victimId === v.id && net.controllerIds.includes(p.beneficiaryId) && p.transactionRef)
          .map((p) => p.transactionRef ?? '');
        if (!refs.length || !own.length) continue;
        const lines = await scope
          .selectFrom('transactions')
          .select(['account_id', 'counterparty_account_id', 'amount_minor'])
          .where('reference', 'in', refs)
          .execute();
        const paid = lines.find(
          (t) =>
            own.includes(t.account_id) && controllerAccounts.has(t.counterparty_account_id ?? '') && t.amount_minor < 0,
        );
        if (paid)
          out.push({
            victimId: v.id,
            victimAccountId: paid.account_id,
            controllerAccountId: paid.counterparty_account_id ?? '',
          });
      }
    }
  }
  return out.sort((a, b) => (a.victimId < b.victimId ? -1 : 1));
}
