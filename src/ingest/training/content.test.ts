/**
 * The course content in training/courses: every file parses, every quiz has a pass mark and
 * feedback for every answer, every lesson cites a source, every module has a quiz, there are
 * at least eight modules and three case exercises, images exist, translations agree with the
 * English answers, and a missing translation falls back to English and says so.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourseLibrary, DEFAULT_COURSE_ROOT } from './library.ts';
import { imagesOf } from '../../domain/training/markdown.ts';
import { gradeQuiz, perfectAnswers } from '../../domain/training/quiz.ts';
import { LANGUAGES } from '../../domain/training/schema.ts';
import type { Question } from '../../domain/training/schema.ts';

const lib = new CourseLibrary(DEFAULT_COURSE_ROOT);
const courses = lib.courseIds();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)],
  );
}

const answerOf = (q: Question): unknown =>
  q.type === 'single' || q.type === 'multiple'
    ? q.options.map((o) => [o.id, o.correct])
    : q.type === 'matching'
      ? q.pairs.map((p) => p.id)
      : [q.answer, q.tolerance];

describe('course content', () => {
  it('has at least one course', () => {
    expect(courses.length).toBeGreaterThan(0);
  });

  for (const courseId of courses) {
    describe(courseId, () => {
      const s = lib.structure(courseId);
      const modules = s.modules;

      it('has at least eight modules, each with a quiz, and at least three case exercises', () => {
        expect(modules.length).toBeGreaterThanOrEqual(8);
        for (const m of modules)
          expect(existsSync(join(DEFAULT_COURSE_ROOT, courseId, 'en', m.id, 'quiz.yaml')), `${m.id} quiz`).toBe(true);
        expect(modules.filter((m) => m.exercise).length).toBeGreaterThanOrEqual(3);
        const ids = modules.flatMap((m) => (m.exercise ? [m.exercise.id] : []));
        expect(new Set(ids).size).toBe(ids.length);
      });

      it('parses every file of every language, and has no file the course does not use', () => {
        const used = new Set<string>([join(DEFAULT_COURSE_ROOT, courseId, 'course.yaml')]);
        for (const lang of s.languages) {
          const own = (rel: string) => join(DEFAULT_COURSE_ROOT, courseId, lang, rel);
          expect(lib.courseText(courseId, lang).value.title.length).toBeGreaterThan(3);
          used.add(own('course.yaml'));
          for (const m of modules) {
            for (const rel of [
              join(m.id, 'module.yaml'),
              join(m.id, 'quiz.yaml'),
              ...m.lessons.map((l) => join(m.id, `${l}.md`)),
              ...(m.exercise ? [join(m.id, 'exercise.md')] : []),
            ])
              used.add(own(rel));
            lib.moduleText(courseId, m.id, lang);
            lib.quiz(courseId, m.id, lang);
            for (const l of m.lessons) lib.lesson(courseId, m.id, l, lang);
            if (m.exercise) lib.exerciseBrief(courseId, m.id, lang);
          }
        }
        const stray = filesUnder(join(DEFAULT_COURSE_ROOT, courseId)).filter(
          (f) => !used.has(f) && !relative(DEFAULT_COURSE_ROOT, f).includes('/images/'),
        );
        expect(stray).toEqual([]);
      });

      it('cites at least one source in every lesson, in every language, and its images exist', () => {
        for (const lang of LANGUAGES) {
          for (const m of modules) {
            for (const l of m.lessons) {
              const lesson = lib.lesson(courseId, m.id, l, lang).value;
              expect(lesson.sources.length, `${lang}/${m.id}/${l}`).toBeGreaterThanOrEqual(1);
              expect(lesson.markdown.trim().length, `${lang}/${m.id}/${l} is substantive`).toBeGreaterThan(1200);
              for (const img of imagesOf(lesson.markdown)) expect(lib.imageFile(courseId, img), img).not.toBeNull();
            }
          }
        }
      });

      it('gives every quiz a pass mark, retries and feedback on every answer; perfect answers pass', () => {
        for (const lang of LANGUAGES) {
          for (const m of modules) {
            const quiz = lib.quiz(courseId, m.id, lang).value;
            expect(quiz.passMark).toBeGreaterThan(0);
            expect(quiz.maxAttempts).toBeGreaterThanOrEqual(2);
            expect(new Set(quiz.questions.map((q) => q.type)).size, `${m.id}: question types`).toBeGreaterThanOrEqual(
              3,
            );
            for (const q of quiz.questions) {
              if (q.type === 'single' || q.type === 'multiple')
                for (const o of q.options) expect(o.feedback.length).toBeGreaterThan(2);
              if (q.type === 'matching') for (const p of q.pairs) expect(p.feedback.length).toBeGreaterThan(2);
              if (q.type === 'numeric') expect(q.feedback.correct && q.feedback.incorrect).toBeTruthy();
            }
            expect(gradeQuiz(quiz, perfectAnswers(quiz)).score).toBe(100);
          }
        }
      });

      it('keeps the same questions and answers in every translation as in English', () => {
        for (const lang of LANGUAGES) {
          for (const m of modules) {
            const t = lib.quiz(courseId, m.id, lang);
            if (t.fallback) continue;
            const en = lib.quiz(courseId, m.id, 'en').value;
            expect(
              t.value.questions.map((q) => [q.id, q.type, answerOf(q)]),
              `${lang}/${m.id}`,
            ).toEqual(en.questions.map((q) => [q.id, q.type, answerOf(q)]));
          }
        }
      });

      it('falls back to English where a translation is missing, and says so', () => {
        for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
          for (const m of modules) {
            for (const l of m.lessons) {
              const got = lib.lesson(courseId, m.id, l, lang);
              const own = existsSync(join(DEFAULT_COURSE_ROOT, courseId, lang, m.id, `${l}.md`));
              expect(got.fallback).toBe(!own);
              expect(got.language).toBe(own ? lang : 'en');
            }
          }
        }
      });
    });
  }
});
