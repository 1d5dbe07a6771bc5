/**
 * The ground truth of a generated case, for tests: no table holds it, so it is regenerated from
 * the recipe the case's own ids carry (`demo-<seed>-c<cell>-…`: the seed, and the cells up to
 * the highest). Same shape as the rows the ground-truth table once returned, one per cell.
 */
import { canonicalJson, groundTruthPartSchema, scenarioStream } from '../../src/demo/index.ts';
import type { GroundTruthPart } from '../../src/demo/index.ts';
import type { CaseScope } from '../../src/store/caseScope.ts';

/** The seed and scale of a generated case, read from its entity ids. */
export async function demoRecipe(scope: CaseScope): Promise<{ seed: number; scale: number }> {
  const rows = await scope.selectFrom('entities').select('id').where('id', 'like', 'demo-%').execute();
  let seed: number | null = null;
  let cells = 0;
  for (const r of rows) {
    const m = /^demo-(\d+)-c(\d+)-/.exec(r.id);
    if (!m) continue;
    seed = Number(m[1]);
    cells = Math.max(cells, Number(m[2]) + 1);
  }
  if (seed === null) throw new Error('not a generated case: no demo-<seed>-c<cell> ids');
  return { seed, scale: cells };
}

export function truthParts(opts: { seed: number; scale: number }): GroundTruthPart[] {
  const out: GroundTruthPart[] = [];
  for (const item of scenarioStream(opts)) if (item.kind === 'truth') out.push(item.part);
  return out;
}

/** Per generator cell, its truth part as canonical JSON (`content`). */
export async function listGroundTruthParts(
  scope: CaseScope,
): Promise<{ part: number; generator: string; content: string }[]> {
  return truthParts(await demoRecipe(scope)).map((p, i) => ({
    part: i,
    generator: 'elect-thb-demo',
    content: canonicalJson(groundTruthPartSchema.parse(p)),
  }));
}
