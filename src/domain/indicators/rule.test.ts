/**
 * Worked examples of the Delphi decision rule on each of the four lists, positive and negative,
 * with the edges of the dimension rule (2 medium + 1 weak positive, 2 medium alone negative,
 * 1 strong alone negative) and children, for whom an act plus exploitation is enough.
 */
import { describe, expect, it } from 'vitest';
import { Catalogue, findList } from './catalogue.ts';
import { DELPHI_2009 } from './delphi2009.ts';
import { BUILT_IN_CATALOGUES } from './index.ts';
import { evaluate } from './rule.ts';
import type { Decision } from './rule.ts';

const run = (
  listId: string,
  itemIds: string[],
  population: 'adult' | 'child' = 'adult',
  acts: ('recruitment' | 'harbouring')[] = [],
): Decision => evaluate({ catalogue: DELPHI_2009, listId, population, itemIds, acts });
const dim = (d: Decision, id: string) => d.dimensions.find((x) => x.id === id);

describe('the built-in catalogues', () => {
  it('validate against the catalogue schema an import must pass', () => {
    for (const c of BUILT_IN_CATALOGUES) expect(Catalogue.safeParse(c).success, c.key).toBe(true);
  });
  it('rate every Delphi item and mark the ones not checked against the publication', () => {
    for (const l of DELPHI_2009.lists) {
      for (const it of l.items) {
        expect(it.rating, it.id).toBeDefined();
        expect(it.verification).toBe('unverified');
        expect(it.text.lv, it.id).toBeTruthy();
      }
      const dims = new Set(l.items.map((i) => i.dimension));
      expect(dims.size, l.id).toBe(6);
    }
  });
});

describe('adult labour exploitation', () => {
  const positive = [
    'dr.natureOfJob',
    'dr.wages',
    'ec.badLiving',
    'ec.lowPay',
    'ec.socialProtection',
    'cd.debt',
    'cd.withholdingWages',
  ];
  it('is a presumed victim with recruitment, exploitation and coercion positive, and says why', () => {
    const d = run('adult-labour', positive);
    expect(d.outcome).toBe('presumedVictim');
    expect(d.explanation).toContain('deceptive recruitment positive by 1 strong + 1 medium');
    expect(d.explanation).toContain('exploitative conditions positive by 3 medium');
    expect(d.explanation).toContain('coercion at destination positive by 1 strong + 1 medium');
    expect(d.missing).toEqual([]);
    expect(d.nextSteps.map((s) => s.id)).toEqual(
      expect.arrayContaining(['victimAssistance', 'reflectionPeriod', 'financialInvestigation', 'labourInspection']),
    );
  });
  it('is not established without coercion at destination, and names what is missing', () => {
    const d = run(
      'adult-labour',
      positive.filter((i) => !i.startsWith('cd.')),
    );
    expect(d.outcome).toBe('notEstablished');
    expect(d.missing.map((m) => m.condition)).toEqual(['coercion']);
    expect(d.nextSteps.map((s) => s.id)).toContain('gatherEvidence');
    expect(d.nextSteps.map((s) => s.id)).not.toContain('victimAssistance');
  });
  it('counts 2 medium + 1 weak as positive', () => {
    const d = run('adult-labour', ['ec.badLiving', 'ec.lowPay', 'ec.education']);
    expect(dim(d, 'exploitativeConditions')?.positive).toBe(true);
    expect(dim(d, 'exploitativeConditions')?.by).toMatchObject({ medium: 2, weak: 1 });
  });
  it('counts 2 medium alone as negative, one more indicator of any strength short', () => {
    const d = run('adult-labour', ['ec.badLiving', 'ec.lowPay']);
    const ec = dim(d, 'exploitativeConditions');
    expect(ec?.positive).toBe(false);
    expect(ec?.shortfall).toEqual(
      expect.arrayContaining([
        { strong: 1, medium: 0, weak: 0, mediumOrWeak: 0 },
        { strong: 0, medium: 1, weak: 0, mediumOrWeak: 0 },
        { strong: 0, medium: 0, weak: 1, mediumOrWeak: 0 },
      ]),
    );
  });
  it('counts 1 strong alone as negative and 1 strong + 1 weak as positive', () => {
    expect(dim(run('adult-labour', ['ec.excessiveHours']), 'exploitativeConditions')?.positive).toBe(false);
    expect(dim(run('adult-labour', ['ec.excessiveHours', 'ec.education']), 'exploitativeConditions')?.positive).toBe(
      true,
    );
    expect(dim(run('adult-labour', ['cd.debt', 'cd.isolation']), 'coercionAtDestination')?.positive).toBe(true);
  });
  it('does not count 1 medium + 2 weak', () => {
    expect(
      dim(run('adult-labour', ['rav.economic', 'rav.personalSituation']), 'recruitmentByAbuseOfVulnerability')
        ?.positive,
    ).toBe(false);
  });
  it('does not make the same indicator count twice', () => {
    expect(
      dim(run('adult-labour', ['ec.badLiving', 'ec.badLiving', 'ec.badLiving']), 'exploitativeConditions')?.counts
        .medium,
    ).toBe(1);
  });
});

describe('adult sexual exploitation', () => {
  it('is a presumed victim through recruitment by abuse of vulnerability (3 medium)', () => {
    const d = run('adult-sexual', [
      'rav.economic',
      'rav.emotionalDependency',
      'rav.lackOfInformation',
      'ec.excessiveHours',
      'ec.lowPay',
      'cd.isolation',
      'cd.withholdingWages',
    ]);
    expect(d.outcome).toBe('presumedVictim');
    expect(d.explanation).toContain('recruitment by abuse of vulnerability positive by 3 medium');
  });
  it('is not established when recruitment has only 2 medium', () => {
    const d = run('adult-sexual', [
      'rav.economic',
      'rav.emotionalDependency',
      'ec.excessiveHours',
      'ec.lowPay',
      'cd.isolation',
      'cd.withholdingWages',
    ]);
    expect(d.outcome).toBe('notEstablished');
    expect(d.missing[0]?.condition).toBe('recruitment');
    expect(d.explanation).toMatch(/recruitment by abuse of vulnerability has 2 medium, needs .*1 medium/);
  });
  it('does not know items from the labour list only', () => {
    expect(run('adult-sexual', ['ec.hazardous']).unknownItems).toEqual(['ec.hazardous']);
  });
});

describe('children: means not required', () => {
  it('child labour: a recorded act plus positive exploitation is enough, with no means at all', () => {
    const d = run('child-labour', ['ec.excessiveHours', 'ec.tooYoung'], 'child', ['recruitment']);
    expect(d.outcome).toBe('presumedVictim');
    expect(d.meansRequired).toBe(false);
    expect(d.explanation).toContain('means not required');
    expect(d.nextSteps.map((s) => s.id)).toContain('childProtection');
  });
  it('child labour: exploitation without any recorded act is not enough', () => {
    const d = run('child-labour', ['ec.excessiveHours', 'ec.tooYoung'], 'child');
    expect(d.outcome).toBe('notEstablished');
    expect(d.missing).toEqual([{ condition: 'act', act: true, dimensions: [] }]);
  });
  it('child sexual: act plus 2 medium + 1 weak exploitation is positive, 2 medium alone is not', () => {
    expect(
      run('child-sexual', ['ec.badLiving', 'ec.noChoice', 'ec.excessiveHours'], 'child', ['harbouring']).outcome,
    ).toBe('presumedVictim');
    expect(run('child-sexual', ['ec.badLiving', 'ec.noChoice'], 'child', ['harbouring']).outcome).toBe(
      'notEstablished',
    );
  });
  it('the same facts for an adult need the means', () => {
    expect(run('adult-labour', ['ec.excessiveHours', 'ec.lowPay'], 'adult', ['recruitment']).outcome).toBe(
      'notEstablished',
    );
  });
  it('each list exists for its population', () => {
    for (const id of ['adult-labour', 'adult-sexual', 'child-labour', 'child-sexual'])
      expect(findList(DELPHI_2009, id)).toBeDefined();
  });
});
