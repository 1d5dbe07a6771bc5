/**
 * The proceeds model as data: every assumption an analyst enters — a name, a value, its unit and
 * where it comes from (a victim's statement, a collective agreement, an ad) — and which victims
 * and accounts it covers. The estimate prints all of them with the result, so a court can follow
 * each figure back to what it rests on.
 */
import type { Assumption, AssumptionName, ProceedsModel } from '../../shared/contracts/finance.ts';

// The model's contract is shared with the web's editor, so both accept and refuse the same things.
export { ASSUMPTIONS, Assumption, ProceedsModel } from '../../shared/contracts/finance.ts';
export type { AssumptionName, ProceedsModelInput } from '../../shared/contracts/finance.ts';

/** The currency of a money unit (`EUR/month` → EUR), EUR when the unit names none. */
export const currencyOfUnit = (unit: string): string => /^[A-Z]{3}\b/.exec(unit.trim())?.[0] ?? 'EUR';

/**
 * The assumption of that name that applies to any of `subjects` (a victim and their accounts):
 * one naming the subject wins over a general one.
 */
export function assumptionFor(
  model: ProceedsModel,
  name: AssumptionName,
  subjects: readonly string[],
): Assumption | undefined {
  const named = model.assumptions.filter((a) => a.name === name);
  return named.find((a) => a.appliesTo?.some((s) => subjects.includes(s))) ?? named.find((a) => !a.appliesTo?.length);
}
