/**
 * "Guess the options": the import desk proposes options for the uploaded export (or a preset
 * its header fits), each with its reason, tried on the whole file; applying them fills the form,
 * where every field can still be changed before the preview and the import.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportGuessOut } from '../../../../shared/contracts/imports.ts';
import { api } from '../../../ui/api/client.ts';
import { ErrorMessage } from '../../../ui/feedback.tsx';
import type { Options } from './options.ts';

export function GuessOptions({
  caseId,
  uploadId,
  format,
  onApply,
}: {
  caseId: string;
  uploadId: string;
  format: string;
  onApply: (o: Options) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [guess, setGuess] = useState<ImportGuessOut | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const g = await api<ImportGuessOut>('POST', `/api/cases/${encodeURIComponent(caseId)}/imports/guess`, {
        uploadId,
        format,
      });
      setGuess(g);
      onApply(g.options);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="guess-options" data-testid="import-guess">
      <button type="button" className="btn" onClick={() => void run()} disabled={busy}>
        {busy ? t('wizard.guessing') : t('wizard.guess')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
      {guess ? (
        <details open className="guess-notes">
          <summary role="status">
            {guess.check.ok
              ? t('wizard.guessRead', { transactions: guess.check.transactions, statements: guess.check.statements })
              : t('wizard.guessFailed', { error: guess.check.error })}
          </summary>
          <ul className="small">
            {guess.notes.map((n) => (
              <li key={`${n.option}-${n.value}`}>
                <code>{n.option}</code>
                {n.value ? (
                  <>
                    {' = '}
                    <code>{n.value}</code>
                  </>
                ) : null}
                {' — '}
                {n.why}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
