/**
 * Quizzes: what the player may see (no correct answers), and grading with feedback for each
 * answer. Every question is worth one point; multiple choice and matching earn part of it.
 */
import { createHash } from 'node:crypto';
import { errors } from '../../shared/errors.ts';
import type { Question, Quiz } from './schema.ts';

export type PlayerQuestion =
  | { id: string; type: 'single' | 'multiple'; prompt: string; options: { id: string; text: string }[] }
  | { id: string; type: 'matching'; prompt: string; left: { id: string; text: string }[]; right: string[] }
  | { id: string; type: 'numeric'; prompt: string; unit: string | null };

/** A stable shuffle (the same order on every load, different per question). */
function shuffled<T>(items: readonly T[], key: string): T[] {
  const rank = (s: string) => createHash('sha256').update(`${key}:${s}`).digest('hex');
  return [...items]
    .map((v, i) => ({ v, r: rank(String(i)) }))
    .sort((a, b) => a.r.localeCompare(b.r))
    .map((x) => x.v);
}

export function playerQuestion(q: Question): PlayerQuestion {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { id: q.id, type: q.type, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
    case 'matching':
      return {
        id: q.id,
        type: 'matching',
        prompt: q.prompt,
        left: q.pairs.map((p) => ({ id: p.id, text: p.left })),
        right: shuffled(
          q.pairs.map((p) => p.right),
          q.id,
        ),
      };
    case 'numeric':
      return { id: q.id, type: 'numeric', prompt: q.prompt, unit: q.unit ?? null };
  }
}

/** An answer: an option id, option ids, left id → right text, or a number. */
export type Answer = string | string[] | Record<string, string> | number;

export interface QuestionResult {
  questionId: string;
  /** 0 … 1 */
  points: number;
  correct: boolean;
  /** Feedback written for the answers given, in the quiz's language. */
  feedback: string[];
}

export interface QuizResult {
  score: number;
  passed: boolean;
  passMark: number;
  questions: QuestionResult[];
}

const wrongShape = (q: Question, what: string) =>
  errors.validation(`Question ${q.id} takes ${what}`, `answers.${q.id}`);

function gradeQuestion(q: Question, a: Answer | undefined): QuestionResult {
  const base = { questionId: q.id };
  if (a === undefined) return { ...base, points: 0, correct: false, feedback: [] };
  switch (q.type) {
    case 'single': {
      if (typeof a !== 'string') throw wrongShape(q, 'one option id');
      const o = q.options.find((x) => x.id === a);
      if (!o) throw errors.validation(`Question ${q.id} has no option "${a}"`, `answers.${q.id}`);
      return { ...base, points: o.correct ? 1 : 0, correct: o.correct, feedback: [o.feedback] };
    }
    case 'multiple': {
      if (!Array.isArray(a)) throw wrongShape(q, 'a list of option ids');
      const chosen = [...new Set(a)];
      const unknown = chosen.find((id) => !q.options.some((o) => o.id === id));
      if (unknown !== undefined)
        throw errors.validation(`Question ${q.id} has no option "${unknown}"`, `answers.${q.id}`);
      const right = q.options.filter((o) => o.correct);
      const hits = chosen.filter((id) => right.some((o) => o.id === id)).length;
      const misses = chosen.length - hits;
      const points = Math.max(0, (hits - misses) / right.length);
      const complete = hits === right.length && misses === 0;
      return {
        ...base,
        points,
        correct: complete,
        feedback: q.options.filter((o) => chosen.includes(o.id)).map((o) => o.feedback),
      };
    }
    case 'matching': {
      if (typeof a !== 'object' || Array.isArray(a)) throw wrongShape(q, 'a right-hand item for each left-hand item');
      const wrong = q.pairs.filter((p) => a[p.id] !== p.right);
      const points = (q.pairs.length - wrong.length) / q.pairs.length;
      return { ...base, points, correct: wrong.length === 0, feedback: wrong.map((p) => p.feedback) };
    }
    case 'numeric': {
      if (typeof a !== 'number' || !Number.isFinite(a)) throw wrongShape(q, 'a number');
      const ok = Math.abs(a - q.answer) <= q.tolerance;
      return { ...base, points: ok ? 1 : 0, correct: ok, feedback: [ok ? q.feedback.correct : q.feedback.incorrect] };
    }
  }
}

export function gradeQuiz(quiz: Quiz, answers: Record<string, Answer>): QuizResult {
  const stray = Object.keys(answers).find((id) => !quiz.questions.some((q) => q.id === id));
  if (stray !== undefined) throw errors.validation(`The quiz has no question "${stray}"`, `answers.${stray}`);
  const questions = quiz.questions.map((q) => gradeQuestion(q, answers[q.id]));
  const score = Math.round((100 * questions.reduce((s, r) => s + r.points, 0)) / quiz.questions.length);
  return { score, passed: score >= quiz.passMark, passMark: quiz.passMark, questions };
}

/** The answers that score full marks (for tests, the content check and the SCORM player). */
export function perfectAnswers(quiz: Quiz): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const q of quiz.questions) {
    if (q.type === 'single') out[q.id] = q.options.find((o) => o.correct)?.id ?? '';
    else if (q.type === 'multiple') out[q.id] = q.options.filter((o) => o.correct).map((o) => o.id);
    else if (q.type === 'matching') out[q.id] = Object.fromEntries(q.pairs.map((p) => [p.id, p.right]));
    else out[q.id] = q.answer;
  }
  return out;
}
