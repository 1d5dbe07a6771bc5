/**
 * A case exercise: the brief, the trainee's own sandbox case (opened once, worked on in the
 * real workspace), the findings form, and the graded result with feedback on each finding.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ExerciseResultOut } from '../../../../shared/contracts/training.ts';
import { api } from '../../../ui/api/client.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { serverError } from '../../../ui/forms.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useExercise, useSandboxEntities } from '../api/trainingApi.ts';
import { UsedHere } from '../components/libraryParts.tsx';
import { trainingPaths } from '../routes.ts';
import { nameMatcher } from '../../../../shared/names/index.ts';

const enc = encodeURIComponent;

function Result({ r }: { r: ExerciseResultOut }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ex-result" className="panel" data-testid="exercise-result">
      <h2 id="ex-result">{t('training.result')}</h2>
      <div className={`notice ${r.passed ? 'success' : 'error'}`} role="status">
        {r.passed
          ? t('training.exercisePassed', { score: r.score, passMark: r.passMark })
          : t('training.exerciseFailed', { score: r.score, passMark: r.passMark })}
      </div>
      <ul className="finding-results">
        {r.findings.map((f) => (
          <li key={f.finding} className={`finding ${f.verdict}`} data-finding={f.finding}>
            <strong>{t(`training.finding.${f.finding}`)}</strong>{' '}
            <span className={`tag ${f.verdict}`}>{t(`training.verdict.${f.verdict}`)}</span>{' '}
            <span className="muted">{t('training.points', { points: f.points, max: f.max })}</span>
            <p>{t(`training.feedback.${f.code}`, f.params)}</p>
            {f.items?.length ? (
              <ul>
                {f.items.map((i) => (
                  <li key={i.id}>
                    {i.caption}: {t(`training.item.${i.verdict}`)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="muted">{t('training.submissionsLeft', { n: r.submissionsLeft })}</p>
    </section>
  );
}

export function ExercisePage({
  cohortId,
  courseId,
  exerciseId,
}: {
  cohortId: string;
  courseId: string;
  exerciseId: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ex = useExercise(cohortId, courseId, exerciseId);
  const caseId = ex.data?.sandboxCaseId ?? null;
  const persons = useSandboxEntities(caseId, 'Person');
  const accounts = useSandboxEntities(caseId, 'BankAccount');
  const companies = useSandboxEntities(caseId, 'Company');
  const [victims, setVictims] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [account, setAccount] = useState('');
  const [letterbox, setLetterbox] = useState('');
  const [gained, setGained] = useState('');
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ExerciseResultOut | null>(null);
  usePageTitle(ex.data?.title);
  const shownPersons = useMemo(() => {
    const matches = nameMatcher(filter);
    return (persons.data?.entities ?? []).filter((p) => matches(p.caption) || victims.includes(p.id));
  }, [persons.data, filter, victims]);
  if (ex.isPending) return <Loading />;
  if (ex.error) return <ErrorMessage error={ex.error} />;
  const e = ex.data;
  const asks = (f: string) => (e.spec.findings as string[]).includes(f);
  const shown = result ?? e.last;
  const left = result ? result.submissionsLeft : e.spec.maxSubmissions - e.submissionsUsed;
  const base = `/api/training/cohorts/${enc(cohortId)}/courses/${enc(courseId)}`;
  return (
    <div className="page training">
      <nav aria-label={t('training.breadcrumb')} className="training-crumbs">
        <Link to={trainingPaths.home()}>{t('training.title')}</Link> ›{' '}
        <Link to={trainingPaths.course(courseId, cohortId)}>{t('training.course')}</Link>
      </nav>
      <h1>{e.title}</h1>
      {e.fallback ? (
        <Notice kind="warning" icon="globe">
          {t('training.fallbackLesson')}
        </Notice>
      ) : null}
      {e.unreviewed ? (
        <Notice kind="info" icon="globe">
          {t('training.unreviewed')}
        </Notice>
      ) : null}
      <div className="lesson-body" lang={e.language} dangerouslySetInnerHTML={{ __html: e.html }} />
      <UsedHere courseId={courseId} exerciseId={exerciseId} />

      <section aria-labelledby="ex-sandbox" className="panel">
        <h2 id="ex-sandbox">{t('training.sandbox')}</h2>
        {caseId ? (
          <p>
            <Link className="btn primary" to={paths.case(caseId)} data-testid="sandbox-link">
              {t('training.workOnSandbox')}
            </Link>{' '}
            <span className="muted">{t('training.sandboxHint')}</span>
          </p>
        ) : (
          <button
            type="button"
            className="btn primary"
            disabled={opening}
            onClick={async () => {
              setOpening(true);
              try {
                await api('POST', `${base}/sandbox`);
                await qc.invalidateQueries({ queryKey: ['training'] });
                await qc.invalidateQueries({ queryKey: ['cases'] });
              } catch (err) {
                setError(err);
              } finally {
                setOpening(false);
              }
            }}
          >
            {opening ? t('training.openingSandbox') : t('training.openSandbox')}
          </button>
        )}
      </section>

      {caseId ? (
        <section aria-labelledby="ex-findings" className="panel">
          <h2 id="ex-findings">{t('training.findings')}</h2>
          <form
            noValidate
            onSubmit={async (ev) => {
              ev.preventDefault();
              const body = {
                ...(asks('victims') && victims.length ? { victims } : {}),
                ...(asks('controllerAccount') && account ? { controllerAccount: account } : {}),
                ...(asks('letterbox') && letterbox ? { letterbox } : {}),
                ...(asks('gained') && gained.trim() && !Number.isNaN(Number(gained.replace(',', '.')))
                  ? { gained: Number(gained.replace(',', '.')) }
                  : {}),
              };
              try {
                setResult(
                  await api<ExerciseResultOut>('POST', `${base}/exercises/${enc(exerciseId)}/submissions`, body),
                );
                setError(null);
                await qc.invalidateQueries({ queryKey: ['training'] });
              } catch (err) {
                setError(err);
              }
            }}
          >
            {asks('victims') ? (
              <fieldset className="victim-picker">
                <legend>
                  {t('training.finding.victims')} ({t('training.chosen', { n: victims.length })})
                </legend>
                <label htmlFor="victim-filter" className="visually-hidden">
                  {t('training.filterPeople')}
                </label>
                <input
                  id="victim-filter"
                  type="search"
                  placeholder={t('training.filterPeople')}
                  value={filter}
                  onChange={(ev) => setFilter(ev.target.value)}
                />
                <div className="victim-list">
                  {shownPersons.map((p) => (
                    <label key={p.id} className="choice">
                      <input
                        type="checkbox"
                        value={p.id}
                        checked={victims.includes(p.id)}
                        onChange={(ev) =>
                          setVictims(ev.target.checked ? [...victims, p.id] : victims.filter((x) => x !== p.id))
                        }
                      />{' '}
                      {p.caption}
                    </label>
                  ))}
                </div>
                {serverError(error, 'victims') ? (
                  <div className="field-error" role="alert">
                    {serverError(error, 'victims')}
                  </div>
                ) : null}
              </fieldset>
            ) : null}
            {asks('letterbox') ? (
              <Field label={t('training.finding.letterbox')} error={serverError(error, 'letterbox')}>
                {(p) => (
                  <select {...p} value={letterbox} onChange={(ev) => setLetterbox(ev.target.value)}>
                    <option value="">{t('training.choose')}</option>
                    {(companies.data?.entities ?? []).map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.caption}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            {asks('controllerAccount') ? (
              <Field label={t('training.finding.controllerAccount')} error={serverError(error, 'controllerAccount')}>
                {(p) => (
                  <select {...p} value={account} onChange={(ev) => setAccount(ev.target.value)}>
                    <option value="">{t('training.choose')}</option>
                    {(accounts.data?.entities ?? []).map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.caption}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            {asks('gained') ? (
              <Field
                label={t('training.finding.gained')}
                hint={t('training.gainedHint')}
                error={serverError(error, 'gained')}
              >
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    inputMode="decimal"
                    value={gained}
                    onChange={(ev) => setGained(ev.target.value)}
                  />
                )}
              </Field>
            ) : null}
            {error && !['victims', 'letterbox', 'controllerAccount', 'gained'].some((f) => serverError(error, f)) ? (
              <ErrorMessage error={error} />
            ) : null}
            <div className="form-actions">
              <button type="submit" className="btn primary" disabled={left <= 0}>
                {t('training.submitFindings')}
              </button>
              <span className="muted">{t('training.submissionsLeft', { n: left })}</span>
            </div>
          </form>
        </section>
      ) : null}
      {shown ? <Result r={shown} /> : null}
    </div>
  );
}
