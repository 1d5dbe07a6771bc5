/** The open red-flag findings of a case in a few words, linking to them: for the dashboard and the navigator. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useOpenFindings } from '../api/financeApi.ts';

const findingsLink = (caseId: string) => paths.finance(caseId, { tab: 'findings', status: 'open' });

export function RedFlagsPanelBody({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = useOpenFindings(caseId);
  if (!open.data) return <p className="muted">{open.error ? t('finance.summary.unavailable') : t('common.loading')}</p>;
  const { count, more, ran, stale } = open.data;
  if (!ran) {
    return (
      <p className="muted">
        {t('finance.summary.neverRun')}{' '}
        <Link to={paths.finance(caseId, { tab: 'findings' })}>{t('finance.summary.goRun')}</Link>
      </p>
    );
  }
  return (
    <p data-testid="open-findings">
      <Link to={findingsLink(caseId)}>
        <span className="flags-count">
          {f.number(count)}
          {more ? '+' : ''}
        </span>{' '}
        {t('finance.summary.open', { count })}
      </Link>
      {stale ? <span className="muted small"> · {t('finance.summary.stale')}</span> : null}
    </p>
  );
}

export function OpenFindingsNavLink({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = useOpenFindings(caseId);
  if (!open.data?.ran) return <p className="nav-note">{t('finance.summary.neverRun')}</p>;
  return (
    <p className="nav-note">
      <Link to={findingsLink(caseId)}>
        {t('finance.summary.navOpen', {
          count: open.data.count,
          formatted: `${f.number(open.data.count)}${open.data.more ? '+' : ''}`,
        })}
      </Link>
    </p>
  );
}
