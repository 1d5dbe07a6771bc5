/** Small helpers for driving the workspace page: screenshots, visible text, accessibility. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe.ts';

/** Screenshots land here (git-ignored); CI keeps the folder as a test artifact. */
export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/screens', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  // Let late queries settle so the picture shows the finished page (not a spinner).
  await page
    .waitForFunction(() => !document.querySelector('.loading, .spinner'), undefined, { timeout: 5000 })
    .catch(() => undefined);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The page must have no serious or critical accessibility violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `axe on ${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** A main page: checked for accessibility and kept as a screenshot. */
export async function mainPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
}

export const text = async (page: Page, selector: string): Promise<string> => {
  const el = page.locator(selector).first();
  await el.waitFor();
  return (await el.innerText()).replace(/\s+/g, ' ').trim();
};

/** A JSON answer of the API as the signed-in page gets it (same origin, same session). */
export const pageJson = async <T>(page: Page, path: string): Promise<T> =>
  (await page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path)) as T;
