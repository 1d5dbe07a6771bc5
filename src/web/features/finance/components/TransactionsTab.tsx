/**
 * Statement lines of an account or of the whole case as one virtualised list: filters (period,
 * counterparty, text, smallest amount, direction), sorting by column, keyboard navigation, and
 * a CSV export of exactly the rows filtered (audited and watermarked by the server). Lines a
 * finding cites arrive here with `finding=`.
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { transactionSorts } from '../../../../shared/contracts/finance.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useSelection } from '../../../state/session.ts';
import { usePeriod } from '../../../state/viewFilter.ts';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { useDebounced } from '../../../ui/useDebounced.ts';
import { VirtualGrid } from '../../../ui/VirtualGrid.tsx';
import { exportUrl, periodParams, TX_PAGE, useAccounts, useFinding, usePagedTransactions } from '../api/financeApi.ts';
import type { TransactionOut, TxFilter } from '../api/financeApi.ts';
import { minorOf, moneyOf } from './money.ts';
import { useFinanceParams } from './params.ts';

type Sort = (typeof transactionSorts)[number];
export function TransactionsTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = usePeriod(caseId);
  const { params, set } = useFinanceParams(caseId);
  const accounts = useAccounts(caseId, null);
  const finding = useFinding(caseId, params.finding ?? null);
  const select = useSelection((s) => s.select);
  const [text, setText] = useState('');
  const [min, setMin] = useState('');
  const [direction, setDirection] = useState<'' | 'in' | 'out'>('');
  const [sort, setSort] = useState<Sort>('date');
  const [dir, setDir] = useState<'asc' | 'desc'>('desc');
  const q = useDebounced(text.trim());
  const minTyped = useDebounced(min);
  const minMinor = minorOf(minTyped);
  const minBad = minMinor !== null && Number.isNaN(minMinor);
  const captions = new Map((accounts.data?.accounts ?? []).map((a) => [a.id, a.caption]));
  const accountCaption = (id: string) => captions.get(id) ?? id.slice(0, 8);

  const filter: TxFilter = {
    sort,
    dir,
    ...periodParams(period),
    ...(params.account ? { account: params.account } : {}),
    ...(params.counterparty ? { counterparty: params.counterparty } : {}),
    ...(q ? { q } : {}),
    ...(minMinor !== null && !minBad ? { minAmount: minMinor } : {}),
    ...(direction ? { direction } : {}),
    ...(params.finding ? { finding: params.finding } : {}),
  };
  if (!filter.from) delete filter.from;
  if (!filter.to) delete filter.to;
  const [visible, setVisible] = useState<number[]>([0]);
  const rows = usePagedTransactions(caseId, filter, visible);
  const total = rows.total ?? 0;
  const onSort = (c: Sort) => {
    if (c === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(c);
      setDir(c === 'counterparty' ? 'asc' : 'desc');
    }
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>, row: TransactionOut) => {
    if (e.key === ' ') {
      e.preventDefault();
      select(caseId, row.accountId);
    }
    if (e.key === 'Enter' && row.counterpartyAccountId) select(caseId, row.counterpartyAccountId);
  };
  return (
    <div className="finance-transactions">
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <div className="field inline">
          <label htmlFor="tx-account">{t('finance.col.account')}</label>
          <select
            id="tx-account"
            value={params.account ?? ''}
            onChange={(e) => set({ account: e.target.value || undefined, counterparty: undefined }, { replace: true })}
          >
            <option value="">{t('finance.tx.allAccounts')}</option>
            {(accounts.data?.accounts ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.caption}
                {a.holders[0] ? ` — ${a.holders[0].caption}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="tx-direction">{t('finance.tx.direction')}</label>
          <select
            id="tx-direction"
            value={direction}
            onChange={(e) => setDirection(e.target.value as typeof direction)}
          >
            <option value="">{t('finance.direction.both')}</option>
            <option value="in">{t('finance.direction.in')}</option>
            <option value="out">{t('finance.direction.out')}</option>
          </select>
        </div>
        <div className={`field inline${minBad ? ' has-error' : ''}`}>
          <label htmlFor="tx-min">{t('finance.tx.minAmount')}</label>
          <input
            id="tx-min"
            inputMode="decimal"
            className="narrow-input"
            value={min}
            onChange={(e) => setMin(e.target.value)}
            {...(minBad ? { 'aria-invalid': true, 'aria-describedby': 'tx-min-error' } : {})}
          />
          {minBad ? (
            <span id="tx-min-error" className="field-error">
              {t('finance.tx.minAmountError')}
            </span>
          ) : null}
        </div>
        <div className="field inline grow">
          <label htmlFor="tx-text">{t('finance.tx.search')}</label>
          <input id="tx-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {params.counterparty ? (
          <span className="tag removable">
            {t('finance.tx.counterpartyFilter', { name: params.counterparty.replace(/^(no|name):/, '') })}
            <button
              type="button"
              className="btn icon-only"
              onClick={() => set({ counterparty: undefined }, { replace: true })}
            >
              <Icon name="close" size={12} label={t('common.clearFilter')} />
            </button>
          </span>
        ) : null}
        {params.finding ? (
          <span className="tag removable" data-testid="evidence-filter">
            {t('finance.tx.evidenceOf', { title: finding.data?.finding.title ?? '…' })}
            <button
              type="button"
              className="btn icon-only"
              onClick={() => set({ finding: undefined }, { replace: true })}
            >
              <Icon name="close" size={12} label={t('common.clearFilter')} />
            </button>
          </span>
        ) : null}
        <a className="btn" href={exportUrl(caseId, filter)} download data-testid="tx-export">
          <Icon name="download" />
          {t('finance.tx.export')}
        </a>
      </div>
      <p className="muted small" aria-live="polite" data-testid="tx-count">
        {t('finance.tx.count', { formatted: f.number(total) })}
        {params.account ? (
          <>
            {' '}
            ·{' '}
            <Link to={paths.entity(caseId, params.account)}>
              {t('finance.tx.openAccount', { account: accountCaption(params.account) })}
            </Link>
          </>
        ) : null}
      </p>
      {rows.first.error ? (
        <ErrorMessage error={rows.first.error} />
      ) : rows.first.isPending ? (
        <Loading />
      ) : (
        <VirtualGrid
          label={t('finance.tabs.transactions')}
          testId="tx-grid"
          className="tx-grid"
          idPrefix="tx"
          total={total}
          pageSize={TX_PAGE}
          pages={visible}
          onPages={setVisible}
          columns={[
            { label: t('finance.col.date'), sort: 'date' },
            { label: t('finance.col.account') },
            { label: t('finance.col.counterparty'), sort: 'counterparty' },
            { label: t('finance.col.text') },
            { label: t('finance.col.amount'), sort: 'amount', className: 'num' },
          ]}
          sort={sort}
          dir={dir}
          onSort={onSort}
          rowAt={rows.rowAt}
          cells={(row) => {
            const out = row.amountMinor < 0;
            return [
              { content: f.date(row.bookingDate) },
              { className: 'mono small', content: accountCaption(row.accountId) },
              {
                title: row.counterpartyAccount ?? undefined,
                content: row.counterpartyName ?? row.counterpartyAccount ?? (
                  <span className="muted">{t('finance.unknownParty')}</span>
                ),
              },
              {
                className: 'small',
                title: row.text ?? undefined,
                content: [
                  row.kind ? t(`finance.kind.${row.kind}`, { defaultValue: row.kind }) : null,
                  row.text,
                  row.place,
                ]
                  .filter(Boolean)
                  .join(' · '),
              },
              {
                className: `num amount ${out ? 'debit' : 'credit'}`,
                content: (
                  <>
                    <span className="visually-hidden">
                      {out ? t('finance.direction.out') : t('finance.direction.in')}{' '}
                    </span>
                    {moneyOf(f, row.amountMinor, row.currency)}
                  </>
                ),
              },
            ];
          }}
          rowProps={(row) => ({ 'data-tx-id': row.id })}
          onPick={(row) => select(caseId, row.accountId)}
          onKey={onKey}
          empty={t('finance.tx.none')}
        />
      )}
      <p className="muted small">{t('finance.tx.keyboardHint')}</p>
    </div>
  );
}
