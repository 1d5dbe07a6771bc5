/**
 * `elect training library --tag …`: a tag is `facet:value` or just the value (the facets'
 * vocabularies do not share values, so a bare value names its facet). Checked with the API's
 * own contract, so a wrong tag is refused the same way, naming it.
 */
import { FACET_NAMES, FACETS, LibraryQuery } from '../../shared/contracts/training.ts';
import type { Facet } from '../../shared/contracts/training.ts';
import { errors } from '../../shared/errors.ts';
import type { PracticeFilter } from '../../services/training/index.ts';
import { parseOrThrow } from '../parse.ts';

export function libraryFilter(tags: readonly string[], q: string | undefined): PracticeFilter {
  const filter: Record<string, string> = {};
  for (const tag of tags) {
    const [a = '', b] = tag.split(':', 2);
    const facet =
      b === undefined
        ? FACET_NAMES.find((f) => (FACETS[f] as readonly string[]).includes(a))
        : (FACET_NAMES as string[]).includes(a)
          ? (a as Facet)
          : undefined;
    const value = b ?? a;
    if (!facet || !(FACETS[facet] as readonly string[]).includes(value)) {
      const hint = facet
        ? `${facet} is one of ${FACETS[facet].join(', ')}`
        : `use ${FACET_NAMES.join(', ')} as facet:value`;
      throw errors.validation(`"${tag}" is not a tag; ${hint}`, '--tag');
    }
    if (filter[facet] && filter[facet] !== value)
      throw errors.validation(`two values of ${facet}; give one per facet`, '--tag');
    filter[facet] = value;
  }
  const { lang: _lang, ...parsed } = parseOrThrow(LibraryQuery, { ...filter, ...(q ? { q } : {}) });
  return parsed;
}
