import { describe, expect, it } from 'vitest';
import { currencyExponent, parseLocaleAmount, parseSwiftAmount, parseXmlAmount, type AmountStyle } from './amounts.ts';

const minor = (text: string, style: AmountStyle, currency = 'EUR') => {
  const r = parseLocaleAmount(text, style, currency);
  return r.ok ? r.minor : r.reason;
};
const comma: AmountStyle = { decimal: ',' };
const dot: AmountStyle = { decimal: '.' };

describe('amounts as written in CSV exports', () => {
  it('reads decimal commas with thousands separators', () => {
    expect(minor('1 234,56', comma)).toBe(123456);
    expect(minor('1\u00a0234,56', comma)).toBe(123456);
    expect(minor('1.234,56', comma)).toBe(123456);
    expect(minor('12.345.678,9', comma)).toBe(1234567890);
    expect(minor('-12,5', comma)).toBe(-1250);
    expect(minor(',5', comma)).toBe(50);
    expect(minor('7', comma)).toBe(700);
  });

  it('reads decimal points and the negative notations', () => {
    expect(minor('(12.50)', dot)).toBe(-1250);
    expect(minor('12.50-', dot)).toBe(-1250);
    expect(minor('−12.50', dot)).toBe(-1250);
    expect(minor('+12.50', dot)).toBe(1250);
    expect(minor('1,234,567.01', dot)).toBe(123456701);
    expect(minor("1'234.50", dot)).toBe(123450);
    expect(minor('-0.00', dot)).toBe(0);
    expect(Object.is(minor('-0.00', dot), -0)).toBe(false);
  });

  it('strips a currency code or sign next to the number', () => {
    expect(minor('€ 1.234,56', comma)).toBe(123456);
    expect(minor('-12,50 EUR', comma)).toBe(-1250);
    expect(minor('USD 3.10', dot)).toBe(310);
  });

  it('is exact where floating point is not', () => {
    // 0.29 * 100 = 28.999999999999996 and 1.005 * 100 = 100.49999999999999 in floating point.
    expect(minor('0.29', dot)).toBe(29);
    expect(minor('4.35', dot)).toBe(435);
    expect(minor('1234567890123.45', dot)).toBe(123456789012345);
  });

  it('refuses what it cannot read unambiguously', () => {
    expect(minor('12,50', dot)).toMatch(/thousands in groups of three/);
    expect(minor('1.2345,00', comma)).toMatch(/groups of three/);
    expect(minor('1,2,3', comma)).toMatch(/more than one decimal mark/);
    expect(minor('12,345', comma)).toMatch(/more decimals than EUR has/);
    expect(minor('abc', dot)).toMatch(/not a number/);
    expect(minor('', dot)).toBe('is empty');
    expect(minor('-(12.50)', dot)).toMatch(/more than one sign/);
    expect(minor('1 234.50', { decimal: '.', thousands: '' })).toMatch(/not a number/);
    expect(minor('1.234,50', { decimal: ',', thousands: ' ' })).toMatch(/not a number/);
    expect(minor('12345678901234567', dot)).toBe('is too large');
  });

  it('uses the currency minor unit', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('XYZ')).toBe(2);
    expect(minor('1.234', comma, 'JPY')).toBe(1234);
    expect(minor('1,5', comma, 'KWD')).toBe(1500);
    expect(minor('12,50', comma, 'JPY')).toMatch(/more decimals than JPY has \(0\)/);
    expect(minor('12,00', comma, 'JPY')).toBe(12);
  });
});

describe('SWIFT and XML amounts', () => {
  it('reads SWIFT amounts with their mandatory decimal comma', () => {
    expect(parseSwiftAmount('9,', 'EUR')).toEqual({ ok: true, minor: 900 });
    expect(parseSwiftAmount('11,8', 'EUR')).toEqual({ ok: true, minor: 1180 });
    expect(parseSwiftAmount('3236,28', 'EUR')).toEqual({ ok: true, minor: 323628 });
    expect(parseSwiftAmount('9.50', 'EUR').ok).toBe(false);
    expect(parseSwiftAmount('950', 'EUR').ok).toBe(false);
  });

  it('reads ISO 20022 amounts', () => {
    expect(parseXmlAmount('8.85', 'EUR')).toEqual({ ok: true, minor: 885 });
    expect(parseXmlAmount('2700', 'JPY')).toEqual({ ok: true, minor: 2700 });
    expect(parseXmlAmount('1.50000', 'EUR')).toEqual({ ok: true, minor: 150 });
    expect(parseXmlAmount('-1.00', 'EUR').ok).toBe(false);
    expect(parseXmlAmount('1,00', 'EUR').ok).toBe(false);
  });
});
