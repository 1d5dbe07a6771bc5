/**
 * The case's bank accounts: holder, totals in and out per currency for the period (never
 * converted), number of lines, and — for the account selected — its counterparties ranked by
 * volume. Selecting an account selects it everywhere (the inspector, the other views).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useSelection } from '../../../state/session.ts';
import { usePeriod } from '../../../state/viewFilter.ts';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { useAccounts, useCounterparties } from '../api/financeApi.ts';
import type { AccountOut } from '../api/financeApi.ts';
import { moneyOf } from './money.ts';
import { useFinanceParams } from './params.ts';
import { nameMatcher } from '../../../../shared/names/index.ts';

function Counterparties({ caseId, account }: { caseId: string; account: AccountOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = usePeriod(caseId);
  const { href } = useFinanceParams(caseId);
  const cps = useCounterparties(caseId, account.id, period);
  return (
    <section className="panel" aria-labelledby="cp-heading" data-testid="counterparties">
      <div className="panel-header">
        <h2 id="cp-heading">{t('finance.accounts.counterpartiesOf', { account: account.caption })}</h2>
        <Link
          className="btn"
          to={href({ tab: 'transactions', account: account.id, counterparty: undefined, finding: undefined })}
        >
          <Icon name="list" />
          {t('finance.accounts.showLines')}
        </Link>
      </div>
      {cps.isPending ? (
        <Loading />
      ) : cps.error ? (
        <ErrorMessage error={cps.error} />
      ) : cps.data.counterparties.length === 0 ? (
        <p className="muted">{t('finance.accounts.noCounterparties')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('finance.col.counterparty')}</th>
              <th scope="col" className="num">
                {t('finance.col.in')}
              </th>
              <th scope="col" className="num">
                {t('finance.col.out')}
              </th>
              <th scope="col" className="num">
                {t('finance.col.lines')}
              </th>
              <th scope="col">{t('finance.col.period')}</th>
            </tr>
          </thead>
          <tbody>
            {cps.data.counterparties.map((c, i) => (
              <tr key={`${c.key}-${c.currency}`}>
                <td className="muted">{i + 1}</td>
                <td>
                  <Link
                    to={href({ tab: 'transactions', account: account.id, counterparty: c.key, finding: undefined })}
                  >
                    {c.name ?? c.account ?? t('finance.unknownParty')}
                  </Link>
                  {c.name && c.account ? <span className="muted small mono"> {c.account}</span> : null}
                </td>
                <td className="num">{moneyOf(f, c.inMinor, c.currency)}</td>
                <td className="num">{moneyOf(f, c.outMinor, c.currency)}</td>
                <td className="num">{f.number(c.credits + c.debits)}</td>
                <td className="nowrap small">
                  {f.date(c.first)} – {f.date(c.last)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AccountsTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = usePeriod(caseId);
  const accounts = useAccounts(caseId, period);
  const { params, set } = useFinanceParams(caseId);
  const selected = useSelection((s) => (s.selected?.caseId === caseId ? s.selected.entityId : null));
  const select = useSelection((s) => s.select);
  const [filter, setFilter] = useState('');
  if (accounts.isPending) return <Loading />;
  if (accounts.error) return <ErrorMessage error={accounts.error} />;
  const all = accounts.data.accounts;
  if (all.length === 0) {
    return (
      <EmptyState icon="bank" title={t('finance.accounts.emptyTitle')}>
        <p>{t('finance.accounts.emptyHint')}</p>
        <Link className="btn primary" to={paths.import(caseId)}>
          {t('finance.accounts.importAction')}
        </Link>
      </EmptyState>
    );
  }
  // The account in the address, else one selected elsewhere (the chart, the inspector).
  const current = all.find((a) => a.id === params.account) ?? all.find((a) => a.id === selected) ?? null;
  const matches = nameMatcher(filter);
  const shown = all.filter((a) => matches(a.caption, a.bankName ?? '', ...a.holders.map((h) => h.caption)));
  const pick = (a: AccountOut) => {
    select(caseId, a.id);
    set({ account: a.id, counterparty: undefined }, { replace: true });
  };
  return (
    <div className="finance-accounts">
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <div className="field inline grow">
          <label htmlFor="acc-filter">{t('finance.accounts.filter')}</label>
          <input id="acc-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <span className="muted" aria-live="polite">
          {t('finance.accounts.count', { formatted: f.number(shown.length) })}
        </span>
      </div>
      <div className="table-scroll finance-table-wrap">
        <table className="table" data-testid="accounts-table">
          <caption className="visually-hidden">{t('finance.accounts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('finance.col.account')}</th>
              <th scope="col">{t('finance.col.holder')}</th>
              <th scope="col">{t('finance.col.currency')}</th>
              <th scope="col" className="num">
                {t('finance.col.in')}
              </th>
              <th scope="col" className="num">
                {t('finance.col.out')}
              </th>
              <th scope="col" className="num">
                {t('finance.col.lines')}
              </th>
              <th scope="col">{t('finance.col.period')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => {
              const totals = a.totals.length ? a.totals : [null];
              return totals.map((m, i) => (
                <tr
                  key={`${a.id}-${m?.currency ?? 'none'}`}
                  data-account-id={a.id}
                  data-currency={m?.currency ?? ''}
                  className={current?.id === a.id ? 'selected' : undefined}
                  onClick={() => pick(a)}
                >
                  {i === 0 ? (
                    <>
                      <td rowSpan={totals.length}>
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={current?.id === a.id}
                          onClick={(e) => {
                            e.stopPropagation();
                            pick(a);
                          }}
                        >
                          <Icon name="bank" size={14} />
                          <span className="mono">{a.caption}</span>
                        </button>
                        {a.bankName ? <div className="muted small">{a.bankName}</div> : null}
                      </td>
                      <td rowSpan={totals.length}>
                        {a.holders.length ? (
                          a.holders.map((h) => (
                            <div key={h.id}>
                              <Link to={paths.entity(caseId, h.id)} onClick={(e) => e.stopPropagation()}>
                                {h.caption}
                              </Link>
                            </div>
                          ))
                        ) : (
                          <span className="muted">{t('finance.accounts.noHolder')}</span>
                        )}
                      </td>
                    </>
                  ) : null}
                  {m ? (
                    <>
                      <td>{m.currency}</td>
                      <td className="num" data-field="in">
                        {moneyOf(f, m.inMinor, m.currency)}
                      </td>
                      <td className="num" data-field="out">
                        {moneyOf(f, m.outMinor, m.currency)}
                      </td>
                      <td className="num" data-field="lines">
                        {f.number(m.credits + m.debits)}
                      </td>
                      <td className="nowrap small">
                        {f.date(m.first)} – {f.date(m.last)}
                      </td>
                    </>
                  ) : (
                    <td colSpan={5} className="muted">
                      {t('finance.accounts.noLines')}
                    </td>
                  )}
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
      {current ? (
        <Counterparties caseId={caseId} account={current} />
      ) : (
        <p className="muted">{t('finance.accounts.pickHint')}</p>
      )}
    </div>
  );
}
