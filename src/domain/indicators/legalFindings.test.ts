import { describe, expect, it } from 'vitest';
import { findingFacts } from './legalFindings.ts';

describe('red-flag findings as legal elements', () => {
  it('reads a wage kick-back as coercion (wages withheld) and forced labour (wage manipulation)', () => {
    const facts = findingFacts({ id: 'f1', rule: 'wageKickback' }, ['s1']);
    expect(facts.map((f) => `${f.element}:${f.value}:${f.origin.item}`).sort()).toEqual([
      'means:coercion:cd.withholdingWages',
      'purpose:forcedLabour:ec.wageManipulation',
    ]);
    for (const f of facts) {
      expect(f.suspectIds).toEqual(['s1']);
      expect(f.evidence).toEqual(['finding:f1']);
      expect(f.origin).toMatchObject({ kind: 'finding', id: 'f1' });
    }
  });

  it('reads accounts run by one controller as abuse of vulnerability, and gives nothing for other rules', () => {
    expect(findingFacts({ id: 'f2', rule: 'sharedContacts' }, []).map((f) => `${f.element}:${f.value}`)).toEqual([
      'means:abuseOfVulnerability',
    ]);
    expect(findingFacts({ id: 'f3', rule: 'structuring' }, ['s1'])).toEqual([]);
  });
});
