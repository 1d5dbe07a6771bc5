/**
 * Cohorts as use cases, each leaving one record: a trainer's cohorts, starting one, its members'
 * progress, enrolling a learner and assigning a course. A cohort someone else runs is "not found".
 */
import type { CohortCreate } from '../../shared/contracts/training.ts';
import type { z } from 'zod';
import { globalUseCase } from '../useCase/index.ts';
import { assignCourse, cohortDetail, cohortsOf, createCohort, enrol } from './cohorts.ts';

interface CohortIn {
  cohortId: string;
}
const cohortOf = (i: CohortIn) => i.cohortId;

export const trainerCohorts = globalUseCase({
  permission: 'training:manage',
  audit: { action: 'consultation', target: 'training_cohort' },
  run: async ({ store, actor, audit }) => {
    const cohorts = await cohortsOf(store, actor);
    audit.returned(cohorts.map((c) => c.id));
    return { cohorts };
  },
});

export const startCohort = globalUseCase({
  permission: 'training:manage',
  audit: { action: 'collection', target: 'training_cohort' },
  run: async ({ store, actor, audit }, input: z.infer<typeof CohortCreate>) => {
    const out = await createCohort(store, actor, input);
    audit.target(out.id);
    return out;
  },
});

/** The trainer's view of a cohort: every member's progress (the members' ids are kept with the record). */
export const cohortProgress = globalUseCase({
  permission: 'training:manage',
  audit: { action: 'consultation', target: 'training_cohort', targetOf: cohortOf },
  run: async ({ store, actor, audit }, { cohortId }: CohortIn) => {
    const out = await cohortDetail(store, actor, cohortId);
    audit.returned(out.members.map((m) => m.userId));
    return out;
  },
});

export const enrolTrainee = globalUseCase({
  permission: 'training:manage',
  audit: { action: 'permission', target: 'training_enrolment', targetOf: cohortOf },
  run: async ({ store, actor, audit }, { cohortId, username }: CohortIn & { username: string }) => {
    const out = await enrol(store, actor, cohortId, username);
    audit.returned([out.userId]);
    return out;
  },
});

export const assignCohortCourse = globalUseCase({
  permission: 'training:manage',
  audit: { action: 'alteration', target: 'training_cohort', targetOf: cohortOf },
  run: async (
    { store, actor, audit },
    { cohortId, courseId, dueDate }: CohortIn & { courseId: string; dueDate?: string | undefined },
  ) => {
    audit.detail({ courseId });
    return assignCourse(store, actor, cohortId, { courseId, dueDate });
  },
});
