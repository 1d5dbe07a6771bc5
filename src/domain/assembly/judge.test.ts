import { describe, expect, it } from 'vitest';
import { candidatePairs, resolutionRecord, type ResolutionRecord } from '../resolution/index.ts';
import { ownerKindSchema } from '../companies/ownerKind.ts';
import { judgeHolders, judgeStrong, strongKeys, type KeyedRecord } from './index.ts';

const rec = (id: string, schema: string, properties: Record<string, string[]>): KeyedRecord => ({
  id,
  schema,
  properties,
});

describe('strong keys', () => {
  it('normalises registration numbers with their country, IBANs, passports and checked personal codes', () => {
    const co = rec('c', 'Company', { name: ['Koivu Oy'], registrationNumber: ['1234567-8'], country: ['FI'] });
    expect(strongKeys(co).map((k) => k.key)).toEqual(['registration:fi:12345678']);
    const p = rec('p', 'Person', {
      name: ['Mari Tamm'],
      passportNumber: ['k 123 4567'],
      nationality: ['ee'],
      idNumber: ['37605030299', '37605030298'],
      phone: ['+372 5123 4567'],
    });
    expect(strongKeys(p).map((k) => k.key)).toEqual(['document:ee:K1234567', 'nationalId:ee:37605030299']);
    expect(strongKeys(rec('a', 'BankAccount', { iban: ['ee38 2200 2210 2014 5685'] }))[0]?.key).toBe(
      'account:EE382200221020145685',
    );
    // A registration number without a country takes the case's.
    expect(strongKeys(rec('c', 'Company', { registrationNumber: ['12345678'] }), 'EE')[0]?.key).toBe(
      'registration:ee:12345678',
    );
  });
});

describe('judging records that meet', () => {
  const key = { kind: 'document' as const, key: 'document:ee:K1234567' };
  it('joins a LegalEntity into the Person it is, keeping the Person', () => {
    const le = rec('le', 'LegalEntity', { name: ['MARI TAMM'] });
    const p = rec('p', 'Person', { name: ['Mari Tamm'], birthDate: ['1985-05-05'] });
    expect(judgeHolders(le, p, 'account:X')).toMatchObject({ kind: 'join', keep: 'p' });
    expect(judgeStrong(le, p, key)).toMatchObject({ kind: 'join', keep: 'p' });
  });
  it('raises two birth dates on one passport, and a person and a company on one number', () => {
    const a = rec('a', 'Person', { name: ['Mari Tamm'], birthDate: ['1985-05-05'] });
    const b = rec('b', 'Person', { name: ['Mari Tamm'], birthDate: ['1990-01-01'] });
    expect(judgeStrong(a, b, key)).toEqual({
      kind: 'conflict',
      reason: 'two birth dates (1985-05-05, 1990-01-01) on document:ee:K1234567',
    });
    const c = rec('c', 'Company', { name: ['Tamm OÜ'] });
    expect(judgeStrong(a, c, key).kind).toBe('conflict');
  });
  it('raises one account held by two parties whose names differ', () => {
    const p = rec('p', 'Person', { name: ['Peeter Kask'] });
    const le = rec('le', 'LegalEntity', { name: ['SIA Gamma'] });
    expect(judgeHolders(p, le, 'account:LV').kind).toBe('conflict');
  });
});

describe('register owner kinds in the registers’ own words', () => {
  it.each([
    ['füüsiline isik', 'Person'],
    ['Fiziskā persona', 'Person'],
    ['fizinis asmuo', 'Person'],
    ['luonnollinen henkilö', 'Person'],
    ['person', 'Person'],
    ['juriidiline isik', 'LegalEntity'],
    ['juridiskā persona', 'LegalEntity'],
    ['oikeushenkilö', 'LegalEntity'],
    ['osakeyhtiö', 'Company'],
    ['company', 'Company'],
    ['', 'LegalEntity'],
  ])('%j is a %s', (kind, schema) => {
    expect(ownerKindSchema(kind)).toBe(schema);
  });
});

describe('resolution candidates across schemata', () => {
  it('pairs a LegalEntity with a Person or a Company, never a Person with a Company', () => {
    const records = [
      rec('le', 'LegalEntity', { name: ['Alfa Ehitus'] }),
      rec('p', 'Person', { name: ['Alfa Ehitus'] }),
      rec('c', 'Company', { name: ['Alfa Ehitus'] }),
    ].map((r) => resolutionRecord(r) as ResolutionRecord);
    const pairs = candidatePairs(records).map(([i, j]) => `${records[i]?.id}-${records[j]?.id}`);
    expect(pairs.sort()).toEqual(['le-c', 'le-p']);
  });
});
