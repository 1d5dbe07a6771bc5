/**
 * An agency's list as CSV: random valid lists come back item for item; a bad value anywhere is
 * refused naming its line and column; the header must have the required columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELPHI_2009 } from '../../domain/indicators/index.ts';
import { isAppError } from '../../shared/errors.ts';
import { catalogueFromCsv } from './catalogueCsv.ts';

const HEADER = 'list,population,exploitation,dimension,rating,id,text_en,text_lv,source,verification';
const dims = DELPHI_2009.dimensions.map((d) => d.id);
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

const row = fc.record({
  dimension: fc.constantFrom(...dims),
  rating: fc.constantFrom('strong', 'medium', 'weak'),
  text: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0 && !/[\r\n]/.test(s)),
  lv: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && !/[\r\n]/.test(s)),
  verified: fc.boolean(),
});

async function failure(csv: string): Promise<string | undefined> {
  try {
    await catalogueFromCsv(csv, DELPHI_2009);
  } catch (e) {
    if (isAppError(e)) return e.path;
    throw e;
  }
  return undefined;
}

describe('catalogue CSV', () => {
  it('reads random valid lists item for item, quotes and commas included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
        const lines = rows.map((r, i) =>
          [
            'adult-labour',
            'adult',
            'labour',
            r.dimension,
            r.rating,
            `item.${i}`,
            q(r.text),
            q(r.lv),
            'National list',
            r.verified ? 'verified' : 'unverified',
          ].join(','),
        );
        const c = await catalogueFromCsv(`${HEADER}\n${lines.join('\n')}\n`, DELPHI_2009);
        const items = c.lists[0]?.items ?? [];
        expect(items).toHaveLength(rows.length);
        rows.forEach((r, i) => {
          expect(items[i]).toMatchObject({
            id: `item.${i}`,
            dimension: r.dimension,
            rating: r.rating,
            text: { en: r.text.trim(), lv: r.lv.trim() },
            verification: r.verified ? 'verified' : 'unverified',
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('names the line and column of a bad value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom('rating', 'dimension', 'verification', 'population'),
        async (rows, at, column) => {
          const bad = at % rows.length;
          const lines = rows.map((r, i) => {
            const v: Record<string, string> = {
              population: 'adult',
              dimension: r.dimension,
              rating: r.rating,
              verification: 'unverified',
            };
            if (i === bad) v[column] = 'nonsense';
            return [
              'adult-labour',
              v['population'],
              'labour',
              v['dimension'],
              v['rating'],
              `item.${i}`,
              q(r.text),
              q(r.lv),
              'src',
              v['verification'],
            ].join(',');
          });
          expect(await failure(`${HEADER}\n${lines.join('\n')}\n`)).toBe(`line ${bad + 2}, column ${column}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a header without the required columns, an empty file and a duplicate id', async () => {
    expect(await failure('list,id,text_en\nx,y,z\n')).toBe('line 1');
    expect(await failure(`${HEADER}\n`)).toBe('line 2');
    const dup = `${HEADER}\nl,adult,labour,exploitativeConditions,strong,a,A,,s,verified\nl,adult,labour,exploitativeConditions,weak,a,B,,s,verified\n`;
    expect(await failure(dup)).toBe('line 3, column id');
  });
});
