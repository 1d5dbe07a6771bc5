/**
 * Cooperation agreements with partner deployments (administrators): this deployment's public
 * key to give partners, the agreements in force, and a form to register one.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementOut } from '../../../../shared/contracts/cooperation.ts';
import { hitSelectorKinds } from '../../../../shared/contracts/cooperation.ts';
import { api, ApiError, get } from '../../../ui/api/client.ts';
import { EmptyState, ErrorText, Loading } from '../../../ui/feedback.tsx';
import { Field } from '../../../ui/Field.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { downloadJson } from '../components/download.ts';

const empty = {
  id: '',
  name: '',
  partnerName: '',
  partnerCountry: '',
  partnerPublicKey: '',
  partnerUrl: '',
  queries: '10',
  periodHours: '24',
  contactName: '',
  contactAgency: '',
  contactEmail: '',
};

function AgreementForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = useState(empty);
  const [kinds, setKinds] = useState<string[]>(['phone', 'iban', 'email']);
  const add = useMutation({
    mutationFn: () =>
      api<AgreementOut>('POST', '/api/agreements', {
        id: f.id,
        name: f.name,
        partnerName: f.partnerName,
        partnerCountry: f.partnerCountry.toUpperCase(),
        partnerPublicKey: f.partnerPublicKey.trim().toLowerCase(),
        ...(f.partnerUrl ? { partnerUrl: f.partnerUrl } : {}),
        selectorTypes: kinds,
        rateLimit: { queries: Number(f.queries), periodHours: Number(f.periodHours) },
        contactPoints: [
          { name: f.contactName, agency: f.contactAgency, ...(f.contactEmail ? { email: f.contactEmail } : {}) },
        ],
      }),
    onSuccess: () => {
      setF(empty);
      void qc.invalidateQueries({ queryKey: ['agreements'] });
    },
  });
  const fieldError = (name: string) =>
    add.error instanceof ApiError && add.error.path?.startsWith(name) ? add.error.message : undefined;
  const input = (name: keyof typeof empty, label: string, type = 'text') => (
    <Field
      label={label}
      error={fieldError(
        name === 'contactName' || name === 'contactAgency' || name === 'contactEmail'
          ? 'contactPoints'
          : name === 'queries' || name === 'periodHours'
            ? 'rateLimit'
            : name,
      )}
    >
      {(props) => (
        <input {...props} type={type} value={f[name]} onChange={(e) => setF({ ...f, [name]: e.target.value })} />
      )}
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="form agreement-form" onSubmit={submit}>
      <h2>{t('cooperation.addAgreement')}</h2>
      {input('id', t('cooperation.field.id'))}
      {input('name', t('cooperation.field.name'))}
      {input('partnerName', t('cooperation.field.partnerName'))}
      {input('partnerCountry', t('cooperation.field.partnerCountry'))}
      {input('partnerPublicKey', t('cooperation.field.partnerPublicKey'))}
      {input('partnerUrl', t('cooperation.field.partnerUrl'), 'url')}
      <fieldset>
        <legend>{t('cooperation.field.selectorTypes')}</legend>
        {hitSelectorKinds.map((k) => (
          <label key={k} className="checkbox">
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
            />
            {t(`cooperation.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {input('queries', t('cooperation.field.queries'), 'number')}
      {input('periodHours', t('cooperation.field.periodHours'), 'number')}
      {input('contactName', t('cooperation.field.contactName'))}
      {input('contactAgency', t('cooperation.field.contactAgency'))}
      {input('contactEmail', t('cooperation.field.contactEmail'), 'email')}
      <button type="submit" className="btn primary" disabled={add.isPending}>
        {t('cooperation.save')}
      </button>
      {add.isError && !(add.error instanceof ApiError && add.error.path) ? <ErrorText error={add.error} /> : null}
    </form>
  );
}

/** Files carried across an air gap: answer a partner's query, or take in its cooperation request or decision. */
function ExchangeFiles() {
  const { t } = useTranslation();
  const read = async (f: File) => JSON.parse(await f.text()) as unknown;
  const respond = useMutation({
    mutationFn: async (f: File) =>
      downloadJson(await api<unknown>('POST', '/api/psi/respond', await read(f)), `psi-answer-${f.name}`),
  });
  const receive = useMutation({
    mutationFn: async (f: File) =>
      api<{ type: string; cases: number }>('POST', '/api/cooperation/exchange', await read(f)),
  });
  const picker = (label: string, onFile: (f: File) => void) => (
    <label className="btn">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </label>
  );
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">{t('cooperation.files')}</h2>
      <div className="button-row">
        {picker(t('cooperation.answerQuery'), (f) => respond.mutate(f))}
        {picker(t('cooperation.importExchange'), (f) => receive.mutate(f))}
      </div>
      {receive.isSuccess ? <p className="muted">{t('cooperation.received', { count: receive.data.cases })}</p> : null}
      {respond.isError ? <ErrorText error={respond.error} /> : null}
      {receive.isError ? <ErrorText error={receive.error} /> : null}
    </section>
  );
}

export function AgreementsPage() {
  const { t } = useTranslation();
  usePageTitle(t('cooperation.agreements'));
  const identity = useQuery({
    queryKey: ['cooperation-identity'],
    queryFn: ({ signal }) => get<{ deploymentId: string; publicKey: string }>('/api/cooperation/identity', signal),
  });
  const list = useQuery({
    queryKey: ['agreements'],
    queryFn: ({ signal }) => get<{ agreements: AgreementOut[] }>('/api/agreements', signal),
  });
  if (list.isPending) return <Loading />;
  return (
    <div className="page agreements-page">
      <header className="page-header">
        <h1>{t('cooperation.agreements')}</h1>
        <p className="muted">{t('cooperation.agreementsIntro')}</p>
      </header>
      <section aria-labelledby="identity-heading">
        <h2 id="identity-heading">{t('cooperation.identity')}</h2>
        {identity.data ? (
          <p>
            <code className="break">{identity.data.publicKey}</code>
          </p>
        ) : identity.isError ? (
          <ErrorText error={identity.error} />
        ) : null}
      </section>
      <section aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">{t('cooperation.inForce')}</h2>
        {list.data?.agreements.length ? (
          <table className="table">
            <thead>
              <tr>
                <th>{t('cooperation.field.id')}</th>
                <th>{t('cooperation.field.partnerName')}</th>
                <th>{t('cooperation.field.selectorTypes')}</th>
                <th>{t('cooperation.rate')}</th>
                <th>{t('cooperation.contact')}</th>
                <th>{t('cooperation.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.agreements.map((a) => (
                <tr key={a.id}>
                  <td>
                    <code>{a.id}</code>
                  </td>
                  <td>
                    {a.partnerName} ({a.partnerCountry})
                  </td>
                  <td>{a.selectorTypes.map((k) => t(`cooperation.kind.${k}`)).join(', ')}</td>
                  <td>
                    {t('cooperation.rateValue', { queries: a.rateLimit.queries, hours: a.rateLimit.periodHours })}
                  </td>
                  <td>{a.contactPoints.map((c) => `${c.name}, ${c.agency}`).join('; ')}</td>
                  <td>{t(`cooperation.agreementStatus.${a.status === 'revoked' ? 'revoked' : 'active'}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <EmptyState icon="globe" title={t('cooperation.noAgreements')} />
        )}
      </section>
      <ExchangeFiles />
      <AgreementForm />
    </div>
  );
}
