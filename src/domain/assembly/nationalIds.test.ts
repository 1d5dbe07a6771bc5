import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eeCheckDigit, fiCheckCharacter, lvCheckDigit, nationalId } from './nationalIds.ts';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const day = fc.integer({ min: 1, max: 28 });
const month = fc.integer({ min: 1, max: 12 });

describe('national personal ID codes', () => {
  it.each([
    ['37605030299', 'ee', '37605030299'],
    ['131052-308T', 'fi', '131052-308T'],
    ['131052A308T', 'fi', '131052A308T'],
  ])('%s is a valid %s code', (raw, country, code) => {
    expect(nationalId(raw)).toEqual({ country, code });
  });

  it('takes the hinted country where one rule serves two (EE and LT)', () => {
    expect(nationalId('37605030299', ['LT'])).toEqual({ country: 'lt', code: '37605030299' });
  });

  it.each(['37605030298', '131052-308U', '', '12345', '321052-308T'])('refuses %j', (raw) => {
    expect(nationalId(raw)).toBeNull();
  });

  it('accepts every EE code built with its check digit, and none with another digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 99 }),
        month,
        day,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 1, max: 9 }),
        (g, yy, mm, dd, serial, shift) => {
          const ten = `${g}${pad(yy, 2)}${pad(mm, 2)}${pad(dd, 2)}${pad(serial, 3)}`;
          const check = eeCheckDigit(ten);
          expect(nationalId(`${ten}${check}`, ['ee'])?.country).toBe('ee');
          expect(nationalId(`${ten}${(check + shift) % 10}`, ['ee'])?.country).not.toBe('ee');
        },
      ),
    );
  });

  it('accepts every FI code built with its check character, and none with another individual number', () => {
    fc.assert(
      fc.property(day, month, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 2, max: 899 }), (dd, mm, yy, n) => {
        const six = `${pad(dd, 2)}${pad(mm, 2)}${pad(yy, 2)}`;
        const ind = pad(n, 3);
        expect(nationalId(`${six}-${ind}${fiCheckCharacter(six, ind)}`)?.country).toBe('fi');
        expect(nationalId(`${six}-${pad(n + 1, 3)}${fiCheckCharacter(six, ind)}`)?.country).not.toBe('fi');
      }),
    );
  });

  it('accepts LV codes with their check digit and new codes beginning 32', () => {
    const ten = '1201851234';
    expect(nationalId(`120185-1234${lvCheckDigit(ten)}`, ['lv'])).toEqual({
      country: 'lv',
      code: `1201851234${lvCheckDigit(ten)}`,
    });
    expect(nationalId(`120185-1234${(lvCheckDigit(ten) + 1) % 10}`, ['lv'])).toBeNull();
    expect(nationalId('321234-56789', ['lv'])?.country).toBe('lv');
  });
});
