/**
 * What every browser suite of the workspace sets up the same way: the web bundle built from the
 * code under test, a real server over a fresh store, one Chromium session whose requests are
 * recorded and whose script errors are collected, all closed again after the suite.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { foreignRequests, openBrowser } from './browser.ts';
import type { Session } from './browser.ts';
import { startTestServer } from './server.ts';
import type { TestServer, TestUser } from './server.ts';
import { ensureWebBuild } from './webBuild.ts';

export interface BrowserApp {
  readonly srv: TestServer;
  readonly session: Session;
  readonly page: Page;
  /** Uncaught errors of the page's scripts, in order. */
  readonly pageErrors: readonly string[];
}

export interface BrowserAppOptions {
  /** Load the demo case (seed DEMO_SEED) for the investigator; default true; 'sources': from its files. */
  demo?: boolean | 'sources';
  /** How long a page action may wait before it fails. */
  actionTimeout: number;
  /** How long the whole set-up may take (build, store, data, browser). */
  setupTimeout: number;
  /** Data the suite needs beyond the demo case, added to the store before the browser opens. */
  prepare?: (srv: TestServer) => Promise<void>;
  /** Sign this user in (see signIn) as the last step of the set-up. */
  signedIn?: (srv: TestServer) => TestUser;
}

/**
 * Registers the suite's beforeAll/afterAll; call it first inside `describe` so the suite's own
 * hooks run after it. The fields can be read once the set-up has run (in hooks and cases).
 */
export function useBrowserApp(opts: BrowserAppOptions): BrowserApp {
  let ready: { srv: TestServer; session: Session; page: Page } | undefined;
  let srv: TestServer | undefined;
  let session: Session | undefined;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    await ensureWebBuild();
    srv = await startTestServer({ demo: opts.demo ?? true });
    await opts.prepare?.(srv);
    session = await openBrowser();
    const page = session.page;
    page.setDefaultTimeout(opts.actionTimeout);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    ready = { srv, session, page };
    if (opts.signedIn) await signIn(page, srv, opts.signedIn(srv));
  }, opts.setupTimeout);
  afterAll(async () => {
    await session?.close();
    await srv?.close();
  });
  const get = (): NonNullable<typeof ready> => {
    if (!ready) throw new Error('the browser suite was not set up');
    return ready;
  };
  return {
    get srv() {
      return get().srv;
    },
    get session() {
      return get().session;
    },
    get page() {
      return get().page;
    },
    pageErrors,
  };
}

/** Signs in through the sign-in form and waits for the list of cases. */
export async function signIn(
  page: Page,
  srv: TestServer,
  user: Pick<TestUser, 'username' | 'password'> = srv.investigator,
): Promise<void> {
  await page.goto(srv.url);
  await page.fill('input[name=username]', user.username);
  await page.fill('input[name=password]', user.password);
  await page.click('button[type=submit]');
  await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
}

/** No request of the session went to another origin, and no script of the page threw. */
export function expectOwnOriginOnly(app: BrowserApp): void {
  expect(foreignRequests(app.session.requests, app.srv.url)).toEqual([]);
  expect(app.pageErrors).toEqual([]);
}
