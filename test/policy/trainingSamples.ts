/**
 * Requests for the training routes in the access matrix. The world's trainer runs one cohort
 * with the course assigned, and only the world's trainee is enrolled in it, so the routes a
 * cohort member uses answer "ok" to the trainee and "not found" to everyone else.
 */
import { createCohort, assignCourse, enrol } from '../../src/services/training/cohorts.ts';
import { addUser } from '../../src/services/access/users.ts';
import type { Store } from '../../src/store/store.ts';
import type { Sample } from './samples.ts';
import type { World } from './world.ts';

const COURSE = 'thb-investigation';
const cohorts = new WeakMap<World, Promise<string>>();
let n = 0;

function cohortOf(store: Store, w: World): Promise<string> {
  let c = cohorts.get(w);
  if (!c) {
    c = (async () => {
      const trainer = w.users.trainer.actor;
      const cohort = await createCohort(store, trainer, { name: 'Matrix cohort', seed: 77 });
      await assignCourse(store, trainer, cohort.id, { courseId: COURSE });
      await enrol(store, trainer, cohort.id, w.users.trainee.username);
      return cohort.id;
    })();
    cohorts.set(w, c);
  }
  return c;
}

export async function trainingSample(store: Store, route: string, w: World): Promise<Sample> {
  const [, path = ''] = route.split(' ');
  const url = path
    .replace('{courseId}', COURSE)
    .replace('{moduleId}', 'legal-framework')
    .replace('{lessonId}', 'what-is-thb')
    .replace('{file}', 'crime-script.svg')
    .replace('{exerciseId}', 'posted-workers')
    .replace('{entryId}', 'wage-kick-backs')
    .replace('{cohortId}', await cohortOf(store, w));
  switch (route) {
    case 'POST /api/training/cohorts':
      return { url, body: { name: `Matrix cohort ${++n}` } };
    case 'POST /api/training/cohorts/{cohortId}/members': {
      const u = await addUser(store, {
        username: `matrix-learner-${process.pid}-${++n}`,
        platformRole: 'trainee',
        agencyId: w.agencies.a,
      });
      return { url, body: { username: u.username } };
    }
    case 'POST /api/training/cohorts/{cohortId}/assignments':
      return { url, body: { courseId: COURSE } };
    case 'POST /api/training/courses/{courseId}/modules/{moduleId}/quiz/attempts':
      return { url, body: { answers: { elements: 'border' } } };
    case 'POST /api/training/cohorts/{cohortId}/courses/{courseId}/exercises/{exerciseId}/submissions':
      return { url, body: { gained: 1000 } };
    default:
      return { url };
  }
}
