/**
 * A first start with `--demo`: agencies in Finland, Estonia and Latvia, users of several roles
 * with generated passwords (shown once), and the demo case shared across the three agencies.
 */
import { courseLibrary } from '../../ingest/training/library.ts';
import { countUsers } from '../../store/repos/access/users.ts';
import { addMember } from '../../store/repos/cases/cases.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addAgency, addUser, resolveCaseAccess } from '../access/index.ts';
import { shareCase } from '../cases/index.ts';
import { runFindings } from '../finance/index.ts';
import { assignCourse, createCohort, enrol } from '../training/index.ts';
import { loadDemoCaseFromSources, type SourcesDemoCase } from './fromSources.ts';

/** The demo case is the same on every machine. */
export const DEMO_SEED = 20261129;

export interface DemoCredential {
  username: string;
  platformRole: string;
  agency: string;
  password: string;
}

export interface DemoDeployment {
  credentials: DemoCredential[];
  demo: SourcesDemoCase;
}

const demoUsers = [
  { username: 'admin', displayName: 'Demo administrator', platformRole: 'admin', agency: 'fi' },
  { username: 'investigator', displayName: 'Demo investigator (FI)', platformRole: 'investigator', agency: 'fi' },
  { username: 'supervisor', displayName: 'Demo supervisor (FI)', platformRole: 'supervisor', agency: 'fi' },
  // The platform has no inspector role: an inspector works as an analyst of a labour inspectorate.
  { username: 'inspector', displayName: 'Demo labour inspector (FI)', platformRole: 'analyst', agency: 'fiLabour' },
  { username: 'analyst', displayName: 'Demo analyst (EE)', platformRole: 'analyst', agency: 'ee' },
  { username: 'prosecutor', displayName: 'Demo prosecutor (LV)', platformRole: 'prosecutor', agency: 'lvProsecution' },
  { username: 'trainer', displayName: 'Demo trainer', platformRole: 'trainer', agency: 'fi' },
  { username: 'trainee', displayName: 'Demo trainee', platformRole: 'trainee', agency: 'fi' },
] as const;

/** Sets up the demo deployment on an empty store; returns undefined when users already exist. */
export async function setupDemoDeployment(
  store: Store,
  onProgress?: (msg: string) => void,
): Promise<DemoDeployment | undefined> {
  if ((await countUsers(store.db)) > 0) return undefined;
  const agencies = {
    fi: await addAgency(store, { name: 'Police of Finland (demo)', country: 'FI', kind: 'police' }),
    fiLabour: await addAgency(store, {
      name: 'Occupational safety and health, Finland (demo)',
      country: 'FI',
      kind: 'labourInspectorate',
    }),
    ee: await addAgency(store, { name: 'Police and Border Guard, Estonia (demo)', country: 'EE', kind: 'police' }),
    lv: await addAgency(store, { name: 'State Police, Latvia (demo)', country: 'LV', kind: 'police' }),
    lvProsecution: await addAgency(store, {
      name: 'Prosecutor General’s Office, Latvia (demo)',
      country: 'LV',
      kind: 'prosecution',
    }),
  };
  const credentials: DemoCredential[] = [];
  const users: Record<string, Awaited<ReturnType<typeof addUser>>> = {};
  for (const u of demoUsers) {
    const row = await addUser(store, {
      username: u.username,
      displayName: u.displayName,
      platformRole: u.platformRole,
      agencyId: agencies[u.agency].id,
    });
    users[u.username] = row;
    credentials.push({
      username: u.username,
      platformRole: u.platformRole,
      agency: agencies[u.agency].name,
      password: row.initialPassword ?? '',
    });
  }
  onProgress?.('Loading the demo case from its source files (synthetic: every person in it is invented)…');
  const lead = actorOf(users.investigator as NonNullable<(typeof users)['investigator']>);
  // Built as an investigation builds a case: the files it receives, through the ordinary importers.
  const demo = await loadDemoCaseFromSources(store, lead, { seed: DEMO_SEED, scale: 1 });
  // The financial red-flag rules run once, so the demo opens with findings to review.
  await runFindings(store, lead, demo.caseId);
  const scope = store.scope(demo.caseId);
  const now = new Date().toISOString();
  for (const [name, role, victimContact] of [
    ['supervisor', 'member', 0],
    ['inspector', 'member', 0],
    ['trainer', 'readonly', 0],
    ['trainee', 'readonly', 0],
  ] as const) {
    const u = users[name];
    if (u)
      await addMember(scope, {
        user_id: u.id,
        case_role: role,
        victim_contact: victimContact,
        added_by: lead.id,
        added_at: now,
      });
  }
  // A cohort ready for the trainee: the course assigned, their exercise sandbox made from its seed on first use.
  const trainer = users.trainer;
  if (trainer && users.trainee) {
    const cohort = await createCohort(store, actorOf(trainer), { name: 'Demo cohort' });
    for (const courseId of courseLibrary().courseIds())
      await assignCourse(store, actorOf(trainer), cohort.id, { courseId });
    await enrol(store, actorOf(trainer), cohort.id, users.trainee.username);
  }
  const access = await resolveCaseAccess(store, lead, demo.caseId);
  if (access) {
    await shareCase(store, lead, access, { agencyId: agencies.ee.id, access: 'contribute' });
    await shareCase(store, lead, access, { agencyId: agencies.lv.id, access: 'read' });
    await shareCase(store, lead, access, { agencyId: agencies.lvProsecution.id, access: 'read' });
  }
  return { credentials, demo };
}
