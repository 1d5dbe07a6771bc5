import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldHomoglyphs, normaliseAccount, normaliseDocument, normalisePlate } from './identifiers.ts';
import type { SelectorResult } from './result.ts';

const valueOf = (r: SelectorResult): string | undefined => (r.ok ? r.value : undefined);

/** Inserts random separators between the characters of `s`. */
const withSeparators = (s: string, seps: readonly string[]) =>
  fc
    .array(fc.constantFrom('', ...seps), { minLength: s.length, maxLength: s.length })
    .map((picked) => [...s].map((c, i) => c + (i < s.length - 1 ? (picked[i] ?? '') : '')).join(''));

const alnum = fc.stringMatching(/^[A-Z0-9]{4,12}$/);

describe('normaliseAccount', () => {
  it.each([
    ['12-34.56 78', '12345678'],
    ['40817 810 0 9999 1234567', '40817810099991234567'],
    ['19-2000145399/0800', '192000145399/0800'],
    ['lv80 bank 0000 4351 9500 1', 'LV80BANK0000435195001'],
    ['０１２３４', '01234'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseAccount(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '  ', 'a-b', '1.2.3', '--//--'])('rejects %j', (raw) => {
    expect(normaliseAccount(raw).ok).toBe(false);
  });

  it('ignores spaces, dashes, dots and case', () => {
    fc.assert(
      fc.property(
        alnum.chain((a) => withSeparators(a, [' ', '-', '.', ' - ']).map((w) => [a, w] as const)),
        ([a, w]) => {
          expect(valueOf(normaliseAccount(w.toLowerCase()))).toBe(a);
        },
      ),
    );
  });
});

describe('normalisePlate', () => {
  it.each([
    ['abc-123', 'ABC123'],
    ['ABC 123', 'ABC123'],
    ['AB-1234', 'AB1234'],
    ['123 ABC', '123ABC'],
    ['M-AB 1234', 'MAB1234'],
    ['ÖHR·12', 'OHR12'],
    ['Šč 12-Ž', 'SC12Z'],
    // Cyrillic plate letters are Latin lookalikes: the same plate on either keyboard.
    ['АВ 1234 ВХ', 'AB1234BX'],
    ['ав 1234 вх', 'AB1234BX'],
    // Greek plates likewise.
    ['ΙΚΖ-1234', 'IKZ1234'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePlate(raw)).toEqual({ ok: true, value: expected });
  });

  it('folds the same plate written differently to one value', () => {
    expect(valueOf(normalisePlate('abc-123'))).toBe(valueOf(normalisePlate('ABC 123')));
  });

  it.each([
    ['', /empty/],
    ['ABC 123 (LV)', /only contain/],
    ['A', /at least 2/],
  ])('rejects %j', (raw, reason) => {
    const r = normalisePlate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('ignores spaces, dashes and case', () => {
    fc.assert(
      fc.property(
        alnum.chain((a) => withSeparators(a, [' ', '-', ' - ', '\u2013']).map((w) => [a, w] as const)),
        ([a, w]) => {
          expect(valueOf(normalisePlate(w))).toBe(a);
          expect(valueOf(normalisePlate(w.toLowerCase()))).toBe(a);
        },
      ),
    );
  });
});

describe('normaliseDocument', () => {
  it.each([
    ['lv 1234567', 'LV1234567'],
    ['AB 123/456-7', 'AB1234567'],
    ['L898902C<', 'L898902C'],
    ['№ 123456', '123456'],
    ['# 12.34.56', '123456'],
    ['ЕН 123456', 'EH123456'],
    ['ЮА 123456', 'ЮA123456'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseDocument(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['', ' / - ', 'X', 'AB(12)'])('rejects %j', (raw) => {
    expect(normaliseDocument(raw).ok).toBe(false);
  });

  it('ignores spaces, dashes, slashes and case', () => {
    fc.assert(
      fc.property(
        alnum.chain((a) => withSeparators(a, [' ', '-', '/', ' / ']).map((w) => [a, w] as const)),
        ([a, w]) => {
          expect(valueOf(normaliseDocument(w.toLowerCase()))).toBe(a);
        },
      ),
    );
  });
});

describe('foldHomoglyphs', () => {
  it('maps only letters that look Latin', () => {
    expect(foldHomoglyphs('АВЕКМНОРСТУХ')).toBe('ABEKMHOPCTYX');
    expect(foldHomoglyphs('БГДЖЗ')).toBe('БГДЖЗ');
  });
});

describe('identifier normalisers', () => {
  const normalisers = [normaliseAccount, normalisePlate, normaliseDocument];

  it('are idempotent on any input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...normalisers),
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), alnum),
        (normalise, raw) => {
          const v = valueOf(normalise(raw));
          if (v !== undefined) expect(valueOf(normalise(v))).toBe(v);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
