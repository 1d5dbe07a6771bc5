import { describe, expect, it } from 'vitest';
import { compileFormat, parseIsoPrefix, parseWithFormat } from './dates.ts';
import { countryKey, lookupCountry } from './countries.ts';
import { cleanValue } from './ftmClean.ts';

describe('dates with a strptime format', () => {
  it('reads the common directives and is as precise as the format', () => {
    expect(parseWithFormat('2011-12-29', '%Y-%m-%d')).toBe('2011-12-29');
    expect(parseWithFormat('29.12.2011', '%d.%m.%Y')).toBe('2011-12-29');
    expect(parseWithFormat('2011-12', '%Y-%m')).toBe('2011-12');
    expect(parseWithFormat('5 March 2014', '%d %B %Y')).toBe('2014-03-05');
    expect(parseWithFormat('05-mar-14', '%d-%b-%y')).toBe('2014-03-05');
    expect(parseWithFormat('2014-03-02 07:05 PM', '%Y-%m-%d %I:%M %p')).toBe('2014-03-02T19:05');
    expect(parseWithFormat('2014-03-02 12:05 AM', '%Y-%m-%d %I:%M %p')).toBe('2014-03-02T00:05');
    expect(parseWithFormat('2014-03-02T07:13:30.123', '%Y-%m-%dT%H:%M:%S.%f')).toBe('2014-03-02T07:13:30');
    expect(parseWithFormat('2014-03-02 23:30:00 -0100', '%Y-%m-%d %H:%M:%S %z')).toBe('2014-03-03T00:30:00');
    expect(parseWithFormat('2014 061', '%Y %j')).toBe('2014-03-02');
    expect(parseWithFormat(' 2011-12-29 ', '%Y-%m-%d')).toBe('2011-12-29');
  });

  it('gives null for text that does not match or is no real date', () => {
    expect(parseWithFormat('2011-02-30', '%Y-%m-%d')).toBeNull();
    expect(parseWithFormat('29.12.2011', '%Y-%m-%d')).toBeNull();
    expect(parseWithFormat('2011-12-29 extra', '%Y-%m-%d')).toBeNull();
    expect(parseWithFormat('2014-03-02 25:00', '%Y-%m-%d %H:%M')).toBeNull();
    expect(parseWithFormat('2014-03-02 13:00 PM', '%Y-%m-%d %I:%M %p')).toBeNull();
  });

  it('refuses directives it does not know', () => {
    expect(() => compileFormat('%Q')).toThrow(/Unsupported date format directive %Q/);
    expect(parseWithFormat('100%', '100%%')).toBe('1900');
  });
});

describe('ISO-like dates without a format', () => {
  it('keeps the longest valid prefix and converts zoned times to UTC', () => {
    expect(parseIsoPrefix('2011-12-29')).toBe('2011-12-29');
    expect(parseIsoPrefix('2011')).toBe('2011');
    expect(parseIsoPrefix('2014-03-02 07:13:30')).toBe('2014-03-02T07:13:30');
    expect(parseIsoPrefix('2014-3-2')).toBe('2014-03-02');
    expect(parseIsoPrefix('2011-13-05')).toBe('2011');
    expect(parseIsoPrefix('2011-02-30')).toBe('2011-02');
    expect(parseIsoPrefix('2011-12-29T10:00:00+02:00')).toBe('2011-12-29T08:00:00');
    expect(parseIsoPrefix('2011-12-29T10:00:00Z')).toBe('2011-12-29T10:00:00');
    expect(parseIsoPrefix('yesterday')).toBeNull();
    expect(parseIsoPrefix('29.12.2011')).toBeNull();
  });
});

describe('countries', () => {
  it('turns names in many languages and ISO codes into lowercase alpha-2 codes', () => {
    const cases: Record<string, string> = {
      Deutschland: 'de',
      Großbritannien: 'gb',
      Zypern: 'cy',
      Luxemburg: 'lu',
      DEU: 'de',
      de: 'de',
      DE: 'de',
      'United Kingdom': 'gb',
      UK: 'gb',
      Eesti: 'ee',
      Estonia: 'ee',
      Lettland: 'lv',
      Latvija: 'lv',
      Lietuva: 'lt',
      Россия: 'ru',
      'Côte d’Ivoire': 'ci',
      Kosovo: 'xk',
      Holland: 'nl',
      USA: 'us',
    };
    for (const [name, code] of Object.entries(cases)) expect([name, lookupCountry(name)]).toEqual([name, code]);
  });

  it('does not guess: misspelt names are not countries (as in FtM)', () => {
    expect(lookupCountry('Niedlerlande')).toBeNull();
    expect(lookupCountry('Atlantis')).toBeNull();
    expect(countryKey('  Großbritannien! ')).toBe('grossbritannien');
  });
});

describe('FtM value cleaning', () => {
  it('cleans by property type as FtM does', () => {
    expect(cleanValue('name', '  "Acme  Ltd" ')).toBe('Acme Ltd');
    expect(cleanValue('name', 'FDP ')).toBe('FDP');
    expect(cleanValue('address', 'Max-Joseph-Straße 5 , 80333 München')).toBe('Max-Joseph-Straße 5 , 80333 München');
    expect(cleanValue('address', 'Street 1\nTown;; Land')).toBe('Street 1, Town, Land');
    expect(cleanValue('country', 'Deutschland')).toBe('de');
    expect(cleanValue('date', '29.12.2011', { format: '%d.%m.%Y' })).toBe('2011-12-29');
    expect(cleanValue('number', ' 113969.15 ')).toBe('113969.15');
    expect(cleanValue('number', '1,000,000.50')).toBe('1000000.50');
    expect(cleanValue('number', '100 EUR')).toBeNull();
    expect(cleanValue('number', '1.000,50')).toBeNull();
    expect(cleanValue('phone', '5123 4567', { countries: ['ee'] })).toBe('+37251234567');
    expect(cleanValue('phone', 'not a phone')).toBeNull();
    expect(cleanValue('email', 'Mari@Example.EE')).toBe('mari@example.ee');
    expect(cleanValue('iban', 'ee38 2200 2210 2014 5685')).toBe('EE382200221020145685');
    expect(cleanValue('iban', 'EE00 1234')).toBeNull();
    expect(cleanValue('gender', 'weiblich')).toBe('female');
    expect(cleanValue('string', '   ')).toBeNull();
  });
});
