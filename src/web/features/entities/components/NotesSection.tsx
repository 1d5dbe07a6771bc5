import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { NoteCreate } from '../../../../shared/contracts/index.ts';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import type { NoteOut } from '../../../../shared/contracts/entities.ts';
import { useFormat } from '../../../i18n/format.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage } from '../../../ui/feedback.tsx';
import { errorIsForFields, serverError, zodErrors } from '../../../ui/forms.ts';
import { useUserNames } from '../../cases/index.ts';

/** Observations and assessments, kept apart from the facts (properties). */
export function NotesSection({
  caseId,
  entityId,
  notes,
  canWrite,
}: {
  caseId: string;
  entityId: string;
  notes: NoteOut[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const nameOf = useUserNames(caseId);
  const [v, setV] = useState({ kind: 'note', text: '' });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = touched ? zodErrors(NoteCreate, v, t) : {};
  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('entity.notes')}</h2>
      {notes.length === 0 ? (
        <p className="muted">{t('entity.noNotes')}</p>
      ) : (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <span className={`tag kind-${n.kind}`}>{t(`noteKind.${n.kind}`, { defaultValue: n.kind })}</span>
              <p>{n.text}</p>
              <span className="muted small">
                {nameOf(n.author)} · {f.dateTime(n.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form
          noValidate
          className="note-form"
          onSubmit={async (e) => {
            e.preventDefault();
            setTouched(true);
            if (Object.keys(zodErrors(NoteCreate, v, t)).length) return;
            try {
              await api(
                'POST',
                `/api/cases/${encodeURIComponent(caseId)}/entities/${encodeURIComponent(entityId)}/notes`,
                v,
              );
              setV({ kind: v.kind, text: '' });
              setTouched(false);
              setError(null);
              await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
            } catch (err) {
              setError(err);
            }
          }}
        >
          <Field label={t('entity.noteKind')} className="narrow">
            {(p) => (
              <select {...p} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
                <option value="note">{t('noteKind.note')}</option>
                <option value="assessment">{t('noteKind.assessment')}</option>
              </select>
            )}
          </Field>
          <Field
            label={t('entity.noteText')}
            error={errors['text'] ?? serverError(error, 'text')}
            required
            className="grow"
          >
            {(p) => <textarea {...p} rows={2} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} />}
          </Field>
          <button type="submit" className="btn">
            {t('entity.addNote')}
          </button>
          {error && !errorIsForFields(error, ['text', 'kind']) ? <ErrorMessage error={error} /> : null}
        </form>
      ) : null}
    </section>
  );
}
