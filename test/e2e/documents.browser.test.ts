/**
 * The viewer of seized material end to end in Debian's Chromium: a WhatsApp export and a mailbox
 * imported through the pipeline, opened as a chat and as an e-mail thread by a case member
 * without victim contact, who sees the planted victim's name and number replaced by her
 * pseudonym and the originals that name her withheld with the reason. No request may leave the
 * app's own origin.
 *
 * Without /usr/bin/chromium these tests are skipped with one message (under CI=true, they fail).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pseudonymOf } from '../../src/domain/access/victims.ts';
import { actorOf } from '../../src/services/access/index.ts';
import { createCase } from '../../src/services/cases/index.ts';
import { createEntities } from '../../src/services/entities/index.ts';
import { writePdf } from '../../src/ingest/documents/samples.testing.ts';
import { optionsFor } from '../../src/services/imports/fileImports.ts';
import { importFile } from '../../src/services/imports/index.ts';
import { cliCaller } from '../../src/services/useCase/index.ts';
import { addMember } from '../../src/store/repos/cases/cases.ts';
import { getUser } from '../../src/store/repos/access/users.ts';
import { listEntities } from '../../src/store/repos/entities/entities.ts';
import { browserSkipReason } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectOwnOriginOnly, signIn, useBrowserApp } from './support/suite.ts';

const skip = browserSkipReason();
const dir = mkdtempSync(join(tmpdir(), 'elect-viewer-e2e-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const CHAT = [
  '14/03/2024, 09:10 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
  '14/03/2024, 09:12 - Ivan: Pick up Anna Ivanova at the station',
  '14/03/2024, 09:15 - +371 2612 3456: I am here.',
].join('\n');

const MBOX = [
  'From ivan@example.lv Thu Mar 14 10:00:00 2024',
  'From: Ivan <ivan@example.lv>',
  'To: office@example.lv',
  'Subject: Workers for Helsinki',
  'Date: Thu, 14 Mar 2024 10:00:00 +0200',
  'Message-ID: <w1@example.lv>',
  '',
  'Anna Ivanova starts on Monday.',
  '',
  'From office@example.lv Thu Mar 14 11:00:00 2024',
  'From: Office <office@example.lv>',
  'To: Ivan <ivan@example.lv>',
  'Subject: Re: Workers for Helsinki',
  'Date: Thu, 14 Mar 2024 11:00:00 +0200',
  'In-Reply-To: <w1@example.lv>',
  '',
  'Noted.',
  '',
].join('\n');

describe.skipIf(!!skip)('the document viewer in Chromium', () => {
  const ids = { caseId: '', chatId: '', emailId: '', victimId: '', pdfId: '' };
  const prepare = async (srv: TestServer) => {
    const leadRow = await getUser(srv.store.db, srv.investigator.id);
    if (!leadRow) throw new Error('no investigator');
    const lead = actorOf(leadRow);
    ids.caseId = (await createCase(srv.store, lead, { title: 'Seized phones', country: 'LV' })).id;
    await addMember(srv.store.scope(ids.caseId), {
      user_id: srv.colleague.id,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    const [victim] = await createEntities(srv.store, lead, ids.caseId, [
      {
        schema: 'Person',
        properties: { name: ['Anna Ivanova'], proceduralStatus: ['victim'], phone: ['+37126123456'] },
      },
    ]);
    ids.victimId = victim?.id ?? '';
    const c = cliCaller(lead);
    const chat = file('WhatsApp Chat with Ivan.txt', CHAT);
    await importFile(srv.store, c, ids.caseId, { path: chat, format: 'chat', bank: false, options: {} });
    await importFile(srv.store, c, ids.caseId, {
      path: file('seized.mbox', MBOX),
      format: 'mail',
      bank: false,
      options: {},
    });
    // A scanned-and-printed contract naming her on its first page: pages, text and page images.
    const pdf = join(dir, 'contract.pdf');
    writeFileSync(pdf, await writePdf([['Contract for Anna Ivanova'], ['Terms of work']]));
    await importFile(srv.store, c, ids.caseId, {
      path: pdf,
      format: 'document',
      bank: false,
      options: optionsFor('document', {}),
    });
    const scope = srv.store.scope(ids.caseId);
    ids.pdfId = (await listEntities(scope, { schemata: ['Pages'], limit: 5 }))[0]?.id ?? '';
    ids.chatId =
      (await listEntities(scope, { schemata: ['Folder'], limit: 5 })).find((f) => f.caption === 'Ivan')?.id ?? '';
    ids.emailId = (await listEntities(scope, { schemata: ['Email'], limit: 5 }))[0]?.id ?? '';
  };
  const app = useBrowserApp({ demo: false, actionTimeout: 15_000, setupTimeout: 120_000, prepare });
  let srv: TestServer;
  let page: Page;
  beforeAll(() => {
    ({ srv, page } = app);
  });

  it('a member without victim contact reads the chat and the e-mail thread with the victim redacted', async () => {
    await signIn(page, srv, srv.colleague);
    const alias = pseudonymOf(ids.victimId);
    await page.goto(`${srv.url}/cases/${ids.caseId}/conversations/${ids.chatId}`);
    await page.locator('[data-testid=message]').nth(1).waitFor();
    const chat = await page.locator('[data-testid=conversation-page]').innerText();
    expect(await page.locator('[data-testid=message-sender]').allInnerTexts()).toEqual(['Ivan', `[${alias}]`]);
    expect(await page.locator('[data-testid=message-text]').allInnerTexts()).toEqual([
      `Pick up [${alias}] at the station`,
      'I am here.',
    ]);
    expect(chat).not.toMatch(/Anna Ivanova|2612 3456/);
    expect(chat).toContain('Names and identifiers of protected persons are replaced by pseudonyms.');
    // The export names her: the original is withheld, and the page says why.
    expect(await page.locator('[data-testid=file-withheld]').first().innerText()).toMatch(
      /withheld.*protected person/s,
    );

    await page.goto(`${srv.url}/cases/${ids.caseId}/conversations/${ids.emailId}`);
    await page.getByRole('heading', { name: /Workers for Helsinki/, level: 1 }).waitFor();
    await page.locator('[data-testid=message]').nth(1).waitFor();
    expect(await page.locator('[data-testid=message-sender]').allInnerTexts()).toEqual([
      'Ivan <ivan@example.lv>',
      'Office <office@example.lv>',
    ]);
    expect(await page.locator('[data-testid=message-text]').allInnerTexts()).toEqual([
      `[${alias}] starts on Monday.`,
      'Noted.',
    ]);
    const thread = await page.locator('[data-testid=conversation-page]').innerText();
    expect(thread).not.toContain('Anna Ivanova');
    // The first message's original is withheld; the reply, naming no one, downloads.
    expect(await page.locator('[data-testid=message]').nth(0).locator('[data-testid=file-withheld]').count()).toBe(1);
    expect(await page.locator('[data-testid=message]').nth(1).locator('a[download]').count()).toBe(1);

    // The contract: its text by pseudonym, its page images and original withheld, saying why.
    await page.goto(`${srv.url}/cases/${ids.caseId}/documents/${ids.pdfId}`);
    await page.locator('[data-testid=withheld-note]').waitFor();
    const contract = await page.locator('[data-testid=document-page]').innerText();
    expect(contract).toContain(`Contract for [${alias}]`);
    expect(contract).not.toContain('Anna Ivanova');
    expect(await page.locator('[data-testid=withheld-note]').innerText()).toMatch(/withheld.*protected person/is);
    expect(await page.locator('.document-page-view img').count()).toBe(0);
    expect(await page.locator('.document-page-view [data-testid=file-withheld]').count()).toBe(2);
    expectOwnOriginOnly(app);
  }, 120_000);
});
