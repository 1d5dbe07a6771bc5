/**
 * One finding: the rule's plain explanation of why it fired, its score, the accounts and
 * entities concerned (links), the statement lines it rests on, and the decision — confirm,
 * dismiss with a reason (required), or reopen — with who decided and when. Read-only users see
 * the decision without the buttons (the server refuses them too).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { DecisionForm } from '../../../../shared/contracts/finance.ts';
import type { FindingStatus } from '../../../../shared/contracts/finance.ts';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useSay } from '../../../i18n/sentences.ts';
import { useSelection } from '../../../state/session.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { zodErrors } from '../../../ui/forms.ts';
import { useUserNames } from '../../cases/index.ts';
import { useAccounts, useFinding } from '../api/financeApi.ts';
import { caseUrl } from '../../../ui/api/keys.ts';
import type { FindingOut } from '../api/financeApi.ts';
import { moneyOf } from './money.ts';
import { useFinanceParams } from './params.ts';

function Decision({ caseId, finding, canWrite }: { caseId: string; finding: FindingOut; canWrite: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const nameOf = useUserNames(caseId);
  const [dismissing, setDismissing] = useState(false);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const decide = async (status: FindingStatus, text?: string) => {
    const body = { status, ...(text?.trim() ? { note: text.trim() } : {}) };
    setTouched(true);
    if (Object.keys(zodErrors(DecisionForm, body, t)).length) return;
    setBusy(true);
    try {
      await api('PATCH', caseUrl(caseId, `/findings/${encodeURIComponent(finding.id)}`), body);
      setDismissing(false);
      setNote('');
      setTouched(false);
      setError(null);
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const noteError = dismissing && touched && !note.trim() ? t('finance.decision.reasonRequired') : null;
  return (
    <section className="decision" aria-labelledby="decision-heading" data-testid="decision">
      <h3 id="decision-heading" className="subheading">
        {t('finance.findings.decision')}
      </h3>
      <p>
        <span className={`tag status-${finding.status}`} data-testid="decision-status">
          {t(`finance.status.${finding.status}`)}
        </span>
        {finding.decidedBy ? (
          <span className="muted small">
            {' '}
            {t('finance.decision.by', { name: nameOf(finding.decidedBy), at: f.dateTime(finding.decidedAt) })}
          </span>
        ) : null}
      </p>
      {finding.decisionNote ? (
        <blockquote className="decision-note" data-testid="decision-note">
          {finding.decisionNote}
        </blockquote>
      ) : null}
      {canWrite ? (
        dismissing ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void decide('dismissed', note);
            }}
          >
            <Field
              label={t('finance.decision.reason')}
              error={noteError}
              required
              hint={t('finance.decision.reasonHint')}
            >
              {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
            </Field>
            <div className="form-actions">
              <button type="submit" className="btn primary" disabled={busy}>
                {t('finance.decision.dismissConfirm')}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setDismissing(false);
                  setTouched(false);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="form-actions">
            {finding.status !== 'confirmed' ? (
              <button type="button" className="btn primary" disabled={busy} onClick={() => void decide('confirmed')}>
                <Icon name="check" />
                {t('finance.decision.confirm')}
              </button>
            ) : null}
            {finding.status !== 'dismissed' ? (
              <button type="button" className="btn" disabled={busy} onClick={() => setDismissing(true)}>
                <Icon name="close" />
                {t('finance.decision.dismiss')}
              </button>
            ) : null}
            {finding.status !== 'open' ? (
              <button type="button" className="btn subtle" disabled={busy} onClick={() => void decide('open')}>
                {t('finance.decision.reopen')}
              </button>
            ) : null}
          </div>
        )
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

export function FindingDetail({
  caseId,
  findingId,
  canWrite,
}: {
  caseId: string;
  findingId: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const say = useSay();
  const detail = useFinding(caseId, findingId);
  const accounts = useAccounts(caseId, null);
  const { href } = useFinanceParams(caseId);
  const select = useSelection((s) => s.select);
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  const { finding, evidence } = detail.data;
  const captions = new Map((accounts.data?.accounts ?? []).map((a) => [a.id, a.caption]));
  const accountLink = (id: string) => (
    <Link
      key={id}
      className="mono"
      to={href({ tab: 'accounts', account: id, finding: undefined })}
      onClick={() => select(caseId, id)}
    >
      {captions.get(id) ?? id.slice(0, 8)}
    </Link>
  );
  return (
    <article className="panel finding-detail" aria-labelledby="finding-heading" data-testid="finding-detail">
      <h2 id="finding-heading">{t(`finance.ruleTitle.${finding.rule}`, { defaultValue: finding.title })}</h2>
      <p className="muted small">
        {t('finance.findings.score')}: <strong>{f.number(Math.round(finding.score * 100))}</strong> ·{' '}
        {t(`finance.variant.${finding.variant}`, { defaultValue: finding.variant })}
      </p>
      <p className="explanation" data-testid="finding-explanation">
        {say(finding.words, finding.explanation)}
      </p>
      <dl className="finding-facts">
        <dt>{t('finance.findings.subject')}</dt>
        <dd>
          {finding.subject.schema === 'BankAccount' ? (
            <>
              {accountLink(finding.subject.id)}
              {finding.subject.holders.length ? ` (${finding.subject.holders.join(', ')})` : null}
            </>
          ) : finding.subject.schema ? (
            <Link to={paths.entity(caseId, finding.subject.id)}>{finding.subject.caption ?? finding.subject.id}</Link>
          ) : (
            <span className="mono">{finding.subject.caption ?? finding.subject.id}</span>
          )}
        </dd>
        <dt>{t('finance.findings.accounts')}</dt>
        <dd className="account-links">{finding.accountIds.length ? finding.accountIds.map(accountLink) : '—'}</dd>
      </dl>
      <Decision caseId={caseId} finding={finding} canWrite={canWrite} />
      <section aria-labelledby="evidence-heading">
        <div className="panel-header">
          <h3 id="evidence-heading" className="evidence-heading">
            {t('finance.findings.evidenceLines', { count: evidence.length, formatted: f.number(evidence.length) })}
          </h3>
          <Link
            className="btn"
            to={href({ tab: 'transactions', finding: finding.id, account: undefined, counterparty: undefined })}
            data-testid="evidence-in-list"
          >
            <Icon name="list" />
            {t('finance.findings.showInList')}
          </Link>
        </div>
        <div className="table-scroll evidence-scroll">
          <table className="table compact" data-testid="evidence-table">
            <thead>
              <tr>
                <th scope="col">{t('finance.col.date')}</th>
                <th scope="col">{t('finance.col.account')}</th>
                <th scope="col">{t('finance.col.counterparty')}</th>
                <th scope="col">{t('finance.col.text')}</th>
                <th scope="col" className="num">
                  {t('finance.col.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {evidence.slice(0, 200).map((x) => (
                <tr key={x.id} data-tx-id={x.id}>
                  <td className="nowrap">{f.date(x.bookingDate)}</td>
                  <td>{accountLink(x.accountId)}</td>
                  <td>{x.counterpartyName ?? x.counterpartyAccount ?? '—'}</td>
                  <td className="small">
                    {[x.kind ? t(`finance.kind.${x.kind}`, { defaultValue: x.kind }) : null, x.text, x.place]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td className={`num ${x.amountMinor < 0 ? 'debit' : 'credit'}`}>
                    {moneyOf(f, x.amountMinor, x.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {evidence.length > 200 ? (
          <p className="muted small">
            {t('finance.findings.moreEvidence', { formatted: f.number(evidence.length - 200) })}
          </p>
        ) : null}
      </section>
    </article>
  );
}
