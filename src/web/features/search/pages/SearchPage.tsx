/**
 * Search across every case the user may reach. Phone numbers, IBANs and e-mail addresses are
 * found however they are written; names and words by full text. Results keep each case's
 * rules: victims appear only by pseudonym, or not at all.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalSearchQuery, searchModes } from '../../../../shared/contracts/search.ts';
import { useGlobalSearch } from '../api/hooks.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { navigate, useQueryParam } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { EntityBadge, TypeName } from '../../../ui/EntityBadge.tsx';
import { Field } from '../../../ui/Field.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { zodErrors } from '../../../ui/forms.ts';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

export function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('search.title'));
  const q = useQueryParam('q') ?? '';
  const mode = useQueryParam('mode') ?? 'auto';
  const [text, setText] = useState(q);
  const [m, setM] = useState(mode);
  const [touched, setTouched] = useState(false);
  // The box in the top bar can start a new search while this page is open.
  useEffect(() => setText(q), [q]);
  const results = useGlobalSearch(q, mode);
  const errors = touched ? zodErrors(GlobalSearchQuery, { q: text, mode: m }, t) : {};
  const total = (results.data?.cases ?? []).reduce((n, c) => n + c.hits.length, 0);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('search.title')}</h1>
      </header>
      <form
        className="search-form"
        role="search"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (Object.keys(zodErrors(GlobalSearchQuery, { q: text, mode: m }, t)).length) return;
          navigate(`/search?q=${encodeURIComponent(text.trim())}&mode=${encodeURIComponent(m)}`);
        }}
      >
        <Field label={t('search.words')} error={errors['q']} className="grow" hint={t('search.hint')}>
          {(p) => (
            <input {...p} type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
          )}
        </Field>
        <Field label={t('search.mode')} className="narrow">
          {(p) => (
            <select {...p} value={m} onChange={(e) => setM(e.target.value)}>
              {searchModes.map((s) => (
                <option key={s} value={s}>
                  {t(`search.modes.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="btn primary">
          <Icon name="search" />
          {t('search.submit')}
        </button>
      </form>
      {!q ? null : results.isPending ? (
        <Loading label={t('search.searching')} />
      ) : results.error ? (
        <ErrorMessage error={results.error} />
      ) : (
        <div className="search-results" data-testid="search-results">
          <p className="muted" aria-live="polite">
            {t('search.summary', { hits: total, cases: results.data.cases.length })}{' '}
            {results.data.lookedUpAs
              .filter((l) => l.normalised)
              .map((l) => (
                <span key={l.mode} className="tag">
                  {t(`search.modes.${l.mode}`)}: <span className="mono">{l.normalised}</span>
                </span>
              ))}
          </p>
          {results.data.cases.length === 0 ? (
            <EmptyState icon="search" title={t('search.none')}>
              <p>{t('search.noneHint')}</p>
            </EmptyState>
          ) : null}
          {results.data.cases.map((c) => (
            <section key={c.caseId} className="panel" aria-labelledby={`case-${c.caseId}`}>
              <h2 id={`case-${c.caseId}`}>
                <Link to={paths.case(c.caseId)}>{c.title}</Link>{' '}
                {c.reference ? <span className="muted">{c.reference}</span> : null}
              </h2>
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('entities.col.type')}</th>
                    <th scope="col">{t('entities.col.name')}</th>
                    <th scope="col">{t('search.matchedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.hits.map((h) => (
                    <tr key={h.entity.id}>
                      <td>
                        <TypeName schema={h.entity.schema} />
                      </td>
                      <td>
                        <Link to={paths.entity(c.caseId, h.entity.id)}>
                          <EntityBadge entity={h.entity} />
                        </Link>
                      </td>
                      <td>
                        {t(`search.modes.${h.matchedBy}`, { defaultValue: h.matchedBy })}
                        {h.property ? ` (${t(`prop.${h.property}`, { defaultValue: h.property })})` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
