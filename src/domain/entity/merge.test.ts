import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unionProperties } from './merge.ts';

describe('unionProperties', () => {
  it('adds new values after the existing ones and reports no change when nothing is new', () => {
    expect(unionProperties({ number: ['+37126123456'] }, { number: ['+37126123456'], carrier: ['LMT'] })).toEqual({
      number: ['+37126123456'],
      carrier: ['LMT'],
    });
    expect(unionProperties({ number: ['a', 'b'] }, { number: ['b'] })).toBeUndefined();
  });

  it('is idempotent: merging the result again changes nothing', () => {
    const props = fc.dictionary(
      fc.constantFrom('name', 'phone', 'notes'),
      fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(props, props, (a, b) => {
        const merged = unionProperties(a, b) ?? a;
        expect(unionProperties(merged, b)).toBeUndefined();
        expect(unionProperties(merged, a)).toBeUndefined();
      }),
    );
  });
});
