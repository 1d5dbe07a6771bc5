/**
 * Indicator facts on people who are not victims, at the rates of ./rates.ts: one ILO indicator
 * and now and then one weak Delphi fact, as inspections and interviews record them in ordinary
 * low-paid work. A single indicator, or a weak fact in one dimension, never meets the Delphi
 * decision rule, so an assessment has to weigh what the facts say rather than count who has any.
 * Everyone given a fact here is listed in the `nonVictimWithIndicators` confounder.
 */
import type { Cell, PersonInfo } from './cell.ts';
import type { DelphiDimension, IloIndicator } from './groundTruth.ts';
import { delphiFact, iloFact } from './indicators.ts';
import { RATES } from './rates.ts';

const ILO_EVENTS: readonly (readonly [IloIndicator, string])[] = [
  ['excessiveOvertime', 'Worked 50–55 hour weeks in the busy season; the overtime was agreed and paid'],
  ['abusiveConditions', 'Shares a small flat with two co-workers to save on rent (own choice, own lease)'],
  ['withholdingOfWages', 'One wage paid three weeks late after the employer changed banks, then paid in full'],
  ['isolation', 'Works night shifts alone and speaks little Finnish; has friends and family in touch by phone'],
];

const DELPHI_EVENTS: readonly (readonly [DelphiDimension, string])[] = [
  ['exploitativeConditions', 'Long working hours in some weeks, within the collective agreement'],
  ['abuseOfVulnerabilityAtDestination', 'Limited knowledge of the language and of local labour law'],
];

export function plantInnocentFacts(cell: Cell, persons: readonly PersonInfo[]): void {
  const rng = cell.rng('innocent-facts');
  const facts = new Map<string, number>();
  for (const f of cell.truth.indicatorFacts) facts.set(f.personId, (facts.get(f.personId) ?? 0) + 1);
  const given: string[] = [];
  for (const p of persons) {
    if (p.status !== 'none' || p.networkId !== null || facts.has(p.id)) continue;
    const ilo = rng.chance(RATES.innocentIloFact);
    const delphi = rng.chance(RATES.innocentDelphiWeak);
    if (ilo) {
      const [indicator, event] = rng.pick(ILO_EVENTS);
      iloFact(cell, p.id, indicator, { event, entityIds: [p.anchorId] });
    }
    if (delphi) {
      const [dimension, event] = rng.pick(DELPHI_EVENTS);
      delphiFact(cell, p.id, dimension, 'weak', { event, entityIds: [p.anchorId] });
    }
    if (ilo || delphi) given.push(p.id);
  }
  if (given.length > 0)
    cell.truth.confounders.push({
      kind: 'nonVictimWithIndicators',
      entityIds: given,
      why: 'People in ordinary low-paid work for whom an inspection or interview recorded one ILO indicator or one weak Delphi fact: far short of any decision rule',
    });
}
