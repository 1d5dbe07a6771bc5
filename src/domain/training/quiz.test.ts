import { describe, expect, it } from 'vitest';
import { gradeQuiz, perfectAnswers, playerQuestion } from './quiz.ts';
import { quizSchema } from './schema.ts';

const quiz = quizSchema.parse({
  passMark: 70,
  maxAttempts: 3,
  questions: [
    {
      id: 's',
      type: 'single',
      prompt: 'Pick one',
      options: [
        { id: 'a', text: 'A', correct: true, feedback: 'Yes, A.' },
        { id: 'b', text: 'B', feedback: 'Not B.' },
      ],
    },
    {
      id: 'm',
      type: 'multiple',
      prompt: 'Pick two',
      options: [
        { id: 'a', text: 'A', correct: true, feedback: 'A is in.' },
        { id: 'b', text: 'B', correct: true, feedback: 'B is in.' },
        { id: 'c', text: 'C', feedback: 'C is out.' },
      ],
    },
    {
      id: 'p',
      type: 'matching',
      prompt: 'Match them',
      pairs: [
        { id: 'x', left: 'X', right: '1', feedback: 'X goes with 1.' },
        { id: 'y', left: 'Y', right: '2', feedback: 'Y goes with 2.' },
      ],
    },
    {
      id: 'n',
      type: 'numeric',
      prompt: 'How many?',
      answer: 10,
      tolerance: 0.5,
      feedback: { correct: 'Ten.', incorrect: 'It is ten.' },
    },
  ],
});

describe('quizzes', () => {
  it('shows the player no correct answers', () => {
    const shown = JSON.stringify(quiz.questions.map(playerQuestion));
    expect(shown).not.toMatch(/correct|feedback|"answer"/);
    const p = playerQuestion(quiz.questions[2] as (typeof quiz.questions)[number]);
    expect(p.type === 'matching' && [...p.right].sort()).toEqual(['1', '2']);
  });

  it('scores full marks for the right answers', () => {
    const r = gradeQuiz(quiz, perfectAnswers(quiz));
    expect(r).toMatchObject({ score: 100, passed: true });
  });

  it('gives partial credit and the feedback written for each answer given', () => {
    const r = gradeQuiz(quiz, { s: 'b', m: ['a', 'c'], p: { x: '1', y: '1' }, n: 10.4 });
    expect(r.questions.map((q) => q.points)).toEqual([0, 0, 0.5, 1]);
    expect(r.questions[0]?.feedback).toEqual(['Not B.']);
    expect(r.questions[1]?.feedback).toEqual(['A is in.', 'C is out.']);
    expect(r.questions[2]?.feedback).toEqual(['Y goes with 2.']);
    expect(r.questions[3]?.feedback).toEqual(['Ten.']);
    expect(r.score).toBe(38);
    expect(r.passed).toBe(false);
  });

  it('refuses answers of the wrong shape, naming the question', () => {
    expect(() => gradeQuiz(quiz, { s: ['a'] })).toThrow(expect.objectContaining({ path: 'answers.s' }));
    expect(() => gradeQuiz(quiz, { s: 'zzz' })).toThrow(expect.objectContaining({ path: 'answers.s' }));
    expect(() => gradeQuiz(quiz, { n: 'ten' })).toThrow(expect.objectContaining({ path: 'answers.n' }));
    expect(() => gradeQuiz(quiz, { nope: 'a' })).toThrow(expect.objectContaining({ path: 'answers.nope' }));
  });

  it('refuses a quiz file whose single-choice question has two right answers', () => {
    const bad = quizSchema.safeParse({
      passMark: 50,
      maxAttempts: 1,
      questions: [
        quiz.questions[0],
        quiz.questions[1],
        {
          id: 'z',
          type: 'single',
          prompt: 'Two right',
          options: [
            { id: 'a', text: 'A', correct: true, feedback: 'fb1' },
            { id: 'b', text: 'B', correct: true, feedback: 'fb2' },
          ],
        },
      ],
    });
    expect(bad.success).toBe(false);
  });
});
