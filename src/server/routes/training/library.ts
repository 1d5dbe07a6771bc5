/**
 * The good-practice library of the training programme: entries found by facet and words, and
 * one entry with the modules and exercises that use it. Teaching material, no case data: open
 * to every signed-in user, as the course catalogue is.
 */
import { EntryParams, LangQuery, LibraryQuery } from '../../../shared/contracts/training.ts';
import { practiceEntry, practiceList } from '../../../services/training/index.ts';
import type { Router } from '../router.ts';

export function trainingLibraryRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/training/library',
    tag: 'training',
    summary:
      'Good practices and case studies: filter by country, exploitation type, scheme, agency kind or where a course uses them; search words (diacritics ignored)',
    query: LibraryQuery,
    access: 'authenticated',
    handler: ({ store, caller, query }) => {
      const { lang, ...filter } = query;
      return practiceList(store, caller, { filter, lang });
    },
  });

  r({
    method: 'GET',
    url: '/api/training/library/:entryId',
    tag: 'training',
    summary: 'One good-practice entry as safe HTML, with its sources and the modules and exercises that use it',
    params: EntryParams,
    query: LangQuery,
    access: 'authenticated',
    handler: ({ store, caller, params, query }) =>
      practiceEntry(store, caller, { entryId: params.entryId, lang: query.lang }),
  });
}
