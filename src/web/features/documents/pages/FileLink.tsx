/** A file the viewer lists: a download link, or its name with why it is not offered. */
import { useTranslation } from 'react-i18next';
import type { DocumentFileOut } from '../../../../shared/contracts/documents.ts';
import { fileUrl } from '../api/documentsApi.ts';

export function FileLink({ caseId, file, label }: { caseId: string; file: DocumentFileOut; label?: string }) {
  const { t } = useTranslation();
  const url = fileUrl(caseId, file);
  if (url)
    return (
      <a href={url} download={file.fileName} className="document-file">
        {label ?? file.fileName}
      </a>
    );
  return (
    <span className="document-file withheld" data-testid="file-withheld">
      {label ?? file.fileName} — {file.withheld ? t('documents.withheld') : t('documents.notInExport')}
      {file.withheld ? <small className="muted"> ({file.withheld})</small> : null}
    </span>
  );
}
