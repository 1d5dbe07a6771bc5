/**
 * Possible victims from recorded facts: what a worker's statements and the case's records show
 * (wages handed back, deductions, a wage kept below the legal minimum, wages paid without payroll
 * tax, an account whose contact details are a suspect's), each mapped — as data, with its source —
 * to the indicator it evidences. The result is a suggested observation citing its lines and
 * entities; the analyst confirms it and the decision rule weighs it like any other observation.
 * The texts are fixed sentences so the observation-to-item words (observations.ts) pick the item
 * named here; amounts and names stay in the evidence, not in the words.
 */
import { isoOfDay, monthOfDay } from '../finance/dates.ts';
import { countryOfIban, wageNormOn } from '../finance/wageNorms.ts';
import type { ObservationTag } from './observations.ts';

export type DataSignal =
  | 'wageKickback'
  | 'wageDeduction'
  | 'keptBelowMinimum'
  | 'payrollWithoutTax'
  | 'controlledContact'
  | 'controlledByPerson';

const ILO_2012 = 'ILO, Indicators of forced labour (2012)';
const DELPHI_2009 = 'ILO/European Commission, Operational indicators of trafficking in human beings (2009)';

export interface SignalIndicator {
  catalogue: ObservationTag['catalogue'];
  code: string;
  strength: ObservationTag['strength'];
  /** The Delphi item the text shows (checked by the tests against observations.ts). */
  item: string;
  text: string;
  source: string;
}

/** Which indicator each data signal evidences. */
export const SIGNAL_INDICATORS: Record<DataSignal, readonly SignalIndicator[]> = {
  wageKickback: [
    {
      catalogue: 'ILO',
      code: 'withholdingOfWages',
      strength: null,
      item: 'cd.withholdingWages',
      text: 'Part of each wage went back to the employer side within days of payday (kick-back)',
      source: `${ILO_2012}: withholding of wages`,
    },
    {
      catalogue: 'Delphi',
      code: 'exploitativeConditions',
      strength: 'medium',
      item: 'ec.wageManipulation',
      text: 'Wage manipulation: kick-back of part of the wage to the employer side',
      source: `${DELPHI_2009}: exploitative conditions — wage manipulation`,
    },
  ],
  wageDeduction: [
    {
      catalogue: 'Delphi',
      code: 'exploitativeConditions',
      strength: 'medium',
      item: 'ec.wageManipulation',
      text: 'Wage manipulation: regular deduction paid from the wage to a collector of the case',
      source: `${DELPHI_2009}: exploitative conditions — wage manipulation`,
    },
  ],
  keptBelowMinimum: [
    {
      catalogue: 'Delphi',
      code: 'exploitativeConditions',
      strength: 'medium',
      item: 'ec.lowPay',
      text: 'Low pay: what the worker kept of the wage was below the statutory minimum wage',
      source: `${DELPHI_2009}: exploitative conditions — low or no pay`,
    },
  ],
  payrollWithoutTax: [
    {
      catalogue: 'Delphi',
      code: 'exploitativeConditions',
      strength: 'medium',
      item: 'ec.socialProtection',
      text: 'No social protection: the employer paid wages without payroll tax',
      source: `${DELPHI_2009}: exploitative conditions — no respect of labour laws or social protection`,
    },
  ],
  controlledContact: [
    {
      catalogue: 'Delphi',
      code: 'abuseOfVulnerabilityAtDestination',
      strength: 'medium',
      item: 'avd.dependency',
      text: 'Dependent: the bank knows the worker by the phone or address of a suspect',
      source: `${DELPHI_2009}: abuse of vulnerability at destination — dependency`,
    },
  ],
  controlledByPerson: [
    {
      catalogue: 'Delphi',
      code: 'abuseOfVulnerabilityAtDestination',
      strength: 'medium',
      item: 'avd.dependency',
      text: 'Dependent: a record of the case names another person as controlling this person',
      source: `${DELPHI_2009}: abuse of vulnerability at destination — dependency`,
    },
  ],
};

/** A fact of the case that shows a signal, with what it rests on. */
export interface SignalHit {
  signal: DataSignal;
  personId: string;
  /** Plain-English detail (amounts, months, the norm and its source): for the analyst, not for the words. */
  detail: string;
  occurredOn: string | null;
  entityIds: string[];
  transactionIds: string[];
  /** The norm a comparison used, with its source. */
  norm?: { country: string; year: number; monthlyMinor: number; source: string };
}

export interface WorkerMoney {
  personId: string;
  accountIds: readonly string[];
  wages: readonly { day: number; amount: number; currency: string; ids: readonly string[]; payerIban: string | null }[];
  /** Lines out of the worker's accounts the kick-back and deduction findings name. */
  handedBack: readonly { id: string; day: number; amount: number; kind: 'kickback' | 'deduction'; findingId: string }[];
}

const eur = (m: number) => `EUR ${(m / 100).toFixed(2)}`;

/** Kick-backs, deductions and wage kept below the statutory minimum of the payer's country, per worker. */
export function moneySignals(w: WorkerMoney): SignalHit[] {
  const out: SignalHit[] = [];
  for (const kind of ['kickback', 'deduction'] as const) {
    const lines = w.handedBack.filter((l) => l.kind === kind);
    if (!lines.length) continue;
    const total = lines.reduce((a, l) => a + l.amount, 0);
    const first = Math.min(...lines.map((l) => l.day));
    out.push({
      signal: kind === 'kickback' ? 'wageKickback' : 'wageDeduction',
      personId: w.personId,
      detail: `${lines.length} payment(s), ${eur(total)} in all, named by ${new Set(lines.map((l) => l.findingId)).size} finding(s)`,
      occurredOn: isoOfDay(first),
      entityIds: [...w.accountIds],
      transactionIds: lines.map((l) => l.id),
    });
  }
  // What was kept of each wage: the wage less what went back before the next wage.
  const wages = [...w.wages].filter((x) => x.currency === 'EUR').sort((a, b) => a.day - b.day);
  const below: { ids: string[]; kept: number; day: number }[] = [];
  let norm: SignalHit['norm'];
  wages.forEach((wage, i) => {
    const next = wages[i + 1]?.day ?? wage.day + 31;
    const back = w.handedBack.filter((l) => l.day >= wage.day && l.day < next);
    if (!back.length) return;
    const country = wage.payerIban ? countryOfIban(wage.payerIban) : null;
    const n = country ? wageNormOn(country, isoOfDay(wage.day)) : undefined;
    if (!n?.monthlyMinor) return;
    const kept = wage.amount - back.reduce((a, l) => a + l.amount, 0);
    if (kept >= n.monthlyMinor) return;
    norm ??= { country: n.country, year: n.year, monthlyMinor: n.monthlyMinor, source: n.source };
    below.push({ ids: [...wage.ids, ...back.map((l) => l.id)], kept, day: wage.day });
  });
  if (below.length && norm) {
    const months = new Set(below.map((b) => monthOfDay(b.day))).size;
    out.push({
      signal: 'keptBelowMinimum',
      personId: w.personId,
      detail:
        `Kept ${eur(Math.min(...below.map((b) => b.kept)))}–${eur(Math.max(...below.map((b) => b.kept)))} of the wage ` +
        `in ${months} month(s), below the ${norm.country} minimum wage of ${eur(norm.monthlyMinor)}/month ` +
        `(${norm.year}; ${norm.source})`,
      occurredOn: isoOfDay(Math.min(...below.map((b) => b.day))),
      entityIds: [...w.accountIds],
      transactionIds: below.flatMap((b) => b.ids),
      norm,
    });
  }
  return out;
}
