/**
 * On a demo scenario made with a seed never used while writing this code (drawn at random each
 * run, printed for replay; ELECT_FILL_SEED fixes it), assessments filled from the observations
 * the case records mark exactly the ground-truth victims as presumed victims — and none of the
 * confounders who show one or two indicators — each with its explanation. The filling reads the
 * case only; the ground truth is read here, to grade it.
 */
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { groundTruthPartSchema } from '../../demo/index.ts';
import { listGroundTruthParts } from '../../../test/support/demoTruth.ts';
import { fillAssessments, observationsOf } from './fill.ts';
import { observationRows } from '../../store/repos/identification/assessments.ts';
import { assessmentHistory } from './assessments.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { authorizeCase } from '../access/policy.ts';
import { actorOf, addUser } from '../access/users.ts';

const DEV_SEEDS = new Set([20261129, 4242, 7, 11]);
function unseenSeed(): number {
  const fixed = Number(process.env.ELECT_FILL_SEED);
  if (Number.isInteger(fixed) && fixed > 0) return fixed;
  for (;;) {
    const s = 1_000_000 + Math.floor(Math.random() * 4_000_000_000);
    if (!DEV_SEEDS.has(s)) return s;
  }
}

describeEachDialect('assessments filled from recorded observations', ({ store }) => {
  itDb(
    'mark exactly the ground-truth victims as presumed victims, none of the confounders',
    async () => {
      const s = store();
      const seed = unseenSeed();
      console.log(`assessment fill: demo seed ${seed} (ELECT_FILL_SEED=${seed} to replay)`);
      const actor = actorOf(await addUser(s, { username: `fill-${seed}-${Date.now()}`, platformRole: 'investigator' }));
      const { caseId } = await loadDemoCase(s, actor, { seed, scale: 2 });
      const access = await authorizeCase(s, actor, caseId, 'case:victims');
      // The generator's indicator facts came in with the case as observations.
      expect((await observationRows(s.scope(caseId))).length).toBeGreaterThan(0);

      const filled = await fillAssessments(s, actor, access);

      const parts = (await listGroundTruthParts(s.scope(caseId))).map((p) =>
        groundTruthPartSchema.parse(JSON.parse(p.content)),
      );
      const victims = new Set(
        parts
          .flatMap((p) => p.persons)
          .filter(
            (p) => (p.proceduralStatus === 'victim' || p.proceduralStatus === 'presumedVictim') && !p.isDuplicateOf,
          )
          .map((p) => p.id),
      );
      const confounders = new Set(
        parts
          .flatMap((p) => p.confounders)
          .filter((c) => c.kind === 'nonVictimWithIndicators')
          .flatMap((c) => c.entityIds),
      );
      expect(victims.size).toBeGreaterThanOrEqual(18);
      expect(confounders.size).toBeGreaterThan(0);

      const presumed = new Set(filled.assessments.filter((a) => a.outcome === 'presumedVictim').map((a) => a.personId));
      expect([...presumed].sort()).toEqual([...victims].sort());
      for (const id of confounders) {
        const a = filled.assessments.find((x) => x.personId === id);
        expect(a, `confounder ${id} was assessed`).toBeDefined();
        expect(a?.outcome, id).toBe('notEstablished');
        expect(a?.decision.explanation).toMatch(/^not established/);
        expect(a?.decision.missing.length).toBeGreaterThan(0);
      }
      for (const a of filled.assessments.filter((x) => x.outcome === 'presumedVictim')) {
        expect(a.decision.explanation).toMatch(/^presumed victim: .*positive by .*exploitative conditions positive by/);
        expect(a.decision.nextSteps.map((n) => n.id)).toContain('victimAssistance');
        for (const ind of a.indicators) expect(ind.evidence.every((e) => e.kind === 'observation')).toBe(true);
        expect(a.acts.map((x) => x.act)).toContain('recruitment');
      }
      // Both kinds of exploitation were recognised from the case data.
      expect(new Set(filled.assessments.map((a) => a.list))).toEqual(new Set(['adult-labour', 'adult-sexual']));

      // Filling again adds a version; the first stays in the history.
      const one = [...presumed][0] ?? '';
      await fillAssessments(s, actor, access, { persons: [one] });
      const history = await assessmentHistory(s, caseId, one);
      expect(history).toHaveLength(2);
      expect(history[0]?.supersedes).toBe(history[1]?.id);
      expect((await observationsOf(s, caseId, one)).length).toBeGreaterThanOrEqual(3);
    },
    240_000,
  );
});
