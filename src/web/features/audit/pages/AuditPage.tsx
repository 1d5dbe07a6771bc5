/**
 * The audit trail: who did what with which data, newest first. A case lead sees their case's
 * trail; a supervisor sees every case's. Filters by action and period; pages back in time.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions } from '../../../../shared/contracts/audit.ts';
import { useAudit } from '../api/hooks.ts';
import type { AuditFilter } from '../api/hooks.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

function detailText(d: Record<string, unknown> | null): string {
  if (!d) return '';
  return Object.entries(d)
    .filter(([k]) => k !== 'route')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

export function AuditPage({ caseId }: { caseId: string | null }) {
  const { t } = useTranslation();
  usePageTitle(caseId ? t('audit.caseTitle') : t('audit.title'));
  const f = useFormat();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const audit = useAudit(caseId, filter, cursors[cursors.length - 1]);
  const set = (patch: AuditFilter) => {
    setFilter({ ...filter, ...patch });
    setCursors([]);
  };
  return (
    <div className="page">
      <header className="page-header">
        <h1>{caseId ? t('audit.caseTitle') : t('audit.title')}</h1>
      </header>
      <p className="muted">{t('audit.intro')}</p>
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <div className="field inline">
          <label htmlFor="a-action">{t('audit.action')}</label>
          <select
            id="a-action"
            value={filter.action ?? ''}
            onChange={(e) => set({ action: e.target.value || undefined } as AuditFilter)}
          >
            <option value="">{t('common.all')}</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="a-from">{t('audit.from')}</label>
          <input
            id="a-from"
            type="date"
            value={filter.from ?? ''}
            onChange={(e) => set({ from: e.target.value || undefined } as AuditFilter)}
          />
        </div>
        <div className="field inline">
          <label htmlFor="a-to">{t('audit.to')}</label>
          <input
            id="a-to"
            type="date"
            value={filter.to ?? ''}
            onChange={(e) => set({ to: e.target.value || undefined } as AuditFilter)}
          />
        </div>
      </div>
      {audit.isPending ? (
        <Loading />
      ) : audit.error ? (
        <ErrorMessage error={audit.error} />
      ) : audit.data.events.length === 0 ? (
        <EmptyState icon="audit" title={t('audit.none')} />
      ) : (
        <>
          <table className="table compact" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.user')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                {caseId ? null : <th scope="col">{t('audit.case')}</th>}
                <th scope="col">{t('audit.returned')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.events.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{f.timestamp(e.at)}</td>
                  <td>{e.username ?? e.userId.slice(0, 8)}</td>
                  <td>
                    <span className={`tag audit-${e.action}`}>
                      {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                    </span>
                  </td>
                  <td className="nowrap">
                    {t(`audit.targets.${e.targetType}`, { defaultValue: e.targetType })}
                    {e.targetId ? (
                      <span className="mono small" title={e.targetId}>
                        {' '}
                        {e.targetId.length > 14 ? `${e.targetId.slice(0, 13)}…` : e.targetId}
                      </span>
                    ) : null}
                  </td>
                  {caseId ? null : (
                    <td>{e.caseId ? <Link to={paths.case(e.caseId)}>{e.caseId.slice(0, 8)}</Link> : '—'}</td>
                  )}
                  <td>{e.returnedCount ? f.number(e.returnedCount) : ''}</td>
                  <td className="small" lang="en">
                    {detailText(e.detail)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            {cursors.length ? (
              <button type="button" className="btn" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('audit.newer')}
              </button>
            ) : null}
            {audit.data.next ? (
              <button type="button" className="btn" onClick={() => setCursors([...cursors, audit.data.next ?? ''])}>
                {t('audit.older')}
              </button>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
