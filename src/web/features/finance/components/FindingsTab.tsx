/**
 * Red-flag findings: what each rule found, why (its explanation), how strong, and the analyst's
 * decision. Filters by rule and decision; running the rules again keeps every decision. One
 * finding opens beside the list with its evidence (FindingDetail.tsx).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { findingStatuses } from '../../../../shared/contracts/finance.ts';
import type { FindingStatus } from '../../../../shared/contracts/finance.ts';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useFormat } from '../../../i18n/format.ts';
import { EmptyState, ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { FindingDetail } from './FindingDetail.tsx';
import { useFindings, useRules } from '../api/financeApi.ts';
import { caseUrl } from '../../../ui/api/keys.ts';
import { useFinanceParams } from './params.ts';
import { useUserNames } from '../../cases/index.ts';

interface RunSummary {
  findings: number;
  transactions: number;
  accounts: number;
  durationMs: number;
}

function RunButton({ caseId, primary }: { caseId: string; primary?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [state, setState] = useState<{ running: boolean; error: unknown; done: RunSummary | null }>({
    running: false,
    error: null,
    done: null,
  });
  const run = async () => {
    setState({ running: true, error: null, done: null });
    try {
      const done = await api<RunSummary>('POST', caseUrl(caseId, '/findings/run'), {});
      setState({ running: false, error: null, done });
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    } catch (error) {
      setState({ running: false, error, done: null });
    }
  };
  return (
    <div className="run-rules">
      <button
        type="button"
        className={primary ? 'btn primary' : 'btn'}
        onClick={() => void run()}
        disabled={state.running}
        aria-busy={state.running}
        data-testid="run-rules"
      >
        {state.running ? <span className="spinner" aria-hidden="true" /> : <Icon name="flag" />}
        {state.running ? t('finance.findings.running') : t('finance.findings.run')}
      </button>
      <span aria-live="polite" className="small">
        {state.done
          ? t('finance.findings.ran', {
              findings: f.number(state.done.findings),
              transactions: f.number(state.done.transactions),
              seconds: f.number(Math.round(state.done.durationMs / 100) / 10),
            })
          : null}
      </span>
      {state.error ? <ErrorMessage error={state.error} /> : null}
    </div>
  );
}

const scoreClass = (s: number) => (s >= 0.75 ? 'score high' : s >= 0.5 ? 'score medium' : 'score low');

export function FindingsTab({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { params, set } = useFinanceParams(caseId);
  const rule = params.rule ?? '';
  const status = (findingStatuses as readonly string[]).includes(params.status ?? '')
    ? (params.status as FindingStatus)
    : '';
  const findings = useFindings(caseId, { ...(rule ? { rule } : {}), ...(status ? { status } : {}) });
  const rules = useRules();
  const nameOf = useUserNames(caseId);
  if (findings.isPending) return <Loading />;
  if (findings.error) return <ErrorMessage error={findings.error} />;
  const { lastRun, stale, notices } = findings.data;
  const list = findings.data.findings;
  const filtered = !!rule || !!status;
  return (
    <div className="finance-findings">
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <div className="field inline">
          <label htmlFor="fd-rule">{t('finance.findings.rule')}</label>
          <select
            id="fd-rule"
            value={rule}
            onChange={(e) => set({ rule: e.target.value || undefined }, { replace: true })}
          >
            <option value="">{t('common.all')}</option>
            {(rules.data?.rules ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {t(`finance.ruleTitle.${r.id}`, { defaultValue: r.title })}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="fd-status">{t('finance.findings.decision')}</label>
          <select
            id="fd-status"
            value={status}
            onChange={(e) => set({ status: e.target.value || undefined }, { replace: true })}
          >
            <option value="">{t('common.all')}</option>
            {findingStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`finance.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <span className="muted small grow">
          {lastRun
            ? t('finance.findings.lastRun', {
                at: f.dateTime(lastRun.finishedAt),
                transactions: f.number(lastRun.transactions),
              })
            : null}
        </span>
        {canWrite && lastRun ? <RunButton caseId={caseId} /> : null}
      </div>
      {stale && lastRun ? (
        <Notice kind="warning" icon="warning">
          {t('finance.findings.stale')}
        </Notice>
      ) : null}
      {lastRun
        ? notices.map((n) => (
            <Notice key={n.input} kind="info" icon="alert">
              {t(`finance.findings.inputMissing.${n.input}`, { have: f.number(n.have), of: f.number(n.of) })}
            </Notice>
          ))
        : null}
      {!lastRun ? (
        <EmptyState icon="flag" title={t('finance.findings.neverRunTitle')}>
          <p>{t('finance.findings.neverRunHint')}</p>
          {canWrite ? <RunButton caseId={caseId} primary /> : <p className="muted">{t('finance.findings.askToRun')}</p>}
        </EmptyState>
      ) : list.length === 0 ? (
        <EmptyState
          icon="check"
          title={filtered ? t('finance.findings.noneFiltered') : t('finance.findings.noneTitle')}
        >
          <p>
            {filtered
              ? t('finance.findings.noneFilteredHint')
              : t('finance.findings.noneHint', { transactions: f.number(lastRun.transactions) })}
          </p>
        </EmptyState>
      ) : (
        <div className="findings-layout">
          <div className="table-scroll finance-table-wrap">
            <table className="table" data-testid="findings-table">
              <caption className="visually-hidden">{t('finance.findings.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('finance.findings.score')}
                  </th>
                  <th scope="col">{t('finance.findings.rule')}</th>
                  <th scope="col">{t('finance.findings.subject')}</th>
                  <th scope="col" className="num">
                    {t('finance.findings.evidence')}
                  </th>
                  <th scope="col">{t('finance.findings.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((x) => (
                  <tr
                    key={x.id}
                    data-finding-id={x.id}
                    data-rule={x.rule}
                    className={params.finding === x.id ? 'selected' : undefined}
                  >
                    <td className="num">
                      <span className={scoreClass(x.score)}>{f.number(Math.round(x.score * 100))}</span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={params.finding === x.id}
                        onClick={() => set({ finding: x.id }, { replace: true })}
                      >
                        {t(`finance.ruleTitle.${x.rule}`, { defaultValue: x.title })}
                      </button>
                      {!x.current ? <span className="tag small">{t('finance.findings.notCurrent')}</span> : null}
                    </td>
                    <td>
                      {x.subject.caption ?? x.subject.id}
                      {x.subject.holders.length ? (
                        <div className="muted small">{x.subject.holders.join(', ')}</div>
                      ) : null}
                    </td>
                    <td className="num">{f.number(x.evidenceCount)}</td>
                    <td>
                      <span className={`tag status-${x.status}`}>{t(`finance.status.${x.status}`)}</span>
                      {x.decidedBy ? (
                        <div className="muted small">
                          {nameOf(x.decidedBy)} · {f.dateTime(x.decidedAt)}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {params.finding ? (
            <FindingDetail caseId={caseId} findingId={params.finding} canWrite={canWrite} />
          ) : (
            <p className="muted finding-hint">{t('finance.findings.pickHint')}</p>
          )}
        </div>
      )}
    </div>
  );
}
