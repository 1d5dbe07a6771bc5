import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import type { AgencyOut, ShareOut } from '../../../../shared/contracts/cases.ts';
import { useFormat } from '../../../i18n/format.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { serverError } from '../../../ui/forms.ts';

/** Sharing the case with other agencies (read or contribute). */
export function SharesPanel({
  caseId,
  manage,
  shares,
  agencies,
  loading,
  error,
}: {
  caseId: string;
  manage: boolean;
  shares: ShareOut[];
  agencies: AgencyOut[];
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [v, setV] = useState({ agencyId: '', access: 'read' });
  const [failure, setFailure] = useState<unknown>(null);
  const [missingAgency, setMissingAgency] = useState(false);
  const nameOf = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  const call = async (method: 'POST' | 'DELETE', url: string, body?: unknown) => {
    setFailure(null);
    try {
      await api(method, url, body);
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    } catch (e) {
      setFailure(e);
    }
  };
  const base = `/api/cases/${encodeURIComponent(caseId)}/shares`;
  return (
    <section className="panel" aria-labelledby="shares-heading">
      <h2 id="shares-heading">{t('shares.title')}</h2>
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} />
      ) : shares.length === 0 ? (
        <p className="muted">{t('shares.none')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('shares.agency')}</th>
              <th scope="col">{t('shares.access')}</th>
              <th scope="col">{t('shares.since')}</th>
              {manage ? (
                <th scope="col">
                  <span className="visually-hidden">{t('evidence.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={s.agencyId}>
                <td>{nameOf(s.agencyId)}</td>
                <td>
                  {t(`shares.accessKinds.${s.access}`, { defaultValue: s.access })}
                  {s.partial ? ` (${t('shares.partial')})` : ''}
                </td>
                <td>{f.date(s.sharedAt)}</td>
                {manage ? (
                  <td>
                    <button
                      type="button"
                      className="btn subtle small"
                      onClick={() => void call('DELETE', `${base}/${encodeURIComponent(s.agencyId)}`)}
                    >
                      {t('shares.stop')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage && agencies.length === 0 ? <p className="muted small">{t('shares.noAgencies')}</p> : null}
      {manage && agencies.length > 0 ? (
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setMissingAgency(!v.agencyId);
            if (v.agencyId) void call('POST', base, v);
          }}
        >
          <Field
            label={t('shares.agency')}
            error={missingAgency ? t('errors.field.required') : serverError(failure, 'agencyId')}
            required
          >
            {(p) => (
              <select {...p} value={v.agencyId} onChange={(e) => setV({ ...v, agencyId: e.target.value })}>
                <option value="">—</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.country})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('shares.access')}>
            {(p) => (
              <select {...p} value={v.access} onChange={(e) => setV({ ...v, access: e.target.value })}>
                <option value="read">{t('shares.accessKinds.read')}</option>
                <option value="contribute">{t('shares.accessKinds.contribute')}</option>
              </select>
            )}
          </Field>
          <button type="submit" className="btn">
            {t('shares.share')}
          </button>
          {failure && !serverError(failure, 'agencyId') ? <ErrorMessage error={failure} /> : null}
        </form>
      ) : null}
    </section>
  );
}
