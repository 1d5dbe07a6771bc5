/** The training programme's pages, loaded on demand as one part of the app. */
import type { TrainingRoute } from '../routes.ts';
import { CohortPage } from './CohortPage.tsx';
import { CoursePage } from './CoursePage.tsx';
import { ExercisePage } from './ExercisePage.tsx';
import { LessonPage } from './LessonPage.tsx';
import { LibraryEntryPage } from './LibraryEntryPage.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import { QuizPage } from './QuizPage.tsx';
import { TrainingHome } from './TrainingHome.tsx';

export function TrainingPage({ route }: { route: TrainingRoute }) {
  switch (route.name) {
    case 'training':
      return <TrainingHome />;
    case 'trainingCourse':
      return <CoursePage courseId={route.courseId} />;
    case 'trainingLesson':
      return (
        <LessonPage
          key={route.lessonId}
          courseId={route.courseId}
          moduleId={route.moduleId}
          lessonId={route.lessonId}
        />
      );
    case 'trainingQuiz':
      return <QuizPage courseId={route.courseId} moduleId={route.moduleId} />;
    case 'trainingExercise':
      return <ExercisePage cohortId={route.cohortId} courseId={route.courseId} exerciseId={route.exerciseId} />;
    case 'trainingCohort':
      return <CohortPage cohortId={route.cohortId} />;
    case 'trainingLibrary':
      return <LibraryPage />;
    case 'trainingLibraryEntry':
      return <LibraryEntryPage key={route.entryId} entryId={route.entryId} />;
  }
}
