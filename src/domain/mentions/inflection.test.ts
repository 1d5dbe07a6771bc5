import { describe, expect, it } from 'vitest';
import { foldText } from '../../shared/names/index.ts';
import { inflectedForms } from './inflection.ts';
import { findNames, nameIndex } from './names.ts';

const has = (base: string, lang: Parameters<typeof inflectedForms>[1], ...forms: string[]) => {
  const all = inflectedForms(base, lang);
  for (const f of forms) expect(all.has(foldText(f)), `${base} → ${f}`).toBe(true);
};

describe('inflected forms of names', () => {
  it('Latvian: II declension with consonant alternation, I declension, feminine -a and -e', () => {
    has('Jānis', ['lv'], 'Jānis', 'Jāņa', 'Jānim', 'Jāni');
    has('Valdis', ['lv'], 'Valža', 'Valdim');
    has('Bērziņš', ['lv'], 'Bērziņa', 'Bērziņam', 'Bērziņu', 'Bērziņā');
    has('Kalns', ['lv'], 'Kalna', 'Kalnam');
    has('Anna', ['lv'], 'Annas', 'Annai', 'Annu');
    has('Alise', ['lv'], 'Alises', 'Alisei');
  });

  it('Lithuanian: -as, -is, -us, -a and -ė paradigms', () => {
    has('Jonas', ['lt'], 'Jono', 'Jonui', 'Joną', 'Jonai');
    has('Kazlauskas', ['lt'], 'Kazlausko', 'Kazlauskui');
    has('Kazlauskienė', ['lt'], 'Kazlauskienės', 'Kazlauskienei', 'Kazlauskienę');
    has('Paulius', ['lt'], 'Pauliaus', 'Pauliui');
    has('Rūta', ['lt'], 'Rūtos', 'Rūtai');
  });

  it('Estonian: case endings on the genitive stem, stem vowel and weak grade', () => {
    has('Mari', ['et'], 'Marile', 'Mariga', 'Marit', 'Maril');
    has('Tamm', ['et'], 'Tamme', 'Tammele', 'Tammega');
    has('Mart', ['et'], 'Mardi', 'Mardile', 'Mardiga');
    has('Peeter', ['et'], 'Peetri', 'Peetrile');
    has('Rebane', ['et'], 'Rebase', 'Rebasele', 'Rebasega');
    has('Margus', ['et'], 'Marguse', 'Margusele');
  });

  it('Finnish: -nen names, gradation of vowel-final names, -e names', () => {
    has('Virtanen', ['fi'], 'Virtasen', 'Virtaselle', 'Virtasta', 'Virtasella', 'Virtaseen');
    has('Matti', ['fi'], 'Matin', 'Matille', 'Mattia', 'Mattiin');
    has('Pekka', ['fi'], 'Pekan', 'Pekalle', 'Pekkaa');
    has('Laine', ['fi'], 'Laineen', 'Lainetta', 'Laineelle');
  });

  it('keeps each language to its own rules', () => {
    expect(inflectedForms('Virtanen', ['lv']).has('virtasen')).toBe(false);
    expect(inflectedForms('Jānis', ['fi']).has(foldText('Jāņa'))).toBe(false);
  });
});

describe('names of the case in text', () => {
  const index = nameIndex([
    { entityId: 'p1', kind: 'person', names: ['Jānis Bērziņš'] },
    { entityId: 'p2', kind: 'person', names: ['Mikko Virtanen'] },
    { entityId: 'p3', kind: 'person', names: ['Mart Tamm'] },
    { entityId: 'c1', kind: 'company', names: ['Nordic Staffing Oy'] },
  ]);

  it('finds inflected full names in either order, folded and in Cyrillic', () => {
    const found = (t: string) => findNames(t, index).map((n) => [n.entityId, n.raw]);
    expect(found('Samaksa Jāņa Bērziņa kontā')).toEqual([['p1', 'Jāņa Bērziņa']]);
    expect(found('Bērziņam Jānim iedod')).toEqual([['p1', 'Bērziņam Jānim']]);
    expect(found('berzins janis')).toEqual([['p1', 'berzins janis']]);
    expect(found('Позвони Янис Берзиньш')).toEqual([['p1', 'Янис Берзиньш']]);
    expect(found('Soita Mikko Virtaselle huomenna')).toEqual([['p2', 'Mikko Virtaselle']]);
    expect(found('Saada raha Mardile Tammele')).toEqual([['p3', 'Mardile Tammele']]);
    expect(found('Palkka Nordic Staffingilta')).toEqual([['c1', 'Nordic Staffingilta']]);
  });

  it('needs the name words side by side, and more than a given name', () => {
    expect(findNames('Jānis said Bērziņš was late', index)).toEqual([]);
    expect(findNames('Jānis and Mikko', index)).toEqual([]);
    expect(findNames('Jāņa. Bērziņa', index)).toEqual([]);
  });
});

describe('the language of a message', () => {
  it('is told by letters, then by common words', async () => {
    const { guessLanguage } = await import('./language.ts');
    expect(guessLanguage('zvani man rīt')).toBe('lv');
    expect(guessLanguage('helista mulle homme, palun')).toBe('et');
    expect(guessLanguage('Saada raha, mõtle')).toBe('et');
    expect(guessLanguage('soita huomenna, kiitos')).toBe('fi');
    expect(guessLanguage('skambink rytoj, ačiū')).toBe('lt');
    expect(guessLanguage('позвони завтра')).toBe('ru');
    expect(guessLanguage('12345')).toBeNull();
  });
});
