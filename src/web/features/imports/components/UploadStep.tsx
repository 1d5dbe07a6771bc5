/** Step 1: choose the kind of file and send it; the server hashes it and shows its first lines. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../../ui/api/client.ts';
import type { ImportFormatOut, UploadOut } from '../../../../shared/contracts/imports.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, ProgressBar } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';

export function UploadStep({
  caseId,
  formats,
  format,
  onFormat,
  onUploaded,
}: {
  caseId: string;
  formats: ImportFormatOut[];
  format: string;
  onFormat: (f: string) => void;
  onUploaded: (u: UploadOut) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const chosen = formats.find((f) => f.format === format);
  return (
    <section aria-labelledby="upload-heading" className="wizard-step">
      <h2 id="upload-heading">{t('wizard.uploadTitle')}</h2>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setMissing(!file);
          if (!file) return;
          setError(null);
          setProgress({ loaded: 0, total: file.size });
          try {
            const url = `/api/cases/${encodeURIComponent(caseId)}/imports/uploads?name=${encodeURIComponent(file.name)}`;
            onUploaded(await uploadFile<UploadOut>(url, file, (loaded, total) => setProgress({ loaded, total })));
          } catch (err) {
            setError(err);
          } finally {
            setProgress(null);
          }
        }}
      >
        <Field
          label={t('wizard.format')}
          hint={chosen?.extensions.length ? t('wizard.extensions', { list: chosen.extensions.join(', ') }) : undefined}
          required
        >
          {(p) => (
            <select {...p} value={format} onChange={(e) => onFormat(e.target.value)}>
              {formats.map((f) => (
                <option key={f.format} value={f.format}>
                  {t(`format.${f.format}`, { defaultValue: f.label })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('wizard.file')} error={missing ? t('wizard.chooseFile') : null} required>
          {(p) => (
            <input
              {...p}
              type="file"
              accept={chosen?.extensions.join(',')}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMissing(false);
              }}
            />
          )}
        </Field>
        {progress ? <ProgressBar value={progress.loaded} max={progress.total} label={t('wizard.uploading')} /> : null}
        {error ? <ErrorMessage error={error} title={t('wizard.uploadFailed')} /> : null}
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={!!progress}>
            <Icon name="upload" />
            {t('wizard.upload')}
          </button>
        </div>
      </form>
    </section>
  );
}
