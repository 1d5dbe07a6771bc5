/**
 * One name matcher behind every name box, in Debian's Chromium: "Arturs Grinbergs" (no
 * diacritics), "Артурс Гринбергс" (Cyrillic) and "Ozolinsh" (an alias written with a digraph)
 * find the same person, Artūrs Grīnbergs, in the entity list's name filter and in the chart's
 * "Start from an entity" box, as global search does; other people of the case are not found.
 * The resolution queue's name box (filtered in the browser by the same shared matcher) keeps a
 * duplicate pair from both spellings of the name.
 *
 * Without /usr/bin/chromium these tests are skipped with one message (under CI=true, they fail).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { useBrowserApp } from './support/suite.ts';

const skip = browserSkipReason();
const SPELLINGS = ['Arturs Grinbergs', 'Артурс Гринбергс', 'Ozolinsh'];
const PERSON = 'Artūrs Grīnbergs';

describe.skipIf(!!skip)('name boxes in Chromium', () => {
  let caseId = '';
  let personId = '';
  let pairsCase = '';
  const app = useBrowserApp({
    demo: false,
    actionTimeout: 15_000,
    setupTimeout: 180_000,
    prepare: async (srv) => {
      const call = async (url: string, payload: object) => {
        const res = await srv.app.inject({
          method: 'POST',
          url,
          payload,
          headers: { authorization: `Bearer ${srv.investigator.token}` },
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<{ id: string }>().id;
      };
      caseId = await call('/api/cases', { title: 'Operation Elm', country: 'LV' });
      const person = (properties: object) => call(`/api/cases/${caseId}/entities`, { schema: 'Person', properties });
      personId = await person({ name: [PERSON], alias: ['Ozoliņš'] });
      await person({ name: ['Jānis Bērziņš'] });
      await person({ name: ['Arta Ozola'] });
      await person({ name: ['Grigorijs Arturovs'] });
      // A second case with one likely duplicate pair, for the resolution queue's name box.
      pairsCase = await call('/api/cases', { title: 'Operation Ash', country: 'LV' });
      for (const name of [PERSON, 'GRĪNBERGS ARTŪRS'])
        await call(`/api/cases/${pairsCase}/entities`, {
          schema: 'Person',
          properties: { name: [name], birthDate: ['1971-03-28'] },
        });
    },
    signedIn: (srv) => srv.investigator,
  });
  let srv: TestServer;
  let page: Page;
  beforeAll(() => {
    ({ srv, page } = app);
  });

  it('the entity list finds the person from each spelling, and only them', async () => {
    await page.goto(`${srv.url}/cases/${caseId}/entities`);
    const count = () => page.getByTestId('row-count').innerText();
    await expect.poll(count).toBe('Rows: 4');
    for (const q of SPELLINGS) {
      await page.getByLabel('Name contains').fill(q);
      await expect.poll(count).toBe('Rows: 1');
      await expect.poll(() => page.getByRole('main').innerText()).toContain(PERSON);
      await page.getByLabel('Name contains').fill('');
      await expect.poll(count).toBe('Rows: 4');
    }
  });

  it('the chart start box offers the person from each spelling, and starts from them', async () => {
    await page.goto(`${srv.url}/cases/${caseId}/chart`);
    const box = page.getByLabel('Start from an entity');
    for (const q of SPELLINGS) {
      await box.fill(q);
      const options = page.getByRole('listbox').getByRole('option');
      await expect.poll(() => options.allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining(PERSON)]);
    }
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.waitForFunction(
      ([id]) => document.querySelector('[data-testid=link-chart]')?.getAttribute('data-node-ids') === id,
      [personId] as const,
      { timeout: 20_000 },
    );
  });

  // The queue shows each record by its name only, so an alias (Ozoliņš) is not matched there.
  it('the resolution queue’s name box keeps the pair from each spelling of the name, and hides it for another', async () => {
    await page.goto(`${srv.url}/cases/${pairsCase}/resolution`);
    const box = page.getByLabel('Find a name');
    const pairs = page.locator('li.candidate');
    for (const q of SPELLINGS.slice(0, 2)) {
      await box.fill(q);
      await expect.poll(() => pairs.count()).toBe(1);
      await expect.poll(() => pairs.first().innerText()).toContain(PERSON);
    }
    await box.fill('Bērziņš');
    await page.getByText('No candidate pair has this name.').waitFor();
    expect(await pairs.count()).toBe(0);
  });
});
