import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../demo/index.ts';
import { answerKey, gradeFindings, perfectFindings } from './exerciseGrading.ts';
import type { ExerciseSpec } from '../../domain/training/schema.ts';

const truth = generateScenario({ seed: 4242, scale: 1 }).groundTruth;
const labour: ExerciseSpec = {
  id: 'posted-workers',
  network: 'labour',
  findings: ['victims', 'letterbox', 'controllerAccount', 'gained'],
  passMark: 60,
  maxSubmissions: 3,
};
const sexual: ExerciseSpec = {
  id: 'follow-the-money',
  network: 'sexual',
  findings: ['controllerAccount', 'letterbox', 'gained'],
  passMark: 60,
  maxSubmissions: 3,
};

describe('grading case exercises against ground truth', () => {
  it('reads the answer key off the ground truth', () => {
    const key = answerKey(truth, labour);
    expect(key.victims.length).toBeGreaterThanOrEqual(3);
    for (const v of key.victims)
      expect(truth.persons.find((p) => p.id === v)?.proceduralStatus).toMatch(/victim|presumedVictim/i);
    expect(key.letterboxes.map((id) => truth.companies.find((c) => c.id === id)?.nature)).toEqual(['letterbox']);
    expect(key.controllerAccounts.length).toBeGreaterThan(0);
    expect(key.gainedEur).toBeGreaterThan(1000);
    expect(answerKey(truth, sexual).letterboxes.map((id) => truth.companies.find((c) => c.id === id)?.nature)).toEqual([
      'staffingFront',
    ]);
  });

  it('gives perfect findings full marks', () => {
    for (const spec of [labour, sexual]) {
      const r = gradeFindings(spec, truth, perfectFindings(spec, truth));
      expect(r.score).toBe(100);
      expect(r.passed).toBe(true);
      expect(r.findings.every((f) => f.verdict === 'correct' && f.points === f.max)).toBe(true);
    }
  });

  it('gives partly wrong findings part of the marks, with feedback on each finding', () => {
    const key = answerKey(truth, labour);
    const bystander = truth.persons.find((p) => p.proceduralStatus === 'none' && !p.isDuplicateOf)?.id ?? '';
    const chainCompany = key.successors[0] ?? '';
    const r = gradeFindings(labour, truth, {
      victims: [...key.victims.slice(0, key.victims.length - 1), bystander], // one victim missed, one bystander named
      letterbox: chainCompany, // a company of the chain, not the letterbox
      controllerAccount: key.controllerAccounts[0], // right
      gained: Math.round(key.gainedEur * 0.75), // 25 % too low
    });
    const by = Object.fromEntries(r.findings.map((f) => [f.finding, f]));
    expect(by.victims?.verdict).toBe('partial');
    expect(by.victims?.code).toBe('victims.some');
    expect(by.victims?.params).toEqual({ found: key.victims.length - 1, total: key.victims.length, wrong: 1 });
    expect(by.victims?.items?.find((i) => i.id === bystander)?.verdict).toBe('notVictim');
    expect(by.victims?.points).toBeCloseTo((25 * (key.victims.length - 2)) / key.victims.length, 0);
    expect(by.letterbox?.verdict).toBe('partial');
    expect(by.letterbox?.code).toBe('company.chain');
    expect(by.controllerAccount?.verdict).toBe('correct');
    expect(by.gained?.code).toBe('gained.near.low');
    expect(by.gained?.params.percent).toBe(25);
    expect(by.gained?.points).toBe(12.5);
    expect(r.score).toBeGreaterThan(25);
    expect(r.score).toBeLessThan(100);
  });

  it('counts a duplicate record of a victim once, and names it as a duplicate', () => {
    const key = answerKey(truth, labour);
    const [dupId, canonical] = Object.entries(key.duplicateOf)[0] ?? [];
    if (!dupId || !canonical) return; // this seed planted no duplicate of a labour victim
    const r = gradeFindings(labour, truth, { victims: [...key.victims, dupId] });
    const v = r.findings.find((f) => f.finding === 'victims');
    expect(v?.verdict).toBe('correct');
    expect(v?.items?.find((i) => i.id === dupId)?.verdict).toBe('duplicate');
  });

  it('scores nothing for findings left out or entirely wrong', () => {
    const r = gradeFindings(labour, truth, {});
    expect(r.score).toBe(0);
    expect(r.findings.map((f) => f.verdict)).toEqual(['missing', 'missing', 'missing', 'missing']);
    const worker = truth.accounts.find((a) => a.nature === 'worker')?.id;
    const w = gradeFindings(labour, truth, {
      controllerAccount: worker,
      gained: answerKey(truth, labour).gainedEur * 3,
    });
    expect(w.findings.find((f) => f.finding === 'controllerAccount')?.code).toBe('account.unrelated');
    expect(w.findings.find((f) => f.finding === 'gained')?.code).toBe('gained.far.high');
  });
});
