import { describe, expect, it } from 'vitest';
import { context, histories, monthlyWages } from '../histories.testing.ts';
import { familyKey } from '../../entity/households.ts';
import { sharedContacts } from './sharedContacts.ts';

function earners(
  n: number,
  holder: (i: number) => {
    phones?: string[];
    addresses?: string[];
    controllers?: string[];
    names?: { firstName: string | null; lastName: string | null; name: string | null };
  },
  opened = (i: number) => i,
  family?: ReadonlySet<string>,
) {
  const accounts = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`a${i}`, { holder: `p${i}`, bank: 'Kaleva Pankki', opened: opened(i) }]),
  );
  const holders = Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, holder(i)]));
  const lines = Array.from({ length: n }, (_, i) => monthlyWages('emp', `a${i}`, 2000, 3)).flat();
  return { context: context({ accounts, holders, ...(family ? { family } : {}) }), histories: histories(lines) };
}

describe('sharedContacts', () => {
  it('flags four wage earners at one address, noting accounts opened together', () => {
    const [f, ...rest] = sharedContacts.run(earners(4, () => ({ addresses: ['addr-1', 'text:koivukuja 3'] })));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ subjectId: 'addr-1', subjectKind: 'address', variant: 'address' });
    expect(f?.accountIds.sort()).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect(f?.explanation).toMatch(
      /4 holders of wage-receiving accounts give the same address\. 4 of their accounts were opened at one bank/,
    );
  });

  it('does not flag a family or three flatmates', () => {
    expect(sharedContacts.run(earners(3, () => ({ phones: ['+358401234567'], addresses: ['addr-1'] })))).toEqual([]);
  });

  it('flags a shared controller and a shared phone as separate findings', () => {
    const out = sharedContacts.run(earners(5, () => ({ phones: ['+358401234567'], controllers: ['boss'] })));
    expect(out.map((f) => f.variant).sort()).toEqual(['controller', 'phone']);
    expect(out.find((f) => f.variant === 'controller')?.subjectId).toBe('boss');
  });

  it('counts a family sharing a phone and an address as one household, as the ad networks do (issue 18)', () => {
    const given = ['Anna', 'Jānis', 'Ilze', 'Pēteris', 'Marta'];
    const family = (i: number) => ({
      phones: ['+37126123456'],
      addresses: ['text:brivibas ela 12 riga'],
      names: { firstName: given[i] ?? '', lastName: 'Ozols', name: null },
    });
    expect(sharedContacts.run(earners(5, family))).toEqual([]);
    // Recorded as family by a Family link (the surname differs): still one household.
    const linked = (i: number) => ({
      ...family(i),
      names: { firstName: null, lastName: null, name: `P${i} Kalns${i}` },
    });
    const pairs = new Set([0, 1, 2, 3].map((i) => familyKey(`p${i}`, `p${i + 1}`)));
    expect(sharedContacts.run(earners(5, linked, (i) => i, pairs))).toEqual([]);
    // The same five as unrelated workers of other surnames: flagged, on the phone and the address.
    const strangers = (i: number) => ({
      ...family(i),
      names: { firstName: null, lastName: null, name: `W${i} X${i}` },
    });
    expect(
      sharedContacts
        .run(earners(5, strangers))
        .map((f) => f.variant)
        .sort(),
    ).toEqual(['address', 'phone']);
  });

  it('counts only accounts that receive wages', () => {
    const input = earners(4, () => ({ addresses: ['addr-1'] }));
    expect(sharedContacts.run({ ...input, histories: [] })).toEqual([]);
  });
});
