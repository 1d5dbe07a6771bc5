/** The cast for the access-matrix test: agencies, one user per platform role, four cases. */
import { createCase } from '../../src/services/cases/cases.ts';
import { createEntities } from '../../src/services/entities/entities.ts';
import { resolveCaseAccess } from '../../src/services/access/policy.ts';
import { shareCase } from '../../src/services/cases/sharing.ts';
import { actorOf, addAgency, addUser } from '../../src/services/access/users.ts';
import { addMember } from '../../src/store/repos/cases/cases.ts';
import { issueToken } from '../../src/store/repos/access/users.ts';
import type { Store } from '../../src/store/store.ts';
import { insertFile } from '../../src/store/repos/files/files.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import type { Actor } from '../../src/services/access/actor.ts';
import type { Relation, Role } from './expectations.ts';
import { roles } from './expectations.ts';

export const PASSWORD = 'correct horse battery staple';

export interface MatrixCase {
  id: string;
  fileId: string;
  personId: string;
  accountId: string;
  lead: Actor;
}

export interface World {
  agencies: { a: string; b: string; c: string };
  users: Record<Role, { actor: Actor; token: string; username: string }>;
  cases: Record<Relation, MatrixCase>;
  /** A user an administrator may act on. */
  targetUserId: string;
}

let n = 0;

async function caseWith(store: Store, lead: Actor, title: string): Promise<MatrixCase> {
  const c = await createCase(store, lead, { title, country: 'LV' });
  const [person, account] = await createEntities(store, lead, c.id, [
    { schema: 'Person', properties: { name: ['Matrix Person'] } },
    { schema: 'BankAccount', properties: { iban: ['LV80BANK0000435195001'] } },
  ]);
  const file = await insertFile(store.scope(c.id), {
    id: uuidv7(),
    file_name: 'photo.txt',
    mime_type: 'text/plain',
    content: Buffer.from('evidence'),
    entity_id: person?.id ?? null,
    source_id: null,
    created_by: lead.id,
    created_at: new Date().toISOString(),
  });
  return { id: c.id, fileId: file.id, personId: person?.id ?? '', accountId: account?.id ?? '', lead };
}

export async function buildWorld(store: Store): Promise<World> {
  const tag = `${process.pid}${++n}`;
  const a = (await addAgency(store, { name: `Agency A ${tag}`, country: 'FI', kind: 'police' })).id;
  const b = (await addAgency(store, { name: `Agency B ${tag}`, country: 'EE', kind: 'police' })).id;
  const c = (await addAgency(store, { name: `Agency C ${tag}`, country: 'LV', kind: 'labourInspectorate' })).id;
  const leadA = actorOf(
    await addUser(store, { username: `lead-a-${tag}`, platformRole: 'investigator', agencyId: a, password: PASSWORD }),
  );
  const leadB = actorOf(
    await addUser(store, { username: `lead-b-${tag}`, platformRole: 'investigator', agencyId: b, password: PASSWORD }),
  );
  const users = {} as World['users'];
  for (const role of roles) {
    const username = `m-${role}-${tag}`;
    const u = await addUser(store, { username, platformRole: role, agencyId: a, password: PASSWORD });
    users[role] = { actor: actorOf(u), token: await issueToken(store.db, u.id, 'matrix'), username };
  }
  const own = await caseWith(store, leadA, 'Own case');
  const sharedRead = await caseWith(store, leadB, 'Shared read-only');
  const sharedContribute = await caseWith(store, leadB, 'Shared contributing');
  const foreign = await caseWith(store, leadB, 'Foreign case');
  const now = new Date().toISOString();
  for (const role of roles) {
    await addMember(store.scope(own.id), {
      user_id: users[role].actor.id,
      case_role: 'member',
      victim_contact: 0,
      added_by: leadA.id,
      added_at: now,
    });
  }
  for (const [kase, access] of [
    [sharedRead, 'read'],
    [sharedContribute, 'contribute'],
  ] as const) {
    const lead = await resolveCaseAccess(store, leadB, kase.id);
    if (!lead) throw new Error('lead has no access');
    await shareCase(store, leadB, lead, { agencyId: a, access });
  }
  const target = await addUser(store, {
    username: `target-${tag}`,
    platformRole: 'analyst',
    // An administrator manages the accounts of their own agency only.
    agencyId: a,
    password: PASSWORD,
  });
  return {
    agencies: { a, b, c },
    users,
    cases: { own, sharedRead, sharedContribute, foreign },
    targetUserId: target.id,
  };
}
