/**
 * The link chart in headless Chromium (WebGL in software, SwiftShader: absolute times are
 * pessimistic, the ratio is what counts):
 * 1. frame times while panning and zooming sigma.js at 5k/20k/50k nodes (~3 edges per node),
 *    with the chart page's own renderer (the last full frame moved as one bitmap while the camera
 *    moves, a full draw on settling), beside cytoscape.js drawing the same picture on canvas —
 *    as shipped (blitting its cached bitmap layers: like for like with sigma's moving frames) and
 *    with every element redrawn each frame (like for like with sigma's full draw on settling) —
 *    each frame drawn synchronously and the GPU made to finish (gl.finish + readPixels /
 *    getImageData); each run bounded in time. The pixels every frame left on screen are counted:
 *    a baseline with a frame that inked nothing did not draw the picture, is reported invalid
 *    and gives no ratio;
 * 2. the time from opening a case of ~20,000 entities at /cases/:id/chart to the chart drawn.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { loadDemoCase } from '../src/services/demo/demo.ts';
import { actorOf } from '../src/services/access/users.ts';
import { getUser } from '../src/store/repos/access/users.ts';
import { browserProblem, CHROMIUM } from '../test/e2e/support/browser.ts';
import { startTestServer } from '../test/e2e/support/server.ts';
import { ensureWebBuild } from '../test/e2e/support/webBuild.ts';
import { fmt, time } from './support.ts';

const HARNESS = fileURLToPath(new URL('./chartHarness', import.meta.url));
const OUT = fileURLToPath(new URL('../node_modules/.chart-bench', import.meta.url));
const SIZES = [5_000, 20_000, 50_000];
const FRAMES = 60;
/** Per run: frames stop after this long; a run that does not return in RUN_LIMIT_MS could not finish. */
const FRAME_BUDGET_MS = 30_000;
const RUN_LIMIT_MS = 120_000;
/**
 * Demo scenario cells for a case of about 20,000 drawn entities: ≈ 800 per cell since the
 * generator's cells grew (44 cells drew 35,076 entities).
 */
const CELLS_20K = 25;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

interface Run {
  library: string;
  nodes: number;
  edges: number;
  setupMs: number;
  frames: number[];
  inkedPerFrame: number[];
  settleFrames?: number[];
  finished: boolean;
  /** Pixels the last frame left on each canvas (a check that frames were really drawn). */
  inked?: number[];
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const file = join(dir, path === '/' ? 'index.html' : path.replace(/\.\.+/g, ''));
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const a = server.address();
  return { server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` };
}

async function runOne(
  browser: Browser,
  url: string,
  fn: 'runSigma' | 'runCytoscape' | 'runCytoscapeRedrawn',
  n: number,
): Promise<Run | string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-ready=true]');
    const run = page.evaluate(
      ([f, size, frames, budget]) =>
        (window as unknown as { bench: Record<string, (n: number, f: number, b: number) => Promise<unknown>> }).bench[
          f as string
        ]?.(size as number, frames as number, budget as number),
      [fn, n, FRAMES, FRAME_BUDGET_MS] as const,
    ) as Promise<Run>;
    const limit = new Promise<string>((ok) =>
      setTimeout(() => ok(`could not finish within ${RUN_LIMIT_MS / 1000} s`), RUN_LIMIT_MS),
    );
    const out = await Promise.race([run, limit]);
    if (typeof out === 'string') return out;
    const inked = await page.evaluate(() => (window as unknown as { bench: { inked: () => number[] } }).bench.inked());
    return { ...out, inked };
  } catch (e) {
    return `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  } finally {
    await page.close().catch(() => undefined);
  }
}

const blankFrames = (r: Run) => r.inkedPerFrame.filter((k) => k === 0).length;

const describeRun = (r: Run | string) => {
  if (typeof r === 'string') return r;
  const ink = r.inkedPerFrame;
  const settle = r.settleFrames?.length
    ? `; full draw on settling median ${quantile(r.settleFrames, 0.5).toFixed(1)} ms`
    : '';
  return (
    `median ${quantile(r.frames, 0.5).toFixed(1)} ms, p95 ${quantile(r.frames, 0.95).toFixed(1)} ms over ` +
    `${r.frames.length} frames${r.finished ? '' : ` (stopped at the ${FRAME_BUDGET_MS / 1000} s budget)`}${settle}; ` +
    `set-up ${fmt(Math.round(r.setupMs))} ms; pixels per frame median ${fmt(quantile(ink, 0.5))}, ` +
    `least ${fmt(Math.min(...ink))}${blankFrames(r) ? `, ${blankFrames(r)} frames blank` : ''}`
  );
};

/** The baseline's median over ours, or why there is none. */
function compare(ours: Run, base: Run | string, what: string, oursFrames = ours.frames): string {
  if (typeof base === 'string') return `→ no ratio against cytoscape.js ${what}: it did not finish`;
  if (blankFrames(base) > 0)
    return `→ cytoscape.js ${what} is INVALID as a baseline: ${blankFrames(base)} of ${base.frames.length} frames inked nothing; no ratio`;
  const ratio = quantile(base.frames, 0.5) / quantile(oursFrames, 0.5);
  const verdict = ratio >= 1 ? `${ratio.toFixed(1)}× faster than` : `${(1 / ratio).toFixed(1)}× slower than`;
  return `→ sigma.js ${verdict} cytoscape.js ${what} (median; cytoscape.js / sigma.js = ${ratio.toFixed(3)})`;
}

async function rendererFrames(browser: Browser): Promise<void> {
  await build({
    root: HARNESS,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: { outDir: OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  });
  const { server, url } = await serve(OUT);
  try {
    const probe = await browser.newPage();
    await probe.goto(url);
    await probe.waitForSelector('body[data-ready=true]');
    const info = await probe.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const dbg = gl?.getExtension('WEBGL_debug_renderer_info');
      const settings = (window as unknown as { bench: { settings: Record<string, string> } }).bench.settings;
      return {
        renderer: gl && dbg ? String(gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL)) : 'no WebGL 2',
        dpr: devicePixelRatio,
        settings,
      };
    });
    await probe.close();
    console.log(
      `  WebGL 2: ${info.renderer}; devicePixelRatio ${info.dpr}; canvas 1200×800; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores`,
    );
    console.log(
      `  each frame: camera moved, drawn synchronously, then finished (WebGL: gl.finish + 1-pixel readPixels per context; canvas: 1-pixel getImageData per canvas)`,
    );
    for (const [lib, s] of Object.entries(info.settings)) console.log(`  ${lib}: ${s}`);
    for (const n of SIZES) {
      const sigma = await runOne(browser, url, 'runSigma', n);
      const redrawn = await runOne(browser, url, 'runCytoscapeRedrawn', n);
      const cyto = await runOne(browser, url, 'runCytoscape', n);
      const edges = typeof sigma === 'string' ? '' : ` / ${fmt(sigma.edges)} edges`;
      console.log(`  ${`${fmt(n)} nodes${edges}`.padEnd(28)} sigma.js                 ${describeRun(sigma)}`);
      console.log(`  ${''.padEnd(28)} cytoscape.js, redrawn    ${describeRun(redrawn)}`);
      console.log(`  ${''.padEnd(28)} cytoscape.js, as shipped ${describeRun(cyto)}`);
      if (typeof sigma === 'string') continue;
      const pad = ''.padEnd(28);
      console.log(`  ${pad} ${compare(sigma, cyto, 'as shipped, bitmap layers (moving frames)')}`);
      if (sigma.settleFrames?.length)
        console.log(
          `  ${pad} ${compare(sigma, redrawn, 'every element redrawn (full draw on settling)', sigma.settleFrames)}`,
        );
    }
  } finally {
    server.close();
  }
}

async function caseToFirstChart(browser: Browser): Promise<void> {
  await ensureWebBuild();
  const srv = await startTestServer({ demo: false });
  try {
    const lead = await getUser(srv.store.db, srv.investigator.id);
    if (!lead) throw new Error('no user');
    const { ms: loadMs, value: demo } = await time(() =>
      loadDemoCase(srv.store, actorOf(lead), { seed: 20_000, scale: CELLS_20K }),
    );
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(srv.url);
    await page.fill('input[name=username]', srv.investigator.username);
    await page.fill('input[name=password]', srv.investigator.password);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    const open = async () => {
      const t0 = Date.now();
      await page.goto(`${srv.url}/cases/${demo.caseId}/chart`);
      await page.waitForFunction(
        () =>
          Number(document.querySelector('[data-testid=link-chart]')?.getAttribute('data-node-count') ?? 0) > 0 &&
          !!document.querySelector('[data-testid=link-chart] canvas'),
        undefined,
        { timeout: 180_000 },
      );
      // The frame sigma drew is on screen once the next animation frame has run.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      return Date.now() - t0;
    };
    let first: number;
    let again: number;
    try {
      first = await open();
      again = await open();
    } catch (e) {
      // A bounded run: a chart that is not drawn within the wait is reported, not fatal to the bench.
      console.log(
        `  case of 20k entities: no drawn chart within 180 s (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      );
      await context.close();
      return;
    }
    const nodes = await page.locator('[data-testid=link-chart]').getAttribute('data-node-count');
    console.log(
      `  case of ${fmt(Number(nodes))} entities drawn (demo scale ${CELLS_20K}, loaded in ${fmt(Math.round(loadMs / 1000))} s): opening the chart → first drawn chart ${fmt(first)} ms (again: ${fmt(again)} ms)`,
    );
    await context.close();
  } finally {
    await srv.close();
  }
}

/**
 * Both parts by default; `npx tsx bench/chart.ts --first-chart` runs only the case-opening one,
 * `--frames` only the renderer frames.
 */
export async function chartBench(parts = { frames: true, firstChart: true }): Promise<void> {
  console.log('\nLink chart (headless Chromium, WebGL in software)');
  const why = browserProblem();
  if (why) {
    console.log(`  skipped: ${why}`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    if (parts.frames) await rendererFrames(browser);
    if (parts.firstChart) await caseToFirstChart(browser);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`)
  await chartBench({
    frames: !process.argv.includes('--first-chart'),
    firstChart: !process.argv.includes('--frames'),
  });
