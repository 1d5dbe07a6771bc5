/**
 * Cohorts: a trainer's group of learners, with the courses assigned to it and one scenario
 * seed from which every member's exercise sandbox is generated. Each cohort gets its own seed,
 * so the answers of one cohort's exercises are worth nothing in another's.
 *
 * A cohort is seen and run by the trainer who created it (and administrators); its members
 * see their own membership and progress only.
 */
import { randomInt } from 'node:crypto';
import type { CohortDetailOut, CohortOut, MyTrainingOut } from '../../shared/contracts/training.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  assignmentsOf,
  countEnrolments,
  enrolmentsOfCohort,
  enrolmentsOfUser,
  getCohort,
  getEnrolment,
  insertCohort,
  insertEnrolment,
  listCohorts,
  upsertAssignment,
} from '../../store/repos/training/training.ts';
import type { CohortRow } from '../../store/repos/training/training.ts';
import { getUser, getUserByName } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import { courseLibrary } from '../../ingest/training/library.ts';
import type { CourseLibrary } from '../../ingest/training/library.ts';
import type { Actor } from '../access/index.ts';
import { authorizeGlobal } from '../access/index.ts';
import { progressOf } from './courses.ts';

async function present(store: Store, c: CohortRow, withSeed: boolean): Promise<CohortOut> {
  return {
    id: c.id,
    name: c.name,
    ...(withSeed ? { seed: Number(c.seed) } : {}),
    createdBy: c.created_by,
    createdAt: c.created_at,
    trainees: await countEnrolments(store.db, c.id),
    courses: (await assignmentsOf(store.db, c.id)).map((a) => ({ courseId: a.course_id, dueDate: a.due_date })),
  };
}

/** The cohort, when the actor runs it; otherwise "not found", so other trainers learn nothing of it. */
export async function managedCohort(store: Store, actor: Actor, cohortId: string): Promise<CohortRow> {
  authorizeGlobal(actor, 'training:manage');
  const c = await getCohort(store.db, cohortId);
  if (!c || (actor.platformRole !== 'admin' && c.created_by !== actor.id)) throw errors.notFound('Cohort');
  return c;
}

export async function createCohort(
  store: Store,
  actor: Actor,
  input: { name: string; seed?: number | undefined },
): Promise<CohortOut> {
  authorizeGlobal(actor, 'training:manage');
  const row: CohortRow = {
    id: uuidv7(),
    name: input.name,
    // A fresh random seed per cohort, so no two cohorts practise on the same case.
    seed: input.seed ?? randomInt(0, 2 ** 32 - 1),
    agency_id: actor.agencyId,
    created_by: actor.id,
    created_at: new Date().toISOString(),
  };
  await insertCohort(store.db, row);
  return present(store, row, true);
}

export async function cohortsOf(store: Store, actor: Actor): Promise<CohortOut[]> {
  authorizeGlobal(actor, 'training:manage');
  const rows = await listCohorts(store.db, actor.platformRole === 'admin' ? undefined : actor.id);
  return Promise.all(rows.map((c) => present(store, c, true)));
}

export async function enrol(
  store: Store,
  actor: Actor,
  cohortId: string,
  username: string,
): Promise<{ userId: string; username: string }> {
  const c = await managedCohort(store, actor, cohortId);
  const user = await getUserByName(store.db, username);
  if (!user || user.disabled) throw errors.validation(`No active user "${username}"`, 'username');
  if (user.platform_role === 'dpo')
    throw errors.validation('The data-protection officer does not take part in training cohorts', 'username');
  if (await getEnrolment(store.db, c.id, user.id))
    throw errors.conflict(`${username} is already in this cohort`, 'username');
  await insertEnrolment(store.db, {
    cohort_id: c.id,
    user_id: user.id,
    sandbox_case_id: null,
    enrolled_by: actor.id,
    enrolled_at: new Date().toISOString(),
  });
  return { userId: user.id, username: user.username };
}

export async function assignCourse(
  store: Store,
  actor: Actor,
  cohortId: string,
  input: { courseId: string; dueDate?: string | undefined },
  lib: CourseLibrary = courseLibrary(),
): Promise<CohortOut> {
  const c = await managedCohort(store, actor, cohortId);
  if (!lib.courseIds().includes(input.courseId)) throw errors.validation(`No course "${input.courseId}"`, 'courseId');
  await upsertAssignment(store.db, {
    cohort_id: c.id,
    course_id: input.courseId,
    due_date: input.dueDate ?? null,
    assigned_by: actor.id,
    assigned_at: new Date().toISOString(),
  });
  return present(store, c, true);
}

/** The trainer's view: every member's progress and scores in the cohort's courses. */
export async function cohortDetail(
  store: Store,
  actor: Actor,
  cohortId: string,
  lib: CourseLibrary = courseLibrary(),
): Promise<CohortDetailOut> {
  const c = await managedCohort(store, actor, cohortId);
  const base = await present(store, c, true);
  const courseIds = base.courses.map((x) => x.courseId);
  const members = [];
  for (const e of await enrolmentsOfCohort(store.db, c.id)) {
    members.push(
      await progressOf(
        store,
        { id: e.user_id, username: e.username, displayName: e.display_name },
        courseIds,
        c.id,
        lib,
      ),
    );
  }
  return { ...base, members };
}

/** A learner's own cohorts and progress (every course, so self-study counts too). */
export async function myTraining(
  store: Store,
  actor: Actor,
  lib: CourseLibrary = courseLibrary(),
): Promise<MyTrainingOut> {
  const user = await getUser(store.db, actor.id);
  const cohorts = [];
  for (const row of await enrolmentsOfUser(store.db, actor.id)) {
    const { sandbox_case_id, ...c } = row;
    cohorts.push({ ...(await present(store, c, false)), sandboxCaseId: sandbox_case_id });
  }
  const progress = await progressOf(
    store,
    { id: actor.id, username: actor.username, displayName: user?.display_name ?? actor.username },
    lib.courseIds(),
    undefined,
    lib,
  );
  return { cohorts, progress };
}

/** The cohort as its member sees it, with the course assigned; "not found" to anyone else. */
export async function memberCohort(
  store: Store,
  actor: Actor,
  cohortId: string,
  courseId: string,
): Promise<{ cohort: CohortRow; sandboxCaseId: string | null }> {
  const c = await getCohort(store.db, cohortId);
  const e = c ? await getEnrolment(store.db, c.id, actor.id) : undefined;
  if (!c || !e) throw errors.notFound('Cohort');
  if (!(await assignmentsOf(store.db, c.id)).some((a) => a.course_id === courseId))
    throw errors.notFound('Course in this cohort');
  return { cohort: c, sandboxCaseId: e.sandbox_case_id };
}
