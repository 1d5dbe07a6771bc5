/** Upload a captured ad or page with the address it came from and when it was captured. */
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { CaptureUploadQuery } from '../../../../shared/contracts/captures.ts';
import type { CaptureDetailOut } from '../../../../shared/contracts/captures.ts';
import { ApiError, uploadFile } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { ErrorMessage, ProgressBar } from '../../../ui/feedback.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { uploadUrl } from '../api/capturesApi.ts';

/** "2026-03-01T14:30" in local time, as a datetime-local input holds it. */
const localNow = (): string => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

export function CaptureUpload({ caseId, onCaptured }: { caseId: string; onCaptured: (c: CaptureDetailOut) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const [at, setAt] = useState(localNow);
  const [file, setFile] = useState<File | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const capturedAt = at ? new Date(at).toISOString() : '';
    const check = CaptureUploadQuery.safeParse({ name: file?.name ?? '', url, capturedAt });
    const errs: Record<string, string> = {};
    if (!file) errs.file = t('captures.needFile');
    if (!check.success) {
      for (const issue of check.error.issues) {
        const k = String(issue.path[0] ?? '');
        if (k === 'url') errs.url = t('captures.badUrl');
        if (k === 'capturedAt') errs.capturedAt = t('captures.badTime');
      }
    }
    setFieldErrors(errs);
    if (!file || Object.keys(errs).length) return;
    setProgress({ loaded: 0, total: file.size });
    try {
      const out = await uploadFile<CaptureDetailOut>(
        uploadUrl(caseId, file.name, url, capturedAt),
        file,
        (loaded, total) => setProgress({ loaded, total }),
      );
      onCaptured(out);
      setFile(null);
      setUrl('');
      if (fileInput.current) fileInput.current.value = '';
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    } catch (err) {
      if (err instanceof ApiError && err.path?.includes('url')) setFieldErrors({ url: err.message });
      else setError(err);
    } finally {
      setProgress(null);
    }
  };

  return (
    <form
      className="panel capture-upload"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="capture-upload-heading"
      noValidate
    >
      <header className="panel-header">
        <h2 id="capture-upload-heading">{t('captures.uploadTitle')}</h2>
      </header>
      <p className="muted small">{t('captures.uploadHint')}</p>
      <div className="capture-fields">
        <Field label={t('captures.file')} error={fieldErrors.file} required>
          {(p) => (
            <input
              {...p}
              ref={fileInput}
              type="file"
              accept=".html,.htm,.mhtml,.mht,.txt,image/png,image/jpeg"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label={t('captures.url')} error={fieldErrors.url} required>
          {(p) => (
            <input {...p} type="url" value={url} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />
          )}
        </Field>
        <Field label={t('captures.capturedAt')} error={fieldErrors.capturedAt} required>
          {(p) => <input {...p} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
        </Field>
        <div className="capture-submit">
          <button type="submit" className="btn primary" disabled={!!progress}>
            <Icon name="upload" />
            {t('captures.capture')}
          </button>
        </div>
      </div>
      {progress ? <ProgressBar value={progress.loaded} max={progress.total} label={t('captures.uploading')} /> : null}
      {error ? <ErrorMessage error={error} title={t('captures.failed')} /> : null}
    </form>
  );
}
