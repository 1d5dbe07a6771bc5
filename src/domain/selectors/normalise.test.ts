import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import type { SelectorKind } from '../schema/types.ts';
import * as selectors from './index.ts';
import { isSelectorKind, normaliseSelector, normaliseSelectorOrThrow, SELECTOR_KINDS } from './index.ts';

describe('normaliseSelector', () => {
  it.each<[SelectorKind, string, string, string | undefined]>([
    ['phone', '+371 2612 3456', '+37126123456', undefined],
    ['phone', '26 12 34 56', '+37126123456', 'LV'],
    ['iban', 'lv80 bank 0000 4351 9500 1', 'LV80BANK0000435195001', undefined],
    ['account', '12-34.56 78', '12345678', undefined],
    ['email', ' Anna@Inbox.LV ', 'anna@inbox.lv', undefined],
    ['plate', 'abc-123', 'ABC123', undefined],
    ['document', 'lv 123/456-7', 'LV1234567', undefined],
    ['name', 'Янис Берзиньш', 'berzins janis', undefined],
  ])('%s %j → %j', (kind, raw, expected, defaultCountry) => {
    expect(normaliseSelector(kind, raw, defaultCountry ? { defaultCountry } : {})).toEqual({
      ok: true,
      value: expected,
    });
  });

  it('fails every kind on empty input, with a reason', () => {
    for (const kind of SELECTOR_KINDS) {
      const r = normaliseSelector(kind, '   ');
      expect(r.ok, kind).toBe(false);
      if (!r.ok) expect(r.reason.length, kind).toBeGreaterThan(0);
    }
  });

  it('fails a name with nothing left after folding', () => {
    expect(normaliseSelector('name', '— , ! —')).toEqual({ ok: false, reason: 'name has no letters or digits' });
  });

  it('is idempotent for every kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SELECTOR_KINDS),
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })),
        (kind, raw) => {
          const r = normaliseSelector(kind, raw);
          if (r.ok) expect(normaliseSelector(kind, r.value)).toEqual(r);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseSelectorOrThrow', () => {
  it('returns the normalised value', () => {
    expect(normaliseSelectorOrThrow('plate', 'abc 123', 'properties.plate[0]')).toBe('ABC123');
  });

  it('throws invalid_selector naming the field', () => {
    try {
      normaliseSelectorOrThrow('iban', 'LV81 BANK 0000 4351 9500 1', 'properties.iban[0]');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('invalid_selector');
      expect(err.status).toBe(400);
      expect(err.path).toBe('properties.iban[0]');
      expect(err.message).toMatch(/^Invalid iban: bad IBAN checksum/);
    }
  });
});

describe('selector kinds', () => {
  it('recognises exactly the selector kinds', () => {
    expect(SELECTOR_KINDS.every(isSelectorKind)).toBe(true);
    expect(isSelectorKind('url')).toBe(false);
  });

  it('exports the public API from index.ts', () => {
    for (const name of [
      'normaliseSelector',
      'normaliseSelectorOrThrow',
      'normalisePhone',
      'normaliseIban',
      'normaliseAccount',
      'normaliseEmail',
      'normalisePlate',
      'normaliseDocument',
      'nameKey',
      'nameTokens',
      'foldText',
    ] as const) {
      expect(typeof selectors[name]).toBe('function');
    }
  });
});
