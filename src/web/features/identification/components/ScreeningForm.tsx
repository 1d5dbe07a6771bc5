/**
 * The first-contact screening interview in the user's language. The answers are kept as a note
 * on the person (the record of the interview, dated) and fill a draft assessment — each
 * indicator tied to that note — which the officer reviews before saving.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../../../ui/api/keys.ts';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { addPersonNote, useScreeningForm } from '../api/identificationApi.ts';
import type { Draft } from './AssessmentEditor.tsx';
import type { Catalogue, ScreeningForm as Form } from '../api/types.ts';
import { textOf } from '../api/types.ts';

export function screeningDraft(
  form: Form,
  answers: Record<string, string[]>,
  catalogue: Catalogue,
  currentList: string,
  noteId: string,
): Draft {
  const chosen = form.questions.flatMap((q) =>
    (answers[q.id] ?? []).map((oid) => q.options.find((o) => o.id === oid)).filter((o) => !!o),
  );
  const child = chosen.some((o) => o.child);
  const exploitation = catalogue.lists.find((l) => l.id === currentList)?.exploitation ?? 'labour';
  const list =
    catalogue.lists.find((l) => l.population === (child ? 'child' : 'adult') && l.exploitation === exploitation) ??
    catalogue.lists[0];
  const inList = new Set(list?.items.map((i) => i.id) ?? []);
  const ev = [`note:${noteId}`];
  return {
    list: list?.id ?? currentList,
    indicators: Object.fromEntries(
      chosen
        .flatMap((o) => o.items)
        .filter((i) => inList.has(i))
        .map((i) => [i, { evidence: ev, reliability: 'B', information: '3' }]),
    ),
    acts: Object.fromEntries(chosen.flatMap((o) => o.acts).map((a) => [a, ev])),
    screening: answers,
  };
}

export function ScreeningForm({
  caseId,
  personId,
  catalogue,
  currentList,
  onFill,
}: {
  caseId: string;
  personId: string;
  catalogue: Catalogue;
  currentList: string;
  onFill: (d: Draft) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const form = useScreeningForm();
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  if (form.isPending) return <Loading />;
  if (form.error) return <ErrorMessage error={form.error} />;
  const f = form.data;
  const toggle = (qid: string, oid: string, multiple: boolean, on: boolean) =>
    setAnswers((a) => ({
      ...a,
      [qid]: multiple ? (on ? [...(a[qid] ?? []), oid] : (a[qid] ?? []).filter((x) => x !== oid)) : [oid],
    }));
  const fill = async () => {
    setError(null);
    try {
      const lines = f.questions
        .filter((q) => answers[q.id]?.length)
        .map(
          (q) =>
            `${textOf(q.text, lang)} — ${(answers[q.id] ?? []).map((oid) => textOf(q.options.find((o) => o.id === oid)?.text ?? { en: oid }, lang)).join('; ')}`,
        );
      const note = await addPersonNote(
        caseId,
        personId,
        `${t('identification.screening.noteTitle', { date: new Date().toISOString().slice(0, 10) })}\n${lines.join('\n')}`,
      );
      // The interview record is now evidence the editor must offer.
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
      onFill(screeningDraft(f, answers, catalogue, currentList, note.id));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="id-screening" data-testid="screening-form">
      <aside className="notice info id-guidance" aria-labelledby="id-guidance-heading">
        <Icon name="shield" />
        <div>
          <h2 id="id-guidance-heading">{t('identification.screening.guidance')}</h2>
          <ul>
            {f.guidance.map((g) => (
              <li key={g.en}>{textOf(g, lang)}</li>
            ))}
          </ul>
          <p className="small muted">{f.source}</p>
        </div>
      </aside>
      {f.questions.map((q) => (
        <fieldset key={q.id} className="id-question" data-question={q.id}>
          <legend>{textOf(q.text, lang)}</legend>
          {q.note ? <p className="field-hint">{textOf(q.note, lang)}</p> : null}
          {q.options.map((o) => (
            <label key={o.id} className="checkbox">
              <input
                type={q.multiple ? 'checkbox' : 'radio'}
                name={`q-${q.id}`}
                value={o.id}
                checked={(answers[q.id] ?? []).includes(o.id)}
                onChange={(e) => toggle(q.id, o.id, q.multiple, e.target.checked)}
              />
              {textOf(o.text, lang)}
            </label>
          ))}
        </fieldset>
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="btn primary"
          onClick={() => void fill()}
          disabled={Object.keys(answers).length === 0}
        >
          <Icon name="check" />
          {t('identification.screening.fill')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
