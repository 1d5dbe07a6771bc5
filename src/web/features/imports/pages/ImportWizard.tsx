/**
 * Import any file the platform reads: upload → map (with a live preview and saved mappings)
 * → run (progress, cancel) → result (what was added, or every problem by line).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../ui/api/client.ts';
import { useFormats } from '../api/hooks.ts';
import { useSchemata } from '../../entities/index.ts';
import type { ImportJobOut, UploadOut } from '../../../../shared/contracts/imports.ts';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { guessState } from '../components/entityMapping.ts';
import type { MapperState } from '../components/entityMapping.ts';
import { MapStep } from '../components/MapStep.tsx';
import type { Options } from '../components/options.ts';
import { RunStep } from '../components/RunStep.tsx';
import type { JobTicket } from '../components/RunStep.tsx';
import { UploadStep } from '../components/UploadStep.tsx';

type Step = 'upload' | 'map' | 'run';
const STEPS: Step[] = ['upload', 'map', 'run'];

export function ImportWizard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('wizard.title'));
  const formats = useFormats();
  const schemata = useSchemata();
  const [step, setStep] = useState<Step>('upload');
  const [format, setFormat] = useState('ftm-mapping');
  const [upload, setUpload] = useState<UploadOut | null>(null);
  const [options, setOptions] = useState<Options>({});
  const [mapper, setMapper] = useState<MapperState>({ entities: [], links: [] });
  const [textMode, setTextMode] = useState(false);
  const [ticket, setTicket] = useState<JobTicket | null>(null);
  const [startError, setStartError] = useState<unknown>(null);

  if (formats.isPending || schemata.isPending) return <Loading />;
  if (formats.error) return <ErrorMessage error={formats.error} />;
  const chosen = formats.data.formats.find((f) => f.format === format) ?? formats.data.formats[0];
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('wizard.title')}</h1>
      </header>
      <ol className="steps" aria-label={t('wizard.progress')}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={s === step ? 'current' : STEPS.indexOf(step) > i ? 'done' : ''}
            {...(s === step ? { 'aria-current': 'step' as const } : {})}
          >
            {t(`wizard.steps.${s}`)}
          </li>
        ))}
      </ol>
      {step === 'upload' || !upload || !chosen ? (
        <UploadStep
          caseId={caseId}
          formats={formats.data.formats}
          format={chosen?.format ?? format}
          onFormat={setFormat}
          onUploaded={(u) => {
            setUpload(u);
            // A semicolon-separated file (common in Baltic and Finnish exports) keeps its delimiter.
            setOptions(
              u.sniff.delimiter && u.sniff.delimiter !== ',' && chosen?.fields.some((f) => f.name === 'delimiter')
                ? { delimiter: u.sniff.delimiter }
                : {},
            );
            setMapper(
              guessState(
                u.sniff.headers,
                schemata.data?.schemata.find((s) => s.name === 'Person'),
              ),
            );
            setTextMode(false);
            setStep('map');
          }}
        />
      ) : step === 'map' || !ticket ? (
        <MapStep
          caseId={caseId}
          format={chosen}
          upload={upload}
          options={options}
          onOptions={setOptions}
          mapper={mapper}
          onMapper={setMapper}
          textMode={textMode}
          onTextMode={setTextMode}
          onBack={() => setStep('upload')}
          startError={startError}
          onRun={async (o) => {
            // Started here, on the click, so a re-render can never start it twice.
            setStartError(null);
            try {
              const job = await api<ImportJobOut & { key: string }>(
                'POST',
                `/api/cases/${encodeURIComponent(caseId)}/imports`,
                { uploadId: upload.uploadId, format: chosen.format, options: o },
              );
              setTicket({ id: job.id, key: job.key });
              setStep('run');
            } catch (e) {
              setStartError(e);
            }
          }}
        />
      ) : (
        <RunStep
          key={ticket.id}
          caseId={caseId}
          ticket={ticket}
          onBack={() => setStep('map')}
          onAgain={() => {
            setUpload(null);
            setStep('upload');
          }}
        />
      )}
    </div>
  );
}
