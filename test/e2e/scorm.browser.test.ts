/**
 * A module exported as SCORM 1.2 runs for real: a local test "learning platform" on 127.0.0.1
 * hosts the SCORM 1.2 run-time of the scorm-again package as `window.API` and loads the
 * package's launch page in a frame, as Moodle would. Headless Chromium pages through the
 * lessons, answers the quiz and finishes; the run-time must have received the lesson status,
 * the score, commits and LMSFinish. The package's manifest lists every file it has, and every
 * file the SCO asked for was in it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseLibrary } from '../../src/ingest/training/library.ts';
import { perfectAnswers } from '../../src/domain/training/quiz.ts';
import { buildScormPackage } from '../../src/ingest/training/scorm.ts';
import { browserSkipReason, foreignRequests, openBrowser } from './support/browser.ts';
import type { Session } from './support/browser.ts';
import { screenshot } from './support/page.ts';

const skip = browserSkipReason();

const require = createRequire(import.meta.url);
const COURSE = 'thb-investigation';
const MODULE = 'legal-framework';

/** The learning platform's page: the run-time as window.API, recording what the SCO tells it. */
const LMS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test learning platform</title>
<script src="/runtime/scorm12.js"></script>
<script>
  window.calls = [];
  window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  ['LMSInitialize', 'LMSCommit', 'LMSFinish'].forEach(function (name) {
    window.API.on(name, function () { window.calls.push({ name: name }); });
  });
  window.API.on('LMSSetValue.cmi.*', function (element, value) { window.calls.push({ name: 'LMSSetValue', element: element, value: String(value) }); });
</script></head>
<body><h1>Test learning platform</h1><iframe id="sco" title="Course content" src="/sco/index.html" style="width:100%;height:800px"></iframe></body></html>`;

describe.skipIf(!!skip)('a SCORM 1.2 export under a SCORM run-time in Chromium', () => {
  let server: Server;
  let origin = '';
  let session: Session;
  const served: { path: string; status: number }[] = [];
  const pkg = buildScormPackage(courseLibrary(), COURSE, MODULE, 'en');
  const files = unzipSync(pkg.zip);

  beforeAll(async () => {
    // The package's exports name no file path; its folder is found from the main entry.
    const runtime = readFileSync(
      join(dirname(require.resolve('scorm-again')).replace(/dist(\/.*)?$/, 'dist'), 'scorm12.js'),
    );
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      let body: Uint8Array | string | undefined;
      let type = 'text/html; charset=utf-8';
      if (path === '/favicon.ico') {
        // The browser asks the platform page for an icon; the test platform has none.
        res.writeHead(204).end();
        return;
      }
      if (path === '/lms.html') body = LMS_PAGE;
      else if (path === '/runtime/scorm12.js') [body, type] = [runtime, 'text/javascript'];
      else if (path.startsWith('/sco/')) {
        const name = decodeURIComponent(path.slice('/sco/'.length));
        body = files[name];
        type = name.endsWith('.js')
          ? 'text/javascript'
          : name.endsWith('.css')
            ? 'text/css'
            : name.endsWith('.svg')
              ? 'image/svg+xml'
              : type;
      }
      served.push({ path, status: body === undefined ? 404 : 200 });
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': type }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    session = await openBrowser();
    session.page.setDefaultTimeout(10_000);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('lists every file of the package in its manifest, and nothing missing', () => {
    const manifest = strFromU8(files['imsmanifest.xml'] ?? new Uint8Array());
    const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1] ?? '').sort();
    expect(listed).toEqual(
      Object.keys(files)
        .filter((f) => f !== 'imsmanifest.xml')
        .sort(),
    );
    expect(listed).toContain('images/crime-script.svg');
  });

  it('completes the lessons and the quiz, and the run-time receives status, score and completion', async () => {
    const page = session.page;
    await page.goto(`${origin}/lms.html`);
    const frame = page.frameLocator('#sco');
    await frame.locator('h1').waitFor();
    const lessons = courseLibrary().module(COURSE, MODULE).lessons;
    for (const lessonId of lessons) {
      const title = courseLibrary().lesson(COURSE, MODULE, lessonId, 'en').value.title;
      await frame.getByRole('heading', { name: title, level: 2 }).waitFor();
      await frame.getByRole('button', { name: 'Next' }).click();
    }
    await frame.getByRole('heading', { name: 'Quiz', level: 2 }).waitFor();
    const quiz = courseLibrary().quiz(COURSE, MODULE, 'en').value;
    const answers = perfectAnswers(quiz);
    for (const q of quiz.questions) {
      const a = answers[q.id];
      if (q.type === 'single' || q.type === 'multiple')
        for (const id of Array.isArray(a) ? a : [a])
          await frame.locator(`input[name="q-${q.id}"][value="${String(id)}"]`).check();
      else if (q.type === 'matching')
        for (const p of q.pairs) await frame.locator(`select[name="q-${q.id}-${p.id}"]`).selectOption(p.right);
      else await frame.locator(`input[name="q-${q.id}"]`).fill(String(q.answer));
    }
    await frame.getByRole('button', { name: 'Check my answers' }).click();
    await frame.getByText('Passed: 100 %').waitFor();
    await frame.getByRole('button', { name: 'Finish' }).click();
    await frame.getByText('Your result has been sent').waitFor();
    await screenshot(page, 'training-scorm-lms');

    const calls = await page.evaluate(
      () => (window as unknown as { calls: { name: string; element?: string; value?: string }[] }).calls,
    );
    const names = calls.map((c) => c.name);
    expect(names[0]).toBe('LMSInitialize');
    expect(names[names.length - 1]).toBe('LMSFinish');
    expect(names).toContain('LMSCommit');
    const set = (element: string) => calls.filter((c) => c.element === element).map((c) => c.value);
    expect(set('cmi.core.lesson_status')).toEqual(['incomplete', 'passed']);
    expect(set('cmi.core.score.raw')).toEqual(['100']);
    expect(set('cmi.core.score.max')).toEqual(['100']);
    expect(set('cmi.core.session_time')).toHaveLength(1);
    // The run-time's own record agrees.
    const cmi = await page.evaluate(() => {
      const api = (
        window as unknown as {
          API: { LMSGetLastError: () => string; cmi: { core: { lesson_status: string; score: { raw: string } } } };
        }
      ).API;
      return { status: api.cmi.core.lesson_status, raw: api.cmi.core.score.raw, error: api.LMSGetLastError() };
    });
    expect(cmi).toEqual({ status: 'passed', raw: '100', error: '0' });
  });

  it('asked for nothing the package does not have, and nothing from elsewhere', () => {
    expect(served.filter((s) => s.status !== 200)).toEqual([]);
    const scoFiles = served.filter((s) => s.path.startsWith('/sco/')).map((s) => s.path.slice(5));
    expect(scoFiles.sort()).toEqual(['images/crime-script.svg', 'index.html', 'sco.js', 'style.css']);
    expect(foreignRequests(session.requests, origin)).toEqual([]);
  });
});
