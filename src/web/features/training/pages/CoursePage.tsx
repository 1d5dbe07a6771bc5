/**
 * A course: its modules with lessons, quiz and case exercise, the good practices each uses, your progress, and the
 * certificate.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../ui/routing/Link.tsx';
import { useQueryParam } from '../../../ui/routing/location.ts';
import { useSession } from '../../../state/session.ts';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useCourse, useLang, useMyTraining } from '../api/trainingApi.ts';
import { UsedHere } from '../components/libraryParts.tsx';
import { trainingPaths } from '../routes.ts';

export function CoursePage({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const course = useCourse(courseId);
  const mine = useMyTraining();
  const me = useSession((s) => s.me);
  const asked = useQueryParam('cohort');
  usePageTitle(course.data?.title);
  const loaded = !!course.data;
  useEffect(() => {
    // A link to one module (#module-<id>, from the library) scrolls to it once the course is shown.
    const target =
      loaded && window.location.hash
        ? document.getElementById(decodeURIComponent(window.location.hash.slice(1)))
        : null;
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [loaded]);
  if (course.isPending) return <Loading />;
  if (course.error) return <ErrorMessage error={course.error} />;
  const c = course.data;
  const myCohorts = (mine.data?.cohorts ?? []).filter((x) => x.courses.some((k) => k.courseId === courseId));
  const cohortId = asked && myCohorts.some((x) => x.id === asked) ? asked : (myCohorts[0]?.id ?? null);
  const trains = me?.platformRole === 'trainer' || me?.platformRole === 'admin';
  return (
    <div className="page training">
      <nav aria-label={t('training.breadcrumb')} className="training-crumbs">
        <Link to={trainingPaths.home()}>{t('training.title')}</Link>
      </nav>
      <header className="page-header">
        <h1>{c.title}</h1>
        {c.complete ? (
          <a
            className="btn primary"
            href={`/api/training/courses/${encodeURIComponent(c.id)}/certificate?lang=${lang}`}
            download
          >
            {t('training.certificate')}
          </a>
        ) : null}
      </header>
      {c.fallback ? (
        <Notice kind="warning" icon="globe">
          {t('training.fallback')}
        </Notice>
      ) : null}
      {c.unreviewed ? (
        <Notice kind="info" icon="globe">
          {t('training.unreviewed')}
        </Notice>
      ) : null}
      <p>{c.description}</p>
      <p className="muted" data-testid="course-progress">
        {t('training.modulesDone', {
          done: c.modulesDetail.filter((m) => m.progress.complete).length,
          total: c.modulesDetail.length,
        })}
      </p>
      <ol className="training-modules">
        {c.modulesDetail.map((m) => (
          <li key={m.id} className="panel" data-module={m.id} id={`module-${m.id}`} tabIndex={-1}>
            <div className="panel-header">
              <h2>{m.title}</h2>
              {m.progress.complete ? <span className="tag done">{t('training.complete')}</span> : null}
            </div>
            <p>
              {m.summary} <span className="muted">{t('training.minutes', { n: m.minutes })}</span>
            </p>
            <ul className="training-steps">
              {m.lessons.map((l) => (
                <li key={l.id}>
                  <Link to={trainingPaths.lesson(c.id, m.id, l.id)}>{l.title}</Link>
                  {m.progress.lessonsDone.includes(l.id) ? (
                    <span className="tag done">{t('training.read')}</span>
                  ) : null}
                  {l.fallback ? <span className="tag">{t('training.inEnglish')}</span> : null}
                  {l.unreviewed ? <span className="tag">{t('training.unreviewedTag')}</span> : null}
                </li>
              ))}
              <li>
                <Link to={trainingPaths.quiz(c.id, m.id)}>{t('training.quiz')}</Link>{' '}
                <span className="muted">
                  {m.progress.quizBest === null
                    ? t('training.notTried')
                    : t('training.best', { score: m.progress.quizBest })}
                  {m.progress.quizPassed ? ` · ${t('training.passed')}` : ''}
                </span>
              </li>
              {m.exercise ? (
                <li>
                  {cohortId ? (
                    <Link to={trainingPaths.exercise(cohortId, c.id, m.exercise.id)}>{t('training.exercise')}</Link>
                  ) : (
                    <span>{t('training.exercise')}</span>
                  )}{' '}
                  <span className="muted">
                    {!cohortId
                      ? t('training.exerciseNeedsCohort')
                      : m.progress.exerciseBest === null
                        ? t('training.notTried')
                        : t('training.best', { score: m.progress.exerciseBest })}
                    {m.progress.exercisePassed ? ` · ${t('training.passed')}` : ''}
                  </span>
                </li>
              ) : null}
              {trains ? (
                <li>
                  <a
                    href={`/api/training/courses/${encodeURIComponent(c.id)}/modules/${encodeURIComponent(m.id)}/scorm?lang=${lang}`}
                    download
                  >
                    {t('training.scorm')}
                  </a>
                </li>
              ) : null}
            </ul>
            <UsedHere courseId={c.id} moduleId={m.id} level={3} />
          </li>
        ))}
      </ol>
    </div>
  );
}
