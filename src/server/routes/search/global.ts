/**
 * Search across every case the user may reach, through each case's own policy and visibility
 * (services/search/global.ts); every case searched is recorded in that case's audit chain.
 */
import { GlobalSearchOut, GlobalSearchQuery } from '../../../shared/contracts/search.ts';
import { searchEverywhere } from '../../../services/search/index.ts';
import type { Router } from '../router.ts';

export function globalSearchRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/search',
    tag: 'search',
    summary: 'Search every case you may reach: full text and selectors, pseudonyms respected',
    query: GlobalSearchQuery,
    response: GlobalSearchOut,
    access: 'authenticated',
    handler: ({ store, caller, query }) => searchEverywhere(store, caller, query),
  });
}
