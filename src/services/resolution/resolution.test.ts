/**
 * The resolution queue on a case of generated persons with hard duplicates (src/demo/
 * population.ts), on both databases: the case is read in pages by id, every person once, and the
 * queue is what the domain's findCandidates makes of the same records (one code path, the one
 * the bench measures); the generator's truth grades it here, never in the service.
 */
import { expect } from 'vitest';
import { personPopulation } from '../../demo/index.ts';
import type { EntityRecord } from '../../domain/records.ts';
import { findCandidates, precisionRecall, resolutionRecords } from '../../domain/resolution/index.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testActor } from '../../../test/support/api.ts';
import { resolvableRowPages } from '../../store/repos/resolution/decisions.ts';
import type { Actor } from '../access/actor.ts';
import { resolveCaseAccess } from '../access/policy.ts';
import { createCase } from '../cases/cases.ts';
import { writeEntities } from '../entities/entities.ts';
import { resolutionCandidates } from './resolution.ts';

const persons: EntityRecord[] = [];
const truth: Array<[string, string]> = [];
for (const item of personPopulation({ seed: 17, persons: 600 })) {
  if (item.kind === 'person') persons.push(item.record);
  else truth.push([item.duplicate.canonicalId, item.duplicate.duplicateId]);
}

describeEachDialect('resolution of a case of generated persons', ({ store }) => {
  let caseId = '';
  let actor: Actor;
  const ids = new Map<string, string>();
  beforeAllWithStore(store, async (s) => {
    actor = await testActor(s, 'resolution-population', 'investigator');
    caseId = (await createCase(s, actor, { title: 'Population', country: 'FI' })).id;
    const written = await writeEntities(
      s,
      actor,
      caseId,
      persons.map((p) => ({ schema: p.schema, properties: p.properties })),
    );
    persons.forEach((p, i) => ids.set(written[i] ?? '', p.id));
  });

  itDb('reads the case in pages by id, each person once', async () => {
    const pages: string[][] = [];
    for await (const page of resolvableRowPages(store().scope(caseId), ['Person'], 64))
      pages.push(page.map((r) => r.id));
    expect(pages.every((p) => p.length <= 64)).toBe(true);
    const all = pages.flat();
    expect(all.length).toBe(persons.length);
    expect([...all].sort()).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });

  itDb('queues what the domain finds, and finds the hard duplicates', async () => {
    const access = await resolveCaseAccess(store(), actor, caseId);
    if (!access) throw new Error('no access');
    const queue = await resolutionCandidates(store(), access, {
      schema: 'Person',
      threshold: 0.5,
      limit: 100_000,
      decided: false,
    });
    const found = queue.candidates.map((c) => [ids.get(c.a.id) ?? '', ids.get(c.b.id) ?? ''] as const);
    const direct = findCandidates(resolutionRecords(persons, 'FI')).map((c) => [c.a, c.b] as const);
    const key = ([a, b]: readonly [string, string]) => (a < b ? `${a} ${b}` : `${b} ${a}`);
    expect(found.map(key).sort()).toEqual(direct.map(key).sort());
    const pr = precisionRecall(found, truth);
    expect(pr.precision).toBeGreaterThanOrEqual(0.95);
    expect(pr.recall).toBeGreaterThanOrEqual(0.9);
  });
});
