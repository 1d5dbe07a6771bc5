/**
 * Debian's Chromium, driven by playwright-core (no browser is ever downloaded). Every request
 * the page makes is recorded, so a test can prove the app never leaves its own origin.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const inCi = process.env.CI === 'true';

/** Why browser tests cannot run here, or null when they can. Under CI=true a missing browser is a failure. */
export function browserProblem(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const why = `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
  if (inCi) throw new Error(`${why}: browser tests are required under CI=true`);
  return why;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  close: () => Promise<void>;
}

export async function openBrowser(opts: { locale?: string } = {}): Promise<Session> {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'elect-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1440, height: 900 },
    locale: opts.locale ?? 'en-GB',
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Requests to any origin but the app's own; browser-internal schemes (data:, blob:, about:) are not network requests.
 */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((u) => {
    if (/^(data|blob|about|chrome|chrome-extension|devtools):/.test(u)) return false;
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}

/**
 * For a browser suite's `describe.skipIf`: why it cannot run here (said once, plainly, on the
 * console), or null. Under CI=true a missing browser throws instead, failing the file.
 */
export function browserSkipReason(): string | null {
  const skip = browserProblem();
  if (skip) console.log(`Browser tests skipped: ${skip}.`);
  return skip;
}
