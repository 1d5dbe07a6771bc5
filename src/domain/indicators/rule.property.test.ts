/**
 * Properties of the decision engine over random sets of indicators: it agrees with the rule as
 * written in words (../shared/DOMAIN.md §5, restated here independently of the rule's data),
 * more indicators never undo a presumption, and a child never needs the means.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELPHI_2009 } from './delphi2009.ts';
import { evaluate } from './rule.ts';

const LISTS = DELPHI_2009.lists;
const listArb = fc.constantFrom(...LISTS);
const pick = (ids: string[]) => fc.subarray(ids, { maxLength: 14 });

/** "2 S, or 1 S + 1 M/W, or 3 M, or 2 M + 1 W" for one dimension. */
function positiveInWords(s: number, m: number, w: number): boolean {
  return s >= 2 || (s >= 1 && m + w >= 1) || m >= 3 || (m >= 2 && w >= 1);
}

describe('the Delphi engine', () => {
  it('agrees with the rule as written, for adults, on every list', () => {
    fc.assert(
      fc.property(
        listArb.chain((l) => fc.tuple(fc.constant(l), pick(l.items.map((i) => i.id)))),
        ([list, ids]) => {
          const d = evaluate({ catalogue: DELPHI_2009, listId: list.id, population: 'adult', itemIds: ids, acts: [] });
          const pos = (dim: string) => {
            const items = list.items.filter((i) => ids.includes(i.id) && i.dimension === dim);
            const n = (r: string) => items.filter((i) => i.rating === r).length;
            return positiveInWords(n('strong'), n('medium'), n('weak'));
          };
          const expected =
            (pos('deceptiveRecruitment') || pos('coerciveRecruitment') || pos('recruitmentByAbuseOfVulnerability')) &&
            pos('exploitativeConditions') &&
            (pos('coercionAtDestination') || pos('abuseOfVulnerabilityAtDestination'));
          expect(d.outcome).toBe(expected ? 'presumedVictim' : 'notEstablished');
          expect(d.missing.length === 0).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never undoes a presumption when more indicators are recorded', () => {
    fc.assert(
      fc.property(
        listArb.chain((l) => fc.tuple(fc.constant(l), pick(l.items.map((i) => i.id)), pick(l.items.map((i) => i.id)))),
        ([list, a, b]) => {
          const before = evaluate({
            catalogue: DELPHI_2009,
            listId: list.id,
            population: 'adult',
            itemIds: a,
            acts: [],
          });
          const after = evaluate({
            catalogue: DELPHI_2009,
            listId: list.id,
            population: 'adult',
            itemIds: [...a, ...b],
            acts: [],
          });
          if (before.outcome === 'presumedVictim') expect(after.outcome).toBe('presumedVictim');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for a child, decides on an act and exploitation alone, whatever the means', () => {
    const childLists = LISTS.filter((l) => l.population === 'child');
    fc.assert(
      fc.property(
        fc
          .constantFrom(...childLists)
          .chain((l) => fc.tuple(fc.constant(l), pick(l.items.map((i) => i.id)), fc.boolean())),
        ([list, ids, act]) => {
          const d = evaluate({
            catalogue: DELPHI_2009,
            listId: list.id,
            population: 'child',
            itemIds: ids,
            acts: act ? ['recruitment'] : [],
          });
          const ec = d.dimensions.find((x) => x.id === 'exploitativeConditions')?.positive ?? false;
          expect(d.outcome === 'presumedVictim').toBe(act && ec);
        },
      ),
      { numRuns: 300 },
    );
  });
});
