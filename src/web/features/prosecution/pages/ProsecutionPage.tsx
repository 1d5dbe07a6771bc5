/**
 * The prosecution package of a case: build the case report (choose sections and language,
 * generate in the background with progress, download), the evidence register with verification
 * of every hash, and chart exchange with i2 Analyst's Notebook (ANX export and import).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_LANGUAGES, REPORT_SECTIONS } from '../../../../shared/contracts/prosecution.ts';
import type { ReportJobOut } from '../../../../shared/contracts/prosecution.ts';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useCase } from '../../cases/index.ts';
import { ErrorMessage, Loading, Notice, ProgressBar } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { base, useRegister, useReportJob } from '../api/prosecutionApi.ts';
import './prosecution.css';

function ReportBuilder({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [sections, setSections] = useState<string[]>([...REPORT_SECTIONS]);
  const [language, setLanguage] = useState<string>(
    (REPORT_LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en',
  );
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const job = useReportJob(caseId, jobId);
  const toggle = (s: string) => setSections((xs) => (xs.includes(s) ? xs.filter((x) => x !== s) : [...xs, s]));
  const start = async () => {
    setError(null);
    try {
      const j = await api<ReportJobOut>('POST', `${base(caseId)}/reports`, { sections, language });
      setJobId(j.id);
    } catch (e) {
      setError(e);
    }
  };
  const d = job.data;
  return (
    <section className="panel" aria-labelledby="report-heading">
      <header className="panel-header">
        <h2 id="report-heading">{t('prosecution.report.title')}</h2>
      </header>
      <p className="muted">{t('prosecution.report.intro')}</p>
      <fieldset>
        <legend>{t('prosecution.report.sections')}</legend>
        {REPORT_SECTIONS.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" checked={sections.includes(s)} onChange={() => toggle(s)} />{' '}
            {t(`prosecution.section.${s}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('prosecution.report.language')}{' '}
        <select id="report-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {REPORT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`prosecution.language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button
          type="button"
          className="btn primary"
          onClick={() => void start()}
          disabled={!sections.length || d?.status === 'running'}
        >
          <Icon name="document" />
          {t('prosecution.report.generate')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {job.error ? <ErrorMessage error={job.error} /> : null}
      {d?.status === 'running' ? (
        <ProgressBar
          value={Math.round(d.progress * 100)}
          max={100}
          label={t('prosecution.report.progress', { step: d.step })}
        />
      ) : null}
      {d?.status === 'failed' ? (
        <Notice kind="warning" icon="warning">
          {t('prosecution.report.failed', { error: d.error ?? '' })}
        </Notice>
      ) : null}
      {d?.status === 'done' ? (
        <Notice kind="success">
          {t('prosecution.report.done', { pages: d.pages ?? 0 })}{' '}
          <a
            className="btn"
            href={`${base(caseId)}/reports/${encodeURIComponent(d.id)}/download`}
            download={d.fileName}
          >
            <Icon name="download" />
            {t('prosecution.report.download')}
          </a>
        </Notice>
      ) : null}
    </section>
  );
}

function Register({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [verify, setVerify] = useState(false);
  const reg = useRegister(caseId, verify);
  const d = reg.data;
  return (
    <section className="panel" aria-labelledby="register-heading">
      <header className="panel-header">
        <h2 id="register-heading">{t('prosecution.register.title')}</h2>
        <button
          type="button"
          className="btn"
          onClick={() => (verify ? void reg.refetch() : setVerify(true))}
          disabled={reg.isFetching}
        >
          <Icon name="shield" />
          {t('prosecution.register.verifyAll')}
        </button>
      </header>
      {reg.isLoading ? <Loading /> : null}
      {reg.error ? <ErrorMessage error={reg.error} /> : null}
      {d?.ok === true ? (
        <Notice kind="success">{t('prosecution.register.ok', { count: d.items.length })}</Notice>
      ) : null}
      {d?.ok === false ? (
        <Notice kind="warning" icon="warning">
          {t('prosecution.register.failed', { files: d.failed.join(', ') })}
        </Notice>
      ) : null}
      {d ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('prosecution.register.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prosecution.register.file')}</th>
                <th scope="col">SHA-256</th>
                <th scope="col">{t('prosecution.register.source')}</th>
                <th scope="col">{t('prosecution.register.obtained')}</th>
                <th scope="col">{t('prosecution.register.custody')}</th>
                <th scope="col">{t('prosecution.register.status')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((i) => (
                <tr key={i.fileId}>
                  <td>{i.fileName}</td>
                  <td>
                    <code>{i.sha256.slice(0, 16)}…</code>
                  </td>
                  <td>{i.source}</td>
                  <td>{i.obtainedAt.slice(0, 19).replace('T', ' ')}</td>
                  <td>{t('prosecution.register.events', { count: i.custody.length })}</td>
                  <td>{t(`prosecution.status.${i.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ChartExchange({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = async (file: File) => {
    setError(null);
    setResult(null);
    try {
      const out = await api<{ report: { entitiesAdded: number; transactionsAdded: number } }>(
        'POST',
        `${base(caseId)}/anx`,
        { fileName: file.name, content: await file.text() },
      );
      setResult(
        t('prosecution.anx.imported', {
          entities: out.report.entitiesAdded,
          transactions: out.report.transactionsAdded,
        }),
      );
      void qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="panel" aria-labelledby="anx-heading">
      <header className="panel-header">
        <h2 id="anx-heading">{t('prosecution.anx.title')}</h2>
      </header>
      <p className="muted">{t('prosecution.anx.intro')}</p>
      <div className="actions">
        <a className="btn" href={`${base(caseId)}/anx?format=anx`} download>
          <Icon name="download" />
          {t('prosecution.anx.export')}
        </a>
        <a className="btn" href={`${base(caseId)}/anx?format=entities.csv`} download>
          <Icon name="download" />
          {t('prosecution.anx.entitiesCsv')}
        </a>
        <a className="btn" href={`${base(caseId)}/anx?format=links.csv`} download>
          <Icon name="download" />
          {t('prosecution.anx.linksCsv')}
        </a>
      </div>
      {canWrite ? (
        <label className="btn">
          <Icon name="upload" />
          {t('prosecution.anx.import')}
          <input
            className="visually-hidden"
            type="file"
            accept=".anx,.xml"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void upload(f);
            }}
          />
        </label>
      ) : null}
      {result ? <Notice kind="success">{result}</Notice> : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

export function ProsecutionPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('prosecution.title'));
  const kase = useCase(caseId);
  return (
    <div className="page prosecution-page">
      <header className="page-header">
        <h1>{t('prosecution.title')}</h1>
      </header>
      <p className="muted">{t('prosecution.intro')}</p>
      <ReportBuilder caseId={caseId} />
      <Register caseId={caseId} />
      <ChartExchange caseId={caseId} canWrite={kase.data?.access?.canWrite !== false} />
    </div>
  );
}
