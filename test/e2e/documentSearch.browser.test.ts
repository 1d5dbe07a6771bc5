/**
 * Search across seized documents end to end in Debian's Chromium: a mailbox imported through the
 * pipeline, searched by a member without victim contact for an IBAN its letters give. The page
 * finds the letters with the IBAN highlighted, shows a letter and its edited copy as one group
 * of near-duplicates, narrows to one sender and to a date range, and shows the victim the
 * letters name by her pseudonym in every snippet. No request may leave the app's own origin.
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
import { importFile } from '../../src/services/imports/index.ts';
import { cliCaller } from '../../src/services/useCase/index.ts';
import { addMember } from '../../src/store/repos/cases/cases.ts';
import { listEntities } from '../../src/store/repos/entities/entities.ts';
import { getUser } from '../../src/store/repos/access/users.ts';
import { browserSkipReason } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectOwnOriginOnly, signIn, useBrowserApp } from './support/suite.ts';

const skip = browserSkipReason();
const dir = mkdtempSync(join(tmpdir(), 'elect-docsearch-e2e-'));
const IBAN = 'LV80BANK0000435195001';
const LETTER =
  `Pay the deposit for the flat to ${IBAN} before Friday. Anna Ivanova starts on Monday at the ` +
  'greenhouse near Bauska, the bus leaves from the central station at six in the morning.';
const PASSPORT = 'Your passport stays with me until the debt for the flight is paid';
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

describe.skipIf(!!skip)('search across seized documents in Chromium', () => {
  const ids = { caseId: '', victimId: '', messageId: '' };
  const prepare = async (srv: TestServer) => {
    const leadRow = await getUser(srv.store.db, srv.investigator.id);
    if (!leadRow) throw new Error('no investigator');
    const lead = actorOf(leadRow);
    ids.caseId = (await createCase(srv.store, lead, { title: 'Seized mailbox', country: 'LV' })).id;
    await addMember(srv.store.scope(ids.caseId), {
      user_id: srv.colleague.id,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    const [victim] = await createEntities(srv.store, lead, ids.caseId, [
      { schema: 'Person', properties: { name: ['Anna Ivanova'], proceduralStatus: ['victim'] } },
    ]);
    ids.victimId = victim?.id ?? '';
    const path = join(dir, 'seized.mbox');
    writeFileSync(path, MBOX);
    await importFile(srv.store, cliCaller(lead), ids.caseId, { path, format: 'mail', bank: false, options: {} });
    const chat = join(dir, 'WhatsApp Chat with Ivan.txt');
    writeFileSync(chat, `14/03/2024, 09:12 - Ivan: ${PASSPORT}\n14/03/2024, 09:20 - Ivan: See you at the station`);
    await importFile(srv.store, cliCaller(lead), ids.caseId, { path: chat, format: 'chat', bank: false, options: {} });
    const messages = await listEntities(srv.store.scope(ids.caseId), { schemata: ['Message'], limit: 10 });
    ids.messageId = messages.find((m) => m.properties.includes('passport'))?.id ?? '';
  };
  const app = useBrowserApp({ demo: false, actionTimeout: 15_000, setupTimeout: 120_000, prepare });
  let srv: TestServer;
  let page: Page;
  beforeAll(() => {
    ({ srv, page } = app);
  });

  const titles = async () => (await page.locator('[data-testid=doc-hit-title]').allInnerTexts()).sort();
  const search = () => page.locator('[data-testid=doc-search-submit]').click();

  it('finds letters by an IBAN, groups the edited copy, filters by sender and dates, victim by pseudonym', async () => {
    await signIn(page, srv, srv.colleague);
    const alias = pseudonymOf(ids.victimId);
    await page.goto(`${srv.url}/cases/${ids.caseId}/document-search`);
    await page.locator('[data-testid=doc-search-q]').fill(IBAN);
    await search();
    await page.locator('[data-testid=doc-hit]').nth(2).waitFor();
    expect(await titles()).toEqual(['Deposit', 'Deposit again', 'Invoice']);
    // The IBAN is highlighted in every snippet.
    expect(await page.locator('[data-testid=snippet] mark').allInnerTexts()).toEqual([IBAN, IBAN, IBAN]);
    // The letter and its edited copy are one group of near-duplicates; the invoice stands alone.
    const group = page.locator('[data-testid=dup-group]');
    expect(await group.count()).toBe(1);
    expect((await group.locator('[data-testid=doc-hit-title]').allInnerTexts()).sort()).toEqual([
      'Deposit',
      'Deposit again',
    ]);
    // Without victim contact, the victim the letters name is shown by her pseudonym.
    const snippets = (await page.locator('[data-testid=snippet]').allInnerTexts()).join('\n');
    expect(snippets).toContain(`[${alias}] starts on Monday`);
    expect(await page.locator('[data-testid=document-search-page]').innerText()).not.toContain('Anna Ivanova');

    await page.locator('[data-testid=doc-search-sender]').fill('maris');
    await search();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-hit]').length === 1);
    expect(await titles()).toEqual(['Invoice']);

    await page.locator('[data-testid=doc-search-sender]').fill('');
    await page.locator('[data-testid=doc-search-from]').fill('2024-03-15');
    await page.locator('[data-testid=doc-search-to]').fill('2024-03-31');
    await search();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-hit]').length === 1);
    expect(await titles()).toEqual(['Deposit again']);
    expect(await page.locator('[data-testid=dup-group]').count()).toBe(0);

    // Her name finds nothing for this member.
    await page.locator('[data-testid=doc-search-q]').fill('Ivanova');
    await page.locator('[data-testid=doc-search-from]').fill('');
    await page.locator('[data-testid=doc-search-to]').fill('');
    await search();
    await page.getByText('No documents match.').waitFor();
    expectOwnOriginOnly(app);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name=username]').waitFor();
  }, 180_000);

  it('offers the message with debt and passport language in the assessment editor, and attaches it as evidence', async () => {
    await signIn(page, srv, srv.investigator);
    await page.goto(`${srv.url}/cases/${ids.caseId}/identification?person=${ids.victimId}&view=assess`);
    const mark = page.locator('[data-testid=indicator-mark]', { hasText: 'Documents kept' });
    await mark.waitFor();
    expect(await mark.innerText()).toContain(PASSPORT);
    expect(await page.locator('[data-testid=indicator-marks]').innerText()).not.toContain('See you at the station');
    await mark.getByRole('button', { name: /Attach as evidence/ }).click();
    await page.locator('input[data-item="cd.documents"]:checked').waitFor();
    expect(await page.locator('[id="ev-cd.documents"]').inputValue()).toBe(`entity:${ids.messageId}`);
    expect(await mark.innerText()).toMatch(/Evidence of:/);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.id-item.has-error').count()).toBe(0);
    expectOwnOriginOnly(app);
  }, 120_000);
});
