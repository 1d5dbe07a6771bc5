/**
 * Mentions end to end in Debian's Chromium: in an imported WhatsApp chat a worker's number is
 * highlighted; the investigator accepts it, which links the message to the worker; the link
 * chart expanded from the worker then draws the message, and the timeline shows the message as a
 * communication concerning the worker. No request may leave the app's own origin.
 *
 * Without /usr/bin/chromium these tests are skipped with one message (under CI=true, they fail).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/services/access/index.ts';
import { createCase } from '../../src/services/cases/index.ts';
import { createEntities } from '../../src/services/entities/index.ts';
import { importFile } from '../../src/services/imports/index.ts';
import { cliCaller } from '../../src/services/useCase/index.ts';
import { getUser } from '../../src/store/repos/access/users.ts';
import { linksOf, listEntities } from '../../src/store/repos/entities/entities.ts';
import { browserSkipReason } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectOwnOriginOnly, signIn, useBrowserApp } from './support/suite.ts';

const skip = browserSkipReason();
const dir = mkdtempSync(join(tmpdir(), 'elect-mentions-e2e-'));
const CHAT = [
  '14/03/2024, 09:10 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
  '14/03/2024, 09:12 - Ivan: Jaunais strādnieks sāk rīt, zvani viņam uz 26 123 456',
  '14/03/2024, 09:15 - Ivan: Labi, paldies',
].join('\n');
const chart = '[data-testid=link-chart]';

describe.skipIf(!!skip)('mentions in Chromium', () => {
  const ids = { caseId: '', chatId: '', workerId: '', messageId: '' };
  const prepare = async (srv: TestServer) => {
    const leadRow = await getUser(srv.store.db, srv.investigator.id);
    if (!leadRow) throw new Error('no investigator');
    const lead = actorOf(leadRow);
    ids.caseId = (await createCase(srv.store, lead, { title: 'Seized phone', country: 'LV' })).id;
    const [worker] = await createEntities(srv.store, lead, ids.caseId, [
      { schema: 'Person', properties: { name: ['Jānis Bērziņš'], phone: ['+37126123456'] } },
    ]);
    ids.workerId = worker?.id ?? '';
    const path = join(dir, 'WhatsApp Chat with Ivan.txt');
    writeFileSync(path, CHAT);
    await importFile(srv.store, cliCaller(lead), ids.caseId, { path, format: 'chat', bank: false, options: {} });
    const scope = srv.store.scope(ids.caseId);
    ids.chatId = (await listEntities(scope, { schemata: ['Folder'], limit: 5 }))[0]?.id ?? '';
    ids.messageId =
      (await listEntities(scope, { schemata: ['Message'], limit: 5 })).find((m) => m.properties.includes('26 123'))
        ?.id ?? '';
  };
  const app = useBrowserApp({ demo: false, actionTimeout: 15_000, setupTimeout: 120_000, prepare });
  let srv: TestServer;
  let page: Page;
  beforeAll(() => {
    ({ srv, page } = app);
  });

  it('an accepted phone links the chat message to the worker, and the chart and the timeline show it', async () => {
    await signIn(page, srv, srv.investigator);
    await page.goto(`${srv.url}/cases/${ids.caseId}/conversations/${ids.chatId}`);
    const phone = page.locator('[data-testid=mention][data-kind=phone]');
    await phone.waitFor();
    expect(await phone.innerText()).toBe('26 123 456');
    await phone.click();
    const panel = page.locator('[data-testid=mention-panel]');
    expect(await panel.innerText()).toContain('Jānis Bērziņš');
    await page.locator('[data-testid=mention-accept]').click();
    await page.locator('[data-testid=mention][data-kind=phone][data-decision=accepted]').waitFor();
    const links = await linksOf(srv.store.scope(ids.caseId), ids.workerId);
    const link = links.find((l) => l.schema === 'Documentation');
    expect([link?.source_id, link?.target_id]).toEqual([ids.messageId, ids.workerId]);

    // The chart, expanded one step from the worker, draws the message.
    await page.goto(`${srv.url}/cases/${ids.caseId}/chart?focus=${encodeURIComponent(ids.workerId)}`);
    await page.getByRole('button', { name: 'Expand to 1 step' }).click();
    await page.waitForFunction(
      ([sel, id]) => (document.querySelector(sel ?? '')?.getAttribute('data-node-ids') ?? '').includes(id ?? '-'),
      [chart, ids.messageId] as const,
      { timeout: 20_000 },
    );

    // The timeline draws the message as a communication concerning the worker.
    await page.goto(`${srv.url}/cases/${ids.caseId}/timeline`);
    const item = page.locator(`[data-row=communication] [data-entity-id="${ids.messageId}"] title`);
    await item.waitFor({ state: 'attached' });
    expect(await item.textContent()).toContain('Jānis Bērziņš');
    expectOwnOriginOnly(app);
  }, 120_000);
});
