/**
 * The training programme's start page: the course catalogue, your cohorts and progress, and the cohorts a trainer
 * runs.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { CohortCreate } from '../../../../shared/contracts/training.ts';
import type { CohortOut } from '../../../../shared/contracts/training.ts';
import { api } from '../../../ui/api/client.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { navigate } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { useSession } from '../../../state/session.ts';
import { Field } from '../../../ui/Field.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { serverError, zodErrors } from '../../../ui/forms.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useCohorts, useCourses, useLang, useMyTraining } from '../api/trainingApi.ts';
import { trainingPaths } from '../routes.ts';

function NewCohort() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errs = touched ? zodErrors(CohortCreate, { name }, t) : {};
  return (
    <form
      className="training-inline-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (Object.keys(zodErrors(CohortCreate, { name }, t)).length) return;
        try {
          const c = await api<CohortOut>('POST', '/api/training/cohorts', { name });
          await qc.invalidateQueries({ queryKey: ['training'] });
          navigate(trainingPaths.cohort(c.id));
        } catch (err) {
          setError(err);
        }
      }}
    >
      <Field label={t('training.cohortName')} error={errs.name ?? serverError(error, 'name')} required>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <button type="submit" className="btn primary">
        {t('training.createCohort')}
      </button>
    </form>
  );
}

export function TrainingHome() {
  const { t } = useTranslation();
  usePageTitle(t('training.title'));
  const lang = useLang();
  const me = useSession((s) => s.me);
  const trains = me?.platformRole === 'trainer' || me?.platformRole === 'admin';
  const courses = useCourses();
  const mine = useMyTraining();
  const cohorts = useCohorts(trains);
  return (
    <div className="page training">
      <header className="page-header">
        <h1>{t('training.title')}</h1>
      </header>
      <p className="muted">{t('training.intro')}</p>
      <p>
        <Link to={trainingPaths.library()} data-testid="library-link">
          {t('library.open')}
        </Link>{' '}
        <span className="muted">{t('library.intro')}</span>
      </p>

      <section aria-labelledby="tr-courses" className="panel">
        <h2 id="tr-courses">{t('training.courses')}</h2>
        {courses.isPending ? (
          <Loading />
        ) : courses.error ? (
          <ErrorMessage error={courses.error} />
        ) : (
          <ul className="training-cards">
            {courses.data.courses.map((c) => {
              const p = mine.data?.progress.courses.find((x) => x.courseId === c.id);
              return (
                <li key={c.id} className="training-card">
                  <h3>
                    <Link to={trainingPaths.course(c.id)}>{c.title}</Link>
                  </h3>
                  <p>{c.description}</p>
                  <p className="muted">
                    {t('training.audience')}: {c.audience}
                  </p>
                  <p>
                    {t('training.modulesDone', { done: p?.modulesComplete ?? 0, total: c.modules })}
                    {p?.complete ? (
                      <a
                        className="btn small"
                        href={`/api/training/courses/${encodeURIComponent(c.id)}/certificate?lang=${lang}`}
                        download
                      >
                        {t('training.certificate')}
                      </a>
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="tr-mine" className="panel">
        <h2 id="tr-mine">{t('training.myCohorts')}</h2>
        {mine.isPending ? (
          <Loading />
        ) : mine.error ? (
          <ErrorMessage error={mine.error} />
        ) : mine.data.cohorts.length === 0 ? (
          <p className="muted">{t('training.noCohorts')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('training.cohort')}</th>
                <th scope="col">{t('training.courses')}</th>
                <th scope="col">{t('training.sandbox')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.data.cohorts.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>
                    {c.courses.map((x) => (
                      <Link key={x.courseId} to={trainingPaths.course(x.courseId, c.id)}>
                        {courses.data?.courses.find((k) => k.id === x.courseId)?.title ?? x.courseId}
                      </Link>
                    ))}
                  </td>
                  <td>
                    {c.sandboxCaseId ? (
                      <Link to={paths.case(c.sandboxCaseId)}>{t('training.openSandboxCase')}</Link>
                    ) : (
                      <span className="muted">{t('training.noSandbox')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {trains ? (
        <section aria-labelledby="tr-run" className="panel">
          <h2 id="tr-run">{t('training.cohortsYouRun')}</h2>
          {cohorts.isPending ? (
            <Loading />
          ) : cohorts.error ? (
            <ErrorMessage error={cohorts.error} />
          ) : cohorts.data.cohorts.length === 0 ? (
            <EmptyState icon="users" title={t('training.noCohortsRun')} />
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('training.cohort')}</th>
                  <th scope="col">{t('training.members')}</th>
                  <th scope="col">{t('training.courses')}</th>
                </tr>
              </thead>
              <tbody>
                {cohorts.data.cohorts.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={trainingPaths.cohort(c.id)}>{c.name}</Link>
                    </td>
                    <td>{c.trainees}</td>
                    <td>{c.courses.map((x) => x.courseId).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <NewCohort />
        </section>
      ) : null}
    </div>
  );
}
