import { useTranslation } from 'react-i18next';
import { useCase } from '../../cases/index.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { EvidencePanel } from '../components/EvidencePanel.tsx';

/** Every evidence file of the case, and uploads that belong to no one entity yet. */
export function EvidencePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('evidence.title'));
  const kase = useCase(caseId);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('evidence.title')}</h1>
      </header>
      <p className="muted">{t('evidence.intro')}</p>
      <EvidencePanel caseId={caseId} canWrite={kase.data?.access?.canWrite !== false} />
    </div>
  );
}
