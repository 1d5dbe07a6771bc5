/** Every assessment of the person, newest first: who, when, which catalogue version, the decision. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import { EmptyState } from '../../../ui/feedback.tsx';
import { useUserNames } from '../../cases/index.ts';
import { OutcomeBadge } from './DecisionPanel.tsx';
import { explain } from './explain.ts';
import type { AssessmentOut } from '../../../../shared/contracts/identification.ts';
import type { Catalogue } from '../api/types.ts';

export function HistoryList({
  caseId,
  history,
  catalogue,
}: {
  caseId: string;
  history: AssessmentOut[];
  catalogue: Catalogue;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const nameOf = useUserNames(caseId);
  if (!history.length) return <EmptyState icon="list" title={t('identification.noHistory')} />;
  return (
    <table className="table" data-testid="history">
      <thead>
        <tr>
          <th scope="col">{t('identification.when')}</th>
          <th scope="col">{t('identification.by')}</th>
          <th scope="col">{t('identification.catalogueVersion')}</th>
          <th scope="col">{t('identification.method')}</th>
          <th scope="col">{t('identification.result')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((a) => {
          const e = a.catalogue.key === catalogue.key ? explain(a.decision, catalogue, t, i18n.language) : null;
          return (
            <tr key={a.id}>
              <td className="nowrap">{f.dateTime(a.createdAt)}</td>
              <td>{nameOf(a.createdBy)}</td>
              <td className="mono small">
                {a.catalogue.key}@{a.catalogue.version} · {a.list}
              </td>
              <td>{t(`identification.methodName.${a.method}`, { defaultValue: a.method })}</td>
              <td>
                <OutcomeBadge outcome={a.outcome} />
                <div className="small">{e ? [...e.reasons, ...e.gaps].join('; ') : a.decision.explanation}</div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
