/**
 * Hit notices of a case and the cooperation that follows. A notice tells that another case, or
 * a partner deployment, holds a selector of this case, on which of this case's entities, and
 * whom to contact — nothing of the other side's case. From here: check for hits, ask the other
 * side to cooperate, answer requests (sharing chosen entities), and query partner deployments.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementOut, CooperationRequestOut, HitNoticeOut } from '../../../../shared/contracts/cooperation.ts';
import { api, get } from '../../../ui/api/client.ts';
import { caseUrl, keys } from '../../../ui/api/keys.ts';
import { useCase } from '../../cases/index.ts';
import { useEntity } from '../../entities/index.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { EmptyState, ErrorText, Loading, Notice } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { downloadJson } from '../components/download.ts';
import { PartnerQuery } from '../components/PartnerQuery.tsx';

function Contact({ notice }: { notice: HitNoticeOut }) {
  const { t } = useTranslation();
  const c = notice.contact;
  return (
    <p className="hit-contact">
      <Icon name="person" />
      <span>
        {t('cooperation.contact')}: <strong>{c.name}</strong>, {c.agency}
        {c.country ? ` (${c.country})` : ''}
        {c.email ? ` · ${c.email}` : ''}
        {c.phone ? ` · ${c.phone}` : ''}
      </span>
    </p>
  );
}

/** One of this case's own entities, by its caption (the notice names only the reader's own entities). */
function EntityName({ caseId, id }: { caseId: string; id: string }) {
  const { t } = useTranslation();
  const e = useEntity(caseId, id);
  return <a href={paths.entity(caseId, id)}>{e.data?.entity.caption ?? t('cooperation.ownEntity')}</a>;
}

function NoticeCard({
  caseId,
  notice,
  canWrite,
  requested,
}: {
  caseId: string;
  notice: HitNoticeOut;
  canWrite: boolean;
  requested: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ask = useMutation({
    mutationFn: () =>
      api<CooperationRequestOut>('POST', caseUrl(caseId, '/cooperation/requests'), { noticeId: notice.id }),
    onSuccess: (r) => {
      if (r.exchangeFile) downloadJson(r.exchangeFile, `cooperation-request-${r.id}.json`);
      return qc.invalidateQueries({ queryKey: [...keys.caseData(caseId), 'cooperation'] });
    },
  });
  const kinds = Object.entries(notice.kinds)
    .map(([k, n]) => `${t(`cooperation.kind.${k}`)} × ${n}`)
    .join(', ');
  return (
    <li className="hit-notice" data-origin={notice.origin}>
      <h3>
        <Icon name="alert" />
        {notice.origin === 'partner'
          ? t('cooperation.hitPartner', { agreement: notice.agreementId ?? '' })
          : notice.role === 'found'
            ? t('cooperation.hitFound')
            : t('cooperation.hitCase')}
      </h3>
      <p className="muted">{t('cooperation.hitKinds', { kinds, count: notice.entityIds.length })}</p>
      <ul className="hit-entities">
        {notice.entityIds.map((id) => (
          <li key={id}>
            <EntityName caseId={caseId} id={id} />
          </li>
        ))}
      </ul>
      <Contact notice={notice} />
      {notice.origin === 'case' && notice.role === 'finder' && canWrite ? (
        <p>
          <button
            type="button"
            className="btn"
            disabled={requested || ask.isPending || ask.isSuccess}
            onClick={() => ask.mutate()}
          >
            <Icon name="users" />
            {requested || ask.isSuccess ? t('cooperation.requested') : t('cooperation.request')}
          </button>
          {ask.isError ? <ErrorText error={ask.error} /> : null}
        </p>
      ) : null}
    </li>
  );
}

function RequestRow({
  caseId,
  request,
  notices,
  canManage,
}: {
  caseId: string;
  request: CooperationRequestOut;
  notices: HitNoticeOut[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const offered = notices.find((n) => n.id === request.noticeId)?.entityIds ?? [];
  const [chosen, setChosen] = useState<string[]>(offered);
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'decline') =>
      api<CooperationRequestOut>(
        'POST',
        caseUrl(caseId, `/cooperation/requests/${encodeURIComponent(request.id)}/decision`),
        decision === 'accept' ? { decision, entityIds: chosen } : { decision },
      ),
    onSuccess: (r) => {
      if (r.exchangeFile) downloadJson(r.exchangeFile, `cooperation-decision-${r.id}.json`);
      return qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    },
  });
  const open = request.direction === 'incoming' && request.status === 'requested' && canManage;
  return (
    <li className="coop-request" data-direction={request.direction}>
      <p>
        <strong>{t(`cooperation.direction.${request.direction}`)}</strong> · {request.counterpart.name},{' '}
        {request.counterpart.agency} · <span className="tag">{t(`cooperation.status.${request.status}`)}</span>
        {request.status === 'accepted' ? (
          <span className="muted small"> {t('cooperation.sharedCount', { count: request.sharedEntities })}</span>
        ) : null}
      </p>
      {request.message ? <blockquote>{request.message}</blockquote> : null}
      {open ? (
        <fieldset className="coop-choose">
          <legend>{t('cooperation.choose')}</legend>
          {offered.map((id) => (
            <label key={id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, id] : chosen.filter((x) => x !== id))}
              />
              <EntityName caseId={caseId} id={id} />
            </label>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="btn primary"
              disabled={!chosen.length || decide.isPending}
              onClick={() => decide.mutate('accept')}
            >
              {t('cooperation.accept')}
            </button>
            <button type="button" className="btn" disabled={decide.isPending} onClick={() => decide.mutate('decline')}>
              {t('cooperation.decline')}
            </button>
          </div>
          {decide.isError ? <ErrorText error={decide.error} /> : null}
        </fieldset>
      ) : null}
    </li>
  );
}

export function HitsPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('cooperation.title'));
  const qc = useQueryClient();
  const kase = useCase(caseId);
  const hits = useQuery({
    queryKey: [...keys.caseData(caseId), 'hits'],
    queryFn: ({ signal }) => get<{ notices: HitNoticeOut[] }>(caseUrl(caseId, '/hits'), signal),
  });
  const requests = useQuery({
    queryKey: [...keys.caseData(caseId), 'cooperation'],
    queryFn: ({ signal }) =>
      get<{ requests: CooperationRequestOut[] }>(caseUrl(caseId, '/cooperation/requests'), signal),
  });
  const agreements = useQuery({
    queryKey: ['agreements'],
    queryFn: ({ signal }) => get<{ agreements: AgreementOut[] }>('/api/agreements', signal),
  });
  const check = useMutation({
    mutationFn: () => api<{ checked: number; notices: HitNoticeOut[] }>('POST', caseUrl(caseId, '/hits/check'), {}),
    onSuccess: (data) => qc.setQueryData([...keys.caseData(caseId), 'hits'], { notices: data.notices }),
  });
  const canWrite = kase.data?.access?.canWrite ?? false;
  const canManage = kase.data?.access?.canManage ?? false;
  if (hits.isPending) return <Loading />;
  const notices = hits.data?.notices ?? [];
  const reqs = requests.data?.requests ?? [];
  const requestedNotices = new Set(
    reqs.filter((r) => r.direction === 'outgoing' && r.status === 'requested').map((r) => r.noticeId),
  );
  return (
    <div className="page hits-page">
      <header className="page-header">
        <h1>{t('cooperation.title')}</h1>
        <p className="muted">{t('cooperation.intro')}</p>
        {canWrite ? (
          <button type="button" className="btn primary" disabled={check.isPending} onClick={() => check.mutate()}>
            <Icon name="search" />
            {t('cooperation.check')}
          </button>
        ) : null}
        {check.isSuccess ? (
          <Notice>{t('cooperation.checked', { count: check.data.checked, hits: check.data.notices.length })}</Notice>
        ) : null}
        {check.isError ? <ErrorText error={check.error} /> : null}
      </header>
      <section aria-labelledby="hits-heading">
        <h2 id="hits-heading">{t('cooperation.notices')}</h2>
        {hits.isError ? <ErrorText error={hits.error} /> : null}
        {notices.length ? (
          <ul className="hit-list">
            {notices.map((n) => (
              <NoticeCard
                key={n.id}
                caseId={caseId}
                notice={n}
                canWrite={canWrite}
                requested={requestedNotices.has(n.id)}
              />
            ))}
          </ul>
        ) : (
          <EmptyState icon="shield" title={t('cooperation.noHits')} />
        )}
      </section>
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('cooperation.requests')}</h2>
        {reqs.length ? (
          <ul className="coop-requests">
            {reqs.map((r) => (
              <RequestRow key={r.id} caseId={caseId} request={r} notices={notices} canManage={canManage} />
            ))}
          </ul>
        ) : (
          <p className="muted">{t('cooperation.noRequests')}</p>
        )}
      </section>
      {canWrite && agreements.data?.agreements.some((a) => a.status === 'active') ? (
        <PartnerQuery caseId={caseId} agreements={agreements.data.agreements.filter((a) => a.status === 'active')} />
      ) : null}
    </div>
  );
}
