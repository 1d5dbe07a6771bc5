/** A module's quiz: answer, see your score and the feedback on each answer, retry while attempts last. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { PlayerQuestionOut, QuizResultOut } from '../../../../shared/contracts/training.ts';
import { api } from '../../../ui/api/client.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useLang, useQuiz } from '../api/trainingApi.ts';
import { trainingPaths } from '../routes.ts';

type Answer = string | string[] | Record<string, string> | number;

function QuestionInput({
  q,
  value,
  onChange,
  disabled,
}: {
  q: PlayerQuestionOut;
  value: Answer | undefined;
  onChange: (a: Answer | undefined) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const name = `q-${q.id}`;
  if (q.type === 'single' || q.type === 'multiple') {
    const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return (
      <>
        {q.options.map((o) => (
          <label key={o.id} className="choice">
            <input
              type={q.type === 'single' ? 'radio' : 'checkbox'}
              name={name}
              value={o.id}
              disabled={disabled}
              checked={chosen.includes(o.id)}
              onChange={(e) =>
                onChange(
                  q.type === 'single' ? o.id : e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id),
                )
              }
            />{' '}
            {o.text}
          </label>
        ))}
      </>
    );
  }
  if (q.type === 'matching') {
    const m = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <>
        {q.left.map((l) => (
          <label key={l.id} className="choice matching">
            <span>{l.text}</span>
            <select
              disabled={disabled}
              value={m[l.id] ?? ''}
              onChange={(e) => onChange({ ...m, [l.id]: e.target.value })}
            >
              <option value="">{t('training.choose')}</option>
              {q.right.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        ))}
      </>
    );
  }
  return (
    <label className="choice">
      <span className="visually-hidden">{t('training.yourAnswer')}</span>
      <input
        type="text"
        inputMode="decimal"
        name={name}
        disabled={disabled}
        value={typeof value === 'number' ? String(value) : ''}
        onChange={(e) => {
          const v = Number(e.target.value.replace(',', '.'));
          onChange(e.target.value === '' || Number.isNaN(v) ? undefined : v);
        }}
      />
      {q.type === 'numeric' && q.unit ? ` ${q.unit}` : null}
    </label>
  );
}

export function QuizPage({ courseId, moduleId }: { courseId: string; moduleId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const quiz = useQuiz(courseId, moduleId);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [result, setResult] = useState<QuizResultOut | null>(null);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('training.quiz'));
  if (quiz.isPending) return <Loading />;
  if (quiz.error) return <ErrorMessage error={quiz.error} />;
  const q = quiz.data;
  const left = result ? result.attemptsLeft : q.maxAttempts - q.attemptsUsed;
  return (
    <div className="page training">
      <nav aria-label={t('training.breadcrumb')} className="training-crumbs">
        <Link to={trainingPaths.home()}>{t('training.title')}</Link> ›{' '}
        <Link to={trainingPaths.course(courseId)}>{t('training.course')}</Link>
      </nav>
      <h1>{t('training.quiz')}</h1>
      {q.fallback ? (
        <Notice kind="warning" icon="globe">
          {t('training.fallbackQuiz')}
        </Notice>
      ) : null}
      {q.unreviewed ? (
        <Notice kind="info" icon="globe">
          {t('training.unreviewed')}
        </Notice>
      ) : null}
      <p className="muted">{t('training.quizRules', { passMark: q.passMark, left })}</p>
      {result ? (
        <div className={`notice ${result.passed ? 'success' : 'error'}`} role="status" data-testid="quiz-result">
          {result.passed
            ? t('training.quizPassed', { score: result.score, passMark: result.passMark })
            : t('training.quizFailed', { score: result.score, passMark: result.passMark })}
        </div>
      ) : null}
      <form
        lang={q.language}
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            setResult(
              await api<QuizResultOut>(
                'POST',
                `/api/training/courses/${encodeURIComponent(courseId)}/modules/${encodeURIComponent(moduleId)}/quiz/attempts`,
                { answers, lang },
              ),
            );
            setError(null);
            await qc.invalidateQueries({ queryKey: ['training'] });
          } catch (err) {
            setError(err);
          }
        }}
      >
        {q.questions.map((question, i) => {
          const r = result?.questions.find((x) => x.questionId === question.id);
          return (
            <fieldset key={question.id} className="quiz-question" data-question={question.id}>
              <legend>
                {i + 1}. {question.prompt}
              </legend>
              <QuestionInput
                q={question}
                value={answers[question.id]}
                disabled={!!result}
                onChange={(a) =>
                  setAnswers((prev) => {
                    const next = { ...prev };
                    if (a === undefined) delete next[question.id];
                    else next[question.id] = a;
                    return next;
                  })
                }
              />
              {r ? (
                <div className={`quiz-feedback ${r.correct ? 'right' : 'wrong'}`} data-testid="feedback">
                  <strong>
                    {r.correct ? t('training.right') : r.points > 0 ? t('training.partlyRight') : t('training.wrong')}
                  </strong>
                  {r.feedback.map((f) => (
                    <p key={f}>{f}</p>
                  ))}
                </div>
              ) : null}
            </fieldset>
          );
        })}
        {error ? <ErrorMessage error={error} /> : null}
        <div className="form-actions">
          {result ? (
            // Distinct keys: React must not turn this very button into the submit button mid-click.
            left > 0 && !result.passed ? (
              <button
                key="again"
                type="button"
                className="btn primary"
                onClick={() => {
                  setResult(null);
                  setAnswers({});
                }}
              >
                {t('training.tryAgain')}
              </button>
            ) : null
          ) : (
            <button key="check" type="submit" className="btn primary" disabled={left <= 0}>
              {t('training.checkAnswers')}
            </button>
          )}
          <Link className="btn" to={trainingPaths.course(courseId)}>
            {t('training.backToCourse')}
          </Link>
        </div>
      </form>
    </div>
  );
}
