import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './fold.ts';
import { nameMatcher, nameMatches, queryWords } from './match.ts';

describe('nameMatches', () => {
  it('finds Artūrs Grīnbergs from the spellings a user types', () => {
    for (const q of ['Arturs Grinbergs', 'Артурс Гринбергс', 'grinbergs arturs', 'GRĪNB art', 'Grinbergs'])
      expect(nameMatches(q, 'Artūrs Grīnbergs'), q).toBe(true);
  });

  it('finds a person by an alias written with a digraph', () => {
    expect(nameMatches('Ozolinsh', 'Artūrs Grīnbergs', 'Ozoliņš')).toBe(true);
    expect(nameMatches('Ozolinsh', 'Artūrs Grīnbergs')).toBe(false);
  });

  it('needs every query word', () => {
    expect(nameMatches('Arturs Ozols', 'Artūrs Grīnbergs')).toBe(false);
    expect(nameMatches('nbergs', 'Artūrs Grīnbergs')).toBe(true); // a literal part of the name
    expect(nameMatches('rinbergs', 'Arturs Grinbergs'.toUpperCase())).toBe(true);
    expect(nameMatches('Гринберг', 'Petrs Ozols')).toBe(false);
  });

  it('finds digits inside a number literally', () => {
    expect(nameMatches('2912', '+371 29123456')).toBe(true);
    expect(nameMatches('2913', '+371 29123456')).toBe(false);
  });

  it('matches everything on an empty query and nothing on punctuation alone', () => {
    expect(nameMatches('  ', 'anything')).toBe(true);
    expect(nameMatches('--', 'Artūrs Grīnbergs')).toBe(false);
    expect(queryWords('--')).toEqual([]);
  });
});

/** Letters whose folding is one letter and starts no spelling rule (no c, h, i, j, t, x, y, w, z). */
const latvianLetters = [...'bdfgklmnprvsaeouāēūōšņļķģ'];
const word = fc
  .array(fc.constantFrom(...latvianLetters), { minLength: 2, maxLength: 9 })
  .map((cs) => cs.join(''));
const name = fc.array(word, { minLength: 1, maxLength: 3 });
const strip = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

/** Cyrillic letters with their Latvian spelling (one letter each). */
const cyrillicToLatvian: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  у: 'u', ф: 'f', ш: 'š', э: 'e',
};
const cyrillicWord = fc
  .array(fc.constantFrom(...Object.keys(cyrillicToLatvian)), { minLength: 2, maxLength: 9 })
  .map((cs) => cs.join(''));
const toLatvian = (w: string) => [...w].map((c) => cyrillicToLatvian[c] ?? c).join('');
const toEnglish = (w: string) => toLatvian(w).replace(/š/g, 'sh');

describe('nameMatches, properties', () => {
  it('a name matches itself without diacritics, in capitals and in any word order', () => {
    fc.assert(
      fc.property(
        name.chain((ws) => fc.shuffledSubarray(ws, { minLength: ws.length }).map((s) => [ws, s] as const)),
        ([ws, shuffled]) => {
          const original = ws.join(' ');
          const typed = strip(shuffled.join(' ')).toUpperCase();
          expect(nameMatches(typed, original)).toBe(true);
          expect(nameMatches(original, typed)).toBe(true);
        },
      ),
    );
  });

  it('the beginnings of the folded words of a name match it, in any order', () => {
    fc.assert(
      fc.property(name, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (ws, cuts) => {
        const folded = foldText(ws.join(' ')).split(' ');
        const prefixes = folded.map((w, i) => w.slice(0, 1 + ((cuts[i] ?? 0) % w.length))).reverse();
        expect(nameMatches(prefixes.join(' '), ws.join(' '))).toBe(true);
      }),
    );
  });

  it('a Cyrillic name matches its Latvian and English spellings both ways', () => {
    fc.assert(
      fc.property(fc.array(cyrillicWord, { minLength: 1, maxLength: 3 }), (ws) => {
        const cyr = ws.join(' ');
        for (const latin of [ws.map(toLatvian).join(' '), ws.map(toEnglish).join(' ')]) {
          expect(nameMatches(cyr, latin), `${cyr} / ${latin}`).toBe(true);
          expect(nameMatches(latin, cyr), `${latin} / ${cyr}`).toBe(true);
        }
      }),
    );
  });

  it('a query word beginning no word of the text does not match', () => {
    fc.assert(
      fc.property(name, (ws) => {
        const text = ws.join(' ');
        // Digits never come out of folding letters, so this word begins no word of the text.
        expect(nameMatches(`${ws[0] ?? ''} 9${text.length}9`, text)).toBe(false);
      }),
    );
  });

  it('matching is the same for a matcher reused across texts', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const m = nameMatcher(a.join(' '));
        expect(m(b.join(' '))).toBe(nameMatches(a.join(' '), b.join(' ')));
      }),
    );
  });
});
