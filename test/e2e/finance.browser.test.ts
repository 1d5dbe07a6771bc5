/**
 * The financial investigation pages end to end in Debian's Chromium: the demo case's accounts
 * with the totals the API gives, an account's statement lines, the red-flag rules run from the
 * page, a finding's evidence, one finding confirmed and another dismissed with a reason (both
 * still there after a reload), the proceeds total as the API computes it, and the model editor
 * naming a bad value at its field. Each tab is checked with axe and kept as a screenshot
 * (test-artifacts/screens/finance-*.png). No request may leave the app's own origin.
 *
 * Without /usr/bin/chromium these tests are skipped with one message (under CI=true, they fail).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/browser.ts';
import { expectAccessible, mainPage, pageJson, screenshot, text } from './support/page.ts';
import type { TestServer } from './support/server.ts';
import { expectOwnOriginOnly, signIn, useBrowserApp } from './support/suite.ts';

const skip = browserSkipReason();

/** Money as the page writes it in English (en-GB), from the API's minor units. */
const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);

interface Account {
  id: string;
  caption: string;
  totals: { currency: string; inMinor: number; outMinor: number; credits: number; debits: number }[];
}
interface Finding {
  id: string;
  title: string;
  status: string;
  evidenceCount: number;
}

describe.skipIf(!!skip)('the finance pages in Chromium', () => {
  const app = useBrowserApp({ actionTimeout: 15_000, setupTimeout: 120_000 });
  let srv: TestServer;
  let page: Page;
  beforeAll(() => {
    ({ srv, page } = app);
  });
  const apiGet = <T>(path: string): Promise<T> => pageJson<T>(page, path);
  const base = () => `/api/cases/${srv.caseId}`;

  it("lists the accounts with the totals the API gives, and an account's counterparties", async () => {
    await signIn(page, srv);
    await page.getByRole('link', { name: /Demo: Operation Northern Thread/ }).click();
    await page.getByRole('link', { name: 'Financial investigation' }).click();
    await page.locator('[data-testid=accounts-table] tbody tr').first().waitFor();
    const { accounts } = await apiGet<{ accounts: Account[] }>(`${base()}/finance/accounts?limit=1000`);
    expect(accounts.length).toBeGreaterThan(10);
    expect(
      await page
        .locator('[data-testid=accounts-table] tbody tr[data-account-id]')
        .evaluateAll((rows) => new Set(rows.map((r) => r.getAttribute('data-account-id'))).size),
    ).toBe(accounts.length);
    const busy = accounts.filter((a) => a.totals.length).slice(0, 8);
    for (const a of busy) {
      for (const m of a.totals) {
        const row = page.locator(
          `[data-testid=accounts-table] tr[data-account-id="${a.id}"][data-currency="${m.currency}"]`,
        );
        expect(await row.locator('[data-field=in]').innerText()).toBe(money(m.inMinor, m.currency));
        expect(await row.locator('[data-field=out]').innerText()).toBe(money(m.outMinor, m.currency));
        expect((await row.locator('[data-field=lines]').innerText()).replace(/\D/g, '')).toBe(
          String(m.credits + m.debits),
        );
      }
    }
    const first = busy[0];
    if (!first) throw new Error('no account with statement lines');
    await page.locator(`tr[data-account-id="${first.id}"] button`).first().click();
    await page.locator('[data-testid=counterparties] tbody tr').first().waitFor();
    expect(await text(page, '#cp-heading')).toContain(first.caption);
    await mainPage(page, 'finance-accounts');
  });

  it("shows an account's statement lines in the virtualised list, as many as the API counts", async () => {
    await page.getByRole('link', { name: 'Show its statement lines' }).click();
    await page.locator('[data-testid=tx-grid] [role=row][aria-rowindex="2"]').waitFor();
    const account = new URL(page.url()).searchParams.get('account') ?? '';
    const { total } = await apiGet<{ total: number }>(`${base()}/finance/transactions?account=${account}&limit=1`);
    expect(total).toBeGreaterThan(0);
    expect((await text(page, '[data-testid=tx-count]')).replace(/\D/g, '').startsWith(String(total))).toBe(true);
    const firstRow = await text(page, '[data-testid=tx-grid] [role=row][aria-rowindex="2"]');
    expect(firstRow).toMatch(/€|EUR/);
    // Keyboard: the grid takes focus and the arrow moves the active row.
    await page.locator('[data-testid=tx-grid]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-testid=tx-grid]').getAttribute('aria-activedescendant')).toBe('tx-1');
    const csv = await page.evaluate(
      async (href) => (await fetch(href, { credentials: 'same-origin' })).text(),
      (await page.locator('[data-testid=tx-export]').getAttribute('href')) ?? '',
    );
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(total + 2);
    await mainPage(page, 'finance-transactions');
  });

  it('runs the rules from the page and shows a finding with its evidence', async () => {
    await page.getByRole('link', { name: 'Red-flag findings' }).click();
    await page.locator('[data-testid=run-rules]').click();
    await page.locator('[data-testid=findings-table] tbody tr').first().waitFor({ timeout: 60_000 });
    const { findings } = await apiGet<{ findings: Finding[] }>(`${base()}/findings?limit=1000`);
    expect(findings.length).toBeGreaterThan(3);
    expect(await page.locator('[data-testid=findings-table] tbody tr').count()).toBe(findings.length);
    const f = findings.find((x) => x.evidenceCount > 0 && x.evidenceCount <= 200);
    if (!f) throw new Error('no finding with evidence');
    await page.locator(`tr[data-finding-id="${f.id}"] button`).click();
    await page.locator('[data-testid=evidence-table] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid=evidence-table] tbody tr').count()).toBe(f.evidenceCount);
    expect((await text(page, '[data-testid=finding-explanation]')).length).toBeGreaterThan(20);
    await mainPage(page, 'finance-findings');
    await page.locator('[data-testid=evidence-in-list]').click();
    await page.locator('[data-testid=evidence-filter]').waitFor();
    await page.locator('[data-testid=tx-grid] [role=row][aria-rowindex="2"]').waitFor();
    expect((await text(page, '[data-testid=tx-count]')).replace(/\D/g, '')).toBe(String(f.evidenceCount));
    await page.goBack();
    await page.locator('[data-testid=finding-detail]').waitFor();
  });

  it('confirms one finding and dismisses another with a reason; both stay after a reload', async () => {
    const { findings } = await apiGet<{ findings: Finding[] }>(`${base()}/findings?limit=1000`);
    const [a, b] = findings;
    if (!a || !b) throw new Error('two findings needed');
    await page.locator(`tr[data-finding-id="${a.id}"] button`).click();
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=decision-status]')?.textContent === 'Confirmed',
    );
    await page.locator(`tr[data-finding-id="${b.id}"] button`).click();
    await page.locator('[data-testid=finding-detail] h2', { hasText: b.title }).waitFor();
    await page.getByRole('button', { name: 'Dismiss…' }).click();
    await page.getByRole('button', { name: 'Dismiss the finding' }).click();
    expect(await text(page, '[data-testid=decision] .field-error')).toBe('Say why the finding is dismissed.');
    await expectAccessible(page, 'dismiss form');
    await page.getByLabel('Why is it dismissed?').fill('Salary advance repaid to the employer, agreed in the contract');
    await page.getByRole('button', { name: 'Dismiss the finding' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=decision-status]')?.textContent === 'Dismissed',
    );
    await page.reload();
    await page.locator('[data-testid=findings-table]').waitFor();
    expect(await text(page, `tr[data-finding-id="${a.id}"]`)).toMatch(/Confirmed\s+Ilona Virtanen/);
    expect(await text(page, `tr[data-finding-id="${b.id}"]`)).toMatch(/Dismissed\s+Ilona Virtanen/);
    expect(await text(page, '[data-testid=decision-note]')).toBe(
      'Salary advance repaid to the employer, agreed in the contract',
    );
    const stored = await apiGet<{ finding: Finding & { decisionNote: string } }>(`${base()}/findings/${b.id}`);
    expect(stored.finding).toMatchObject({
      status: 'dismissed',
      decisionNote: 'Salary advance repaid to the employer, agreed in the contract',
    });
  });

  it('shows the proceeds total the API computes, and names a bad value at its field', async () => {
    await page.getByRole('link', { name: 'Proceeds estimate' }).click();
    const api = await apiGet<{ totals: { currency: string; proceedsMinor: number; owedToVictimsMinor: number } }>(
      `${base()}/proceeds`,
    );
    expect(await text(page, '[data-testid=proceeds-total]')).toBe(money(api.totals.proceedsMinor, api.totals.currency));
    expect(await text(page, '[data-testid=proceeds-owed]')).toBe(
      money(api.totals.owedToVictimsMinor, api.totals.currency),
    );
    await mainPage(page, 'finance-proceeds');
    await page.getByRole('button', { name: 'Add an assumption' }).click();
    const row = page.locator('[data-testid=model-editor] fieldset').last();
    await row.getByLabel('Name').fill('hourlyWage');
    await row.getByLabel('Value').fill('-5');
    await row.getByLabel('Source').fill('Collective agreement for construction, 2024');
    await page.getByRole('button', { name: 'Preview the estimate' }).click();
    const valueField = row.locator('.field', { has: page.getByLabel('Value') });
    expect(await valueField.locator('.field-error').innerText()).toBe('A number, zero or more.');
    expect(await valueField.locator('input').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'model editor with an error');
    await screenshot(page, 'finance-model-error');
    await row.getByLabel('Value').fill('7.5');
    await page.getByRole('button', { name: 'Preview the estimate' }).click();
    expect(await text(page, '[data-testid=model-preview]')).toContain('With these assumptions');
  });

  it('shows the open findings on the dashboard and in the navigator', async () => {
    const { findings } = await apiGet<{ findings: Finding[] }>(`${base()}/findings?status=open&limit=1000`);
    await page.getByRole('link', { name: 'Overview', exact: true }).first().click();
    expect(await text(page, '[data-testid=open-findings]')).toContain(`${findings.length} open red-flag findings`);
    expect(await text(page, '.navigator')).toContain(`Open findings: ${findings.length}`);
  });

  it('never asked any host but its own, and no script failed', () => {
    expectOwnOriginOnly(app);
  });
});
