import {
  decodeCursor,
  encodeCursor,
  SearchQuery,
  SelectorQuery,
  TransactionQuery,
  TransactionsCreate,
} from '../../../shared/contracts/index.ts';
import { errors } from '../../../shared/errors.ts';
import { selectorSearch, textSearch } from '../../../services/search/index.ts';
import { importTransactions } from '../../../services/finance/ledger.ts';
import { listTransactions } from '../../../store/repos/finance/transactions.ts';
import { visibilityOf } from '../../../services/access/visibility.ts';
import type { TransactionRow } from '../../../store/repos/finance/transactions.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const presentTransaction = (t: TransactionRow) => ({
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

/** Full-text and selector search, and bank transactions. */
export function searchRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/search',
    tag: 'search',
    summary: 'Ranked full-text search over names, properties, notes and document text',
    params: CaseParams,
    query: SearchQuery,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => textSearch(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/selectors',
    tag: 'search',
    summary: 'Exact look-up of a phone, IBAN, account, email, plate, document number or name, however written',
    params: CaseParams,
    query: SelectorQuery,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) =>
      selectorSearch(store, caller, caseId, { kind: query.kind, value: query.value }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/transactions',
    tag: 'transactions',
    summary: 'Bank transactions, filtered and keyset-paged by booking date',
    params: CaseParams,
    query: TransactionQuery,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'transactions' },
    handler: async ({ store, caseId, query, auditDetail, access }) => {
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
      auditDetail.returned = rows.length;
      const last = rows[rows.length - 1];
      return {
        transactions: rows.map(presentTransaction),
        next: rows.length === query.limit && last ? encodeCursor([last.booking_date, last.id]) : null,
      };
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/transactions',
    tag: 'transactions',
    summary: 'Add statement lines; lines already in the case are skipped',
    status: 201,
    params: CaseParams,
    body: TransactionsCreate,
    bodyLimit: 16 * MiB,
    access: { case: 'case:write' },
    audit: { action: 'collection', target: 'transactions' },
    handler: async ({ store, caseId, body, auditDetail }) => {
      const res = await importTransactions(store, caseId, body.transactions, body.sourceId ?? null);
      Object.assign(auditDetail, res);
      return res;
    },
  });
}
