/**
 * Evidence files of a case or of one entity: upload with progress, the SHA-256 the server
 * computed on receipt, and a preview of photos and PDFs inside the page.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { PREVIEWABLE_TYPES as PREVIEWABLE } from '../../../../shared/contracts/files.ts';
import { uploadFile } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useFiles } from '../api/hooks.ts';
import type { EvidenceFileOut } from '../../../../shared/contracts/files.ts';
import { useFormat } from '../../../i18n/format.ts';
import { ErrorMessage, Loading, ProgressBar } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { useUserNames } from '../../cases/index.ts';

const contentUrl = (caseId: string, f: EvidenceFileOut) =>
  `/api/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(f.id)}/content`;

function Preview({ caseId, file }: { caseId: string; file: EvidenceFileOut }) {
  const { t } = useTranslation();
  if (file.mimeType === 'application/pdf') {
    return (
      <iframe
        className="pdf-preview"
        src={contentUrl(caseId, file)}
        title={t('evidence.previewOf', { name: file.fileName })}
      />
    );
  }
  return (
    <img
      className="image-preview"
      src={contentUrl(caseId, file)}
      alt={t('evidence.previewOf', { name: file.fileName })}
    />
  );
}

export function EvidencePanel({
  caseId,
  entityId,
  canWrite,
}: {
  caseId: string;
  entityId?: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const files = useFiles(caseId, entityId);
  const nameOf = useUserNames(caseId);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [justAdded, setJustAdded] = useState<EvidenceFileOut | null>(null);

  const upload = async (file: File) => {
    setError(null);
    setJustAdded(null);
    setProgress({ loaded: 0, total: file.size });
    try {
      const url = `/api/cases/${encodeURIComponent(caseId)}/files?name=${encodeURIComponent(file.name)}${entityId ? `&entityId=${encodeURIComponent(entityId)}` : ''}`;
      const saved = await uploadFile<EvidenceFileOut>(url, file, (loaded, total) => setProgress({ loaded, total }));
      setJustAdded(saved);
      if (PREVIEWABLE.has(saved.mimeType)) setPreviewId(saved.id);
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const list = files.data?.files ?? [];
  const previewed = list.find((x) => x.id === previewId);
  return (
    <section className="panel" aria-labelledby="evidence-heading">
      <header className="panel-header">
        <h2 id="evidence-heading">{t('evidence.title')}</h2>
        {canWrite ? (
          <div className="upload">
            <label className="btn" htmlFor={`evidence-file-${entityId ?? 'case'}`}>
              <Icon name="upload" />
              {t('evidence.upload')}
            </label>
            <input
              id={`evidence-file-${entityId ?? 'case'}`}
              ref={input}
              className="visually-hidden"
              type="file"
              accept="image/*,application/pdf,.doc,.docx,.odt,.rtf,.txt,.eml,.xlsx,.xls,.csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </div>
        ) : null}
      </header>
      {progress ? <ProgressBar value={progress.loaded} max={progress.total} label={t('evidence.uploading')} /> : null}
      {error ? <ErrorMessage error={error} title={t('evidence.failed')} /> : null}
      {justAdded ? (
        <p className="notice success" role="status">
          <Icon name="check" />
          <span>
            {t('evidence.addedMessage', { name: justAdded.fileName })} SHA-256{' '}
            <span className="mono hash">{justAdded.sha256}</span>
          </span>
        </p>
      ) : null}
      {files.isPending ? (
        <Loading />
      ) : files.error ? (
        <ErrorMessage error={files.error} />
      ) : list.length === 0 ? (
        <p className="muted">{t('evidence.none')}</p>
      ) : (
        <table className="table compact" data-testid="evidence-table">
          <thead>
            <tr>
              <th scope="col">{t('evidence.file')}</th>
              <th scope="col">{t('evidence.type')}</th>
              <th scope="col">{t('evidence.size')}</th>
              <th scope="col">SHA-256</th>
              <th scope="col">{t('evidence.addedCol')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('evidence.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((x) => (
              <tr key={x.id} className={x.id === previewId ? 'selected' : ''}>
                <td>{x.fileName}</td>
                <td className="small">{x.mimeType}</td>
                <td>{f.bytes(x.size)}</td>
                <td>
                  <span className="mono hash small" title={x.sha256}>
                    {x.sha256}
                  </span>
                </td>
                <td className="small">
                  {nameOf(x.createdBy)} · {f.dateTime(x.createdAt)}
                </td>
                <td className="actions">
                  {PREVIEWABLE.has(x.mimeType) ? (
                    <button
                      type="button"
                      className="btn subtle small"
                      aria-pressed={x.id === previewId}
                      onClick={() => setPreviewId(x.id === previewId ? null : x.id)}
                    >
                      <Icon name="eye" />
                      {t('evidence.preview')}
                    </button>
                  ) : null}
                  <a className="btn subtle small" href={contentUrl(caseId, x)} download={x.fileName}>
                    <Icon name="download" />
                    {t('evidence.download')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {previewed ? <Preview caseId={caseId} file={previewed} /> : null}
    </section>
  );
}
