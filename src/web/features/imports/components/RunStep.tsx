/**
 * Steps 3 and 4: the import runs on the server with a progress bar and a cancel button; the
 * result says what was added (and shows the rows), or lists every problem by line — in which
 * case nothing at all was added.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useEntityRows } from '../../entities/index.ts';
import type { ImportJobOut } from '../../../../shared/contracts/imports.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { EntityBadge, TypeName } from '../../../ui/EntityBadge.tsx';
import { ErrorMessage, Notice, ProgressBar } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { LineMessages } from './LineMessages.tsx';

const running = (j: ImportJobOut | undefined) => j?.status === 'checking' || j?.status === 'writing';

function AddedRows({ caseId, sourceId }: { caseId: string; sourceId: string }) {
  const { t } = useTranslation();
  const rows = useEntityRows(caseId, { source: sourceId, limit: 50, sort: 'schema' });
  if (!rows.data) return null;
  return (
    <>
      <table className="table compact" data-testid="import-rows">
        <caption>{t('result.rowsCaption', { shown: rows.data.rows.length, total: rows.data.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('entities.col.type')}</th>
            <th scope="col">{t('entities.col.name')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.data.rows.map((r) => (
            <tr key={r.id}>
              <td>
                <TypeName schema={r.schema} />
              </td>
              <td>
                <Link to={paths.entity(caseId, r.id)}>
                  <EntityBadge entity={r} />
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Link className="btn" to={paths.entities(caseId, { source: sourceId })}>
        {t('result.openInList')}
      </Link>
    </>
  );
}

/** The job's own address, opened by its key (it answers even while the import holds the database). */
const jobCall = (ticket: JobTicket, what: 'status' | 'cancel', signal?: AbortSignal) =>
  api<ImportJobOut>(
    what === 'status' ? 'GET' : 'POST',
    `/api/import-jobs/${encodeURIComponent(ticket.id)}${what === 'cancel' ? '/cancel' : ''}`,
    undefined,
    signal,
    { 'x-elect-job-key': ticket.key },
  );

export interface JobTicket {
  id: string;
  key: string;
}

export function RunStep({
  caseId,
  ticket,
  onBack,
  onAgain,
}: {
  caseId: string;
  ticket: JobTicket;
  onBack: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: ['import-job', ticket.id],
    queryFn: ({ signal }) => jobCall(ticket, 'status', signal),
    refetchInterval: (q) => (running(q.state.data) || !q.state.data ? 300 : false),
  });
  const j = job.data;
  useEffect(() => {
    if (j?.status === 'succeeded') void qc.invalidateQueries({ queryKey: keys.case(caseId) });
  }, [j?.status, caseId, qc]);

  if (job.error)
    return (
      <section className="wizard-step">
        <ErrorMessage error={job.error} />
        <button type="button" className="btn" onClick={onBack}>
          {t('wizard.back')}
        </button>
      </section>
    );
  if (!j || running(j)) {
    const phase = j?.status === 'writing' ? t('run.writing') : t('run.checking');
    return (
      <section aria-labelledby="run-heading" className="wizard-step">
        <h2 id="run-heading">{t('run.title')}</h2>
        <p aria-live="polite">
          {phase}{' '}
          {j
            ? t('run.counts', {
                entities: f.number(j.progress.entities),
                transactions: f.number(j.progress.transactions),
              })
            : ''}
        </p>
        <ProgressBar value={j?.progress.bytesRead ?? 0} max={j?.progress.totalBytes ?? null} label={phase} />
        <button
          type="button"
          className="btn danger"
          onClick={() => void jobCall(ticket, 'cancel').then(() => job.refetch())}
        >
          <Icon name="close" />
          {t('run.cancel')}
        </button>
      </section>
    );
  }
  return (
    <section aria-labelledby="result-heading" className="wizard-step" data-testid="import-result">
      <h2 id="result-heading">{t('result.title')}</h2>
      {j.status === 'succeeded' && j.report ? (
        <>
          <Notice kind="success">
            {t('result.succeeded', { file: j.fileName, n: f.number(j.report.entitiesAdded) })}
          </Notice>
          <dl className="properties">
            <div className="property">
              <dt>{t('result.entitiesAdded')}</dt>
              <dd>
                {Object.entries(j.report.bySchema)
                  .map(([s, n]) => `${t(`schema.${s}.other`, { defaultValue: s })}: ${f.number(n)}`)
                  .join(' · ') || '0'}
              </dd>
            </div>
            <div className="property">
              <dt>{t('result.merged')}</dt>
              <dd>{f.number(j.report.entitiesMerged)}</dd>
            </div>
            {j.report.entitiesUnchanged + j.report.entitiesUpdated > 0 && (
              <div className="property">
                <dt>{t('result.reimported')}</dt>
                <dd>
                  {t('result.reimportedDetail', {
                    unchanged: f.number(j.report.entitiesUnchanged),
                    updated: f.number(j.report.entitiesUpdated),
                  })}
                </dd>
              </div>
            )}
            <div className="property">
              <dt>{t('result.transactions')}</dt>
              <dd>
                {t('result.transactionsDetail', {
                  added: f.number(j.report.transactionsAdded),
                  present: f.number(j.report.transactionsAlreadyPresent),
                })}
              </dd>
            </div>
            <div className="property">
              <dt>{t('result.files')}</dt>
              <dd>{f.number(j.report.filesAdded)}</dd>
            </div>
            <div className="property">
              <dt>SHA-256</dt>
              <dd className="mono hash">{j.report.sha256}</dd>
            </div>
          </dl>
          {j.warnings.length ? <LineMessages messages={j.warnings} kind="warning" /> : null}
          <AddedRows caseId={caseId} sourceId={j.report.sourceId} />
        </>
      ) : j.status === 'cancelled' ? (
        <Notice kind="warning" icon="warning">
          {t('result.cancelled')}
        </Notice>
      ) : (
        <>
          <Notice kind="warning" icon="warning">
            {t('result.failed')}
          </Notice>
          <LineMessages messages={j.errors} kind="error" truncated={j.truncated} />
        </>
      )}
      <div className="form-actions">
        {j.status !== 'succeeded' ? (
          <button type="button" className="btn primary" onClick={onBack}>
            {t('result.backToMapping')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={onAgain}>
          {t('result.another')}
        </button>
      </div>
    </section>
  );
}
