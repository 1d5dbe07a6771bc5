/**
 * The training programme through its API, on SQLite and PostgreSQL: a trainer runs two
 * cohorts; trainees read lessons (falling back to English), answer quizzes with retries, open
 * sandboxes made from their cohort's seed and submit findings graded against ground truth;
 * the trainer follows their progress; certificates and SCORM packages come out.
 */
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller } from '../../../../test/support/api.ts';
import { emptyTruthPart, groundTruthPartSchema, mergeTruthPart } from '../../../demo/index.ts';
import type { GroundTruthPart } from '../../../demo/index.ts';
import type {
  CohortDetailOut,
  CourseOut,
  ExerciseResultOut,
  LessonOut,
  QuizOut,
  QuizResultOut,
} from '../../../shared/contracts/training.ts';
import { listGroundTruthParts } from '../../../../test/support/demoTruth.ts';
import type { Store } from '../../../store/store.ts';
import { answerKey, perfectFindings } from '../../../services/training/exerciseGrading.ts';
import { courseLibrary } from '../../../ingest/training/library.ts';
import { perfectAnswers } from '../../../domain/training/quiz.ts';

const COURSE = 'thb-investigation';
const lib = courseLibrary();

async function truthOf(store: Store, caseId: string): Promise<GroundTruthPart> {
  const t = emptyTruthPart();
  for (const p of await listGroundTruthParts(store.scope(caseId)))
    mergeTruthPart(t, groundTruthPartSchema.parse(JSON.parse(p.content)));
  return t;
}

describeEachDialect('training API', ({ store }) => {
  let trainer: Caller;
  let otherTrainer: Caller;
  let a: Caller;
  let b: Caller;
  let cohort1 = '';
  let cohort2 = '';
  const ex = (cohort: string, id: string) => `/api/training/cohorts/${cohort}/courses/${COURSE}/exercises/${id}`;

  beforeAll(async () => {
    let s;
    try {
      s = store();
    } catch {
      return;
    }
    const api = await testApi(s);
    trainer = await api.user(uniqueName('trainer'), 'trainer');
    otherTrainer = await api.user(uniqueName('trainer2'), 'trainer');
    a = await api.user(uniqueName('trainee-a'), 'trainee');
    b = await api.user(uniqueName('trainee-b'), 'trainee');
  }, 60_000);

  itDb('lets a trainer run cohorts, each with its own seed', async () => {
    const c1 = await trainer('POST', '/api/training/cohorts', { name: 'Spring cohort', seed: 111 });
    expect(c1.status).toBe(201);
    cohort1 = c1.json<{ id: string }>().id;
    cohort2 = (await trainer('POST', '/api/training/cohorts', { name: 'Autumn cohort' })).json<{
      id: string;
      seed: number;
    }>().id;
    for (const [cohort, who] of [
      [cohort1, a],
      [cohort2, b],
    ] as const) {
      expect((await trainer('POST', `/api/training/cohorts/${cohort}/assignments`, { courseId: COURSE })).status).toBe(
        201,
      );
      const me = await who('GET', '/api/auth/me');
      expect(
        (
          await trainer('POST', `/api/training/cohorts/${cohort}/members`, {
            username: me.json<{ user: { username: string } }>().user.username,
          })
        ).status,
      ).toBe(201);
    }
    expect(
      (await trainer('POST', `/api/training/cohorts/${cohort1}/assignments`, { courseId: 'no-such-course' })).json(),
    ).toMatchObject({ error: { path: 'courseId' } });
    expect(
      (await trainer('POST', `/api/training/cohorts/${cohort1}/members`, { username: 'nobody-at-all' })).json(),
    ).toMatchObject({ error: { path: 'username' } });
    expect((await otherTrainer('GET', `/api/training/cohorts/${cohort1}`)).status).toBe(404);
    expect((await a('POST', '/api/training/cohorts', { name: 'Mine' })).status).toBe(403);
    const seeds = (await trainer('GET', '/api/training/cohorts'))
      .json<{ cohorts: { seed: number }[] }>()
      .cohorts.map((c) => c.seed);
    expect(new Set(seeds).size).toBe(2);
  });

  itDb('serves the catalogue and lessons in the reader’s language or English, and records reading', async () => {
    const courses = (await a('GET', '/api/training/courses?lang=fi')).json<{
      courses: { id: string; title: string; fallback: boolean }[];
    }>().courses;
    expect(courses[0]).toMatchObject({ id: COURSE, title: 'Ihmiskaupan tutkinta', fallback: false });
    const lessonUrl = `/api/training/courses/${COURSE}/modules/indicators/lessons/ilo-forced-labour-indicators`;
    const lesson = (await a('GET', `${lessonUrl}?lang=fi`)).json<LessonOut>();
    // Finnish where the lesson is translated, else English and saying so (whichever the content holds today).
    const own = lib.lesson(COURSE, 'indicators', 'ilo-forced-labour-indicators', 'fi');
    expect(own.language).toBe(own.fallback ? 'en' : 'fi');
    expect(lesson).toMatchObject({
      language: own.language,
      fallback: own.fallback,
      done: false,
      next: 'delphi-operational-indicators',
    });
    expect(lesson.html).toContain(own.fallback ? '<h2>How to use them</h2>' : '<h2>Miten niitä käytetään</h2>');
    expect(lesson.sources.length).toBeGreaterThan(0);
    expect((await a('POST', `${lessonUrl}/complete`)).status).toBe(204);
    expect((await a('GET', lessonUrl)).json<LessonOut>().done).toBe(true);
    expect((await a('GET', `/api/training/courses/${COURSE}/modules/indicators/lessons/nope`)).status).toBe(404);
    const img = await a('GET', `/api/training/courses/${COURSE}/images/crime-script.svg`);
    expect(img.status).toBe(200);
    expect((await a('GET', `/api/training/courses/${COURSE}/images/..%2Fcourse.yaml`)).status).toBe(400);
  });

  itDb('plays a quiz without revealing answers, grades with feedback, and stops after the last attempt', async () => {
    const url = `/api/training/courses/${COURSE}/modules/legal-framework/quiz`;
    const quiz = (await a('GET', url)).json<QuizOut>();
    expect(JSON.stringify(quiz.questions)).not.toMatch(/"correct"|feedback/);
    const wrong = await a('POST', `${url}/attempts`, { answers: { elements: 'border' } });
    expect(wrong.status).toBe(201);
    const w = wrong.json<QuizResultOut>();
    expect(w).toMatchObject({ passed: false, attemptsUsed: 1, attemptsLeft: 2 });
    expect(w.questions.find((q) => q.questionId === 'elements')?.feedback[0]).toMatch(/migrant smuggling/);
    expect((await a('POST', `${url}/attempts`, { answers: { elements: 7 } })).json()).toMatchObject({
      error: { path: 'answers.elements' },
    });
    const right = (
      await a('POST', `${url}/attempts`, { answers: perfectAnswers(lib.quiz(COURSE, 'legal-framework', 'en').value) })
    ).json<QuizResultOut>();
    expect(right).toMatchObject({ score: 100, passed: true, attemptsLeft: 1 });
    await a('POST', `${url}/attempts`, { answers: {} });
    expect((await a('POST', `${url}/attempts`, { answers: {} })).status).toBe(409);
  });

  let sandboxA = '';
  let sandboxB = '';
  itDb(
    'opens one personal sandbox per cohort member, from the cohort seed',
    async () => {
      const open = await a('POST', `/api/training/cohorts/${cohort1}/courses/${COURSE}/sandbox`);
      expect(open.status).toBe(201);
      expect(open.json()).toMatchObject({ created: true });
      sandboxA = open.json<{ caseId: string }>().caseId;
      expect((await a('POST', `/api/training/cohorts/${cohort1}/courses/${COURSE}/sandbox`)).json()).toEqual({
        caseId: sandboxA,
        created: false,
      });
      sandboxB = (await b('POST', `/api/training/cohorts/${cohort2}/courses/${COURSE}/sandbox`)).json<{
        caseId: string;
      }>().caseId;
      expect((await b('POST', `/api/training/cohorts/${cohort1}/courses/${COURSE}/sandbox`)).status).toBe(404);
      const mine = (await a('GET', `/api/cases/${sandboxA}`)).json<{ purpose: string }>();
      expect(mine.purpose).toBe('training');
      expect((await a('GET', '/api/cases')).json<{ cases: { id: string }[] }>().cases.map((c) => c.id)).toEqual([
        sandboxA,
      ]);
    },
    60_000,
  );

  itDb("differs in its answers from another cohort's sandbox", async () => {
    const spec = lib.exercise(COURSE, 'posted-workers').spec;
    const ka = answerKey(await truthOf(store(), sandboxA), spec);
    const kb = answerKey(await truthOf(store(), sandboxB), spec);
    const captions = async (caseId: string, ids: string[]) =>
      (await store().scope(caseId).selectFrom('entities').select('caption').where('id', 'in', ids).execute())
        .map((r) => r.caption)
        .sort();
    expect(await captions(sandboxA, ka.victims)).not.toEqual(await captions(sandboxB, kb.victims));
    expect(ka.gainedEur).not.toBe(kb.gainedEur);
    // Cohort 2's correct answers, submitted in cohort 1, name nothing of cohort 1's sandbox.
    const copied = await a(
      'POST',
      `${ex(cohort1, 'posted-workers')}/submissions`,
      perfectFindings(spec, await truthOf(store(), sandboxB)),
    );
    expect(copied.status).toBe(400);
    expect(copied.json()).toMatchObject({ error: { path: 'victims[0]' } });
  });

  itDb(
    'grades perfect findings with full marks and partly wrong ones partially, with feedback per finding',
    async () => {
      const spec = lib.exercise(COURSE, 'posted-workers').spec;
      const truth = await truthOf(store(), sandboxA);
      const key = answerKey(truth, spec);
      const partly = await a('POST', `${ex(cohort1, 'posted-workers')}/submissions`, {
        victims: key.victims.slice(1),
        letterbox: key.letterboxes[0],
        gained: Math.round(key.gainedEur * 2),
      });
      expect(partly.status).toBe(201);
      const p = partly.json<ExerciseResultOut>();
      expect(p.findings.map((f) => [f.finding, f.verdict, f.code])).toEqual([
        ['victims', 'partial', 'victims.some'],
        ['letterbox', 'correct', 'company.letterbox'],
        ['controllerAccount', 'missing', 'account.missing'],
        ['gained', 'wrong', 'gained.far.high'],
      ]);
      expect(p.findings[0]?.items?.every((i) => i.caption.length > 0 && i.verdict === 'victim')).toBe(true);
      expect(p).toMatchObject({ passed: false, submissionsUsed: 1, submissionsLeft: 2 });
      const perfect = (
        await a('POST', `${ex(cohort1, 'posted-workers')}/submissions`, perfectFindings(spec, truth))
      ).json<ExerciseResultOut>();
      expect(perfect).toMatchObject({ score: 100, passed: true });
      const view = (await a('GET', ex(cohort1, 'posted-workers'))).json<{
        sandboxCaseId: string;
        last: ExerciseResultOut;
        submissionsUsed: number;
      }>();
      expect(view).toMatchObject({ sandboxCaseId: sandboxA, submissionsUsed: 2, last: { score: 100 } });
    },
    60_000,
  );

  itDb("rejects findings that name entities outside the trainee's sandbox, or of the wrong kind", async () => {
    const spec = lib.exercise(COURSE, 'ads-network').spec;
    const truthA = await truthOf(store(), sandboxA);
    const keyA = answerKey(truthA, spec);
    // Same ids exist in B's sandbox only when seeds match; here they do not, and B may not borrow A's.
    const foreign = await b('POST', `${ex(cohort2, 'ads-network')}/submissions`, { victims: keyA.victims });
    expect(foreign.status).toBe(400);
    expect(foreign.json<{ error: { message: string } }>().error.message).toMatch(/not an entity of your sandbox/);
    const kind = await a('POST', `${ex(cohort1, 'ads-network')}/submissions`, { controllerAccount: keyA.victims[0] });
    expect(kind.json()).toMatchObject({ error: { path: 'controllerAccount' } });
    expect((await a('GET', ex(cohort1, 'ads-network'))).json<{ submissionsUsed: number }>().submissionsUsed).toBe(0);
  });

  itDb("shows the trainer each member's progress and scores, and no one else", async () => {
    const view = await trainer('GET', `/api/training/cohorts/${cohort1}`);
    expect(view.status).toBe(200);
    const d = view.json<CohortDetailOut>();
    expect(d.members).toHaveLength(1);
    const course = d.members[0]?.courses[0];
    expect(course?.quizzes.find((q) => q.moduleId === 'legal-framework')).toMatchObject({
      best: 100,
      passed: true,
      attempts: 3,
    });
    expect(course?.exercises.find((e) => e.exerciseId === 'posted-workers')).toMatchObject({
      best: 100,
      passed: true,
      submissions: 2,
    });
    expect(course?.lessonsDone).toBe(1);
    expect((await a('GET', `/api/training/cohorts/${cohort1}`)).status).toBe(403);
    expect(
      (await a('GET', '/api/training/me')).json<{ cohorts: { id: string; sandboxCaseId: string }[] }>().cohorts,
    ).toMatchObject([{ id: cohort1, sandboxCaseId: sandboxA }]);
  });

  itDb(
    'issues a certificate (PDF) only once every module is complete',
    async () => {
      expect((await a('GET', `/api/training/courses/${COURSE}/certificate`)).status).toBe(409);
      const truth = await truthOf(store(), sandboxA);
      for (const m of lib.structure(COURSE).modules) {
        for (const l of m.lessons)
          await a('POST', `/api/training/courses/${COURSE}/modules/${m.id}/lessons/${l}/complete`);
        if (m.id !== 'legal-framework')
          await a('POST', `/api/training/courses/${COURSE}/modules/${m.id}/quiz/attempts`, {
            answers: perfectAnswers(lib.quiz(COURSE, m.id, 'en').value),
          });
        if (m.exercise && m.exercise.id !== 'posted-workers')
          await a('POST', `${ex(cohort1, m.exercise.id)}/submissions`, perfectFindings(m.exercise, truth));
      }
      expect((await a('GET', `/api/training/courses/${COURSE}?lang=lv`)).json<CourseOut>().complete).toBe(true);
      const cert = await a('GET', `/api/training/courses/${COURSE}/certificate?lang=lv`);
      expect(cert.status).toBe(200);
      const bytes = typeof cert.body === 'string' ? cert.body : '';
      expect(bytes.startsWith('%PDF-')).toBe(true);
      expect(bytes).toContain('/FontFile2');
    },
    60_000,
  );

  itDb('exports a module as SCORM 1.2 for trainers only', async () => {
    const res = await trainer('GET', `/api/training/courses/${COURSE}/modules/indicators/scorm?lang=fi`);
    expect(res.status).toBe(200);
    expect(typeof res.body === 'string' && res.body.startsWith('PK')).toBe(true);
    expect((await a('GET', `/api/training/courses/${COURSE}/modules/indicators/scorm`)).status).toBe(403);
  });
  itDb('leaves one record for every request, a sandbox exercise in the sandbox case', async () => {
    const recordsOf = (userId: string) =>
      store()
        .db.selectFrom('audit_events')
        .select(['case_id', 'action', 'target_type', 'target_id'])
        .where('user_id', '=', userId)
        .execute();
    for (const [url, target] of [
      ['/api/training/courses', 'training_course'],
      [`/api/training/courses/${COURSE}/modules/legal-framework/lessons/what-is-thb`, 'training_lesson'],
      [`/api/training/courses/${COURSE}/modules/legal-framework/quiz`, 'training_quiz'],
      ['/api/training/library', 'training_library'],
      ['/api/training/me', 'training_progress'],
    ] as const) {
      const before = (await recordsOf(b.userId)).length;
      expect((await b('GET', url)).status, url).toBe(200);
      const after = await recordsOf(b.userId);
      expect(after.length - before, url).toBe(1);
      expect(after.filter((r) => r.action === 'consultation' && r.target_type === target).length, url).toBeGreaterThan(
        0,
      );
    }
    const sandbox = await b('POST', `/api/training/cohorts/${cohort2}/courses/${COURSE}/sandbox`);
    const caseId = sandbox.json<{ caseId: string }>().caseId;
    const opened = (await recordsOf(b.userId)).filter((r) => r.target_type === 'case' && r.target_id === caseId);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((r) => r.case_id === caseId && r.action === 'collection')).toBe(true);
    expect((await b('GET', ex(cohort2, 'posted-workers'))).status).toBe(200);
    expect(
      (await recordsOf(b.userId)).filter((r) => r.target_type === 'training_exercise' && r.case_id === caseId).length,
    ).toBe(1);
  });
});
