/**
 * Communication edges on both databases, from a seized WhatsApp chat and a mailbox imported as
 * they come: the chat's two writers joined with three messages, each e-mail's sender joined to its
 * recipients (lifted to the people whose e-mail the addresses are), counted per pair with the
 * first and last day, cut by the period; the same messages as events in the timeline; and for a
 * member without victim contact the same edges ending on the victim's pseudonymous node, with
 * nothing in the response that names her, through the service and the graph route alike.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testApi, uniqueName } from '../../../test/support/api.ts';
import { pseudonymOf } from '../../domain/access/victims.ts';
import { addMember } from '../../store/repos/cases/cases.ts';
import { listEntities } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { CaseGraphOut } from '../../shared/contracts/views.ts';
import { actorOf, addUser, type Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { createEntities } from '../entities/index.ts';
import { importFile } from '../imports/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { openGraph, openTimeline } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'elect-comms-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const CHAT = [
  '14/03/2024, 09:12 - Ivan: Pick up Anna Ivanova at the station',
  '14/03/2024, 09:15 - +371 2612 3456: I am here. My passport stays with you?',
  '15/03/2024, 07:00 - Ivan: Wait at the gate',
].join('\n');

const MBOX = [
  'From ivan@example.lv Thu Mar 14 10:00:00 2024',
  'From: Ivan <ivan@example.lv>',
  'To: office@example.lv',
  'Cc: Anna <anna.ivanova@example.lv>',
  'Subject: Workers for Helsinki',
  'Date: Thu, 14 Mar 2024 10:00:00 +0200',
  'Message-ID: <w1@example.lv>',
  '',
  'Two more start on Monday.',
  '',
  'From anna.ivanova@example.lv Sat Mar 16 11:00:00 2024',
  'From: Anna <anna.ivanova@example.lv>',
  'To: Ivan <ivan@example.lv>',
  'Subject: Re: Workers for Helsinki',
  'Date: Sat, 16 Mar 2024 11:00:00 +0200',
  'Message-ID: <w2@example.lv>',
  'In-Reply-To: <w1@example.lv>',
  '',
  'Please give my passport back.',
  '',
].join('\n');

const talks = (g: CaseGraphOut) =>
  g.edges
    .filter((e) => e.kind === 'communication')
    .map((e) => ({ source: e.source, target: e.target, count: e.count, first: e.first, last: e.last }));

const pair = (a: string, b: string) => (a < b ? { source: a, target: b } : { source: b, target: a });

describeEachDialect('communication edges from seized chats and mailboxes', (ctx) => {
  let store: Store;
  let lead: Actor;
  let member: Actor;
  let caseId = '';
  let victimId = '';
  let suspectId = '';
  let officeId = '';
  let ivanPartyId = '';
  let numberPartyId = '';

  beforeAll(async () => {
    try {
      store = ctx.store();
    } catch {
      return;
    }
    lead = actorOf(await addUser(store, { username: uniqueName('comms-lead'), platformRole: 'investigator' }));
    member = actorOf(await addUser(store, { username: uniqueName('comms-member'), platformRole: 'investigator' }));
    caseId = (await createCase(store, lead, { title: 'Communications', country: 'LV' })).id;
    await addMember(store.scope(caseId), {
      user_id: member.id,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    const [victim, suspect] = await createEntities(store, lead, caseId, [
      {
        schema: 'Person',
        properties: {
          name: ['Anna Ivanova'],
          proceduralStatus: ['victim'],
          phone: ['+37126123456'],
          email: ['anna.ivanova@example.lv'],
        },
      },
      { schema: 'Person', properties: { name: ['Ivan Kozlov'], email: ['ivan@example.lv'] } },
    ]);
    victimId = victim?.id ?? '';
    suspectId = suspect?.id ?? '';
    const lc = cliCaller(lead);
    await importFile(store, lc, caseId, {
      path: file('WhatsApp Chat with Ivan.txt', CHAT),
      format: 'chat',
      bank: false,
      options: {},
    });
    await importFile(store, lc, caseId, { path: file('seized.mbox', MBOX), format: 'mail', bank: false, options: {} });
    const scope = store.scope(caseId);
    officeId =
      (await listEntities(scope, { schemata: ['EmailAddress'], limit: 10 })).find((e) => e.caption.includes('office@'))
        ?.id ?? '';
    const parties = await listEntities(scope, { schemata: ['LegalEntity'], limit: 10 });
    ivanPartyId = parties.find((p) => p.caption === 'Ivan')?.id ?? '';
    numberPartyId = parties.find((p) => p.caption !== 'Ivan')?.id ?? '';
  });

  const expected = () =>
    [
      // The chat: Ivan → number, number → Ivan, Ivan → number.
      { ...pair(ivanPartyId, numberPartyId), count: 3, first: '2024-03-14', last: '2024-03-15' },
      // The e-mails: the addresses lifted to the people whose e-mail they are; the office's has no holder.
      { ...pair(suspectId, officeId), count: 1, first: '2024-03-14', last: '2024-03-14' },
      { ...pair(suspectId, victimId), count: 2, first: '2024-03-14', last: '2024-03-16' },
    ].sort((a, b) => (`${a.source}~${a.target}` < `${b.source}~${b.target}` ? -1 : 1));

  itDb('the chat’s writers and each e-mail’s sender and recipients joined, counted per pair with dates', async () => {
    expect(officeId && ivanPartyId && numberPartyId).toBeTruthy();
    const g = await openGraph(store, cliCaller(lead), caseId, { maxNodes: 10_000 });
    expect(talks(g)).toEqual(expected());
    const comm = g.edges.find((e) => e.kind === 'communication');
    expect(comm).toMatchObject({ schema: 'Communication', label: null });
    expect(comm?.id).toMatch(/^communication:/);
    // With victim contact the ends name her (her number writing in the chat): the member's check below bites.
    const ends = new Set(g.edges.filter((e) => e.kind === 'communication').flatMap((e) => [e.source, e.target]));
    expect(JSON.stringify(g.nodes.filter((n) => ends.has(n.id)))).toMatch(/2612 ?3456|37126123456/);
  });

  itDb('a period counts only the messages dated in it', async () => {
    const g = await openGraph(store, cliCaller(lead), caseId, { maxNodes: 10_000, from: '2024-03-15' });
    expect(talks(g)).toEqual(
      [
        { ...pair(ivanPartyId, numberPartyId), count: 1, first: '2024-03-15', last: '2024-03-15' },
        { ...pair(suspectId, victimId), count: 1, first: '2024-03-16', last: '2024-03-16' },
      ].sort((a, b) => (`${a.source}~${a.target}` < `${b.source}~${b.target}` ? -1 : 1)),
    );
  });

  itDb('the messages are events in the timeline’s communication row', async () => {
    const t = await openTimeline(store, cliCaller(lead), caseId, {});
    const rows = t.items.filter((i) => i.kind === 'communication');
    expect(rows.map((i) => i.schema).sort()).toEqual(['Email', 'Email', 'Message', 'Message', 'Message']);
  });

  itDb('without victim contact: the same edges, ending on her pseudonym, naming her nowhere', async () => {
    const g = await openGraph(store, cliCaller(member), caseId, { maxNodes: 10_000 });
    expect(talks(g)).toEqual(expected());
    expect(g.nodes.find((n) => n.id === victimId)).toMatchObject({
      pseudonymised: true,
      caption: pseudonymOf(victimId),
    });
    const ends = new Set(g.edges.filter((e) => e.kind === 'communication').flatMap((e) => [e.source, e.target]));
    const shown = g.nodes.filter((n) => ends.has(n.id));
    expect(JSON.stringify({ edges: g.edges, shown })).not.toMatch(/Anna|Ivanova|anna\.ivanova|2612 ?3456|37126123456/);
  });

  itDb('the graph route returns the same edges, and to a member without victim contact names her nowhere', async () => {
    const caller = await (await testApi(store)).user(uniqueName('comms-route'), 'investigator');
    await addMember(store.scope(caseId), {
      user_id: caller.userId,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    const res = await caller('GET', `/api/cases/${caseId}/graph`);
    expect(res.status).toBe(200);
    const g = res.json<CaseGraphOut>();
    expect(talks(g)).toEqual(expected());
    const victim = g.nodes.find((n) => n.id === victimId);
    expect(victim).toMatchObject({ pseudonymised: true, caption: pseudonymOf(victimId) });
    const ends = new Set(g.edges.filter((e) => e.kind === 'communication').flatMap((e) => [e.source, e.target]));
    const shown = g.nodes.filter((n) => ends.has(n.id));
    expect(JSON.stringify({ edges: g.edges, shown })).not.toMatch(/Anna|Ivanova|anna\.ivanova|2612 ?3456|37126123456/);
  });
});
