/** `elect training library --tag`: tags as facet:value or a bare value, refused by name when wrong. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACET_NAMES, FACETS } from '../../shared/contracts/training.ts';
import { AppError } from '../../shared/errors.ts';
import { listPractices } from '../../services/training/library.ts';
import { libraryFilter } from './library.ts';

const facetValue = fc
  .constantFrom(...FACET_NAMES)
  .chain((f) => fc.tuple(fc.constant(f), fc.constantFrom(...(FACETS[f] as readonly string[]))));

describe('elect training library --tag', () => {
  it('reads facet:value and a bare value alike (property)', () => {
    fc.assert(
      fc.property(facetValue, ([facet, value]) => {
        expect(libraryFilter([`${facet}:${value}`], undefined)).toEqual({ [facet]: value });
        expect(libraryFilter([value], undefined)).toEqual({ [facet]: value });
      }),
    );
  });

  it('combines tags of different facets with the words, and finds what the API finds', () => {
    const filter = libraryFilter(['country:LV', 'wage-kick-backs'], 'kick-backs');
    expect(filter).toEqual({ country: 'LV', scheme: 'wage-kick-backs', q: 'kick-backs' });
    expect(listPractices(filter, 'en').entries[0]?.id).toBe('wage-kick-backs');
  });

  it('refuses an unknown tag or facet, or two values of one facet, naming --tag', () => {
    for (const bad of [['pyramid-selling'], ['colour:red'], ['scheme:pyramid-selling'], ['country:FI', 'country:EE']]) {
      let err: unknown;
      try {
        libraryFilter(bad, undefined);
      } catch (e) {
        err = e;
      }
      expect(err, bad.join(' ')).toBeInstanceOf(AppError);
      expect((err as AppError).path, bad.join(' ')).toBe('--tag');
    }
  });
});
