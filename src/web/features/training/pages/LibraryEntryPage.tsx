/** One good-practice entry: its text (rendered safely on the server), tags, sources, and where the course uses it. */
import { useTranslation } from 'react-i18next';
import type { EntryUseOut } from '../../../../shared/contracts/training.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useLibraryEntry, useMyTraining } from '../api/trainingApi.ts';
import { EntryTags } from '../components/libraryParts.tsx';
import { trainingPaths } from '../routes.ts';

function UseLink({ use }: { use: EntryUseOut }) {
  const { t } = useTranslation();
  const mine = useMyTraining();
  if (use.exerciseId) {
    // An exercise runs in a cohort's sandbox: open it in the learner's cohort, else show the module.
    const cohort = mine.data?.cohorts.find((c) => c.courses.some((k) => k.courseId === use.courseId));
    const to = cohort
      ? trainingPaths.exercise(cohort.id, use.courseId, use.exerciseId)
      : trainingPaths.module(use.courseId, use.moduleId);
    return <Link to={to}>{t('library.exercise', { title: use.exerciseTitle ?? use.exerciseId })}</Link>;
  }
  if (use.lessonId)
    return (
      <Link to={trainingPaths.lesson(use.courseId, use.moduleId, use.lessonId)}>
        {t('library.lesson', { title: use.lessonTitle ?? use.lessonId })}
      </Link>
    );
  return (
    <Link to={trainingPaths.module(use.courseId, use.moduleId)}>{t('library.module', { title: use.moduleTitle })}</Link>
  );
}

export function LibraryEntryPage({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const entry = useLibraryEntry(entryId);
  usePageTitle(entry.data?.title);
  if (entry.isPending) return <Loading />;
  if (entry.error) return <ErrorMessage error={entry.error} />;
  const e = entry.data;
  // Lesson links name their module too, so a reader sees where in the course they lead.
  const byModule = new Map<string, EntryUseOut[]>();
  for (const u of e.usedIn)
    byModule.set(`${u.courseId}/${u.moduleId}`, [...(byModule.get(`${u.courseId}/${u.moduleId}`) ?? []), u]);
  return (
    <div className="page training library">
      <nav aria-label={t('library.breadcrumb')} className="training-crumbs">
        <Link to={trainingPaths.home()}>{t('training.title')}</Link> ›{' '}
        <Link to={trainingPaths.library()}>{t('library.title')}</Link>
      </nav>
      <article className="lesson" lang={e.language}>
        <h1>{e.title}</h1>
        {e.fallback ? (
          <Notice kind="warning" icon="globe">
            {t('library.fallback')}
          </Notice>
        ) : null}
        {e.unreviewed ? (
          <Notice kind="info" icon="globe">
            {t('training.unreviewed')}
          </Notice>
        ) : null}
        {e.illustrative ? (
          <Notice kind="info" icon="alert">
            {t('library.illustrative')}
          </Notice>
        ) : null}
        <EntryTags entry={e} />
        <p className="library-summary">{e.summary}</p>
        {/* The server renders the Markdown with raw HTML escaped (training/markdown.ts). */}
        <div className="lesson-body" dangerouslySetInnerHTML={{ __html: e.html }} />
        <section aria-labelledby="library-used-in" className="library-used-in">
          <h2 id="library-used-in">{t('library.usedIn')}</h2>
          <ul>
            {[...byModule.values()].map((uses) => {
              const first = uses[0];
              if (!first) return null;
              return (
                <li key={`${first.courseId}/${first.moduleId}`}>
                  <Link to={trainingPaths.module(first.courseId, first.moduleId)}>
                    {t('library.module', { title: first.moduleTitle })}
                  </Link>
                  {uses.some((u) => u.lessonId || u.exerciseId) ? (
                    <ul>
                      {uses
                        .filter((u) => u.lessonId || u.exerciseId)
                        .map((u) => (
                          <li key={u.lessonId ?? u.exerciseId}>
                            <UseLink use={u} />
                          </li>
                        ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="library-sources" className="lesson-sources">
          <h2 id="library-sources">{t('library.sources')}</h2>
          <ul>
            {e.sources.map((s) => (
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
      <div className="form-actions">
        <Link className="btn" to={trainingPaths.library()}>
          {t('library.back')}
        </Link>
      </div>
    </div>
  );
}
