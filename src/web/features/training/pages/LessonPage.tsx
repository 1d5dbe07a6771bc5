/** A lesson: its text (rendered safely on the server), its sources, and "read, go on". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../ui/api/client.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { navigate } from '../../../ui/routing/location.ts';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useLesson } from '../api/trainingApi.ts';
import { UsedHere } from '../components/libraryParts.tsx';
import { trainingPaths } from '../routes.ts';

export function LessonPage({ courseId, moduleId, lessonId }: { courseId: string; moduleId: string; lessonId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const lesson = useLesson(courseId, moduleId, lessonId);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(lesson.data?.title);
  if (lesson.isPending) return <Loading />;
  if (lesson.error) return <ErrorMessage error={lesson.error} />;
  const l = lesson.data;
  const next = l.next ? trainingPaths.lesson(courseId, moduleId, l.next) : trainingPaths.quiz(courseId, moduleId);
  return (
    <div className="page training">
      <nav aria-label={t('training.breadcrumb')} className="training-crumbs">
        <Link to={trainingPaths.home()}>{t('training.title')}</Link> ›{' '}
        <Link to={trainingPaths.course(courseId)}>{t('training.course')}</Link>
      </nav>
      <article className="lesson" lang={l.language}>
        <h1>{l.title}</h1>
        {l.fallback ? (
          <Notice kind="warning" icon="globe">
            {t('training.fallbackLesson')}
          </Notice>
        ) : null}
        {l.unreviewed ? (
          <Notice kind="info" icon="globe">
            {t('training.unreviewed')}
          </Notice>
        ) : null}
        {/*
          The server renders the Markdown with raw HTML escaped and only course images allowed
          (training/markdown.ts).
        */}
        <div className="lesson-body" dangerouslySetInnerHTML={{ __html: l.html }} />
        <UsedHere courseId={courseId} moduleId={moduleId} lessonId={lessonId} />
        <section aria-labelledby="lesson-sources" className="lesson-sources">
          <h2 id="lesson-sources">{t('training.sources')}</h2>
          <ul>
            {l.sources.map((s) => (
              <li key={s.title}>
                {s.url ? (
                  <a href={s.url} rel="noopener noreferrer" target="_blank">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}
              </li>
            ))}
          </ul>
        </section>
      </article>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="form-actions">
        {l.previous ? (
          <Link className="btn" to={trainingPaths.lesson(courseId, moduleId, l.previous)}>
            {t('training.previous')}
          </Link>
        ) : null}
        <button
          type="button"
          className="btn primary"
          onClick={async () => {
            try {
              await api(
                'POST',
                `/api/training/courses/${encodeURIComponent(courseId)}/modules/${encodeURIComponent(moduleId)}/lessons/${encodeURIComponent(lessonId)}/complete`,
              );
              await qc.invalidateQueries({ queryKey: ['training'] });
              navigate(next);
            } catch (err) {
              setError(err);
            }
          }}
        >
          {l.next ? t('training.readNext') : t('training.readQuiz')}
        </button>
        {l.done ? <span className="tag done">{t('training.read')}</span> : null}
      </div>
    </div>
  );
}
