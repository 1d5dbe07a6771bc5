import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { CaseCreate } from '../../../../shared/contracts/index.ts';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useCases } from '../api/hooks.ts';
import type { CaseOut } from '../../../../shared/contracts/index.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { navigate } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Field } from '../../../ui/Field.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { errorIsForFields, serverError, zodErrors } from '../../../ui/forms.ts';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

const COUNTRIES = ['FI', 'EE', 'LV', 'LT', 'SE', 'PL'];

function NewCaseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [v, setV] = useState({ title: '', reference: '', country: 'FI', description: '' });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const body = {
    title: v.title,
    country: v.country,
    ...(v.reference ? { reference: v.reference } : {}),
    ...(v.description ? { description: v.description } : {}),
  };
  const errors = touched ? zodErrors(CaseCreate, body, t) : {};
  const fieldError = (f: string) => errors[f] ?? serverError(error, f);
  return (
    <Dialog title={t('cases.new')} onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setTouched(true);
          if (Object.keys(zodErrors(CaseCreate, body, t)).length) return;
          try {
            const created = await api<CaseOut>('POST', '/api/cases', body);
            await qc.invalidateQueries({ queryKey: keys.cases });
            onClose();
            navigate(paths.case(created.id));
          } catch (err) {
            setError(err);
          }
        }}
      >
        <Field label={t('cases.field.title')} error={fieldError('title')} required>
          {(p) => <input {...p} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} />}
        </Field>
        <Field label={t('cases.field.reference')} error={fieldError('reference')} hint={t('cases.field.referenceHint')}>
          {(p) => <input {...p} value={v.reference} onChange={(e) => setV({ ...v, reference: e.target.value })} />}
        </Field>
        <Field
          label={t('cases.field.country')}
          error={fieldError('country')}
          hint={t('cases.field.countryHint')}
          required
        >
          {(p) => (
            <select {...p} value={v.country} onChange={(e) => setV({ ...v, country: e.target.value })}>
              {COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {f.country(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('cases.field.description')} error={fieldError('description')}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={v.description}
              onChange={(e) => setV({ ...v, description: e.target.value })}
            />
          )}
        </Field>
        {error && !errorIsForFields(error, ['title', 'reference', 'country', 'description']) ? (
          <ErrorMessage error={error} />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn primary">
            {t('cases.create')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function CaseList() {
  const { t } = useTranslation();
  usePageTitle(t('cases.title'));
  const f = useFormat();
  const cases = useCases();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('open');
  const [creating, setCreating] = useState(false);
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (cases.data?.cases ?? []).filter(
      (c) =>
        (status === 'all' || c.status === status) &&
        (!needle || c.title.toLowerCase().includes(needle) || (c.reference ?? '').toLowerCase().includes(needle)),
    );
  }, [cases.data, q, status]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('cases.title')}</h1>
        <button type="button" className="btn primary" onClick={() => setCreating(true)}>
          <Icon name="plus" />
          {t('cases.new')}
        </button>
      </header>
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <div className="field inline">
          <label htmlFor="case-filter">{t('cases.filter')}</label>
          <input id="case-filter" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field inline">
          <label htmlFor="case-status">{t('cases.status')}</label>
          <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="open">{t('caseStatus.open')}</option>
            <option value="closed">{t('caseStatus.closed')}</option>
            <option value="all">{t('common.all')}</option>
          </select>
        </div>
      </div>
      {cases.isPending ? (
        <Loading />
      ) : cases.error ? (
        <ErrorMessage error={cases.error} />
      ) : shown.length === 0 ? (
        <EmptyState icon="cases" title={cases.data?.cases.length ? t('cases.noneMatch') : t('cases.none')}>
          {cases.data?.cases.length ? null : <p>{t('cases.noneHint')}</p>}
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('cases.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.field.title')}</th>
              <th scope="col">{t('cases.field.reference')}</th>
              <th scope="col">{t('cases.field.country')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.myRole')}</th>
              <th scope="col">{t('cases.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={paths.case(c.id)}>{c.title}</Link>
                  {c.purpose && c.purpose !== 'operational' ? (
                    <span className="tag">{t(`purpose.${c.purpose}`)}</span>
                  ) : null}
                </td>
                <td>{c.reference ?? ''}</td>
                <td>{f.country(c.country)}</td>
                <td>{t(`caseStatus.${c.status}`, { defaultValue: c.status })}</td>
                <td>{c.myRole ? t(`caseRole.${c.myRole}`, { defaultValue: c.myRole }) : ''}</td>
                <td>{f.dateTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating ? <NewCaseDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
