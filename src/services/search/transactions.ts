/**
 * Bank transactions as the case's statement lines: filtered and keyset-paged by booking date,
 * as the caller may see them (a partial share only lines concerning shared entities; protected
 * persons by pseudonym), and added without duplicates.
 */
import type { z } from 'zod';
import type { TransactionQuery, TransactionsCreate } from '../../shared/contracts/index.ts';
import { decodeCursor, encodeCursor } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { listTransactions } from '../../store/repos/finance/transactions.ts';
import type { TransactionRow } from '../../store/repos/finance/transactions.ts';
import { lineFor } from '../../domain/access/visibility.ts';
import { visibilityOf } from '../access/index.ts';
import { importTransactions } from '../finance/index.ts';
import { caseUseCase } from '../useCase/index.ts';

const presentLine = (t: TransactionRow) => ({
  id: t.id,
  accountId: t.account_id,
  counterpartyAccountId: t.counterparty_account_id,
  counterpartyName: t.counterparty_name,
  counterpartyAccount: t.counterparty_account,
  amountMinor: t.amount_minor,
  currency: t.currency,
  bookingDate: t.booking_date,
  valueDate: t.value_date,
  text: t.text,
  reference: t.reference,
  kind: t.kind,
  place: t.place,
  sourceId: t.source_id,
});

export const transactionPage = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'transactions' },
  run: async ({ store, caseId, access, audit }, query: z.output<typeof TransactionQuery>) => {
    let after: { bookingDate: string; id: string } | undefined;
    if (query.after) {
      const parts = decodeCursor(query.after, 2);
      if (!parts) throw errors.validation('query.after: not a cursor returned by this API', 'query.after');
      after = { bookingDate: parts[0] ?? '', id: parts[1] ?? '' };
    }
    const v = await visibilityOf(store, access);
    if (v.only && query.account && !v.only.has(query.account)) throw errors.notFound('Account');
    const rows = await listTransactions(store.scope(caseId), {
      ...(v.only ? { accountIds: [...v.only] } : {}),
      accountId: query.account,
      counterpartyAccountId: query.counterparty,
      from: query.from,
      to: query.to,
      minAmount: query.minAmount,
      maxAmount: query.maxAmount,
      currency: query.currency,
      text: query.text,
      after,
      limit: query.limit,
    });
    // The page as the caller may see it: lines withheld from them dropped, protected parties by
    // pseudonym, and a text filter never answered by a value they may not see.
    const needle = query.text?.toLowerCase();
    const shown = rows
      .flatMap((r) => lineFor(v.protection, presentLine(r)) ?? [])
      .filter(
        (t) =>
          !needle ||
          [t.counterpartyName, t.counterpartyAccount, t.text, t.reference].some((f) =>
            (f ?? '').toLowerCase().includes(needle),
          ),
      );
    audit.detail({ returned: shown.length });
    const last = rows[rows.length - 1];
    return {
      transactions: shown,
      next: rows.length === query.limit && last ? encodeCursor([last.booking_date, last.id]) : null,
    };
  },
});

export const addTransactions = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'transactions' },
  run: async ({ store, caseId, audit }, body: z.output<typeof TransactionsCreate>) => {
    const res = await importTransactions(store, caseId, body.transactions, body.sourceId ?? null);
    audit.detail(res);
    return res;
  },
});
