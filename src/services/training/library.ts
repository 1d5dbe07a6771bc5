/**
 * The good-practice library for the API and the CLI: entries found by facet and words in the
 * reader's language (English where a translation is missing, and saying so), and one entry
 * rendered safely with the modules, lessons and exercises that use it, titled in that language.
 * It holds teaching material only, no case data.
 */
import type { EntryOut, EntrySummaryOut, EntryUseOut, LibraryListOut } from '../../shared/contracts/training.ts';
import { practiceLibrary } from '../../ingest/training/goodPractices.ts';
import type { Practice, PracticeLibrary, PracticeUse } from '../../ingest/training/goodPractices.ts';
import { searchPractices } from '../../ingest/training/goodPracticeSearch.ts';
import type { PracticeFilter } from '../../ingest/training/goodPracticeSearch.ts';
import type { InLanguage } from '../../ingest/training/library.ts';
import { courseLibrary } from '../../ingest/training/library.ts';
import type { CourseLibrary } from '../../ingest/training/library.ts';
import { renderMarkdown } from '../../domain/training/markdown.ts';
import type { Language } from '../../domain/training/schema.ts';
import { globalUseCase } from '../useCase/index.ts';

export type { PracticeFilter };

function summaryOf(e: InLanguage<Practice>): EntrySummaryOut {
  const p = e.value;
  return {
    id: p.id,
    kind: p.front.kind,
    title: p.title,
    summary: p.summary,
    tags: p.front.tags,
    illustrative: p.front.illustrative ?? false,
    language: e.language,
    fallback: e.fallback,
    unreviewed: e.unreviewed,
  };
}

export function listPractices(
  filter: PracticeFilter,
  lang: Language,
  lib: PracticeLibrary = practiceLibrary(),
): LibraryListOut {
  const inLang = lib.all(lang);
  const byPractice = new Map(inLang.map((e) => [e.value, e]));
  const hits = searchPractices(
    inLang.map((e) => e.value),
    filter,
  );
  const entries = hits.entries.map((p) =>
    summaryOf(byPractice.get(p) ?? { value: p, language: lang, fallback: false, unreviewed: false }),
  );
  return { entries, total: entries.length, facets: hits.facets };
}

function useOf(courses: CourseLibrary, u: PracticeUse, lang: Language): EntryUseOut {
  if ('exercise' in u) {
    const { module } = courses.exercise(u.course, u.exercise);
    return {
      courseId: u.course,
      moduleId: module.id,
      moduleTitle: courses.moduleText(u.course, module.id, lang).value.title,
      lessonId: null,
      lessonTitle: null,
      exerciseId: u.exercise,
      exerciseTitle: courses.exerciseBrief(u.course, module.id, lang).value.title,
    };
  }
  return {
    courseId: u.course,
    moduleId: u.module,
    moduleTitle: courses.moduleText(u.course, u.module, lang).value.title,
    lessonId: u.lesson ?? null,
    lessonTitle: u.lesson ? courses.lesson(u.course, u.module, u.lesson, lang).value.title : null,
    exerciseId: null,
    exerciseTitle: null,
  };
}

export function readPractice(
  id: string,
  lang: Language,
  lib: PracticeLibrary = practiceLibrary(),
  courses: CourseLibrary = courseLibrary(),
): EntryOut {
  const e = lib.entry(id, lang);
  return {
    ...summaryOf(e),
    // No image base: library entries carry no pictures (the content check refuses them).
    html: renderMarkdown(e.value.markdown, ''),
    sources: e.value.sources,
    usedIn: e.value.front.usedIn.map((u) => useOf(courses, u, lang)),
  };
}

export const practiceList = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'training_library' },
  run: async ({ audit }, { filter, lang }: { filter: PracticeFilter; lang: Language }) => {
    const out = listPractices(filter, lang);
    audit.detail({ entries: out.total });
    return out;
  },
});

export const practiceEntry = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'training_library', targetOf: (i: { entryId: string }) => i.entryId },
  run: async (_ctx, { entryId, lang }: { entryId: string; lang: Language }) => readPractice(entryId, lang),
});
