import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyKey, householdsOf, isOneHousehold, sameSurname, type HouseholdMember } from './households.ts';

const person = (id: string, name: string, addresses: string[] = ['addr-1']): HouseholdMember => ({
  id,
  firstName: null,
  lastName: null,
  name,
  addresses,
});

describe('households', () => {
  it('a family sharing a surname and an address is one household; flatmates are not', () => {
    const family = [person('a', 'Anna Ozola'), person('b', 'Jānis Ozola'), person('c', 'ANNA OZOLA', ['x'])];
    expect(householdsOf(family)).toEqual([['a', 'b'], ['c']]);
    expect(isOneHousehold(family.slice(0, 2))).toBe(true);
    expect(isOneHousehold([person('a', 'Anna Ozola'), person('b', 'Ilze Kalniņa')])).toBe(false);
  });

  it.each([
    ['Ozols', 'Ozola'],
    ['Bērziņš', 'Bērziņa'],
    ['Vasiļjevs', 'Vasiļjeva'],
    ['Kazlauskas', 'Kazlauskienė'],
    ['Kazlauskas', 'Kazlauskaitė'],
    ['Petrov', 'Petrova'],
    ['Kowalski', 'Kowalska'],
    ['Tamm', 'TAMM'],
  ])('reads %s and %s as one family name', (a, b) => {
    expect(sameSurname(a, b)).toBe(true);
    expect(isOneHousehold([person('a', `Jānis ${a}`), person('b', `Anna ${b}`)])).toBe(true);
  });

  it.each([
    ['Ozols', 'Kalniņš'],
    ['Petrov', 'Ivanov'],
    ['Tamm', 'Oja'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(sameSurname(a, b)).toBe(false);
  });

  it('reads parts when recorded, a Family link without a shared address, and a duplicate as one person', () => {
    const a = { id: 'a', firstName: 'Jonas', lastName: 'Kazlauskas', name: null, addresses: ['t1'] };
    const b = { id: 'b', firstName: 'Ona', lastName: 'KAZLAUSKAS', name: null, addresses: ['t1'] };
    expect(isOneHousehold([a, b])).toBe(true);
    const c = person('c', 'Olga Petrova', ['far']);
    expect(isOneHousehold([a, c], new Set([familyKey('c', 'a')]))).toBe(true);
    expect(isOneHousehold([a, { ...a, id: 'a2' }])).toBe(false);
    expect(householdsOf([a, { ...a, id: 'a2' }])).toEqual([['a', 'a2']]);
  });

  it('groups every member exactly once, whatever the order', () => {
    const names = ['Anna Ozola', 'Jānis Ozola', 'Ilze Kalniņa', 'Pēteris Kalniņš', 'Olga Petrova'];
    const member = fc.record({
      id: fc.uuid(),
      name: fc.constantFrom(...names),
      addr: fc.constantFrom('a1', 'a2'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(member, { selector: (m) => m.id, maxLength: 8 }), (ms) => {
        const members = ms.map((m) => person(m.id, m.name, [m.addr]));
        const groups = householdsOf(members);
        expect(groups.flat().sort()).toEqual(members.map((m) => m.id).sort());
        const reversed = householdsOf([...members].reverse());
        expect(reversed.map((g) => [...g].sort().join()).sort()).toEqual(
          groups.map((g) => [...g].sort().join()).sort(),
        );
      }),
    );
  });
});
