/**
 * Writing indicator facts into the ground truth. Each fact names the ILO indicator or Delphi
 * dimension it shows and the event that shows it, with the entities and statement lines where
 * the evidence sits, so a grader can check not just "flagged" but "flagged for the right reason".
 */
import type { Cell } from './cell.ts';
import type { DelphiDimension, IloIndicator } from './groundTruth.ts';
import { iso } from './dates.ts';

export interface FactEvidence {
  event: string;
  day?: number;
  entityIds?: (string | null | undefined)[];
  refs?: (string | null | undefined)[];
}

const kept = (xs: (string | null | undefined)[] | undefined): string[] =>
  (xs ?? []).filter((x): x is string => typeof x === 'string');

export function iloFact(cell: Cell, personId: string, indicator: IloIndicator, ev: FactEvidence): void {
  cell.truth.indicatorFacts.push({
    personId,
    catalogue: 'ILO',
    indicator,
    evidence: {
      event: ev.event,
      ...(ev.day === undefined ? {} : { date: iso(ev.day) }),
      entityIds: kept(ev.entityIds),
      transactionRefs: kept(ev.refs),
    },
  });
}

export function delphiFact(
  cell: Cell,
  personId: string,
  dimension: DelphiDimension,
  strength: 'strong' | 'medium' | 'weak',
  ev: FactEvidence,
): void {
  cell.truth.indicatorFacts.push({
    personId,
    catalogue: 'Delphi',
    indicator: dimension,
    strength,
    evidence: {
      event: ev.event,
      ...(ev.day === undefined ? {} : { date: iso(ev.day) }),
      entityIds: kept(ev.entityIds),
      transactionRefs: kept(ev.refs),
    },
  });
}

/** Euros for event texts: 123456 → "€1,234.56". */
export function eur(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}€${whole}.${String(abs % 100).padStart(2, '0')}`;
}
