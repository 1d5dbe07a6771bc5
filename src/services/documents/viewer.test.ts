/**
 * The viewer on both databases, checked on what it returns: a chat and an e-mail thread in
 * order, with senders, times and attachments; for a member without victim contact a planted
 * victim's name, number and address replaced by her pseudonym in senders and text, and the
 * originals of what names her withheld with a note (in the viewer and on the file routes alike).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import { pseudonymOf } from '../../domain/access/victims.ts';
import { WITHHELD_PROTECTED } from '../../shared/contracts/documents.ts';
import { EntityRowsQuery } from '../../shared/contracts/entities.ts';
import { addMember } from '../../store/repos/cases/cases.ts';
import { listEntities } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser, type Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { createEntities, entityDetail, entityRows } from '../entities/index.ts';
import { evidenceContent, evidenceFiles } from '../files/index.ts';
import { importFile } from '../imports/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { openGraph } from '../views/index.ts';
import { openConversation, openDocument } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'elect-viewer-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const CHAT = [
  '14/03/2024, 09:10 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
  '14/03/2024, 09:12 - Ivan: Pick up Anna Ivanova at the station',
  '14/03/2024, 09:15 - +371 2612 3456: I am here. My passport stays with you?',
  '15/03/2024, 07:00 - Ivan: IMG-20240315-WA0001.jpg (file attached)',
  'her papers',
].join('\n');

const MBOX = [
  'From ivan@example.lv Thu Mar 14 10:00:00 2024',
  'From: Ivan <ivan@example.lv>',
  'To: office@example.lv',
  'Subject: Workers for Helsinki',
  'Date: Thu, 14 Mar 2024 10:00:00 +0200',
  'Message-ID: <w1@example.lv>',
  '',
  'Two more start on Monday.',
  '',
  'From anna.ivanova@example.lv Thu Mar 14 11:00:00 2024',
  'From: Anna <anna.ivanova@example.lv>',
  'To: Ivan <ivan@example.lv>',
  'Subject: Re: Workers for Helsinki',
  'Date: Thu, 14 Mar 2024 11:00:00 +0200',
  'Message-ID: <w2@example.lv>',
  'In-Reply-To: <w1@example.lv>',
  '',
  'Please give my passport back.',
  '',
].join('\n');

describeEachDialect('the document and conversation viewer', (ctx) => {
  let store: Store;
  let lead: Actor;
  let member: Actor;
  let caseId = '';
  let victimId = '';
  let chatId = '';
  let threadMessageId = '';

  beforeAll(async () => {
    try {
      store = ctx.store();
    } catch {
      return;
    }
    lead = actorOf(await addUser(store, { username: uniqueName('view-lead'), platformRole: 'investigator' }));
    member = actorOf(await addUser(store, { username: uniqueName('view-member'), platformRole: 'investigator' }));
    caseId = (await createCase(store, lead, { title: 'Viewer', country: 'LV' })).id;
    await addMember(store.scope(caseId), {
      user_id: member.id,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    const [victim] = await createEntities(store, lead, caseId, [
      {
        schema: 'Person',
        properties: {
          name: ['Anna Ivanova'],
          proceduralStatus: ['victim'],
          phone: ['+37126123456'],
          email: ['anna.ivanova@example.lv'],
        },
      },
    ]);
    victimId = victim?.id ?? '';
    const lc = cliCaller(lead);
    await importFile(store, lc, caseId, {
      path: file('WhatsApp Chat with Ivan.txt', CHAT),
      format: 'chat',
      bank: false,
      options: {},
    });
    await importFile(store, lc, caseId, { path: file('seized.mbox', MBOX), format: 'mail', bank: false, options: {} });
    const scope = store.scope(caseId);
    chatId =
      (await listEntities(scope, { schemata: ['Folder'], limit: 10 })).find((f) => f.caption === 'Ivan')?.id ?? '';
    threadMessageId = (await listEntities(scope, { schemata: ['Email'], limit: 10 }))[0]?.id ?? '';
  });

  itDb('a chat in order: senders, local times, text, attachments; system lines are not messages', async () => {
    const c = await openConversation(store, cliCaller(lead), caseId, { entityId: chatId });
    expect(c.kind).toBe('chat');
    expect(c.title).toBe('Ivan');
    expect(c.messages.map((m) => [m.sender, m.date, m.text])).toEqual([
      ['Ivan', '2024-03-14T09:12', 'Pick up Anna Ivanova at the station'],
      ['+371 2612 3456', '2024-03-14T09:15', 'I am here. My passport stays with you?'],
      ['Ivan', '2024-03-15T07:00', 'her papers'],
    ]);
    expect(c.messages[2]?.attachments.map((a) => a.fileName)).toEqual(['IMG-20240315-WA0001.jpg']);
    expect(c.original?.fileId).toBeTruthy();
  });

  itDb(
    'an e-mail thread from either message: both messages in order, with sender, recipients and originals',
    async () => {
      const t = await openConversation(store, cliCaller(lead), caseId, { entityId: threadMessageId });
      expect(t.kind).toBe('mail');
      expect(t.title).toBe('Workers for Helsinki');
      expect(t.messages.map((m) => [m.sender, m.recipients, m.date, m.subject])).toEqual([
        ['Ivan <ivan@example.lv>', ['office@example.lv'], '2024-03-14T08:00:00Z', 'Workers for Helsinki'],
        [
          'Anna <anna.ivanova@example.lv>',
          ['Ivan <ivan@example.lv>'],
          '2024-03-14T09:00:00Z',
          'Re: Workers for Helsinki',
        ],
      ]);
      expect(t.messages[1]?.inReplyTo).toBe(t.messages[0]?.id);
      expect(t.messages.every((m) => m.original?.fileId)).toBe(true);
    },
  );

  itDb('without victim contact: her name, number and address by pseudonym, originals naming her withheld', async () => {
    const alias = pseudonymOf(victimId);
    const c = await openConversation(store, cliCaller(member), caseId, { entityId: chatId });
    const body = JSON.stringify(c);
    expect(body).not.toMatch(/Anna Ivanova|2612 3456|\+37126123456/);
    expect(c.messages.map((m) => [m.sender, m.text, m.redacted])).toEqual([
      ['Ivan', `Pick up [${alias}] at the station`, true],
      [`[${alias}]`, 'I am here. My passport stays with you?', true],
      ['Ivan', 'her papers', false],
    ]);
    // The export names her: its original is withheld, saying why.
    expect(c.original).toMatchObject({ fileId: null, withheld: WITHHELD_PROTECTED });
    const t = await openConversation(store, cliCaller(member), caseId, { entityId: threadMessageId });
    expect(JSON.stringify(t)).not.toMatch(/anna\.ivanova/);
    expect(t.messages[1]).toMatchObject({ sender: `Anna [${alias}]`, redacted: true });
    expect(t.messages[1]?.original).toMatchObject({ fileId: null, withheld: WITHHELD_PROTECTED });
    expect(t.messages[0]?.original?.fileId).toBeTruthy();
    // The evidence file routes withhold the same originals.
    const files = (await evidenceFiles(store, cliCaller(member), caseId, {})).files;
    const leadFiles = (await evidenceFiles(store, cliCaller(lead), caseId, {})).files;
    expect(leadFiles.length - files.length).toBe(2);
    const withheld = leadFiles.find((f) => !files.some((g) => g.id === f.id));
    await expect(evidenceContent(store, cliCaller(member), caseId, { fileId: withheld?.id ?? '' })).rejects.toThrow(
      /not found/i,
    );
  });

  itDb(
    'a document: its text redacted for a member without victim contact, its original withheld with the note',
    async () => {
      const [doc] = await listEntities(store.scope(caseId), { schemata: ['Email'], limit: 10 }).then((rows) =>
        rows.filter((r) => r.caption === 'Re: Workers for Helsinki'),
      );
      const full = await openDocument(store, cliCaller(lead), caseId, { entityId: doc?.id ?? '' });
      expect(full).toMatchObject({ text: 'Please give my passport back.', withheldNote: null, redacted: false });
      expect(full.original?.fileId).toBeTruthy();
      const shown = await openDocument(store, cliCaller(member), caseId, { entityId: doc?.id ?? '' });
      expect(shown.withheldNote).toBe(WITHHELD_PROTECTED);
      expect(shown.original).toMatchObject({ fileId: null });
      // The entity page shows the same message's record with her address by pseudonym.
      const detail = await entityDetail(store, cliCaller(member), caseId, { entityId: doc?.id ?? '' });
      expect(JSON.stringify(detail)).not.toMatch(/anna\.ivanova/);
      expect(detail.entity.properties['from']).toEqual([`Anna [${pseudonymOf(victimId)}]`]);
      await expect(openDocument(store, cliCaller(lead), caseId, { entityId: victimId })).rejects.toMatchObject({
        path: 'entityId',
      });
    },
  );

  itDb('an e-mail whose subject names her: by pseudonym in the entity list and the chart', async () => {
    const mbox = ['From: Ivan <ivan@example.lv>', 'Subject: Anna Ivanova starts Monday', '', 'Room 4.', ''];
    await importFile(store, cliCaller(lead), caseId, {
      path: file('subject.mbox', ['From ivan@example.lv Fri Mar 15 10:00:00 2024', ...mbox].join('\n')),
      format: 'mail',
      bank: false,
      options: {},
    });
    const rows = await entityRows(store, cliCaller(member), caseId, EntityRowsQuery.parse({ schema: 'Email' }));
    const graph = await openGraph(store, cliCaller(member), caseId, { maxNodes: 10_000 });
    for (const shown of [rows, graph]) {
      expect(JSON.stringify(shown)).not.toMatch(/Anna Ivanova|anna\.ivanova/);
      expect(JSON.stringify(shown)).toContain(`[${pseudonymOf(victimId)}] starts Monday`);
    }
    const leadRows = await entityRows(store, cliCaller(lead), caseId, EntityRowsQuery.parse({ schema: 'Email' }));
    expect(JSON.stringify(leadRows)).toContain('Anna Ivanova starts Monday');
  });
});
