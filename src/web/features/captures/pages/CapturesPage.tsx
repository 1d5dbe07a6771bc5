/**
 * Online captures of a case: capture an ad or web page with its URL and time, read what was
 * found in it (phones, e-mails, red flags marked in the text), see the networks the ads form and
 * why each ad is linked, and check every evidence file against its recorded SHA-256.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCase } from '../../cases/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { EmptyState, ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { CaptureDetail } from '../components/CaptureDetail.tsx';
import { CaptureUpload } from '../components/CaptureUpload.tsx';
import { useCaptures, useEvidenceCheck } from '../api/capturesApi.ts';
import { NetworksPanel } from '../components/NetworksPanel.tsx';

function VerifyButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const check = useEvidenceCheck(caseId);
  const bad = check.data?.files.filter((f) => f.status !== 'ok') ?? [];
  return (
    <div className="verify">
      <button type="button" className="btn" onClick={() => void check.refetch()} disabled={check.isFetching}>
        <Icon name="shield" />
        {t('captures.verify')}
      </button>
      {check.error ? <ErrorMessage error={check.error} /> : null}
      {check.data ? (
        check.data.ok ? (
          <Notice kind="success">{t('captures.verifyOk', { count: check.data.checked })}</Notice>
        ) : (
          <Notice kind="warning" icon="warning">
            {t('captures.verifyFailed', { count: bad.length, total: check.data.checked })}
            <ul>
              {bad.map((f) => (
                <li key={f.fileId}>
                  {f.fileName}: {t(`captures.status.${f.status}`)}
                </li>
              ))}
            </ul>
          </Notice>
        )
      ) : null}
    </div>
  );
}

export function CapturesPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  usePageTitle(t('captures.title'));
  const kase = useCase(caseId);
  const list = useCaptures(caseId);
  const [selected, setSelected] = useState<string | null>(null);
  const canWrite = kase.data?.access?.canWrite !== false;
  const captures = list.data?.captures ?? [];
  return (
    <div className="page captures-page">
      <header className="page-header">
        <h1>{t('captures.title')}</h1>
        <VerifyButton caseId={caseId} />
      </header>
      <p className="muted">{t('captures.intro')}</p>
      {canWrite ? <CaptureUpload caseId={caseId} onCaptured={(c) => setSelected(c.id)} /> : null}
      <div className="two-columns">
        <section className="panel" aria-labelledby="captures-heading">
          <header className="panel-header">
            <h2 id="captures-heading">{t('captures.list')}</h2>
          </header>
          {list.isPending ? (
            <Loading />
          ) : list.error ? (
            <ErrorMessage error={list.error} />
          ) : captures.length === 0 ? (
            <EmptyState icon="image" title={t('captures.none')} />
          ) : (
            <table className="table compact" data-testid="captures-table">
              <thead>
                <tr>
                  <th scope="col">{t('captures.ad')}</th>
                  <th scope="col">{t('captures.capturedAt')}</th>
                  <th scope="col">{t('captures.phones')}</th>
                  <th scope="col">{t('captures.redFlags')}</th>
                </tr>
              </thead>
              <tbody>
                {captures.map((c) => (
                  <tr key={c.id} className={c.id === selected ? 'selected' : ''}>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={c.id === selected}
                        onClick={() => setSelected(c.id)}
                      >
                        {c.title}
                      </button>
                      <div className="small muted">{c.site}</div>
                    </td>
                    <td className="small">{f.dateTime(c.capturedAt)}</td>
                    <td className="small mono">{c.phones.join(', ')}</td>
                    <td className="small">
                      {c.redFlags.map((k) => (
                        <span key={k} className="tag flag">
                          {t(`captures.flag.${k}`)}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="panel" aria-labelledby="capture-heading">
          <header className="panel-header">
            <h2 id="capture-heading">{t('captures.detail')}</h2>
          </header>
          {selected ? <CaptureDetail caseId={caseId} id={selected} /> : <p className="muted">{t('captures.pick')}</p>}
        </section>
      </div>
      <NetworksPanel caseId={caseId} onOpen={setSelected} />
    </div>
  );
}
