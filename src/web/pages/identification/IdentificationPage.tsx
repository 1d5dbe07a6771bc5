/** PLACEHOLDER — replaced by the page's owner. */
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/feedback.tsx';

export function IdentificationPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return <EmptyState icon="warning" title={t('nav.identification')}>{caseId}</EmptyState>;
}
