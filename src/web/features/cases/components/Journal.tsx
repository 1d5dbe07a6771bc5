import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { JournalCreate } from '../../../../shared/contracts/index.ts';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useJournal } from '../api/hooks.ts';
import { useFormat } from '../../../i18n/format.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { errorIsForFields, serverError, zodErrors } from '../../../ui/forms.ts';
import { useUserNames } from '../api/useUserNames.ts';

const KINDS = ['decision', 'action', 'event'] as const;

/** The case journal: decisions, actions and events, newest first, with a form to add one. */
export function Journal({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const journal = useJournal(caseId);
  const nameOf = useUserNames(caseId);
  const [v, setV] = useState({ kind: 'action', text: '', occurredAt: '' });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const body = { kind: v.kind, text: v.text, ...(v.occurredAt ? { occurredAt: v.occurredAt } : {}) };
  const errors = touched ? zodErrors(JournalCreate, body, t) : {};
  return (
    <section className="panel" aria-labelledby="journal-heading">
      <h2 id="journal-heading">{t('journal.title')}</h2>
      {canWrite ? (
        <form
          className="journal-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setTouched(true);
            if (Object.keys(zodErrors(JournalCreate, body, t)).length) return;
            try {
              await api('POST', `/api/cases/${encodeURIComponent(caseId)}/journal`, body);
              setV({ kind: v.kind, text: '', occurredAt: '' });
              setTouched(false);
              setError(null);
              await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
            } catch (err) {
              setError(err);
            }
          }}
        >
          <Field label={t('journal.kind')} className="narrow">
            {(p) => (
              <select {...p} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`journal.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('journal.text')}
            error={errors['text'] ?? serverError(error, 'text')}
            required
            className="grow"
          >
            {(p) => <input {...p} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} />}
          </Field>
          <Field
            label={t('journal.occurredAt')}
            error={errors['occurredAt'] ?? serverError(error, 'occurredAt')}
            className="narrow"
          >
            {(p) => (
              <input
                {...p}
                type="date"
                value={v.occurredAt}
                onChange={(e) => setV({ ...v, occurredAt: e.target.value })}
              />
            )}
          </Field>
          <button type="submit" className="btn">
            {t('journal.add')}
          </button>
        </form>
      ) : null}
      {error && !errorIsForFields(error, ['text', 'occurredAt', 'kind']) ? <ErrorMessage error={error} /> : null}
      {journal.isPending ? (
        <Loading />
      ) : journal.error ? (
        <ErrorMessage error={journal.error} />
      ) : (
        <ol className="journal">
          {(journal.data?.entries ?? []).map((j) => (
            <li key={j.id}>
              <span className={`tag kind-${j.kind}`}>{t(`journal.kinds.${j.kind}`, { defaultValue: j.kind })}</span>
              <span className="journal-text">{j.text}</span>
              <span className="muted small">
                {f.date(j.occurredAt)} · {nameOf(j.author)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
