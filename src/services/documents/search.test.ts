/**
 * Search across seized documents on both databases, checked on what it returns: words with
 * highlighted snippets; each filter (type, sender, recipient, dates, linked entity); an edited
 * copy of a letter grouped with it; and for a member without victim contact the victim's name
 * by pseudonym in snippets, and her name finding nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import { pseudonymOf } from '../../domain/access/victims.ts';
import { DocumentSearchQuery } from '../../shared/contracts/documents.ts';
import { addMember } from '../../store/repos/cases/cases.ts';
import { listEntities } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser, type Actor } from '../access/index.ts';
import { writeDocx, writePdf } from '../../ingest/documents/samples.testing.ts';
import { createCase } from '../cases/index.ts';
import { changeEntity, createEntities } from '../entities/index.ts';
import { importFile } from '../imports/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { listIndicatorMarks, searchDocuments } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'elect-docsearch-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const IBAN = 'LV80BANK0000435195001';

const LETTER =
  `Pay the deposit for the flat to ${IBAN} before Friday. Anna Ivanova starts on Monday at the ` +
  'greenhouse near Bauska, the bus leaves from the central station at six in the morning.';
const EDITED = LETTER.replace('before Friday', 'before Thursday').replace('at six', 'at seven');

const mail = (from: string, to: string, date: string, subject: string, id: string, body: string) => [
  `From ${from} Thu Mar 14 10:00:00 2024`,
  `From: ${from}`,
  `To: ${to}`,
  `Subject: ${subject}`,
  `Date: ${date}`,
  `Message-ID: <${id}@example.lv>`,
  '',
  body,
  '',
];

const MBOX = [
  ...mail('ivan@example.lv', 'office@example.lv', 'Thu, 14 Mar 2024 10:00:00 +0200', 'Deposit', 'm1', LETTER),
  ...mail('ivan@example.lv', 'accounts@example.lv', 'Wed, 20 Mar 2024 10:00:00 +0200', 'Deposit again', 'm2', EDITED),
  ...mail(
    'maris@example.lv',
    'ivan@example.lv',
    'Tue, 02 Apr 2024 09:00:00 +0300',
    'Invoice',
    'm3',
    `The invoice for the tools is paid from ${IBAN}, the receipt is in the office drawer with the keys.`,
  ),
].join('\n');

const CHAT = [
  '14/03/2024, 09:12 - Ivan: Your passport stays with me until the debt for the flight is paid, Anna Ivanova',
  '14/03/2024, 09:15 - Anna: I want to go home, the bank account LV80BANK0000435195001 is mine',
  '15/03/2024, 07:00 - Ivan: See you at the station tomorrow',
].join('\n');

describeEachDialect('search across seized documents', (ctx) => {
  let store: Store;
  let lead: Actor;
  let member: Actor;
  let caseId = '';
  let victimId = '';
  let marisId = '';
  let invoiceId = '';

  const search = (who: Actor, q: Record<string, unknown>) =>
    searchDocuments(store, cliCaller(who), caseId, DocumentSearchQuery.parse(q));

  beforeAll(async () => {
    try {
      store = ctx.store();
    } catch {
      return;
    }
    lead = actorOf(await addUser(store, { username: uniqueName('ds-lead'), platformRole: 'investigator' }));
    member = actorOf(await addUser(store, { username: uniqueName('ds-member'), platformRole: 'investigator' }));
    caseId = (await createCase(store, lead, { title: 'Document search', country: 'LV' })).id;
    await addMember(store.scope(caseId), {
      user_id: member.id,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    const [victim, maris] = await createEntities(store, lead, caseId, [
      { schema: 'Person', properties: { name: ['Anna Ivanova'], proceduralStatus: ['victim'] } },
      { schema: 'Person', properties: { name: ['Māris Ozols'] } },
    ]);
    victimId = victim?.id ?? '';
    marisId = maris?.id ?? '';
    const lc = cliCaller(lead);
    await importFile(store, lc, caseId, { path: file('seized.mbox', MBOX), format: 'mail', bank: false, options: {} });
    await importFile(store, lc, caseId, {
      path: file('WhatsApp Chat with Ivan.txt', CHAT),
      format: 'chat',
      bank: false,
      options: {},
    });
    await importFile(store, lc, caseId, {
      path: file('note.txt', `Account ${IBAN} belongs to the firm. Call Ivan after the harvest.`),
      format: 'document',
      bank: false,
      options: {},
    });
    const pdf = join(dir, 'payslip.pdf');
    writeFileSync(pdf, await writePdf([['Payslip March'], [`Paid to ${IBAN}`]]));
    const docx = join(dir, 'contract.docx');
    writeFileSync(docx, writeDocx(['Employment contract', `Wages are paid to ${IBAN} monthly`]));
    for (const path of [pdf, docx])
      await importFile(store, lc, caseId, { path, format: 'document', bank: false, options: { pageImages: false } });
    const emails = await listEntities(store.scope(caseId), { schemata: ['Email'], limit: 10 });
    invoiceId = emails.find((e) => e.caption.includes('Invoice'))?.id ?? '';
    // An accepted mention is a link between the document and the entity it names.
    await createEntities(store, lead, caseId, [
      { schema: 'UnknownLink', properties: { subject: [invoiceId], object: [marisId], role: ['mentions'] } },
    ]);
  });

  itDb('finds every document saying the IBAN, with the IBAN highlighted in its snippet', async () => {
    const r = await search(lead, { q: IBAN });
    expect(r.results.map((d) => d.kind).sort()).toEqual(['chat', 'mail', 'mail', 'mail', 'office', 'pdf', 'text']);
    for (const d of r.results) {
      expect(d.snippet.filter((s) => s.hit).map((s) => s.text)).toContain(IBAN);
      expect(d.snippet.map((s) => s.text).join('')).toContain(IBAN);
    }
    const letter = r.results.find((d) => d.title === 'Deposit');
    expect(letter).toMatchObject({
      sender: 'ivan@example.lv',
      recipients: ['office@example.lv'],
      opens: 'conversation',
    });
  });

  itDb('filters by type', async () => {
    expect((await search(lead, { q: IBAN, type: 'chat' })).results.map((d) => d.kind)).toEqual(['chat']);
    expect((await search(lead, { q: IBAN, type: 'text,chat' })).results.map((d) => d.kind).sort()).toEqual([
      'chat',
      'text',
    ]);
    const page = (await search(lead, { q: IBAN, type: 'pdf' })).results;
    expect(page).toMatchObject([{ kind: 'pdf', schema: 'Page', title: 'payslip.pdf, page 2', opens: 'document' }]);
    expect(page[0]?.openId).not.toBe(page[0]?.id); // the viewer opens the whole PDF
    const office = (await search(lead, { q: IBAN, type: 'office' })).results;
    expect(office).toMatchObject([{ kind: 'office', schema: 'Document', title: 'contract.docx' }]);
    expect((await search(lead, { q: IBAN, type: 'image' })).results).toEqual([]);
  });

  itDb('filters by sender and by recipient, on part of a name or address', async () => {
    expect((await search(lead, { q: IBAN, sender: 'maris@' })).results.map((d) => d.title)).toEqual(['Invoice']);
    expect((await search(lead, { sender: 'Ivan', type: 'chat' })).results).toHaveLength(2);
    expect((await search(lead, { q: IBAN, recipient: 'accounts' })).results.map((d) => d.title)).toEqual([
      'Deposit again',
    ]);
  });

  itDb('filters by date range, both ends inclusive', async () => {
    const march = await search(lead, { q: IBAN, type: 'mail', from: '2024-03-14', to: '2024-03-20' });
    expect(march.results.map((d) => d.title).sort()).toEqual(['Deposit', 'Deposit again']);
    const april = await search(lead, { q: IBAN, from: '2024-04-01' });
    expect(april.results.map((d) => d.title)).toEqual(['Invoice']);
    expect(() => DocumentSearchQuery.parse({ from: '2024-04-02', to: '2024-04-01' })).toThrow(/before the first/);
  });

  itDb('filters to documents linked to an entity (an accepted mention)', async () => {
    const r = await search(lead, { entity: marisId });
    expect(r.results.map((d) => d.id)).toEqual([invoiceId]);
    await expect(search(lead, { entity: 'no-such-entity' })).rejects.toThrow(/not found/i);
  });

  itDb('indexes a document written by hand, not by an import, when a search first meets it', async () => {
    await createEntities(store, lead, caseId, [
      { schema: 'PlainText', properties: { fileName: ['typed.txt'], bodyText: ['Typed notes about Kalnciems'] } },
    ]);
    const r = await search(lead, { q: 'Kalnciems', type: 'text' });
    expect(r.results.map((d) => d.title)).toEqual(['typed.txt']);
    // Edited: its facts are derived again from the new text.
    const id = r.results[0]?.id ?? '';
    await changeEntity(store, cliCaller(lead), caseId, {
      entityId: id,
      change: { properties: { bodyText: ['Typed notes about Olaine'] }, version: 1 },
    });
    expect((await search(lead, { q: 'Olaine' })).results.map((d) => d.id)).toEqual([id]);
    expect((await search(lead, { q: 'Kalnciems' })).results).toEqual([]);
  });

  itDb('groups the edited copy of a letter with the letter, and nothing else', async () => {
    const r = await search(lead, { q: IBAN });
    expect(r.groups).toHaveLength(1);
    const titles = r.groups[0]?.members.map((id) => r.results.find((d) => d.id === id)?.title).sort();
    expect(titles).toEqual(['Deposit', 'Deposit again']);
    expect(r.results.filter((d) => d.group).map((d) => d.group)).toEqual([r.groups[0]?.id, r.groups[0]?.id]);
  });

  itDb('without victim contact: the victim by pseudonym in snippets, and her name finds nothing', async () => {
    const alias = pseudonymOf(victimId);
    const full = await search(lead, { q: 'Ivanova' });
    expect(full.results.map((d) => d.kind).sort()).toEqual(['chat', 'mail', 'mail']);
    expect(
      full.results
        .find((d) => d.title === 'Deposit')
        ?.snippet.map((s) => s.text)
        .join(''),
    ).toContain('Anna Ivanova');

    const shown = await search(member, { q: IBAN });
    expect(shown.results).toHaveLength(7);
    const body = JSON.stringify(shown);
    expect(body).not.toContain('Ivanova');
    expect(body).toContain(alias);
    expect(shown.results.find((d) => d.title === 'Deposit')?.redacted).toBe(true);
    expect((await search(member, { q: 'Ivanova' })).results).toEqual([]);
    expect((await search(member, { q: 'Anna', type: 'mail' })).results).toEqual([]);
  });

  itDb(
    'marks the controller message with indicator language, offered first for the person it is linked to',
    async () => {
      const { marks } = await listIndicatorMarks(store, cliCaller(lead), caseId, { limit: 50 });
      const kinds = marks.map((m) => [m.category, m.indicator]);
      expect(kinds).toContainEqual(['documents', 'retentionOfDocuments']);
      expect(kinds).toContainEqual(['debt', 'debtBondage']);
      const passport = marks.find((m) => m.category === 'documents');
      expect(passport).toMatchObject({ schema: 'Message', sender: 'Ivan', linked: false });
      expect(passport?.items).toEqual(['cd.documents', 'ilo.retentionOfDocuments']);
      expect(passport?.snippet).toContain('Your passport stays with me');
      expect(passport?.snippet).toContain('Anna Ivanova');
      // Innocent lines are not marked.
      expect(marks.some((m) => m.snippet.includes('See you at the station'))).toBe(false);

      // Linked to the person assessed (an accepted mention): offered first, and said so.
      await createEntities(store, lead, caseId, [
        {
          schema: 'UnknownLink',
          properties: { subject: [passport?.entityId ?? ''], object: [marisId], role: ['mentions'] },
        },
      ]);
      const forMaris = await listIndicatorMarks(store, cliCaller(lead), caseId, { person: marisId, limit: 50 });
      expect(forMaris.marks[0]).toMatchObject({ entityId: passport?.entityId, linked: true });

      // Without victim contact the snippet names her by pseudonym.
      const shown = await listIndicatorMarks(store, cliCaller(member), caseId, { limit: 50 });
      expect(shown.marks.length).toBe(marks.length);
      expect(JSON.stringify(shown)).not.toContain('Ivanova');
      expect(JSON.stringify(shown)).toContain(pseudonymOf(victimId));
    },
  );
});
