/**
 * Victims' proceedings files: only for users with the victim-contact permission on the case
 * (the server refuses everyone else, and audits every view). A victim's referral, reflection
 * period with its reminders, residence permit, interpreter and counsel, protective measures,
 * non-punishment flag and the compensation claim computed from the proceeds estimate.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURES, PERMIT_STATUSES, REFERRAL_OUTCOMES } from '../../../../shared/contracts/prosecution.ts';
import type { VictimFileBody, VictimFileOut } from '../../../../shared/contracts/prosecution.ts';
import { api } from '../../../ui/api/client.ts';
import { useCase } from '../../cases/index.ts';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { base, prosecutionKey, useVictimFile, useVictims } from '../api/prosecutionApi.ts';
import './prosecution.css';

const bodyOf = (f: VictimFileOut): VictimFileBody => ({
  version: f.version,
  referral: f.referral,
  reflection: f.reflection,
  residencePermit: f.residencePermit,
  interpreterLanguage: f.interpreterLanguage,
  legalCounsel: f.legalCounsel,
  measures: f.measures,
  nonPunishment: f.nonPunishment,
});
const orNull = (s: string) => (s.trim() ? s.trim() : null);
const money = (minor: number, c: string) => `${(minor / 100).toFixed(2)} ${c}`;

function FileForm({ caseId, file, canWrite }: { caseId: string; file: VictimFileOut; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [b, setB] = useState<VictimFileBody>(bodyOf(file));
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setB(bodyOf(file)), [file]);
  const url = `${base(caseId)}/victims/${encodeURIComponent(file.personId)}/file`;
  const run = async (method: string, path: string, body?: unknown) => {
    setError(null);
    try {
      const out = await api<VictimFileOut>(method, `${url}${path}`, body);
      qc.setQueryData([...prosecutionKey(caseId), 'victim', file.personId], out);
      void qc.invalidateQueries({ queryKey: [...prosecutionKey(caseId), 'victims'] });
    } catch (e) {
      setError(e);
    }
  };
  const measure = (m: (typeof MEASURES)[number]) =>
    b.measures.find((x) => x.measure === m) ?? { measure: m, asked: false, granted: null };
  const setMeasure = (m: (typeof MEASURES)[number], asked: boolean, granted: boolean | null) =>
    setB({
      ...b,
      measures: [...b.measures.filter((x) => x.measure !== m), ...(asked ? [{ measure: m, asked, granted }] : [])],
    });
  return (
    <form
      className="panel form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void run('PUT', '', b);
      }}
      aria-labelledby="victim-file-heading"
    >
      <h2 id="victim-file-heading">{file.caption}</h2>
      {file.reminders.due.map((r) => (
        <Notice key={r.key} kind="warning" icon="warning">
          {t('prosecution.victim.reminder', { date: r.date, days: r.daysBefore })}{' '}
          {canWrite ? (
            <button type="button" className="btn" onClick={() => void run('POST', '/reminders', { key: r.key })}>
              {t('prosecution.victim.acknowledge')}
            </button>
          ) : null}
        </Notice>
      ))}
      <fieldset>
        <legend>{t('prosecution.victim.referral')}</legend>
        <label>
          {t('prosecution.victim.organisation')}{' '}
          <input
            value={b.referral.organisation ?? ''}
            onChange={(e) => setB({ ...b, referral: { ...b.referral, organisation: orNull(e.target.value) } })}
          />
        </label>
        <label>
          {t('prosecution.victim.date')}{' '}
          <input
            type="date"
            value={b.referral.date ?? ''}
            onChange={(e) => setB({ ...b, referral: { ...b.referral, date: orNull(e.target.value) } })}
          />
        </label>
        <label>
          {t('prosecution.victim.outcome')}{' '}
          <select
            value={b.referral.outcome ?? ''}
            onChange={(e) =>
              setB({
                ...b,
                referral: { ...b.referral, outcome: orNull(e.target.value) as VictimFileBody['referral']['outcome'] },
              })
            }
          >
            <option value="">—</option>
            {REFERRAL_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`prosecution.outcome.${o}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('prosecution.victim.reflection')}</legend>
        <label>
          {t('prosecution.victim.start')}{' '}
          <input
            type="date"
            value={b.reflection.start ?? ''}
            onChange={(e) => setB({ ...b, reflection: { ...b.reflection, start: orNull(e.target.value) } })}
          />
        </label>
        <label>
          {t('prosecution.victim.end')}{' '}
          <input
            type="date"
            value={b.reflection.end ?? ''}
            onChange={(e) => setB({ ...b, reflection: { ...b.reflection, end: orNull(e.target.value) } })}
          />
        </label>
        {file.reminders.next ? (
          <p className="muted">{t('prosecution.victim.next', { date: file.reminders.next.date })}</p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('prosecution.victim.permit')}</legend>
        <select
          aria-label={t('prosecution.victim.permit')}
          value={b.residencePermit.status ?? ''}
          onChange={(e) =>
            setB({
              ...b,
              residencePermit: {
                ...b.residencePermit,
                status: orNull(e.target.value) as VictimFileBody['residencePermit']['status'],
              },
            })
          }
        >
          <option value="">—</option>
          {PERMIT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`prosecution.permit.${s}`)}
            </option>
          ))}
        </select>
        <label>
          {t('prosecution.victim.until')}{' '}
          <input
            type="date"
            value={b.residencePermit.until ?? ''}
            onChange={(e) => setB({ ...b, residencePermit: { ...b.residencePermit, until: orNull(e.target.value) } })}
          />
        </label>
      </fieldset>
      <label>
        {t('prosecution.victim.interpreter')}{' '}
        <input
          value={b.interpreterLanguage ?? ''}
          onChange={(e) => setB({ ...b, interpreterLanguage: orNull(e.target.value) })}
        />
      </label>
      <label>
        {t('prosecution.victim.counsel')}{' '}
        <input value={b.legalCounsel ?? ''} onChange={(e) => setB({ ...b, legalCounsel: orNull(e.target.value) })} />
      </label>
      <fieldset>
        <legend>{t('prosecution.victim.measures')}</legend>
        {MEASURES.map((m) => {
          const x = measure(m);
          return (
            <div key={m}>
              <label className="checkbox">
                <input type="checkbox" checked={x.asked} onChange={(e) => setMeasure(m, e.target.checked, null)} />{' '}
                {t(`prosecution.measure.${m}`)}
              </label>
              {x.asked ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={x.granted === true}
                    onChange={(e) => setMeasure(m, true, e.target.checked ? true : null)}
                  />{' '}
                  {t('prosecution.victim.granted')}
                </label>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('prosecution.victim.nonPunishment')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={b.nonPunishment.flagged}
            onChange={(e) => setB({ ...b, nonPunishment: { ...b.nonPunishment, flagged: e.target.checked } })}
          />{' '}
          {t('prosecution.victim.flagged')}
        </label>
        <label>
          {t('prosecution.victim.note')}{' '}
          <textarea
            value={b.nonPunishment.note ?? ''}
            onChange={(e) => setB({ ...b, nonPunishment: { ...b.nonPunishment, note: orNull(e.target.value) } })}
          />
        </label>
      </fieldset>
      <section aria-labelledby="claim-heading">
        <h3 id="claim-heading">{t('prosecution.victim.claim')}</h3>
        {file.compensation ? (
          <p>
            {t('prosecution.victim.claimTotals', {
              wages: money(file.compensation.wagesOwedMinor, file.compensation.currency),
              deductions: money(file.compensation.deductionsMinor, file.compensation.currency),
              total: money(file.compensation.totalMinor, file.compensation.currency),
            })}
          </p>
        ) : (
          <p className="muted">{t('prosecution.victim.noClaim')}</p>
        )}
        {canWrite && file.exists ? (
          <button type="button" className="btn" onClick={() => void run('POST', '/claim')}>
            {t('prosecution.victim.computeClaim')}
          </button>
        ) : null}
      </section>
      {error ? <ErrorMessage error={error} /> : null}
      {canWrite ? (
        <div className="actions">
          <button type="submit" className="btn primary">
            {t('prosecution.victim.save')}
          </button>
        </div>
      ) : null}
    </form>
  );
}

export function VictimFilesPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('prosecution.victim.title'));
  const kase = useCase(caseId);
  const permitted = kase.data?.access?.victimContact === true;
  const victims = useVictims(caseId, permitted);
  const [selected, setSelected] = useState<string | null>(null);
  const file = useVictimFile(caseId, selected);
  if (kase.isLoading) return <Loading />;
  return (
    <div className="page victim-files-page">
      <header className="page-header">
        <h1>{t('prosecution.victim.title')}</h1>
      </header>
      {!permitted ? (
        <Notice kind="warning" icon="warning">
          {t('prosecution.victim.refused')}
        </Notice>
      ) : (
        <>
          <p className="muted">{t('prosecution.victim.intro')}</p>
          {victims.error ? <ErrorMessage error={victims.error} /> : null}
          <ul className="victim-list">
            {(victims.data?.victims ?? []).map((v) => (
              <li key={v.personId}>
                <button
                  type="button"
                  className="btn"
                  aria-pressed={selected === v.personId}
                  onClick={() => setSelected(v.personId)}
                >
                  {v.caption}
                  {v.dueReminders ? ` (${t('prosecution.victim.due', { count: v.dueReminders })})` : ''}
                </button>
              </li>
            ))}
          </ul>
          {file.error ? <ErrorMessage error={file.error} /> : null}
          {file.data ? (
            <FileForm caseId={caseId} file={file.data} canWrite={kase.data?.access?.canWrite !== false} />
          ) : null}
        </>
      )}
    </div>
  );
}
