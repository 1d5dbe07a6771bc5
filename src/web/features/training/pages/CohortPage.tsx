/** A cohort a trainer runs: each member's progress and scores, enrolling members, assigning courses. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../ui/api/client.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { serverError } from '../../../ui/forms.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useCohort, useCourses } from '../api/trainingApi.ts';
import { trainingPaths } from '../routes.ts';

const score = (n: number | null) => (n === null ? '–' : `${n} %`);

function AddForm({ cohortId, kind }: { cohortId: string; kind: 'members' | 'assignments' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const courses = useCourses();
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const field = kind === 'members' ? 'username' : 'courseId';
  return (
    <form
      className="training-inline-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api('POST', `/api/training/cohorts/${encodeURIComponent(cohortId)}/${kind}`, { [field]: value });
          setValue('');
          setError(null);
          await qc.invalidateQueries({ queryKey: ['training'] });
        } catch (err) {
          setError(err);
        }
      }}
    >
      <Field
        label={kind === 'members' ? t('training.enrolUser') : t('training.assignCourse')}
        error={serverError(error, field)}
      >
        {(p) =>
          kind === 'members' ? (
            <input {...p} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
          ) : (
            <select {...p} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">{t('training.choose')}</option>
              {(courses.data?.courses ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          )
        }
      </Field>
      <button type="submit" className="btn">
        {kind === 'members' ? t('training.enrol') : t('training.assign')}
      </button>
      {error && !serverError(error, field) ? <ErrorMessage error={error} /> : null}
    </form>
  );
}

export function CohortPage({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const cohort = useCohort(cohortId);
  const courses = useCourses();
  usePageTitle(cohort.data?.name);
  if (cohort.isPending) return <Loading />;
  if (cohort.error) return <ErrorMessage error={cohort.error} />;
  const c = cohort.data;
  const title = (id: string) => courses.data?.courses.find((k) => k.id === id)?.title ?? id;
  return (
    <div className="page training">
      <nav aria-label={t('training.breadcrumb')} className="training-crumbs">
        <Link to={trainingPaths.home()}>{t('training.title')}</Link>
      </nav>
      <header className="page-header">
        <h1>{c.name}</h1>
      </header>
      <p className="muted">{t('training.cohortFacts', { members: c.trainees, seed: c.seed ?? '' })}</p>
      <section aria-labelledby="co-progress" className="panel">
        <h2 id="co-progress">{t('training.progressTitle')}</h2>
        {c.members.length === 0 || c.courses.length === 0 ? (
          <p className="muted">{t('training.noMembers')}</p>
        ) : (
          c.courses.map((course) => (
            <div key={course.courseId} className="table-scroll">
              <table className="table" data-testid={`cohort-progress-${course.courseId}`}>
                <caption>
                  {title(course.courseId)}
                  {course.dueDate ? ` · ${t('training.due', { date: course.dueDate })}` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('training.trainee')}</th>
                    <th scope="col">{t('training.modulesCol')}</th>
                    <th scope="col">{t('training.lessonsCol')}</th>
                    <th scope="col">{t('training.quizzesCol')}</th>
                    <th scope="col">{t('training.exercisesCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.members.map((m) => {
                    const p = m.courses.find((x) => x.courseId === course.courseId);
                    return (
                      <tr key={m.userId} data-user={m.username}>
                        <th scope="row">
                          {m.displayName} <span className="muted">({m.username})</span>
                        </th>
                        <td>
                          {p ? `${p.modulesComplete} / ${p.modules}` : '–'}
                          {p?.complete ? <span className="tag done">{t('training.complete')}</span> : null}
                        </td>
                        <td>{p ? `${p.lessonsDone} / ${p.lessons}` : '–'}</td>
                        <td>
                          {p?.quizzes
                            .filter((q) => q.attempts > 0)
                            .map((q) => (
                              <div key={q.moduleId}>
                                {q.moduleId}: {score(q.best)}
                                {q.passed ? ' ✓' : ''}
                              </div>
                            ))}
                        </td>
                        <td data-testid="exercise-scores">
                          {p?.exercises
                            .filter((x) => x.submissions > 0)
                            .map((x) => (
                              <div key={x.exerciseId}>
                                {x.exerciseId}: {score(x.best)}
                                {x.passed ? ' ✓' : ''}
                              </div>
                            ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ))
        )}
      </section>
      <section aria-labelledby="co-manage" className="panel">
        <h2 id="co-manage">{t('training.manageCohort')}</h2>
        <AddForm cohortId={cohortId} kind="members" />
        <AddForm cohortId={cohortId} kind="assignments" />
      </section>
    </div>
  );
}
