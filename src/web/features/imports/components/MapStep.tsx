/**
 * Step 2: how the file maps onto the case — a saved mapping, the column mapper or the
 * format's fields — with a live preview of what the import would add, line by line.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { importOptionSchemas } from '../../../../shared/contracts/imports.ts';
import { ApiError, api } from '../../../ui/api/client.ts';
import { useSchemata } from '../../entities/index.ts';
import type { ImportFormatOut, ImportPreviewOut, UploadOut } from '../../../../shared/contracts/imports.ts';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { fieldKey, zodErrors } from '../../../ui/forms.ts';
import { useDebounced } from '../../../ui/useDebounced.ts';
import { EntityMapper } from './EntityMapper.tsx';
import { toMapping } from './entityMapping.ts';
import type { MapperState } from './entityMapping.ts';
import { FieldsMapper } from './FieldsMapper.tsx';
import { GuessOptions } from './GuessOptions.tsx';
import { headerNames } from './options.ts';
import type { Options } from './options.ts';
import { PreviewTable } from './PreviewTable.tsx';
import { SavedMappings } from './SavedMappings.tsx';

interface Props {
  caseId: string;
  format: ImportFormatOut;
  upload: UploadOut;
  options: Options;
  onOptions: (o: Options) => void;
  mapper: MapperState;
  onMapper: (s: MapperState) => void;
  textMode: boolean;
  onTextMode: (on: boolean) => void;
  onBack: () => void;
  onRun: (options: Options) => Promise<void>;
  /** Why the import could not start (a bad option), shown at its field or above the buttons. */
  startError: unknown;
}

/** The options the import runs with: the mapper's mapping, unless the text is edited by hand. */
export function effectiveOptions(
  p: Pick<Props, 'format' | 'options' | 'mapper' | 'textMode' | 'upload'>,
  schemata: Parameters<typeof toMapping>[1],
): Options {
  if (p.format.mapper !== 'entities' || p.textMode) return p.options;
  return { ...p.options, mapping: toMapping(p.mapper, schemata, p.upload.fileName) };
}

/** A saved FtM mapping written as one line of JSON is shown indented, to be read and edited. */
function readable(o: Options): Options {
  if (typeof o['mapping'] !== 'string') return o;
  try {
    return { ...o, mapping: JSON.stringify(JSON.parse(o['mapping']), null, 2) };
  } catch {
    return o; // YAML: shown as written
  }
}

export function MapStep(props: Props) {
  const { caseId, format, upload, options, onOptions, mapper, onMapper, textMode, onTextMode } = props;
  const { t } = useTranslation();
  const schemata = useSchemata().data?.schemata ?? [];
  const [savedNotice, setSavedNotice] = useState<string | null>(null);
  const effective = effectiveOptions(props, schemata);
  const debounced = useDebounced(effective, 400);
  const preview = useQuery({
    queryKey: ['import-preview', caseId, upload.uploadId, format.format, debounced],
    queryFn: ({ signal }) =>
      api<ImportPreviewOut>(
        'POST',
        `/api/cases/${encodeURIComponent(caseId)}/imports/preview`,
        { uploadId: upload.uploadId, format: format.format, options: debounced, limit: 50 },
        signal,
      ),
    retry: false,
    placeholderData: (prev) => prev,
  });

  // Field errors: the shared contract's checks first, then what the importer said about a field.
  const schema = importOptionSchemas[format.format];
  const errors: Record<string, string> = schema ? zodErrors(schema, effective, t) : {};
  const fieldNames = [...format.fields.map((f) => f.name), 'mapping'];
  for (const e of preview.data?.errors ?? []) {
    const k = fieldKey(e.path);
    if (k && fieldNames.includes(k)) errors[k] ??= e.message;
  }
  for (const e of [preview.error, props.startError])
    if (e instanceof ApiError && e.path) errors[fieldKey(e.path)] ??= e.message;
  const blocking = Object.keys(errors).length > 0 || (preview.data?.errors.length ?? 0) > 0 || !!preview.error;

  return (
    <section aria-labelledby="map-heading" className="wizard-step">
      <h2 id="map-heading">{t('wizard.mapTitle')}</h2>
      <p className="muted">{t('wizard.mapIntro', { file: upload.fileName })}</p>
      <SavedMappings
        format={format.format}
        options={effective}
        onApply={(o) => {
          onTextMode(format.mapper === 'entities');
          onOptions(readable(o));
        }}
        onSaved={(name) => setSavedNotice(name)}
      />
      {savedNotice ? (
        <p className="notice success" role="status">
          {t('saved.savedAs', { name: savedNotice })}
        </p>
      ) : null}
      {upload.sniff.headers.length ? (
        <details className="sample">
          <summary>{t('wizard.sample')}</summary>
          <div className="table-scroll">
            <table className="table compact">
              <thead>
                <tr>
                  {upload.sniff.headers.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {upload.sniff.rows.slice(0, 5).map((r, i) => (
                  <tr key={i}>
                    {r.map((c, j) => (
                      <td key={j}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {format.mapper === 'entities' ? (
        <>
          <div className="mode-switch" role="group" aria-label={t('mapper.mode')}>
            <button
              type="button"
              className={textMode ? 'btn' : 'btn primary'}
              aria-pressed={!textMode}
              onClick={() => onTextMode(false)}
            >
              {t('mapper.build')}
            </button>
            <button
              type="button"
              className={textMode ? 'btn primary' : 'btn'}
              aria-pressed={textMode}
              onClick={() => {
                onOptions(effective);
                onTextMode(true);
              }}
            >
              {t('mapper.asText')}
            </button>
          </div>
          {textMode ? (
            <div className={`field${errors['mapping'] ? ' has-error' : ''}`}>
              <label htmlFor="mapping-text">{t('mapper.text')}</label>
              <textarea
                id="mapping-text"
                className="mono"
                rows={14}
                value={typeof options['mapping'] === 'string' ? options['mapping'] : ''}
                onChange={(e) => onOptions({ ...options, mapping: e.target.value })}
                aria-invalid={errors['mapping'] ? true : undefined}
                aria-describedby={errors['mapping'] ? 'mapping-text-error' : undefined}
              />
              {errors['mapping'] ? (
                <div id="mapping-text-error" className="field-error" role="alert">
                  {errors['mapping']}
                </div>
              ) : null}
            </div>
          ) : (
            <EntityMapper state={mapper} onChange={onMapper} schemata={schemata} headers={upload.sniff.headers} />
          )}
        </>
      ) : null}
      {format.guess ? (
        <GuessOptions caseId={caseId} uploadId={upload.uploadId} format={format.format} onApply={onOptions} />
      ) : null}
      {format.fields.length ? (
        <FieldsMapper
          format={format.format}
          fields={format.fields.filter((f) => f.name !== 'mapping')}
          options={options}
          onChange={onOptions}
          headers={headerNames(upload.sniff, options)}
          errors={errors}
        />
      ) : null}
      <h3 className="subheading">{t('wizard.preview')}</h3>
      {preview.isPending ? <Loading /> : null}
      {preview.error && !(preview.error instanceof ApiError && preview.error.path) ? (
        <ErrorMessage error={preview.error} />
      ) : null}
      {preview.data ? <PreviewTable preview={preview.data} fieldPaths={fieldNames} /> : null}
      {props.startError && !(props.startError instanceof ApiError && props.startError.path) ? (
        <ErrorMessage error={props.startError} />
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onBack}>
          {t('wizard.back')}
        </button>
        <button type="button" className="btn primary" onClick={() => void props.onRun(effective)}>
          {t('wizard.toRun')}
        </button>
        {blocking ? <span className="muted small">{t('wizard.fixFirst')}</span> : null}
      </div>
    </section>
  );
}
