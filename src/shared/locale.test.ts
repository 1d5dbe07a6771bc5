import { describe, expect, it } from 'vitest';
import { localeFormat } from './locale.ts';

describe('dates and amounts per language', () => {
  it('writes each language’s way, keeps partial dates as written', () => {
    const en = localeFormat('en');
    const lv = localeFormat('lv');
    expect(en.date('2024-03-05')).toBe('05/03/2024');
    expect(lv.date('2024-03-05')).toBe('05.03.2024');
    expect(lv.date('2021-05')).toBe('2021-05');
    expect(en.money(-123456750, 'EUR')).toBe('-€1,234,567.50');
    expect(lv.money(123456750, 'EUR').replace(/\s/g, ' ')).toBe('1 234 567,50 €');
    expect(lv.country('lv')).toBe('Latvija');
    expect(en.country('XX-1')).toBe('XX-1');
  });
});
