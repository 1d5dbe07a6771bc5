/**
 * The good-practice library: search words and facet filters (kept in the address, so a filtered
 * list can be bookmarked and shared), and the entries found with their tags.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACET_NAMES } from '../../../../shared/contracts/training.ts';
import type { Facet } from '../../../../shared/contracts/training.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { navigate, useLocation } from '../../../ui/routing/location.ts';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useLibrary } from '../api/trainingApi.ts';
import { EntryTags, useTagLabel } from '../components/libraryParts.tsx';
import { trainingPaths } from '../routes.ts';

const PARAMS = ['q', ...FACET_NAMES] as const;

function SearchForm({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [words, setWords] = useState(q);
  return (
    <form
      role="search"
      className="training-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(words.trim());
      }}
    >
      <div className="field">
        <label htmlFor="library-q">{t('library.search')}</label>
        <input
          id="library-q"
          type="search"
          value={words}
          onChange={(e) => setWords(e.target.value)}
          aria-describedby="library-q-hint"
        />
        <div id="library-q-hint" className="field-hint">
          {t('library.searchHint')}
        </div>
      </div>
      <button type="submit" className="btn primary">
        {t('search.submit')}
      </button>
    </form>
  );
}

export function LibraryPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.title'));
  const label = useTagLabel();
  const search = useLocation((s) => s.search);
  const params = new URLSearchParams(search);
  const current = Object.fromEntries(PARAMS.map((p) => [p, params.get(p) ?? ''])) as Record<
    (typeof PARAMS)[number],
    string
  >;
  const list = useLibrary(current);
  const go = (change: Partial<Record<(typeof PARAMS)[number], string>>) =>
    navigate(trainingPaths.library({ ...current, ...change }), { replace: true });
  const filtered = PARAMS.some((p) => current[p]);
  return (
    <div className="page training library">
      <nav aria-label={t('library.breadcrumb')} className="training-crumbs">
        <Link to={trainingPaths.home()}>{t('training.title')}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('library.title')}</h1>
      </header>
      <p className="muted">{t('library.intro')}</p>

      <SearchForm key={current.q} q={current.q} onSearch={(q) => go({ q })} />

      <fieldset className="library-facets">
        <legend>{t('library.filters')}</legend>
        {FACET_NAMES.map((facet: Facet) => (
          <div className="field" key={facet}>
            <label htmlFor={`facet-${facet}`}>{t(`library.facet.${facet}`)}</label>
            <select id={`facet-${facet}`} value={current[facet]} onChange={(e) => go({ [facet]: e.target.value })}>
              <option value="">{t('library.any')}</option>
              {(list.data?.facets[facet] ?? []).map((v) => (
                <option key={v.value} value={v.value}>{`${label(facet, v.value)} (${v.count})`}</option>
              ))}
            </select>
          </div>
        ))}
        {filtered ? (
          <button type="button" className="btn" onClick={() => navigate(trainingPaths.library(), { replace: true })}>
            {t('library.clear')}
          </button>
        ) : null}
      </fieldset>

      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} />
      ) : (
        <section aria-labelledby="library-results">
          <h2 id="library-results" className="visually-hidden">
            {t('library.results')}
          </h2>
          <p className="muted" role="status" data-testid="library-count">
            {t('library.found', { count: list.data.total })}
          </p>
          {list.data.total === 0 ? (
            <Notice kind="info" icon="search">
              {t('library.none')}
            </Notice>
          ) : (
            <ul className="library-entries">
              {list.data.entries.map((e) => (
                <li key={e.id} className="training-card" data-entry={e.id}>
                  <h3>
                    <Link to={trainingPaths.libraryEntry(e.id)}>{e.title}</Link>
                  </h3>
                  <p>{e.summary}</p>
                  <EntryTags entry={e} />
                  {e.illustrative ? <span className="tag">{t('library.illustrativeTag')}</span> : null}
                  {e.fallback ? <span className="tag">{t('library.inEnglish')}</span> : null}
                  {e.unreviewed ? <span className="tag">{t('training.unreviewedTag')}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
