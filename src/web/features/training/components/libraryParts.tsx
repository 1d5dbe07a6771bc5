/** Pieces the good-practice library shares with the course pages: tag labels, tag lists, "good practices used here". */
import { useTranslation } from 'react-i18next';
import type { EntrySummaryOut, Facet } from '../../../../shared/contracts/training.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useLibrary } from '../api/trainingApi.ts';
import { trainingPaths } from '../routes.ts';

/** A tag's label: countries by the browser's own names for them, the rest from the translations. */
export function useTagLabel(): (facet: Facet, value: string) => string {
  const { t } = useTranslation();
  const f = useFormat();
  return (facet, value) =>
    facet === 'country'
      ? value === 'INT'
        ? t('library.international')
        : f.country(value)
      : t(`library.tag.${facet}.${value}`);
}

export function EntryTags({ entry }: { entry: EntrySummaryOut }) {
  const label = useTagLabel();
  const facets = ['country', 'exploitation', 'scheme', 'agency'] as const;
  return (
    <ul className="library-tags">
      <li className="tag kind">{label('kind', entry.kind)}</li>
      {facets.flatMap((facet) =>
        entry.tags[facet].map((v) => (
          <li key={`${facet}:${v}`} className="tag" data-facet={facet}>
            {label(facet, v)}
          </li>
        )),
      )}
    </ul>
  );
}

/** The library entries a module, lesson or exercise uses; nothing when there are none. */
export function UsedHere({
  courseId,
  moduleId,
  lessonId,
  exerciseId,
  level = 2,
}: {
  courseId: string;
  moduleId?: string;
  lessonId?: string;
  exerciseId?: string;
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const used = useLibrary({ course: courseId, module: moduleId, lesson: lessonId, exercise: exerciseId });
  const entries = used.data?.entries ?? [];
  if (!entries.length) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="library-used-here" data-testid="used-here">
      <Heading>{t('library.usedHere')}</Heading>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <Link to={trainingPaths.libraryEntry(e.id)}>{e.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
