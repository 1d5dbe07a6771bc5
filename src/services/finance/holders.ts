/**
 * The persons behind accounts, matched by IBAN: a statement brings its account with a holder as
 * written on the statement, the bank's customer data bring the same IBAN held by a Person. Until
 * the two are joined, the Person holding any account of an IBAN is taken as the holder of every
 * account of that IBAN — a read, never a merge.
 */
import type { FinanceContext } from '../../domain/finance/types.ts';

const key = (label: string) => label.replace(/\s+/g, '').toUpperCase();

export interface PersonsByIban {
  /** The Persons holding this account or another account of its IBAN. */
  ofAccount(accountId: string): string[];
  /** Every account of the IBANs a Person holds. */
  accountsOf(personId: string): string[];
}

export function personsByIban(ctx: Pick<FinanceContext, 'accounts' | 'holders'>): PersonsByIban {
  const accountsByIban = new Map<string, string[]>();
  const personsOfIban = new Map<string, Set<string>>();
  for (const a of ctx.accounts.values()) {
    const k = key(a.label);
    accountsByIban.set(k, [...(accountsByIban.get(k) ?? []), a.id]);
    for (const h of a.holderIds)
      if (ctx.holders.get(h)?.schema === 'Person') personsOfIban.set(k, (personsOfIban.get(k) ?? new Set()).add(h));
  }
  const ibansOf = new Map<string, string[]>();
  for (const [k, ps] of personsOfIban) for (const p of ps) ibansOf.set(p, [...(ibansOf.get(p) ?? []), k]);
  return {
    ofAccount: (accountId) => {
      const a = ctx.accounts.get(accountId);
      return a ? [...(personsOfIban.get(key(a.label)) ?? [])].sort() : [];
    },
    accountsOf: (personId) => [...new Set((ibansOf.get(personId) ?? []).flatMap((k) => accountsByIban.get(k) ?? []))],
  };
}
