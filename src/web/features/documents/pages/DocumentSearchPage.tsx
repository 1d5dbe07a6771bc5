/**
 * Search across the case's seized documents: words, type, sender, recipient, dates and the
 * entity a document is linked to; hits with highlighted snippets, near-duplicates (the same
 * text with small changes) shown together under the best-ranked of them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentHitOut } from '../../../../shared/contracts/documents.ts';
import type { EntityRowOut } from '../../../../shared/contracts/entities.ts';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Field } from '../../../ui/Field.tsx';
import { useQueryParam } from '../../../ui/routing/location.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { EntityPicker } from '../../entities/index.ts';
import { useDocumentSearch, type DocumentSearchParams } from '../api/documentsApi.ts';
import { DocumentHit } from '../components/DocumentHit.tsx';

const MENTIONABLE = ['Person', 'Company', 'Organization', 'LegalEntity', 'Phone', 'BankAccount', 'EmailAddress'];

const empty: DocumentSearchParams = { q: '', type: [], sender: '', recipient: '', from: '', to: '', entity: '' };

export function DocumentSearchPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('documents.search.title'));
  const initialQ = useQueryParam('q') ?? '';
  const [form, setForm] = useState<DocumentSearchParams>({ ...empty, q: initialQ });
  const [entity, setEntity] = useState<EntityRowOut | null>(null);
  const [asked, setAsked] = useState<DocumentSearchParams | null>(initialQ ? { ...empty, q: initialQ } : null);
  const q = useDocumentSearch(caseId, asked);
  const set = (k: keyof Omit<DocumentSearchParams, 'type'>) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ ...form, entity: entity?.id ?? '' });
  };
  const toggle = (kind: string) =>
    setForm((f) => ({ ...f, type: f.type.includes(kind) ? f.type.filter((k) => k !== kind) : [...f.type, kind] }));

  return (
    <div className="page document-search-page" data-testid="document-search-page">
      <header className="page-header">
        <h1>{t('documents.search.title')}</h1>
      </header>
      <form className="panel doc-search-form" onSubmit={submit} role="search">
        <Field label={t('documents.search.words')}>
          {(p) => <input {...p} type="search" value={form.q} onChange={set('q')} data-testid="doc-search-q" />}
        </Field>
        <fieldset className="doc-search-types">
          <legend>{t('documents.search.type')}</legend>
          {DOCUMENT_KINDS.map((k) => (
            <label key={k} className="inline">
              <input type="checkbox" checked={form.type.includes(k)} onChange={() => toggle(k)} />{' '}
              {t(`documents.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <Field label={t('documents.search.sender')}>
            {(p) => <input {...p} value={form.sender} onChange={set('sender')} data-testid="doc-search-sender" />}
          </Field>
          <Field label={t('documents.search.recipient')}>
            {(p) => <input {...p} value={form.recipient} onChange={set('recipient')} />}
          </Field>
          <Field label={t('documents.search.from')}>
            {(p) => <input {...p} type="date" value={form.from} onChange={set('from')} data-testid="doc-search-from" />}
          </Field>
          <Field label={t('documents.search.to')}>
            {(p) => <input {...p} type="date" value={form.to} onChange={set('to')} data-testid="doc-search-to" />}
          </Field>
        </div>
        <Field label={t('documents.search.entity')} hint={t('documents.search.entityHint')}>
          {(p) => (
            <EntityPicker caseId={caseId} schemata={MENTIONABLE} value={entity} onChange={setEntity} inputProps={p} />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn primary" data-testid="doc-search-submit">
            {t('documents.search.submit')}
          </button>
          <button
            type="button"
            className="btn subtle"
            onClick={() => {
              setForm(empty);
              setEntity(null);
              setAsked(null);
            }}
          >
            {t('documents.search.clear')}
          </button>
        </div>
      </form>
      {asked === null ? null : q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorMessage error={q.error} />
      ) : (
        <Results caseId={caseId} results={q.data.results} groups={q.data.groups} />
      )}
    </div>
  );
}

function Results({
  caseId,
  results,
  groups,
}: {
  caseId: string;
  results: DocumentHitOut[];
  groups: { id: string; members: string[] }[];
}) {
  const { t } = useTranslation();
  const byId = new Map(results.map((r) => [r.id, r]));
  if (!results.length) return <p className="muted">{t('documents.search.none')}</p>;
  return (
    <section className="panel" aria-labelledby="doc-results">
      <h2 id="doc-results">{t('documents.search.found', { n: results.length })}</h2>
      <ol className="doc-results">
        {results.map((r) => {
          // A near-duplicate is shown with the best-ranked document of its group.
          if (r.group && r.group !== r.id) return null;
          const group = r.group ? groups.find((g) => g.id === r.group) : undefined;
          const copies = (group?.members ?? []).filter((id) => id !== r.id).flatMap((id) => byId.get(id) ?? []);
          return (
            <li key={r.id}>
              {copies.length ? (
                <div className="dup-group" data-testid="dup-group">
                  <p className="dup-group-head">{t('documents.search.nearDuplicates', { n: copies.length + 1 })}</p>
                  <DocumentHit caseId={caseId} hit={r} />
                  <ol className="dup-group-copies">
                    {copies.map((c) => (
                      <li key={c.id}>
                        <DocumentHit caseId={caseId} hit={c} />
                      </li>
                    ))}
                  </ol>
                </div>
              ) : (
                <DocumentHit caseId={caseId} hit={r} />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
