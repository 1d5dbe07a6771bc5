import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey } from './address.ts';

describe('addressKey', () => {
  it.each([
    ['Brīvības iela 12-3, Rīga', 'BRIVIBAS IE. 12 - 3 RIGA'],
    ['Brīvības iela 12', 'brivibas  ie 12'],
    ['Hämeenkatu 5 A', 'Hämeenk. 5a'],
    ['Mannerheimintie 10 A 5', 'Mannerheimint. 10a, as. 5'],
    ['Pärnu maantee 22', 'Pärnu mnt 22'],
    ['Tööstuse tänav 3', 'Tööstuse tn. 3'],
    ['Gedimino prospektas 1', 'Gedimino pr. 1'],
    ['Vilniaus gatvė 5', 'Vilniaus g. 5'],
    ['улица Ленина 5', 'ул. Ленина, д. 5'],
    ['Main Street No. 4', 'main st 4'],
  ])('%s = %s', (a, b) => {
    expect(addressKey(a)).toBe(addressKey(b));
  });

  it.each([
    ['Brīvības iela 12', 'Brīvības iela 21'],
    ['Hämeenkatu 5 A', 'Hämeenkatu 5 B'],
    ['Pärnu mnt 22', 'Tartu mnt 22'],
  ])('%s ≠ %s', (a, b) => {
    expect(addressKey(a)).not.toBe(addressKey(b));
  });

  it('is blind to case, spacing and punctuation between words, and idempotent', () => {
    const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüĀāĒēĪīŠšŽž0-9]{1,8}\.?$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(' ');
        const key = addressKey(text);
        expect(addressKey(text.toUpperCase())).toBe(addressKey(text.toLowerCase()));
        expect(addressKey(words.join(' ,  '))).toBe(key);
        expect(addressKey(key)).toBe(addressKey(addressKey(key)));
      }),
    );
  });
});
