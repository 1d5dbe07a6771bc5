/**
 * The link chart as an analyst would show it, at three sizes — about 50, 500 and 5,000 drawn
 * entities — on demo cases generated with their own seeds: type icons on the nodes, the legend
 * naming every type and edge kind drawn, entities without links hidden and counted. Screenshots
 * (test-artifacts/screens/chart-size-*.png) are for looking at: whether icons, labels and the
 * legend can be read; the checks here are what a script can tell.
 *
 * Without /usr/bin/chromium these tests are skipped with one message (under CI=true, they fail).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCase } from '../../src/services/demo/demo.ts';
import { actorOf } from '../../src/services/access/users.ts';
import { getUser } from '../../src/store/repos/access/users.ts';
import { browserSkipReason } from './support/browser.ts';
import { screenshot } from './support/page.ts';
import type { TestServer } from './support/server.ts';
import { expectOwnOriginOnly, useBrowserApp } from './support/suite.ts';

const skip = browserSkipReason();
const chart = '[data-testid=link-chart]';
/** Demo cells for a case of some 5,000 drawn entities (≈ 770 per cell with links). */
const BIG_SCALE = 7;

describe.skipIf(!!skip)('the link chart at 50, 500 and 5,000 entities', () => {
  const cases = { small: '', big: '' };
  let focus = '';
  const app = useBrowserApp({
    demo: false,
    actionTimeout: 60_000,
    setupTimeout: 600_000,
    prepare: async (srv) => {
      const lead = await getUser(srv.store.db, srv.investigator.id);
      if (!lead) throw new Error('no investigator');
      cases.small = (await loadDemoCase(srv.store, actorOf(lead), { seed: 5150, scale: 1 })).caseId;
      cases.big = (await loadDemoCase(srv.store, actorOf(lead), { seed: 5151, scale: BIG_SCALE })).caseId;
      const people = await srv.store
        .scope(cases.small)
        .selectFrom('entities')
        .select(['id', 'properties'])
        .where('schema', '=', 'Person')
        .execute();
      // A person with a proceeding status (suspect, victim…): the start of a small chart.
      focus = people.find((p) => p.properties.includes('proceduralStatus'))?.id ?? people[0]?.id ?? '';
    },
    signedIn: (srv) => srv.investigator,
  });
  let srv: TestServer;
  let page: Page;
  beforeAll(() => {
    ({ srv, page } = app);
  });

  const open = async (path: string, name: string) => {
    await page.goto(`${srv.url}${path}`);
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)?.getAttribute('data-node-count') ?? 0) > 0,
      chart,
      { timeout: 300_000 },
    );
    await page.locator(`${chart} canvas`).first().waitFor();
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 1500)));
    await screenshot(page, name);
    const drawn = Number(await page.locator(chart).getAttribute('data-node-count'));
    const legend = await page.getByTestId('chart-legend').innerText();
    console.log(`${name}: ${drawn} entities drawn`);
    return { drawn, legend };
  };

  it('about 50: a two-step neighbourhood, icons and sums readable', async () => {
    const { drawn, legend } = await open(`/cases/${cases.small}/chart?focus=${focus}&steps=2`, 'chart-size-50');
    expect(drawn).toBeGreaterThan(10);
    expect(legend).toContain('People');
  });

  it('about 500: the whole demo case, selectors joined to their users', async () => {
    const { drawn, legend } = await open(`/cases/${cases.small}/chart`, 'chart-size-500');
    expect(drawn).toBeGreaterThan(300);
    expect(legend).toContain('Uses this phone');
  });

  it('about 5,000: a bigger case, still with its legend and the count of unlinked entities', async () => {
    const { drawn, legend } = await open(`/cases/${cases.big}/chart`, 'chart-size-5000');
    expect(drawn).toBeGreaterThan(3000);
    expect(legend).toContain('Phone numbers');
  }, 400_000);

  it('asked nothing of any other origin and threw no page error', () => {
    expectOwnOriginOnly(app);
  });
});
