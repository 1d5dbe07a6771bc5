/**
 * Several workers' accounts sharing one phone, e-mail, address or controller. Families and
 * flat-shares put two or three earners at one address or phone, so the default asks for four
 * holders of wage-receiving accounts, and a household counts as one holder (the one household
 * test the ad networks use, domain/entity/households.ts: a family sharing a phone and an address
 * is a household, not a sign of a controller); accounts opened at one bank within days of each
 * other (FATF: accounts opened together, escorted by a third party) raise the score.
 */
import { z } from 'zod';
import type { AccountHistory, FinanceContext, Finding, SubjectKind } from '../types.ts';
import { householdsOf } from '../../entity/households.ts';
import { capIds, clamp01, counted, plural, pushTo, wagesOf } from './common.ts';
import { defineRule } from './rule.ts';

const KINDS = ['phone', 'email', 'address', 'controller'] as const;
type Kind = (typeof KINDS)[number];

const parameters = z.object({
  minHolders: z
    .int()
    .min(2)
    .max(1000)
    .default(4)
    .describe('Distinct holders of wage-receiving accounts sharing one contact detail'),
  minWageMonths: z
    .int()
    .min(0)
    .max(24)
    .default(2)
    .describe('Wage payments an account needs to count as a worker’s account (0: every account)'),
  kinds: z
    .array(z.enum(KINDS))
    .min(1)
    .default([...KINDS])
    .describe('Which contact details to compare'),
  openedWithinDays: z
    .int()
    .min(0)
    .max(365)
    .default(7)
    .describe('Accounts opened at one bank within this many days count as opened together'),
});

const SUBJECT: Record<Kind, SubjectKind> = {
  phone: 'phone',
  email: 'email',
  address: 'address',
  controller: 'controller',
};

export const sharedContacts = defineRule({
  id: 'sharedContacts',
  title: 'Workers’ accounts sharing contact details or a controller',
  source:
    'FATF/APG 2018 (several accounts sharing one phone, e-mail, address, device or controller; accounts opened together); FinCEN FIN-2020-A008',
  description:
    'Holders of several wage-receiving accounts give the same phone number, e-mail or address, or are housed or controlled by the same person.',
  parameters,
  scanner(ctx: FinanceContext, p) {
    const workerAccounts = new Set<string>();
    const wageIds = new Map<string, string[]>();
    return {
      account(h: AccountHistory) {
        const wages = wagesOf(h.txs);
        if (wages.length < p.minWageMonths) return;
        workerAccounts.add(h.accountId);
        wageIds.set(
          h.accountId,
          wages.slice(0, 3).flatMap((w) => w.ids),
        );
      },

      finish() {
        if (p.minWageMonths === 0) for (const id of ctx.accounts.keys()) workerAccounts.add(id);
        // value → holders, per kind; holder → its worker accounts.
        const groups = new Map<string, { kind: Kind; value: string; holders: Set<string> }>();
        const accountsOf = new Map<string, string[]>();
        for (const accountId of workerAccounts) {
          for (const holderId of ctx.accounts.get(accountId)?.holderIds ?? []) {
            pushTo(accountsOf, holderId, accountId);
          }
        }
        for (const holderId of accountsOf.keys()) {
          const holder = ctx.holders.get(holderId);
          if (!holder) continue;
          const values: Record<Kind, readonly string[]> = {
            phone: holder.phones,
            email: holder.emails,
            address: holder.addresses,
            controller: holder.controllers,
          };
          for (const kind of p.kinds) {
            for (const value of new Set(values[kind])) {
              const key = `${kind}\u001f${value}`;
              const g = groups.get(key) ?? { kind, value, holders: new Set<string>() };
              g.holders.add(holderId);
              groups.set(key, g);
            }
          }
        }
        // An address entity and its text name the same place: report one group per holder set and kind.
        const reported = new Set<string>();
        const out: Finding[] = [];
        for (const g of groups.values()) {
          if (g.holders.size < p.minHolders) continue;
          const holders = byName(ctx, g.holders);
          if (householdCount(ctx, holders) < p.minHolders) continue;
          const sig = `${g.kind}\u001f${holders.join(',')}`;
          if (reported.has(sig)) continue;
          reported.add(sig);
          const accounts = holders.flatMap((h) => accountsOf.get(h) ?? []);
          out.push(finding(ctx, g.kind, g.value, holders, accounts, wageIds, p));
        }
        return out;
      },
    };
  },
});

/**
 * Holders in the order of their names (then ids): the finding names the first when the shared value
 * has no node of its own, so which holder that is must not depend on which record was written first.
 */
function byName(ctx: FinanceContext, ids: Iterable<string>): string[] {
  const nameOf = (id: string) => {
    const n = ctx.holders.get(id)?.names;
    return n?.name ?? [n?.lastName, n?.firstName].filter(Boolean).join(' ');
  };
  return [...ids]
    .map((id) => ({ id, name: nameOf(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((h) => h.id);
}

/** Holders counted with each household (and each person recorded twice) once; organisations count one each. */
function householdCount(ctx: FinanceContext, holders: readonly string[]): number {
  const persons = holders.flatMap((id) => {
    const h = ctx.holders.get(id);
    return h?.schema === 'Person' && h.names ? [{ id, ...h.names, addresses: h.addresses }] : [];
  });
  return holders.length - persons.length + householdsOf(persons, ctx.family).length;
}

/** The entity a shared value is: a Phone, EmailAddress or Address node, or the controlling person. */
function subjectOf(ctx: FinanceContext, kind: Kind, value: string, holders: readonly string[]): string {
  if (kind === 'phone') return ctx.contactNodes.phone.get(value) ?? holders[0] ?? value;
  if (kind === 'email') return ctx.contactNodes.email.get(value) ?? holders[0] ?? value;
  if (kind === 'address') return value.startsWith('text:') ? (holders[0] ?? value) : value;
  return value;
}

/** How many of the accounts were opened at one bank within `days` of another of them. */
function openedTogether(ctx: FinanceContext, accounts: readonly string[], days: number): number {
  const byBank = new Map<string, number[]>();
  for (const id of accounts) {
    const a = ctx.accounts.get(id);
    if (!a?.bankName || a.openingDay === null) continue;
    pushTo(byBank, a.bankName, a.openingDay);
  }
  let n = 0;
  for (const list of byBank.values()) {
    list.sort((x, y) => x - y);
    list.forEach((d, i) => {
      const prev = list[i - 1];
      const next = list[i + 1];
      if ((prev !== undefined && d - prev <= days) || (next !== undefined && next - d <= days)) n++;
    });
  }
  return n;
}

function finding(
  ctx: FinanceContext,
  kind: Kind,
  value: string,
  holders: readonly string[],
  accounts: readonly string[],
  wageIds: ReadonlyMap<string, string[]>,
  p: z.output<typeof parameters>,
): Finding {
  const together = openedTogether(ctx, accounts, p.openedWithinDays);
  const what =
    kind === 'controller'
      ? 'are housed or controlled by the same person'
      : `give the same ${kind === 'email' ? 'e-mail address' : kind === 'phone' ? 'phone number' : 'address'}`;
  const opened =
    together >= 2
      ? ` ${plural(together, 'of their accounts was', 'of their accounts were')} opened at one bank within ${plural(p.openedWithinDays, 'day')} of each other.`
      : '';
  const subject = subjectOf(ctx, kind, value, holders);
  return {
    rule: 'sharedContacts',
    key: `${kind}:${value}`,
    variant: kind,
    subjectId: subject,
    subjectKind: subject === holders[0] && kind !== 'controller' ? 'holder' : SUBJECT[kind],
    score: clamp01(
      0.3 +
        0.07 * (holders.length - p.minHolders) +
        (kind === 'controller' ? 0.2 : 0) +
        0.3 * (together / Math.max(1, accounts.length)),
    ),
    words: [
      { key: `sharedContacts.${kind}`, vars: { holders: counted(holders.length, 'holder') } },
      ...(together >= 2
        ? [{ key: 'sharedContacts.opened', vars: { opened: together, window: counted(p.openedWithinDays, 'day') } }]
        : []),
      { key: 'sharedContacts.why' },
    ],
    explanation:
      `${plural(holders.length, 'holder')} of wage-receiving accounts ${what}.${opened} ` +
      'FATF/APG (2018) name several workers’ accounts sharing contact details or a controller as a sign that someone else runs them.',
    evidence: capIds(accounts.flatMap((a) => wageIds.get(a) ?? [])),
    accountIds: [...accounts],
  };
}
