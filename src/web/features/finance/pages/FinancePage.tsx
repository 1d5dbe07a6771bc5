/**
 * The financial investigation of a case in four tabs kept in the address (`?tab=…&account=…`),
 * so a view can be bookmarked and the back button walks through them: accounts with their
 * totals and counterparties, the statement lines, the red-flag findings with their evidence,
 * and the proceeds estimate with its model. The period is the one every analysis view obeys.
 */
import { useTranslation } from 'react-i18next';
import { useCase } from '../../cases/index.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { AccountsTab } from '../components/AccountsTab.tsx';
import { FindingsTab } from '../components/FindingsTab.tsx';
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { ProceedsTab } from '../components/ProceedsTab.tsx';
import { TransactionsTab } from '../components/TransactionsTab.tsx';
import { FINANCE_TABS, useFinanceParams } from '../components/params.ts';
import './finance.css';

export function FinancePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const kase = useCase(caseId);
  const { params } = useFinanceParams(caseId);
  const tab = params.tab;
  usePageTitle(`${t(`finance.tabs.${tab}`)} · ${t('finance.title')}`);
  if (kase.isPending) return <Loading />;
  if (kase.error) return <ErrorMessage error={kase.error} />;
  const canWrite = kase.data.access?.canWrite !== false;
  return (
    <div className="page finance-page" data-testid="finance-page">
      <header className="page-header">
        <h1>{t('finance.title')}</h1>
        {!canWrite ? <span className="tag">{t('finance.readOnly')}</span> : null}
        {tab !== 'proceeds' ? <PeriodPicker caseId={caseId} /> : null}
      </header>
      <nav className="finance-tabs" aria-label={t('finance.tabsLabel')}>
        <ul>
          {FINANCE_TABS.map((name) => (
            <li key={name}>
              <Link
                to={paths.finance(caseId, {
                  tab: name,
                  ...(params.account && name !== 'proceeds' ? { account: params.account } : {}),
                })}
                className={tab === name ? 'finance-tab current' : 'finance-tab'}
                {...(tab === name ? { 'aria-current': 'page' as const } : {})}
              >
                {t(`finance.tabs.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'accounts' ? <AccountsTab caseId={caseId} /> : null}
      {tab === 'transactions' ? <TransactionsTab caseId={caseId} /> : null}
      {tab === 'findings' ? <FindingsTab caseId={caseId} canWrite={canWrite} /> : null}
      {tab === 'proceeds' ? <ProceedsTab caseId={caseId} canWrite={canWrite} /> : null}
    </div>
  );
}
