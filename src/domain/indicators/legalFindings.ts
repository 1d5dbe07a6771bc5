/**
 * Red-flag findings as facts of the legal-element matrix. A finding is read as the data signal it
 * is (a wage kick-back is wages withheld and manipulated, deductions are wage manipulation, a
 * payroll without tax is exploitative conditions, accounts run by one controller are dependency)
 * and the signal as the indicators it evidences (dataSignals.ts, each with its source); the
 * Delphi items of those indicators carry the legal element they show (delphi2009.ts: means for
 * coercion and abuse of vulnerability, purpose for exploitative conditions). So a finding that
 * names a suspect's account fills the same cells an officer's observation of it would.
 */
import type { Item } from './catalogue.ts';
import { DELPHI_2009 } from './delphi2009.ts';
import type { DataSignal } from './dataSignals.ts';
import { SIGNAL_INDICATORS } from './dataSignals.ts';
import type { LegalFact } from './legal.ts';

/** Which data signal a red-flag rule's finding shows (rules not listed show no legal element). */
export const RULE_SIGNALS: Readonly<Record<string, DataSignal>> = {
  wageKickback: 'wageKickback',
  housingDeductions: 'wageDeduction',
  payrollWithoutTax: 'payrollWithoutTax',
  sharedContacts: 'controlledContact',
};

const delphiItems = new Map<string, Item>(
  DELPHI_2009.lists.filter((l) => l.exploitation === 'labour').flatMap((l) => l.items.map((i) => [i.id, i] as const)),
);

/** A Delphi item by id, from the labour lists (the ones financial findings speak to). */
export const delphiItem = (id: string): Item | undefined => delphiItems.get(id);

/**
 * The facts one finding gives against the suspects it concerns: a means per means of each item,
 * and forced labour as the purpose where an item shows exploitative conditions.
 */
export function findingFacts(finding: { id: string; rule: string }, suspectIds: readonly string[]): LegalFact[] {
  const signal = RULE_SIGNALS[finding.rule];
  if (!signal) return [];
  const out: LegalFact[] = [];
  for (const ind of SIGNAL_INDICATORS[signal]) {
    const item = delphiItem(ind.item);
    if (!item) continue;
    const base = {
      label: item.text.en,
      origin: { kind: 'finding' as const, id: finding.id, item: item.id },
      evidence: [`finding:${finding.id}`],
      suspectIds: [...suspectIds],
    };
    for (const m of item.means ?? []) out.push({ ...base, element: 'means', value: m });
    if (item.purpose) out.push({ ...base, element: 'purpose', value: 'forcedLabour' });
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.element}:${f.value}:${f.origin.item ?? ''}`;
    return !seen.has(key) && !!seen.add(key);
  });
}
