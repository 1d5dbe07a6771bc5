/**
 * The canary world: one case of agency A whose protected fields each hold a unique string (a
 * canary), a full read share with agency C and a partial share with agency B, and one user per
 * subject the crawl acts as. A canary found where the visibility model says it must not be is a
 * leak; a canary the lead (victim contact, owning agency) cannot find is a blind crawl entry.
 */
import type { FastifyInstance } from 'fastify';
import { addAgency, addUser } from '../../../src/services/access/users.ts';
import { issueToken } from '../../../src/store/repos/access/users.ts';
import { insertObservations } from '../../../src/store/repos/identification/assessments.ts';
import { uuidv7 } from '../../../src/shared/ids.ts';
import type { Store } from '../../../src/store/store.ts';

/** What a canary stands for; each kind is one protected field. */
export const canaryKinds = [
  'victimName',
  'victimNameCyrillic',
  'victimPhone',
  'victimEmail',
  'victimPassport',
  'victimAddress',
  'victimIban',
  'counterpartyName',
  'noteText',
  'fileName',
  'exploitedName',
  'exploitedPhone',
  'possibleVictimName',
  'unsharedName',
  'unsharedCounterparty',
] as const;
export type CanaryKind = (typeof canaryKinds)[number];

/** Kinds only a member with victim contact may see. */
export const victimKinds: ReadonlySet<CanaryKind> = new Set(canaryKinds.filter((k) => !k.startsWith('unshared')));

/** The strings planted; phones are matched on their digits (see crawl.ts). */
export const canaries: Record<CanaryKind, string> = {
  victimName: 'Quolvanne Sirdeep',
  victimNameCyrillic: 'Жорвичка Прелнава',
  victimPhone: '+371 29917358',
  victimEmail: 'qs.hideaway@mailcanary.example',
  victimPassport: 'QX7734921',
  victimAddress: 'Zvirgzdu iela 77',
  victimIban: 'LV56HABA0551099887766',
  counterpartyName: 'Sirdeep Quolvanne',
  noteText: 'Tervilonde recounted',
  fileName: 'Vendrakis_passport_scan',
  exploitedName: 'Merovaxe Tindrelle',
  exploitedPhone: '+371 26604419',
  possibleVictimName: 'Ulvenika Drastowe',
  unsharedName: 'Hollistrade Kwembe',
  unsharedCounterparty: 'Ostrelmar Pavlik',
};

/** Who the crawl acts as: a role class in one relation to the case. */
export const subjects = [
  'lead',
  'member',
  'prosecutor',
  'sharedFull',
  'sharedPartial',
  'outsider',
  'supervisor',
  'dpo',
  'trainee',
] as const;
export type Subject = (typeof subjects)[number];

/** The canary kinds each subject must never receive. */
export function forbiddenFor(s: Subject): ReadonlySet<CanaryKind> {
  if (s === 'lead') return new Set();
  if (s === 'member' || s === 'prosecutor' || s === 'sharedFull') return victimKinds;
  return new Set(canaryKinds);
}

export interface CanaryWorld {
  caseId: string;
  tokens: Record<Subject, string>;
  ids: {
    victim: string;
    victimCyrillic: string;
    victimAccount: string;
    victimPhoneNode: string;
    suspect: string;
    suspectAccount: string;
    /** Employed by the suspect: the chain counts them as exploited, nobody recorded them as a victim. */
    exploited: string;
    /** A person an observation (a suggestion from the case's data) names: a possible victim. */
    possibleVictim: string;
    unshared: string;
    unsharedAccount: string;
    file: string;
    finding: string | null;
  };
}

const PASSWORD = 'canary crawl password';

async function call(app: FastifyInstance, token: string, method: string, url: string, body?: unknown) {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  if (res.statusCode >= 300) throw new Error(`seeding ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json<Record<string, unknown>>();
}

let n = 0;

export async function buildCanaryWorld(store: Store, app: FastifyInstance): Promise<CanaryWorld> {
  const tag = `${process.pid}c${++n}`;
  const agency = async (name: string, country: string) =>
    (await addAgency(store, { name: `${name} ${tag}`, country, kind: 'police' })).id;
  const [a, b, c] = [await agency('Owner', 'LV'), await agency('Partial', 'EE'), await agency('Full', 'FI')];
  const agencyOf: Record<Subject, string> = {
    lead: a,
    member: a,
    prosecutor: a,
    sharedFull: c,
    sharedPartial: b,
    outsider: a,
    supervisor: a,
    dpo: a,
    trainee: a,
  };
  const roleOf: Record<Subject, string> = {
    lead: 'investigator',
    member: 'analyst',
    prosecutor: 'prosecutor',
    sharedFull: 'investigator',
    sharedPartial: 'investigator',
    outsider: 'investigator',
    supervisor: 'supervisor',
    dpo: 'dpo',
    trainee: 'trainee',
  };
  const tokens = {} as Record<Subject, string>;
  const userIds = {} as Record<Subject, string>;
  for (const s of Object.keys(agencyOf) as Subject[]) {
    const u = await addUser(store, {
      username: `cn-${s.toLowerCase()}-${tag}`,
      platformRole: roleOf[s],
      agencyId: agencyOf[s],
      password: PASSWORD,
    });
    userIds[s] = u.id;
    tokens[s] = await issueToken(store.db, u.id, 'canary');
  }
  const lead = (method: string, url: string, body?: unknown) => call(app, tokens.lead, method, url, body);
  const caseId = String((await lead('POST', '/api/cases', { title: 'Canary case', country: 'LV' })).id);
  const base = `/api/cases/${caseId}`;
  for (const s of ['member', 'prosecutor'] as const)
    await lead('POST', `${base}/members`, { userId: userIds[s], caseRole: s === 'member' ? 'member' : 'readonly' });

  const ids = {
    victim: uuidv7(),
    victimCyrillic: uuidv7(),
    victimAccount: uuidv7(),
    victimPhoneNode: uuidv7(),
    suspect: uuidv7(),
    suspectAccount: uuidv7(),
    exploited: uuidv7(),
    exploitedPhoneNode: uuidv7(),
    possibleVictim: uuidv7(),
    unshared: uuidv7(),
    unsharedAccount: uuidv7(),
  };
  const link = (schema: string, props: Record<string, string[]>) => ({ id: uuidv7(), schema, properties: props });
  await lead('POST', `${base}/entities/batch`, {
    entities: [
      {
        id: ids.victim,
        schema: 'Person',
        properties: {
          name: [canaries.victimName],
          proceduralStatus: ['victim'],
          phone: [canaries.victimPhone],
          email: [canaries.victimEmail],
          passportNumber: [canaries.victimPassport],
          address: [canaries.victimAddress],
          gender: ['female'],
        },
      },
      {
        id: ids.victimCyrillic,
        schema: 'Person',
        properties: { name: [canaries.victimNameCyrillic], proceduralStatus: ['presumedVictim'] },
      },
      { id: ids.victimAccount, schema: 'BankAccount', properties: { iban: [canaries.victimIban] } },
      { id: ids.victimPhoneNode, schema: 'Phone', properties: { number: [canaries.victimPhone] } },
      {
        id: ids.suspect,
        schema: 'Person',
        properties: { name: ['Brannock Veltisar'], proceduralStatus: ['suspect'], crimeScriptFunctions: ['recruiter'] },
      },
      { id: ids.suspectAccount, schema: 'BankAccount', properties: { iban: ['LV43HABA0551011122233'] } },
      {
        id: ids.exploited,
        schema: 'Person',
        properties: { name: [canaries.exploitedName], phone: [canaries.exploitedPhone], nationality: ['ua'] },
      },
      { id: ids.exploitedPhoneNode, schema: 'Phone', properties: { number: [canaries.exploitedPhone] } },
      { id: ids.possibleVictim, schema: 'Person', properties: { name: [canaries.possibleVictimName] } },
      { id: ids.unshared, schema: 'Person', properties: { name: [canaries.unsharedName], nationality: ['ee'] } },
      { id: ids.unsharedAccount, schema: 'BankAccount', properties: { iban: ['EE382200221020145685'] } },
      link('Ownership', { owner: [ids.victim], asset: [ids.victimAccount] }),
      link('Ownership', { owner: [ids.suspect], asset: [ids.suspectAccount] }),
      link('Ownership', { owner: [ids.unshared], asset: [ids.unsharedAccount] }),
      link('Employment', { employer: [ids.suspect], employee: [ids.victim] }),
      link('Employment', { employer: [ids.suspect], employee: [ids.exploited] }),
      link('Associate', { person: [ids.suspect], associate: [ids.unshared] }),
    ],
  });
  const line = (accountId: string, day: number, amountMinor: number, more: Record<string, unknown>) => ({
    accountId,
    amountMinor,
    currency: 'EUR',
    bookingDate: `2026-02-${String(day).padStart(2, '0')}`,
    ...more,
  });
  await lead('POST', `${base}/transactions`, {
    transactions: [
      line(ids.suspectAccount, 1, -45_000, {
        counterpartyName: canaries.counterpartyName,
        counterpartyAccount: canaries.victimIban,
        counterpartyAccountId: ids.victimAccount,
        text: 'Salary February',
      }),
      line(ids.suspectAccount, 2, -90_000, {
        counterpartyName: canaries.counterpartyName,
        counterpartyAccount: canaries.victimIban,
        text: 'Salary advance',
      }),
      line(ids.victimAccount, 3, 45_000, { counterpartyName: 'Brannock Veltisar', text: 'Salary February' }),
      line(ids.victimAccount, 4, -40_000, {
        counterpartyName: 'Brannock Veltisar',
        counterpartyAccountId: ids.suspectAccount,
        text: 'Housing debt',
      }),
      line(ids.unsharedAccount, 5, 120_000, {
        counterpartyName: canaries.unsharedCounterparty,
        counterpartyAccount: 'EE201000001020145686',
        text: 'Cash deposit',
      }),
      line(ids.suspectAccount, 6, -30_000, {
        counterpartyName: canaries.unsharedName,
        counterpartyAccountId: ids.unsharedAccount,
        text: 'Transfer',
      }),
    ],
  });
  await lead('POST', `${base}/entities/${ids.victim}/notes`, { text: `${canaries.noteText} the debt bondage` });
  await lead('POST', `${base}/entities/${ids.unshared}/notes`, { text: `${canaries.unsharedName} came by car` });
  await lead('POST', `${base}/journal`, { kind: 'action', text: `Interviewed ${canaries.unsharedName}` });
  await lead('POST', `${base}/sources`, { kind: 'officer', label: `Statement of ${canaries.unsharedName}` });
  const file = await app.inject({
    method: 'POST',
    url: `${base}/files?name=${canaries.fileName}.txt&entityId=${ids.victim}`,
    headers: { authorization: `Bearer ${tokens.lead}`, 'content-type': 'application/octet-stream' },
    payload: Buffer.from('scan'),
  });
  if (file.statusCode !== 201) throw new Error(`seeding the file: ${file.statusCode} ${file.body}`);
  await insertObservations(store.scope(caseId), [
    {
      id: uuidv7(),
      person_id: ids.possibleVictim,
      catalogue: 'ilo-ec-delphi-2009',
      code: 'deductions',
      strength: null,
      text: 'Wages handed back (suggested from the statements)',
      occurred_on: null,
      entity_ids: JSON.stringify([ids.possibleVictim]),
      transaction_refs: '[]',
      origin: 'data:kickback',
      recorded_by: userIds.lead,
      recorded_at: new Date().toISOString(),
    },
  ]);
  await lead('POST', `${base}/shares`, { agencyId: c, access: 'read' });
  await lead('POST', `${base}/shares`, {
    agencyId: b,
    access: 'read',
    entityIds: [ids.suspect, ids.suspectAccount],
  });
  await lead('POST', `${base}/findings/run`, {}).catch(() => undefined);
  const findings = await lead('GET', `${base}/findings`);
  const first = (findings.findings as { id: string }[] | undefined)?.[0];
  return {
    caseId,
    tokens,
    ids: { ...ids, file: String(file.json<{ id: string }>().id), finding: first?.id ?? null },
  };
}
