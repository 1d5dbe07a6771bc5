import { SearchQuery, SelectorQuery, TransactionQuery, TransactionsCreate } from '../../../shared/contracts/index.ts';
import { addTransactions, selectorSearch, textSearch, transactionPage } from '../../../services/search/index.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

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
    handler: ({ store, caller, caseId, query }) => transactionPage(store, caller, caseId, query),
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
    handler: ({ store, caller, caseId, body }) => addTransactions(store, caller, caseId, body),
  });
}
