import { describe, expect, it } from 'vitest';
import type { CaseEntity } from './visibility.ts';
import { lineFor, namedIn, protectionOf, redactText } from './visibility.ts';
import { pseudonymOf } from './victims.ts';

const e = (id: string, schema: string, properties: Record<string, string[]>, ends: [string, string] | null = null) =>
  ({ id, schema, properties, sourceId: ends?.[0] ?? null, targetId: ends?.[1] ?? null }) satisfies CaseEntity;

const world = [
  e('v', 'Person', { name: ['Anna Bērziņa'], proceduralStatus: ['victim'], phone: ['+371 2991 7358'] }),
  e('m', 'Person', { name: ['Young One'], birthDate: ['2015-04-01'] }),
  e('s', 'Person', { name: ['Sam Suspect'], proceduralStatus: ['suspect'] }),
  e('ph', 'Phone', { number: ['+37129917358'] }),
  e('acc', 'BankAccount', { iban: ['LV56HABA0551099887766'] }),
  e('own', 'Ownership', { owner: ['v'], asset: ['acc'] }, ['v', 'acc']),
  e('sacc', 'BankAccount', { iban: ['LV43HABA0551011122233'] }),
];
const rules = { victimContact: false, shared: null, today: '2026-12-05' };

describe('the visibility model', () => {
  it('protects victims, minors, and the phone and account nodes that identify them', () => {
    const p = protectionOf(world, rules);
    expect([...p.pseudonymous].sort()).toEqual(['acc', 'm', 'ph', 'v']);
    expect(protectionOf(world, { ...rules, victimContact: true }).pseudonymous.size).toBe(0);
  });

  it('finds a protected name in free text in any order and script, and numbers however written', () => {
    const p = protectionOf(world, rules);
    expect(namedIn(p, 'BERZINA ANNA')).toBe('v');
    expect(namedIn(p, 'Sam Suspect')).toBeNull();
    expect(namedIn(p, 'lv56 haba 0551 0998 8776 6')).toBe('acc');
  });

  it('shows a line to a protected party by pseudonym without their number, and drops lines outside a share', () => {
    const line = {
      accountId: 'sacc',
      counterpartyAccountId: null,
      counterpartyName: 'Berzina A.',
      counterpartyAccount: 'LV56HABA0551099887766',
      text: 'Salary',
      reference: null,
    };
    expect(lineFor(protectionOf(world, rules), line)).toEqual({
      ...line,
      counterpartyName: pseudonymOf('v'),
      counterpartyAccount: null,
    });
    const partial = protectionOf(world, { ...rules, victimContact: true, shared: new Set(['s', 'sacc']) });
    expect(lineFor(partial, line)).toBeNull();
    expect(lineFor(partial, { ...line, counterpartyName: 'Shop', counterpartyAccount: null })).not.toBeNull();
  });

  it('redacts protected names and numbers in seized text, however written, and keeps the rest', () => {
    const p = protectionOf(world, rules);
    const alias = pseudonymOf('v');
    expect(redactText(p, 'Bring BĒRZIŅA Anna to the bus, call +371 2991 7358 now.')).toEqual({
      text: `Bring [${alias}] to the bus, call [${alias}] now.`,
      // The number is the phone node's, shown by its person's pseudonym.
      named: ['v', 'ph'],
    });
    // The account is hers: it is named by her pseudonym.
    expect(redactText(p, 'Pay to LV56 HABA 0551 0998 8776 6 today').text).toBe(`Pay to [${alias}] today`);
    expect(redactText(p, 'Sam Suspect paid.')).toEqual({ text: 'Sam Suspect paid.', named: [] });
    expect(redactText(protectionOf(world, { ...rules, victimContact: true }), 'Anna Bērziņa').named).toEqual([]);
  });
});
