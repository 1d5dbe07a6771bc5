/** Server state of the training pages (TanStack Query), in the language the user reads. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  CohortDetailOut,
  CohortOut,
  CourseOut,
  CourseSummaryOut,
  EntryOut,
  ExerciseOut,
  LessonOut,
  LibraryListOut,
  MyTrainingOut,
  QuizOut,
  TrainingLanguage,
} from '../../../../shared/contracts/training.ts';
import { TRAINING_LANGUAGES } from '../../../../shared/contracts/training.ts';
import { get } from '../../../ui/api/client.ts';

const enc = encodeURIComponent;

export function useLang(): TrainingLanguage {
  const { i18n } = useTranslation();
  return (TRAINING_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as TrainingLanguage) : 'en';
}

export const trainingKeys = { all: ['training'] as const };

export const useCourses = () => {
  const lang = useLang();
  return useQuery({
    queryKey: ['training', 'courses', lang],
    queryFn: ({ signal }) => get<{ courses: CourseSummaryOut[] }>(`/api/training/courses?lang=${lang}`, signal),
  });
};

export const useCourse = (courseId: string) => {
  const lang = useLang();
  return useQuery({
    queryKey: ['training', 'course', courseId, lang],
    queryFn: ({ signal }) => get<CourseOut>(`/api/training/courses/${enc(courseId)}?lang=${lang}`, signal),
  });
};

export const useLesson = (courseId: string, moduleId: string, lessonId: string) => {
  const lang = useLang();
  return useQuery({
    queryKey: ['training', 'lesson', courseId, moduleId, lessonId, lang],
    queryFn: ({ signal }) =>
      get<LessonOut>(
        `/api/training/courses/${enc(courseId)}/modules/${enc(moduleId)}/lessons/${enc(lessonId)}?lang=${lang}`,
        signal,
      ),
  });
};

export const useQuiz = (courseId: string, moduleId: string) => {
  const lang = useLang();
  return useQuery({
    queryKey: ['training', 'quiz', courseId, moduleId, lang],
    queryFn: ({ signal }) =>
      get<QuizOut>(`/api/training/courses/${enc(courseId)}/modules/${enc(moduleId)}/quiz?lang=${lang}`, signal),
  });
};

export const useExercise = (cohortId: string, courseId: string, exerciseId: string) => {
  const lang = useLang();
  return useQuery({
    queryKey: ['training', 'exercise', cohortId, courseId, exerciseId, lang],
    queryFn: ({ signal }) =>
      get<ExerciseOut>(
        `/api/training/cohorts/${enc(cohortId)}/courses/${enc(courseId)}/exercises/${enc(exerciseId)}?lang=${lang}`,
        signal,
      ),
  });
};

export const useMyTraining = () =>
  useQuery({ queryKey: ['training', 'me'], queryFn: ({ signal }) => get<MyTrainingOut>('/api/training/me', signal) });

export const useCohorts = (enabled: boolean) =>
  useQuery({
    queryKey: ['training', 'cohorts'],
    queryFn: ({ signal }) => get<{ cohorts: CohortOut[] }>('/api/training/cohorts', signal),
    enabled,
  });

export const useCohort = (cohortId: string) =>
  useQuery({
    queryKey: ['training', 'cohort', cohortId],
    queryFn: ({ signal }) => get<CohortDetailOut>(`/api/training/cohorts/${enc(cohortId)}`, signal),
  });

/** The sandbox's entities of one type, to pick findings from. */
export const useSandboxEntities = (caseId: string | null, schema: string) =>
  useQuery({
    queryKey: ['case', caseId ?? '', 'data', 'training-pick', schema],
    queryFn: ({ signal }) =>
      get<{ entities: { id: string; caption: string; schema: string }[] }>(
        `/api/cases/${enc(caseId ?? '')}/entities?schema=${schema}&limit=1000`,
        signal,
      ),
    enabled: !!caseId,
  });

/** Good-practice library entries matching the filters (facets, words, or the course part that uses them). */
export const useLibrary = (filter: Record<string, string | undefined>) => {
  const lang = useLang();
  const qs = new URLSearchParams({
    lang,
    ...Object.fromEntries(Object.entries(filter).filter((x): x is [string, string] => !!x[1])),
  }).toString();
  return useQuery({
    queryKey: ['training', 'library', qs],
    queryFn: ({ signal }) => get<LibraryListOut>(`/api/training/library?${qs}`, signal),
  });
};

export const useLibraryEntry = (entryId: string) => {
  const lang = useLang();
  return useQuery({
    queryKey: ['training', 'library-entry', entryId, lang],
    queryFn: ({ signal }) => get<EntryOut>(`/api/training/library/${enc(entryId)}?lang=${lang}`, signal),
  });
};
