/**
 * The web workspace in headless Chromium: time to first render of the demo case dashboard and of
 * an entity list of 50,000 rows (cold: empty browser cache; warm: median of five reloads), and
 * the size of the JavaScript the browser downloads (gzip).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ftmJsonImporter } from '../src/ingest/formats/index.ts';
import { memoryInput } from '../src/ingest/files.ts';
import { createCase } from '../src/services/cases/cases.ts';
import { runImport } from '../src/services/imports/pipeline.ts';
import { actorOf } from '../src/services/access/users.ts';
import { getUser } from '../src/store/repos/access/users.ts';
import { WEB_DIST } from '../src/server/http/webAssets.ts';
import { browserProblem, openBrowser } from '../test/e2e/support/browser.ts';
import { startTestServer } from '../test/e2e/support/server.ts';
import type { TestServer } from '../test/e2e/support/server.ts';
import { ensureWebBuild } from '../test/e2e/support/webBuild.ts';
import { fmt, time } from './support.ts';

const ROWS = 50_000;

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function bundleSizes(): Promise<{ initial: number; lazy: number; css: number; files: number }> {
  const assets = join(WEB_DIST, 'assets');
  const index = await readFile(join(WEB_DIST, 'index.html'), 'utf8');
  let initial = 0;
  let lazy = 0;
  let css = 0;
  let files = 0;
  for (const name of await readdir(assets)) {
    const gz = gzipSync(await readFile(join(assets, name)), { level: 9 }).length;
    files++;
    if (name.endsWith('.css')) css += gz;
    else if (!name.endsWith('.js')) continue;
    else if (index.includes(name)) initial += gz;
    else lazy += gz;
  }
  return { initial, lazy, css, files };
}

/** A case of `ROWS` people, loaded through the same import pipeline as any file. */
async function bigCase(srv: TestServer): Promise<string> {
  const user = await getUser(srv.store.db, srv.investigator.id);
  if (!user) throw new Error('no investigator');
  const actor = actorOf(user);
  const kase = await createCase(srv.store, actor, { title: `Bench: ${fmt(ROWS)} people`, country: 'LV' });
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      JSON.stringify({
        id: `bench-${i}`,
        schema: 'Person',
        properties: { name: [`Person ${String(i).padStart(6, '0')}`], nationality: ['lv'] },
      }),
    );
  await runImport(
    srv.store,
    actor,
    kase.id,
    ftmJsonImporter,
    memoryInput('bench.ftm.json', lines.join('\n')),
    {},
    { chunkSize: 5000 },
  );
  return kase.id;
}

/** Milliseconds from navigation start until `selector` first exists in the page. */
async function firstRender(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 30_000 });
  return page.evaluate(
    (sel) => (window as unknown as { __seen: Record<string, number> }).__seen[sel] ?? performance.now(),
    selector,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function webBench(): Promise<void> {
  console.log('\nWeb workspace (headless Chromium)');
  const problem = (() => {
    try {
      return browserProblem();
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  })();
  await ensureWebBuild();
  const size = await bundleSizes();
  console.log(
    `  JS bundle, gzip: ${kB(size.initial)} loaded at start + ${kB(size.lazy)} loaded on demand (${size.files} files); CSS ${kB(size.css)}`,
  );
  if (problem) {
    console.log(`  browser figures skipped: ${problem}`);
    return;
  }
  const srv = await startTestServer();
  const { ms: loadMs, value: bigCaseId } = await time(() => bigCase(srv));
  console.log(`  (setup: ${fmt(ROWS)} people imported in ${(loadMs / 1000).toFixed(1)} s)`);
  const session = await openBrowser();
  try {
    const { page, context } = session;
    // Records when each awaited selector first appears, from inside the page, before any app code runs.
    await context.addInitScript(() => {
      const w = window as unknown as { __seen: Record<string, number> };
      w.__seen = {};
      const watch = ['[data-testid=dashboard-counts]', '[data-testid=entity-grid] [role=row][aria-rowindex="2"]'];
      new MutationObserver(() => {
        for (const s of watch) if (!(s in w.__seen) && document.querySelector(s)) w.__seen[s] = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(srv.url);
    await page.evaluate(
      async ([u, p]) => {
        await fetch('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: u, password: p }),
        });
      },
      [srv.investigator.username, srv.investigator.password],
    );

    const cdp = await context.newCDPSession(page);
    const measure = async (label: string, url: string, selector: string, check?: () => Promise<void>) => {
      // Cold: nothing of the app in the browser's cache, as on a first visit.
      await cdp.send('Network.clearBrowserCache');
      const cold = await firstRender(page, url, selector);
      await check?.();
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) warm.push(await firstRender(page, url, selector));
      console.log(
        `  ${label.padEnd(46)} first render ${fmt(Math.round(median(warm)))} ms warm (median of 5), ${fmt(Math.round(cold))} ms with an empty cache`,
      );
    };
    await measure('demo case dashboard', `${srv.url}/cases/${srv.caseId}`, '[data-testid=dashboard-counts]');
    await measure(
      `entity list of ${fmt(ROWS)} rows`,
      `${srv.url}/cases/${bigCaseId}/entities`,
      '[data-testid=entity-grid] [role=row][aria-rowindex="2"]',
      async () => {
        const count = await page.locator('[data-testid=row-count]').innerText();
        if (!count.replace(/\D/g, '').includes(String(ROWS)))
          throw new Error(`the list shows ${count}, not ${ROWS} rows`);
      },
    );
    // Scrolling to the last row: only the pages on screen are fetched.
    await page.locator('[data-testid=entity-grid]').focus();
    const { ms: endMs } = await time(async () => {
      await page.keyboard.press('End');
      await page.waitForSelector(`[data-testid=entity-grid] [role=row][aria-rowindex="${ROWS + 1}"]`, {
        timeout: 30_000,
      });
    });
    console.log(`  ${'jump to the last of 50,000 rows (End key)'.padEnd(46)} ${fmt(Math.round(endMs))} ms`);
  } finally {
    await session.close();
    await srv.close();
  }
}
