/**
 * What to do next, as data with its legal source: which steps an assessment suggests depends on
 * the outcome, the person's age and the kind of exploitation. The web translates them by id;
 * the English here is for the API and the command line.
 */
export interface NextStep {
  id:
    | 'victimAssistance'
    | 'reflectionPeriod'
    | 'nonPunishment'
    | 'childProtection'
    | 'financialInvestigation'
    | 'labourInspection'
    | 'gatherEvidence';
  text: string;
  source: string;
}

export const NEXT_STEPS: Record<NextStep['id'], Omit<NextStep, 'id'>> = {
  victimAssistance: {
    text: 'Refer the person to victim assistance and support (housing, medical and psychological care, legal counselling, interpretation)',
    source:
      'Directive 2011/36/EU art. 11(2)–(5); Council of Europe Convention on Action against Trafficking in Human Beings (CETS 197) art. 12',
  },
  reflectionPeriod: {
    text: 'Offer a recovery and reflection period before any decision on cooperation or removal',
    source: 'CETS 197 art. 13 (at least 30 days); Directive 2004/81/EC art. 6',
  },
  nonPunishment: {
    text: 'Consider not prosecuting the person for offences they were compelled to commit',
    source: 'Directive 2011/36/EU art. 8; CETS 197 art. 26',
  },
  childProtection: {
    text: 'Notify child protection, appoint a guardian or representative and act in the best interests of the child',
    source: 'Directive 2011/36/EU arts. 13–16',
  },
  financialInvestigation: {
    text: 'Open a financial investigation: trace wages, fees and deductions, and secure proceeds for confiscation and compensation',
    source:
      'Directive 2011/36/EU art. 7 and recital 13; Directive 2014/42/EU; FATF/APG, Financial flows from human trafficking (2018)',
  },
  labourInspection: {
    text: 'Ask the labour inspectorate to inspect the worksite, the employer’s records and the subcontracting chain',
    source: 'ILO Labour Inspection Convention No. 81 art. 3; Directive 2009/52/EC art. 14',
  },
  gatherEvidence: {
    text: 'Gather evidence on the missing elements before deciding: interview, documents, statements and transactions',
    source: 'ILO/EC Delphi operational indicators (2009): an assessment rests on evidence for each dimension',
  },
};

/** Items whose presence means money moved: a reason for a financial investigation. */
export const MONEY_ITEMS: ReadonlySet<string> = new Set([
  'cr.debt',
  'cr.withholdingMoney',
  'cd.debt',
  'cd.withholdingWages',
  'ec.lowPay',
  'ec.wageManipulation',
  'ilo.withholdingOfWages',
  'ilo.debtBondage',
  'unodc.finesDeductions',
]);

export function nextStepsFor(o: {
  presumed: boolean;
  child: boolean;
  labour: boolean;
  anyIndicator: boolean;
  exploitationIndicator: boolean;
  moneyIndicator: boolean;
}): NextStep[] {
  const ids: NextStep['id'][] = [];
  if (o.presumed) ids.push('victimAssistance', 'reflectionPeriod', 'nonPunishment');
  if (o.child && o.anyIndicator) ids.push('childProtection');
  if (o.presumed || o.moneyIndicator) ids.push('financialInvestigation');
  if (o.labour && o.exploitationIndicator) ids.push('labourInspection');
  if (!o.presumed && o.anyIndicator) ids.push('gatherEvidence');
  return ids.map((id) => ({ id, ...NEXT_STEPS[id] }));
}
