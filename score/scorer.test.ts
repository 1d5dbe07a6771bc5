/**
 * Presumed victims scored per human: a planted duplicate record of a victim is the same person,
 * so the one record a platform keeps after joining the two counts once and leaves no miss, and
 * two records kept apart count once too.
 */
import { describe, expect, it } from 'vitest';
import { emptyTruthPart, type GroundTruth } from '../src/demo/groundTruth.ts';
import type { TruthIdentifiers } from '../src/demo/sources/index.ts';
import type { CaseResults } from './pipeline.ts';
import { score } from './scorer.ts';

const identity = (name: string, passportNumber: string) => ({
  name,
  birthDate: '1979-05-18',
  idNumber: '',
  passportNumber,
  phone: '',
});
const ids: TruthIdentifiers = {
  persons: {
    v: identity('Oleksandr Oliinyk', 'HV998664'),
    w: identity('OLIINYK Oleksandr', 'HV998664'),
    x: identity('Dace Ābola', 'LV123456'),
  },
  companies: {},
  accounts: {},
  ads: {},
  lines: {},
};
const victim = (id: string, isDuplicateOf?: string) => ({
  id,
  proceduralStatus: 'victim' as const,
  crimeScriptFunctions: [],
  networkId: 'n1',
  role: 'worker',
  ...(isDuplicateOf ? { isDuplicateOf } : {}),
});
const truth = {
  ...emptyTruthPart(),
  persons: [victim('v'), victim('w', 'v'), victim('x')],
  duplicates: [{ canonicalId: 'v', duplicateId: 'w', variant: 'swappedOrder' }],
} as unknown as GroundTruth;
const results = (presumed: CaseResults['presumedVictims']): CaseResults => ({
  findings: [],
  companyFlags: [],
  duplicatePersons: [],
  duplicateCompanies: [],
  adNetworks: [],
  adPhones: {},
  presumedVictims: presumed,
  possibleVictims: [],
  recordedVictims: [],
  persons: [],
  companies: [],
  proceedsMinor: 0,
  cashDeposits: {},
  importFailures: [],
  importedSteps: 0,
});
const presumedOf = (r: CaseResults) => score(truth, ids, r).find((c) => c.capability === 'presumed victims')?.platform;

describe('presumed victims in the score', () => {
  it('counts a victim and their planted duplicate record as one person', () => {
    // The joined record carries both names and the one passport: it matches either truth id.
    const joined = { name: 'Oleksandr Oliinyk', birthDate: '1979-05-18', passportNumber: 'HV998664' };
    expect(presumedOf(results([joined]))).toMatchObject({ truth: 2, truePositives: 1, recall: 0.5 });
    const both = results([joined, { name: 'Dace Ābola', birthDate: '1979-05-18', passportNumber: 'LV123456' }]);
    expect(presumedOf(both)).toMatchObject({ truth: 2, truePositives: 2, recall: 1, precision: 1 });
    // Two records of one person kept apart are still one hit.
    const apart = results([joined, { ...joined, name: 'OLIINYK Oleksandr' }]);
    expect(presumedOf(apart)).toMatchObject({ truePositives: 1 });
  });
});
