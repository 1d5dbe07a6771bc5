/**
 * Hit/no-hit with a partner deployment under an agreement: over HTTPS when the agreement names
 * the partner's server, or by files for air-gapped networks (download the query, upload the
 * partner's answer).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgreementOut, HitNoticeOut } from '../../../../shared/contracts/cooperation.ts';
import { api } from '../../../ui/api/client.ts';
import { caseUrl, keys } from '../../../ui/api/keys.ts';
import { ErrorText, Notice } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { downloadJson } from './download.ts';

type Result = { matched: number; notice: HitNoticeOut | null };

export function PartnerQuery({ caseId, agreements }: { caseId: string; agreements: AgreementOut[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [agreementId, setAgreementId] = useState(agreements[0]?.id ?? '');
  const agreement = agreements.find((a) => a.id === agreementId);
  const done = () => qc.invalidateQueries({ queryKey: [...keys.caseData(caseId), 'hits'] });
  const run = useMutation({
    mutationFn: () => api<Result>('POST', caseUrl(caseId, '/psi/run'), { agreementId }),
    onSuccess: done,
  });
  const exportFile = useMutation({
    mutationFn: async () => {
      downloadJson(
        await api<unknown>('POST', caseUrl(caseId, '/psi/export'), { agreementId }),
        `psi-query-${agreementId}.json`,
      );
    },
  });
  const finish = useMutation({
    mutationFn: async (f: File) =>
      api<Result>('POST', caseUrl(caseId, '/psi/finish'), JSON.parse(await f.text()) as unknown),
    onSuccess: done,
  });
  const result = run.data ?? finish.data;
  return (
    <section aria-labelledby="partner-heading" className="partner-query">
      <h2 id="partner-heading">{t('cooperation.partnerTitle')}</h2>
      <p className="muted">{t('cooperation.partnerIntro')}</p>
      <label htmlFor="agreement-pick">{t('cooperation.agreement')}</label>{' '}
      <select id="agreement-pick" value={agreementId} onChange={(e) => setAgreementId(e.target.value)}>
        {agreements.map((a) => (
          <option key={a.id} value={a.id}>{`${a.name} — ${a.partnerName} (${a.partnerCountry})`}</option>
        ))}
      </select>
      <div className="button-row">
        {agreement?.partnerUrl ? (
          <button type="button" className="btn" disabled={run.isPending} onClick={() => run.mutate()}>
            <Icon name="globe" />
            {t('cooperation.runOnline')}
          </button>
        ) : null}
        <button type="button" className="btn" disabled={exportFile.isPending} onClick={() => exportFile.mutate()}>
          <Icon name="download" />
          {t('cooperation.exportFile')}
        </button>
        <label className="btn">
          <Icon name="upload" />
          {t('cooperation.importAnswer')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) finish.mutate(f);
            }}
          />
        </label>
      </div>
      {result ? (
        <Notice>
          {result.matched ? t('cooperation.partnerHits', { count: result.matched }) : t('cooperation.partnerNoHit')}
        </Notice>
      ) : null}
      {[run, exportFile, finish].map((m, i) => (m.isError ? <ErrorText key={i} error={m.error} /> : null))}
    </section>
  );
}
