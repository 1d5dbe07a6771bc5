/** Wage payments seen from the employer's account: who was paid, when, and what taxes were paid. */
import { monthOfDay } from '../dates.ts';
import type { Tx } from '../types.ts';
import { TxFlag } from '../types.ts';

export interface Payroll {
  currency: string;
  /** month → employee account → wage lines. */
  months: Map<number, Map<string, Tx[]>>;
  wageTotal: number;
  taxTotal: number;
  taxIds: string[];
}

const cache = new WeakMap<readonly Tx[], Payroll | null>();

/** The account's wage debits to named accounts and its tax and contribution payments (once per history). */
export function payrollOf(txs: readonly Tx[]): Payroll | null {
  let p = cache.get(txs);
  if (p === undefined) cache.set(txs, (p = findPayroll(txs)));
  return p;
}

function findPayroll(txs: readonly Tx[]): Payroll | null {
  let payroll: Payroll | null = null;
  for (const t of txs) {
    if (t.amount >= 0 || !(t.flags & TxFlag.wage) || !t.cp) continue;
    payroll ??= { currency: t.currency, months: new Map(), wageTotal: 0, taxTotal: 0, taxIds: [] };
    if (t.currency !== payroll.currency) continue;
    const m = monthOfDay(t.day);
    let month = payroll.months.get(m);
    if (!month) payroll.months.set(m, (month = new Map()));
    const lines = month.get(t.cp);
    if (lines) lines.push(t);
    else month.set(t.cp, [t]);
    payroll.wageTotal -= t.amount;
  }
  if (!payroll) return null;
  for (const t of txs) {
    if (t.amount < 0 && t.flags & TxFlag.tax && !(t.flags & TxFlag.wage) && t.currency === payroll.currency) {
      payroll.taxTotal -= t.amount;
      payroll.taxIds.push(t.id);
    }
  }
  return payroll;
}

/** Months in which at least `minEmployees` different accounts were paid wages. */
export function payrollMonths(p: Payroll, minEmployees: number): number[] {
  return [...p.months].filter(([, emp]) => emp.size >= minEmployees).map(([m]) => m);
}
