import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates } from './candidates.ts';
import { nameEdits, soundForm, wordEdits, wordSlips } from './nameEdits.ts';
import { resolutionRecord, type ResolutionRecord } from './record.ts';
import { scorePair } from './score.ts';

const person = (id: string, props: Record<string, string[]>): ResolutionRecord => {
  const r = resolutionRecord({ id, schema: 'Person', properties: props }, 'FI');
  if (!r) throw new Error('no name');
  return r;
};
const words = (s: string) => person('x', { name: [s] }).names[0] ?? [];

describe('typing errors between names', () => {
  it('counts added, dropped, replaced and swapped letters, a vowel for a vowel as half', () => {
    expect(wordEdits('tamm', 'tammm')).toBe(1);
    expect(wordEdits('maarja', 'maaraj')).toBe(1);
    expect(wordEdits('kivi', 'kovi')).toBe(0.5);
    expect(wordEdits('indrek', 'indnek')).toBe(1);
    expect(wordEdits('andres', 'indrek')).toBe(1.5);
  });

  it('pairs words in any order and refuses a name whose words differ beyond a slip', () => {
    expect(nameEdits(words('Indrek Kivi'), words('Indnek Kovi'))).toBe(1.5);
    expect(nameEdits(words('Kari Mäkelä'), words('Mäkelä Kari'))).toBe(0);
    // Cyrillic written back: Mäkelä → Мэкелэ → mekele.
    expect(nameEdits(words('Anna Mäkelä'), words('Анна Мэкелэ'))).toBe(1);
    // A family: another given name; namesakes' surnames two letters apart.
    expect(nameEdits(words('Andres Kukk'), words('Indrek Kukk'))).toBeNull();
    expect(nameEdits(words('Jukka Salminen'), words('Jukka Salonen'))).toBeNull();
    expect(nameEdits(words('Anna Tamm'), words('Anna Maria Tamm'))).toBeNull();
    // Relatives' names often differ in the first letter, a writer's slips seldom do.
    expect(nameEdits(words('Hanna Mäkinen'), words('Anna Mäkinen'))).toBeNull();
    expect(nameEdits(words('Yana Kovalchuk'), words('Jana Kovalchuk'))).toBe(0);
  });

  it('queues a misspelt name with only the birth date, or only the address, in common', () => {
    const withBirth = scorePair(
      person('a', { name: ['Urmas Luik'], birthDate: ['1974-01-10'], idNumber: ['37401109297'] }),
      person('b', { name: ['Umas Luok'], birthDate: ['1974-01-10'] }),
    );
    expect(withBirth.score).toBeGreaterThanOrEqual(0.5);
    const home = 'Tamme 4, Tartu';
    const withAddress = scorePair(
      person('a', { name: ['Karolina Kamińska'], birthDate: ['1978-08-14'], address: [home] }),
      person('b', { name: ['Karoina Kamińnka'], address: [home] }),
    );
    expect(withAddress.score).toBeGreaterThanOrEqual(0.5);
    expect(withAddress.reasons.find((r) => r.feature === 'address')?.weight).toBe(2.5);
  });

  it('keeps a household apart (another given name, one address and phone), and namesakes born on other days', () => {
    const home = { address: ['Tamme 4, Tartu'], phone: ['+372 5123 4567'] };
    expect(
      scorePair(person('a', { name: ['Hanna Mäkinen'], ...home }), person('b', { name: ['Anna Mäkinen'], ...home }))
        .score,
    ).toBeLessThan(0.5);
    expect(
      scorePair(person('a', { name: ['Andres Kukk'], ...home }), person('b', { name: ['Indrek Kukk'], ...home })).score,
    ).toBeLessThan(0.5);
    expect(
      scorePair(
        person('a', { name: ['Indrek Kivi'], birthDate: ['1990-12-19'] }),
        person('b', { name: ['Indnek Kovi'], birthDate: ['1991-12-19'] }),
      ).score,
    ).toBeLessThan(0.1);
  });

  it('finds such pairs through blocking: errors early in both words, or no birth date but one address', () => {
    const recs = [
      person('a', { name: ['Riikka Salonen'], birthDate: ['1974-09-12'] }),
      person('b', { name: ['Roikka Slonen'], birthDate: ['1974-09-12'] }),
      person('c', { name: ['Maarja Tamm'], address: ['Pikk 1, Tallinn'], birthDate: ['1967-07-30'] }),
      person('d', { name: ['Maaraj Tammm'], address: ['Pikk 1, Tallinn'] }),
    ];
    expect(findCandidates(recs).map((c) => [c.a, c.b])).toEqual(
      expect.arrayContaining([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    );
  });
});

describe('spellings transliteration makes of one letter', () => {
  it('reads Ukrainian г as h or g, and ю for ü, as one letter', () => {
    expect(nameEdits(words('Halyna Hrytsenko'), words('Galyna Grytsenko'))).toBe(0);
    expect(nameEdits(words('Галина Гриценко'), words('Halyna Hrytsenko'))).toBe(0);
    expect(nameEdits(words('Юлле Ребане'), words('Ülle Rebane'))).toBe(0);
    expect(nameEdits(words('Кюллике Ребане'), words('Küllike Rebane'))).toBe(0);
    expect(nameEdits(words('Йэрвинен Юха'), words('Juha Järvinen'))).toBe(0);
    // Another first letter is still another name.
    expect(nameEdits(words('Hanna Mäkinen'), words('Anna Mäkinen'))).toBeNull();
  });

  it('allows a short word its doubled letter, and no other slip', () => {
    expect(nameEdits(words('Sep Tamm'), words('Sepp Tamm'))).toBe(1);
    expect(nameEdits(words('Ot Kask'), words('Ott Kask'))).toBe(1);
    expect(nameEdits(words('Ain Kask'), words('Ann Kask'))).toBeNull();
    expect(nameEdits(words('Sep Tamm'), words('Sip Tamm'))).toBeNull();
  });

  it('pairs "Юлле Ребане" with "Ülle Rebane" of one birth date and no identifier', () => {
    const recs = [
      person('a', { name: ['Ülle Rebane'], birthDate: ['1981-03-02'], idNumber: ['48103020000'] }),
      person('b', { name: ['Юлле Ребане'], birthDate: ['1981-03-02'] }),
    ];
    expect(findCandidates(recs).map((c) => [c.a, c.b])).toEqual([['a', 'b']]);
  });

  const letters = fc.constantFrom(...'abdeghijklmnoprstuvü');
  const word = fc.array(letters, { minLength: 1, maxLength: 9 }).map((cs) => cs.join(''));

  it('is symmetric and finds a word equal to itself', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(wordSlips(a, b)).toBe(wordSlips(b, a));
        expect(wordSlips(a, a)).toBe(0);
      }),
    );
  });

  it('never counts more slips than the written words differ by', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = wordSlips(a, b);
        if (d !== null && soundForm(a) === a && soundForm(b) === b) expect(d).toBe(wordEdits(a, b));
      }),
    );
  });

  it('reads every г of a Ukrainian name alike, whether written h or g', () => {
    // No к, с, т, з before г or х: "kh", "sh", "ts", "zh" are digraphs of other letters (fold.ts).
    const ukr = fc.array(fc.constantFrom(...'аоиулмнргвд'), { minLength: 4, maxLength: 9 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(ukr, (w) => {
        const cyr = words(`${w} Їжак`);
        const asH = words(`${w.replace(/г/g, 'х')} Їжак`);
        expect(nameEdits(cyr, words(`${w} Ижак`))).not.toBeNull();
        expect(nameEdits(cyr, asH)).toBe(0);
      }),
    );
  });
});
