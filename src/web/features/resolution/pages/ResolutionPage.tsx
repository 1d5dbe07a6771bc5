/**
 * The resolution queue: candidate duplicates, best first, each with why it scored; the analyst
 * merges, rejects or marks a pair unsure, and can undo a merge. Decisions are remembered, so a
 * re-import does not ask again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CandidateOut, MergeOut, ReasonOut } from '../../../../shared/contracts/companies.ts';
import { nameMatcher } from '../../../../shared/names/index.ts';
import { api, get } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { EmptyState, ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

function ReasonTag({ r }: { r: ReasonOut }) {
  const { t } = useTranslation();
  const sign = r.weight > 0 ? '+' : '';
  return (
    <li className={`reason reason-${r.verdict}`}>
      {t(`resolution.reason.${r.feature}.${r.verdict}`, {
        value: r.feature === 'name' ? Math.round(r.value * 100) : r.value,
      })}
      <span className="muted small">
        {' '}
        ({sign}
        {r.weight})
      </span>
    </li>
  );
}

export function ResolutionPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('resolution.title'));
  const qc = useQueryClient();
  const base = `/api/cases/${encodeURIComponent(caseId)}/resolution`;
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [name, setName] = useState('');
  const candidates = useQuery({
    queryKey: [...keys.caseData(caseId), 'resolution'],
    queryFn: ({ signal }) =>
      get<{ candidates: CandidateOut[]; total: number }>(`${base}/candidates?limit=200&schema=LegalEntity`, signal),
  });
  const merges = useQuery({
    queryKey: [...keys.caseData(caseId), 'merges'],
    queryFn: ({ signal }) => get<{ merges: MergeOut[] }>(`${base}/merges`, signal),
  });
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await fn();
      // The notice waits for the refreshed queue, so it never stands beside a pair that is gone.
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
      setDone(message);
    } catch (e) {
      setError(e);
    }
  };
  if (candidates.isPending) return <Loading />;
  if (candidates.isError) return <ErrorMessage error={candidates.error} />;
  const open = merges.data?.merges.filter((m) => !m.undoneAt) ?? [];
  const matches = nameMatcher(name);
  const shown = candidates.data.candidates.filter((c) => matches(c.a.caption) || matches(c.b.caption));
  return (
    <div className="page resolution-page">
      <header className="page-header">
        <h1>{t('resolution.title')}</h1>
        <p className="muted">{t('resolution.intro')}</p>
      </header>
      {error ? <ErrorMessage error={error} /> : null}
      {done ? <Notice kind="success">{done}</Notice> : null}
      <section className="panel" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('resolution.queue', { count: candidates.data.total })}</h2>
        {candidates.data.candidates.length > 0 ? (
          <p className="inline-field">
            <label htmlFor="resolution-name">{t('resolution.findName')}</label>{' '}
            <input
              id="resolution-name"
              type="search"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
            />
          </p>
        ) : null}
        {candidates.data.candidates.length === 0 ? (
          <EmptyState icon="check" title={t('resolution.empty')} />
        ) : shown.length === 0 ? (
          <p className="muted">{t('resolution.noMatch')}</p>
        ) : (
          <ul className="candidates">
            {shown.map((c) => (
              <li key={`${c.a.id}|${c.b.id}`} className="candidate">
                <div className="candidate-pair">
                  <Icon name="person" />
                  <a href={paths.entity(caseId, c.a.id)}>{c.a.caption}</a>
                  <span aria-hidden="true">↔</span>
                  <a href={paths.entity(caseId, c.b.id)}>{c.b.caption}</a>
                  <span className="tag">{t('resolution.score', { score: Math.round(c.score * 100) })}</span>
                  {c.kind === 'conflict' ? (
                    <span className="tag reason-differ">{t('resolution.conflict', { reason: c.reason ?? '' })}</span>
                  ) : null}
                </div>
                <ul className="reasons" aria-label={t('resolution.why')}>
                  {c.reasons.map((r) => (
                    <ReasonTag key={r.feature} r={r} />
                  ))}
                </ul>
                <div className="form-actions">
                  <button
                    type="button"
                    className="btn primary"
                    onClick={() =>
                      void act(
                        () => api('POST', `${base}/merges`, { keep: c.a.id, merge: c.b.id }),
                        t('resolution.merged', { name: c.b.caption, into: c.a.caption }),
                      )
                    }
                  >
                    {t('resolution.merge', { name: c.b.caption, into: c.a.caption })}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    onClick={() =>
                      void act(
                        () => api('POST', `${base}/decisions`, { a: c.a.id, b: c.b.id, decision: 'rejected' }),
                        t('resolution.rejectedNote'),
                      )
                    }
                  >
                    {t('resolution.reject')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    onClick={() =>
                      void act(
                        () => api('POST', `${base}/decisions`, { a: c.a.id, b: c.b.id, decision: 'unsure' }),
                        t('resolution.unsureNote'),
                      )
                    }
                  >
                    {t('resolution.unsure')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="merges-heading">
        <h2 id="merges-heading">{t('resolution.merges')}</h2>
        {open.length === 0 ? (
          <p className="muted">{t('resolution.noMerges')}</p>
        ) : (
          <ul className="merges">
            {open.map((m) => (
              <li key={m.id}>
                <span>
                  {t('resolution.mergeLine', {
                    merged: m.mergedId,
                    keep: m.keepId,
                    at: m.mergedAt.slice(0, 16).replace('T', ' '),
                  })}
                </span>
                <button
                  type="button"
                  className="btn"
                  onClick={() =>
                    void act(() => api('DELETE', `${base}/merges/${encodeURIComponent(m.id)}`), t('resolution.undone'))
                  }
                >
                  {t('resolution.undo')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
