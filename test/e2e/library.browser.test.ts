/**
 * The good-practice library in Debian's Chromium: a trainee opens it from the training page,
 * filters by a tag, searches with accented letters, opens an entry and follows its link to the
 * module that uses it, where the module lists the entry among its good practices. Pages are
 * checked with axe and kept as test-artifacts/screens/library*.png; no request may go to
 * another origin.
 *
 * Without /usr/bin/chromium these tests are skipped with one message (under CI=true, they fail).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUserWithToken } from '../../src/services/access/users.ts';
import { practiceLibrary } from '../../src/ingest/training/goodPractices.ts';
import { courseLibrary } from '../../src/ingest/training/library.ts';
import { browserProblem, foreignRequests, openBrowser } from './support/browser.ts';
import type { Session } from './support/browser.ts';
import { mainPage, screenshot, text } from './support/page.ts';
import { PASSWORD, startTestServer } from './support/server.ts';
import type { TestServer } from './support/server.ts';
import { ensureWebBuild } from './support/webBuild.ts';

const skip = browserProblem();
if (skip) console.log(`Browser tests skipped: ${skip}.`);

const COURSE = 'thb-investigation';

describe.skipIf(!!skip)('the good-practice library in Chromium', () => {
  let srv: TestServer;
  let session: Session;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    srv = await startTestServer({ demo: false });
    await addUserWithToken(srv.store, {
      username: 'learner',
      platformRole: 'trainee',
      displayName: 'Liis Õpilane',
      password: PASSWORD,
    });
    session = await openBrowser();
    page = session.page;
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await srv?.close();
  });

  it('filters by a tag, searches, opens an entry and follows its link to the module that uses it', async () => {
    await page.goto(srv.url);
    await page.locator('input[name=username]').waitFor();
    await page.fill('input[name=username]', 'learner');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.locator('.navigator').getByRole('link', { name: 'Training' }).click();
    await page.getByRole('link', { name: 'Open the good-practice library' }).click();
    await page.getByRole('heading', { name: 'Good-practice library', level: 1 }).waitFor();
    const all = practiceLibrary().ids().length;
    expect(await text(page, '[data-testid=library-count]')).toBe(`Entries found: ${all}`);

    // A tag: only the entries with it remain, and the address keeps the filter.
    const labourOnly = practiceLibrary()
      .all('en')
      .filter((e) => e.value.front.tags.scheme.includes('wage-kick-backs'));
    await page.getByLabel('Scheme').selectOption('wage-kick-backs');
    await page.waitForURL(/scheme=wage-kick-backs/);
    await page.locator('[data-testid=library-count]', { hasText: `Entries found: ${labourOnly.length}` }).waitFor();
    expect(
      (
        await page.locator('.library-entries > li').evaluateAll((els) => els.map((el) => el.getAttribute('data-entry')))
      ).sort(),
    ).toEqual(labourOnly.map((e) => e.value.id).sort());

    // Words, with accents and capitals the text does not have.
    await page.getByLabel('Search the library').fill('PÄRALLEL fïnancial');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=P/);
    await page.locator('[data-testid=library-count]', { hasText: 'Entries found: 1' }).waitFor();
    expect(await page.locator('.library-entries > li').getAttribute('data-entry')).toBe(
      'parallel-financial-investigation',
    );
    await page.getByLabel('Search the library').fill('');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('[data-testid=library-count]', { hasText: `Entries found: ${labourOnly.length}` }).waitFor();
    await mainPage(page, 'library');

    // The entry: text, illustrative notice, tags, sources and where the course uses it.
    await page.getByRole('link', { name: 'Wage kick-backs — pay made on paper, then demanded back' }).click();
    await page
      .getByRole('heading', { name: 'Wage kick-backs — pay made on paper, then demanded back', level: 1 })
      .waitFor();
    expect(await text(page, 'article.lesson .notice')).toContain(
      'Illustrative case: a composite put together for teaching',
    );
    expect(await text(page, '.lesson-body')).toContain('wage kick-back');
    expect(await text(page, '.lesson-sources')).toContain(
      'FATF and APG, Financial Flows from Human Trafficking (2018)',
    );
    expect(await text(page, '.library-tags')).toContain('Financial intelligence unit');
    await mainPage(page, 'library-entry');

    const moduleTitle = courseLibrary().moduleText(COURSE, 'financial-investigation', 'en').value.title;
    await page
      .locator('.library-used-in')
      .getByRole('link', { name: `Module: ${moduleTitle}`, exact: true })
      .click();
    await page.waitForURL(/\/training\/courses\/thb-investigation#module-financial-investigation$/);
    const module = page.locator('#module-financial-investigation');
    await module.getByRole('heading', { name: moduleTitle }).waitFor();
    await module.locator('[data-testid=used-here]').waitFor();
    expect(await module.locator('[data-testid=used-here]').innerText()).toContain(
      'Wage kick-backs — pay made on paper, then demanded back',
    );
    expect(await module.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await screenshot(page, 'library-module');

    // The lesson the entry names lists it too, and leads back to it.
    const lessonTitle = courseLibrary().lesson(COURSE, 'financial-investigation', 'money-flows-and-red-flags', 'en')
      .value.title;
    await module.getByRole('link', { name: lessonTitle }).click();
    await page.getByRole('heading', { name: lessonTitle, level: 1 }).waitFor();
    await page
      .locator('[data-testid=used-here]')
      .getByRole('link', { name: 'Wage kick-backs — pay made on paper, then demanded back' })
      .click();
    await page
      .getByRole('heading', { name: 'Wage kick-backs — pay made on paper, then demanded back', level: 1 })
      .waitFor();

    expect(foreignRequests(session.requests, srv.url)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
