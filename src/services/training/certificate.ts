/**
 * A certificate of completion as PDF, for a learner who has completed every module of a
 * course (lessons read, quizzes passed, exercises passed). Written in the learner's language
 * with the platform's PDF writer (DejaVu Sans: Latvian, Estonian, Finnish and Cyrillic names
 * print as written).
 */
import { rgb } from 'pdf-lib';
import { errors } from '../../shared/errors.ts';
import { getUser } from '../../store/repos/access/users.ts';
import { lastAttemptAt } from '../../store/repos/training/training.ts';
import type { Store } from '../../store/store.ts';
import { courseLibrary } from '../../ingest/training/library.ts';
import type { CourseLibrary } from '../../ingest/training/library.ts';
import type { Language } from '../../domain/training/schema.ts';
import type { Actor } from '../access/index.ts';
import { A4_LANDSCAPE, PdfWriter } from '../pdf/index.ts';
import { progressOf } from './courses.ts';

const WORDS: Record<
  Language,
  { heading: string; certifies: string; completed: string; modules: string; date: string; footer: string }
> = {
  en: {
    heading: 'Certificate of completion',
    certifies: 'This certifies that',
    completed: 'has completed the course',
    modules: 'Modules completed, with quiz results',
    date: 'Date of completion',
    footer: 'ELECT THB virtual training programme',
  },
  fi: {
    heading: 'Todistus suorittamisesta',
    certifies: 'Täten todistetaan, että',
    completed: 'on suorittanut kurssin',
    modules: 'Suoritetut moduulit ja tietovisojen tulokset',
    date: 'Suorituspäivä',
    footer: 'ELECT THB -verkkokoulutusohjelma',
  },
  et: {
    heading: 'Lõputunnistus',
    certifies: 'Käesolevaga tõendatakse, et',
    completed: 'on läbinud kursuse',
    modules: 'Läbitud moodulid ja testide tulemused',
    date: 'Lõpetamise kuupäev',
    footer: 'ELECT THB virtuaalne koolitusprogramm',
  },
  lv: {
    heading: 'Apliecība par kursa pabeigšanu',
    certifies: 'Ar šo apliecina, ka',
    completed: 'ir pabeidzis(-usi) kursu',
    modules: 'Pabeigtie moduļi un testu rezultāti',
    date: 'Pabeigšanas datums',
    footer: 'ELECT THB virtuālā mācību programma',
  },
};

export async function certificatePdf(
  store: Store,
  actor: Actor,
  courseId: string,
  lang: Language,
  lib: CourseLibrary = courseLibrary(),
): Promise<{ fileName: string; pdf: Uint8Array }> {
  const user = await getUser(store.db, actor.id);
  const name = user?.display_name ?? actor.username;
  const progress = await progressOf(
    store,
    { id: actor.id, username: actor.username, displayName: name },
    [courseId],
    undefined,
    lib,
  );
  const course = progress.courses[0];
  if (!course?.complete)
    throw errors.conflict(
      `Complete every module first (${course?.modulesComplete ?? 0} of ${course?.modules ?? 0} done)`,
      'courseId',
    );
  const completedAt = (await lastAttemptAt(store.db, actor.id, courseId)) ?? new Date().toISOString();
  const w = WORDS[lang];
  const title = lib.courseText(courseId, lang).value.title;
  const pdf = await PdfWriter.create({
    title: `${w.heading}: ${title}`,
    author: 'ELECT THB platform',
    subject: name,
    page: A4_LANDSCAPE,
    margin: 64,
    footer: `${w.footer} · ${courseId} v${lib.structure(courseId).version}`,
  });
  pdf.frame();
  pdf.space(30);
  pdf.text(w.heading, { size: 30, bold: true, align: 'center', color: rgb(0.18, 0.36, 0.6), after: 18 });
  pdf.text(w.certifies, { size: 13, align: 'center', after: 6 });
  pdf.text(name, { size: 24, bold: true, align: 'center', after: 6 });
  pdf.text(w.completed, { size: 13, align: 'center', after: 6 });
  pdf.text(title, { size: 18, bold: true, align: 'center', after: 14 });
  pdf.rule();
  pdf.text(w.modules, { size: 11, bold: true });
  for (const q of course.quizzes) {
    const moduleTitle = lib.moduleText(courseId, q.moduleId, lang).value.title;
    const ex = course.exercises.find((e) => e.moduleId === q.moduleId);
    pdf.text(`${moduleTitle}: ${q.best ?? 0} %${ex ? ` · ${ex.best ?? 0} %` : ''}`, { size: 10 });
  }
  pdf.space(10);
  pdf.text(`${w.date}: ${completedAt.slice(0, 10)}`, { size: 11 });
  return { fileName: `certificate-${courseId}-${actor.username}.pdf`, pdf: await pdf.bytes() };
}
