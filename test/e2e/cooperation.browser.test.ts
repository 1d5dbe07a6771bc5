/**
 * Hit/no-hit in the workspace, in Debian's Chromium: an investigator checks their case for hits
 * in other cases and sees a notice naming whom to contact — the other case's lead and agency —
 * and nothing else of that case. The page passes axe, is kept as a screenshot, and asks no
 * other origin for anything.
 *
 * Without /usr/bin/chromium these tests are skipped with one message (under CI=true, they fail).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../src/services/cases/cases.ts';
import { createEntities } from '../../src/services/entities/entities.ts';
import { actorOf, addAgency, addUser } from '../../src/services/access/users.ts';
import { getUser } from '../../src/store/repos/access/users.ts';
import { browserSkipReason } from './support/browser.ts';
import { mainPage, text } from './support/page.ts';
import { PASSWORD } from './support/server.ts';
import type { TestServer } from './support/server.ts';
import { expectOwnOriginOnly, signIn, useBrowserApp } from './support/suite.ts';

const skip = browserSkipReason();

describe.skipIf(!!skip)('hit notices in Chromium', () => {
  let myCase = '';
  const secrets: string[] = [];
  const app = useBrowserApp({
    demo: false,
    actionTimeout: 10_000,
    setupTimeout: 120_000,
    prepare: async (srv) => {
      const ee = await addAgency(srv.store, {
        name: 'Estonian Police and Border Guard, THB unit',
        country: 'EE',
        kind: 'police',
      });
      const owner = actorOf(
        await addUser(srv.store, {
          username: 'owner',
          displayName: 'Kalev Tamm',
          platformRole: 'investigator',
          agencyId: ee.id,
          password: PASSWORD,
        }),
      );
      const me = await getUser(srv.store.db, srv.investigator.id);
      if (!me) throw new Error('no investigator');
      const mine = await createCase(srv.store, actorOf(me), { title: 'Operation Birch', country: 'FI' });
      myCase = mine.id;
      await createEntities(srv.store, actorOf(me), mine.id, [
        { schema: 'Person', properties: { name: ['Recruiter Known'], phone: ['040 123 4567'] } },
        { schema: 'Person', properties: { name: ['Unrelated Driver'], phone: ['040 999 8888'] } },
      ]);
      const theirs = await createCase(srv.store, owner, { title: 'Operation Amber', country: 'EE' });
      const [boss, firm] = await createEntities(srv.store, owner, theirs.id, [
        { schema: 'Person', properties: { name: ['Hidden Boss'], phone: ['+358 40 1234567'] } },
        { schema: 'Company', properties: { name: ['Kept Secret OÜ'] } },
      ]);
      secrets.push(theirs.id, 'Operation Amber', 'Hidden Boss', 'Kept Secret', String(boss?.id), String(firm?.id));
    },
  });
  let srv: TestServer;
  let page: Page;
  beforeAll(() => {
    ({ srv, page } = app);
  });

  it('shows a hit notice naming whom to contact, and nothing else of the other case', async () => {
    await signIn(page, srv);
    await page.goto(`${srv.url}/cases/${myCase}/hits`);
    await page.getByRole('heading', { name: 'Hits and cooperation', level: 1 }).waitFor();
    expect(await text(page, '.hits-page')).toContain('No hits so far');
    await page.getByRole('button', { name: 'Check for hits in other cases' }).click();
    const notice = await text(page, '.hit-notice');
    expect(notice).toContain('Hit with another case');
    expect(notice).toContain('Kalev Tamm');
    expect(notice).toContain('Estonian Police and Border Guard, THB unit');
    expect(notice).toContain('Phone × 1');
    const whole = await page.locator('body').innerText();
    for (const s of secrets) expect(whole, `the page shows ${s}`).not.toContain(s);
    expect(await page.getByRole('button', { name: 'Ask to cooperate' }).isEnabled()).toBe(true);
    await mainPage(page, 'cooperation');
    expectOwnOriginOnly(app);
  }, 60_000);
});
