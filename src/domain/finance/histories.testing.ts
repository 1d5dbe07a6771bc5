/** Builders for the rules' unit tests: statement lines, accounts and holders in a few words. */
import { Classifier } from './classify.ts';
import { dayOf, isoOfDay } from './dates.ts';
import type { AccountHistory, AccountMeta, AdMeta, FinanceContext, HolderMeta, Tx } from './types.ts';

const classifier = new Classifier();
let n = 0;

export interface LineSpec {
  cp?: string | null;
  cpName?: string | null;
  text?: string | null;
  kind?: string | null;
  place?: string | null;
  currency?: string;
}

/** A statement line on `account`, `day` days after 2024-01-01 (amount in whole euros). */
export function line(account: string, day: number, euros: number, spec: LineSpec = {}): Tx {
  return classifier.toTx({
    id: `t${String(++n).padStart(6, '0')}`,
    accountId: account,
    counterpartyAccountId: spec.cp ?? null,
    counterpartyAccount: null,
    counterpartyName: spec.cpName ?? null,
    amount: Math.round(euros * 100),
    currency: spec.currency ?? 'EUR',
    bookingDate: isoOfDay(dayOf('2024-01-01') + day),
    text: spec.text ?? null,
    reference: null,
    kind: spec.kind ?? null,
    place: spec.place ?? null,
  });
}

/** A transfer seen on both statements: the payer's debit and the payee's credit. */
export function transfer(from: string, to: string, day: number, euros: number, text: string): Tx[] {
  return [
    line(from, day, -euros, { cp: to, text, kind: 'transfer' }),
    line(to, day, euros, { cp: from, text, kind: 'transfer' }),
  ];
}

/** Lines grouped into per-account histories in (day, id) order, as the store streams them. */
export function histories(lines: readonly Tx[]): AccountHistory[] {
  const by = new Map<string, Tx[]>();
  for (const t of lines) by.set(t.accountId, [...(by.get(t.accountId) ?? []), t]);
  return [...by]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([accountId, txs]) => ({ accountId, txs: txs.sort((x, y) => x.day - y.day || (x.id < y.id ? -1 : 1)) }));
}

export interface ContextSpec {
  /** account id → holder id */
  accounts?: Record<string, string | { holder: string; bank?: string; opened?: number }>;
  holders?: Record<string, Partial<Omit<HolderMeta, 'id'>>>;
  ads?: AdMeta[];
  family?: ReadonlySet<string>;
}

export function context(spec: ContextSpec = {}): FinanceContext {
  const accounts = new Map<string, AccountMeta>();
  for (const [id, v] of Object.entries(spec.accounts ?? {})) {
    const o = typeof v === 'string' ? { holder: v } : v;
    accounts.set(id, {
      id,
      label: id,
      bankName: o.bank ?? null,
      openingDay: o.opened === undefined ? null : dayOf('2024-01-01') + o.opened,
      holderIds: [o.holder],
    });
  }
  const holders = new Map<string, HolderMeta>();
  for (const [id, h] of Object.entries(spec.holders ?? {})) {
    holders.set(id, {
      id,
      schema: h.schema ?? 'Person',
      phones: h.phones ?? [],
      emails: h.emails ?? [],
      addresses: h.addresses ?? [],
      controllers: h.controllers ?? [],
      recruiters: h.recruiters ?? [],
      feesCharged: h.feesCharged ?? [],
      names: h.names,
    });
  }
  return {
    accounts,
    holders,
    ads: spec.ads ?? [],
    contactNodes: { phone: new Map(), email: new Map() },
    family: spec.family,
  };
}

/** `count` monthly wages of `euros` from `employer` to `worker`, the 7th of each month (day 6 + 30k). */
export function monthlyWages(employer: string, worker: string, euros: number, count: number, text = 'PALKKA'): Tx[] {
  return Array.from({ length: count }, (_, m) => transfer(employer, worker, 6 + 30 * m, euros, text)).flat();
}
