/**
 * The statement lines behind the finance pages' virtualised list and its CSV export: filters,
 * sorting and offset pages with a total; victims named on a line appear by pseudonym to users
 * without victim contact; the export is watermarked, audited and obeys the handling code.
 */
import { expect } from 'vitest';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller } from '../../../../test/support/api.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../../test/support/dialects.ts';

interface Line {
  id: string;
  accountId: string;
  amountMinor: number;
  bookingDate: string;
  counterpartyName: string | null;
  counterpartyAccountId: string | null;
}
interface Rows {
  total: number;
  transactions: Line[];
}

describeEachDialect('finance transaction rows', ({ store }) => {
  let lead: Caller;
  let member: Caller;
  let caseId = '';
  let controller = '';
  let worker = '';
  let victimCaption = '';
  const url = (q: string) => `/api/cases/${caseId}/finance/transactions?${q}`;

  beforeAllWithStore(store, async (s) => {
    const api = await testApi(s);
    lead = await api.user(uniqueName('fin-rows-lead'));
    member = await api.user(uniqueName('fin-rows-member'));
    caseId = (await lead('POST', '/api/cases', { title: 'Operation Birch', country: 'LV' })).json<{ id: string }>().id;
    await lead('POST', `/api/cases/${caseId}/members`, { userId: member.userId, caseRole: 'member' });
    const create = async (schema: string, properties: object) => {
      const r = await lead('POST', `/api/cases/${caseId}/entities`, { schema, properties });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.json<{ id: string; caption: string }>();
    };
    controller = (await create('BankAccount', { iban: ['LV80BANK0000435195001'] })).id;
    worker = (await create('BankAccount', { iban: ['LV97HABA0012345678910'] })).id;
    const v = await create('Person', { name: ['Olena Kovalenko'], proceduralStatus: ['victim'] });
    victimCaption = v.caption;
    await create('Ownership', { owner: [v.id], asset: [worker] });
    const line = (accountId: string, amountMinor: number, bookingDate: string, more: object = {}) => ({
      accountId,
      amountMinor,
      currency: 'EUR',
      bookingDate,
      ...more,
    });
    const sent = await lead('POST', `/api/cases/${caseId}/transactions`, {
      transactions: [
        line(worker, 180_000, '2024-01-05', { counterpartyName: 'Build Ltd', text: 'Salary January' }),
        line(worker, -150_000, '2024-01-06', {
          counterpartyAccountId: controller,
          counterpartyName: 'A. Berzins',
          text: 'loan',
        }),
        line(controller, 150_000, '2024-01-06', {
          counterpartyAccountId: worker,
          counterpartyName: 'Olena Kovalenko',
          text: 'loan',
        }),
        line(controller, 90_000, '2024-02-03', { counterpartyName: 'KOVALENKO OLENA', text: 'cash' }),
        line(controller, -2_500, '2024-02-10', { counterpartyName: '=HYPERLINK("x")', text: 'ads' }),
        line(controller, 40_000, '2024-03-01', { counterpartyName: 'Someone Else', text: 'rent' }),
      ],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  });

  itDb('filters by account, period, counterparty, size and direction, with a total', async () => {
    const all = (await lead('GET', url('limit=2'))).json<Rows>();
    expect(all.total).toBe(6);
    expect(all.transactions).toHaveLength(2);
    expect(all.transactions[0]?.bookingDate).toBe('2024-03-01'); // newest first by default
    const ofController = (await lead('GET', url(`account=${controller}`))).json<Rows>();
    expect(ofController.total).toBe(4);
    expect(ofController.transactions.every((t) => t.accountId === controller)).toBe(true);
    expect((await lead('GET', url(`account=${controller}&from=2024-02-01&to=2024-02-28`))).json<Rows>().total).toBe(2);
    expect(
      (await lead('GET', url(`account=${controller}&direction=out`)))
        .json<Rows>()
        .transactions.map((t) => t.amountMinor),
    ).toEqual([-2_500]);
    expect(
      (await lead('GET', url('minAmount=100000')))
        .json<Rows>()
        .transactions.map((t) => t.amountMinor)
        .sort(),
    ).toEqual([-150_000, 150_000, 180_000].sort());
    const byCp = (await lead('GET', url(`counterparty=${worker}`))).json<Rows>();
    expect(byCp.transactions.map((t) => t.amountMinor)).toEqual([150_000]);
    expect((await lead('GET', url('q=salary'))).json<Rows>().total).toBe(1);
    const page2 = (await lead('GET', url('sort=amount&dir=desc&offset=1&limit=2'))).json<Rows>();
    expect(page2.transactions.map((t) => Math.abs(t.amountMinor))).toEqual([150_000, 150_000]);
    expect((await lead('GET', url('finding=f-none'))).status).toBe(404);
    // A finding's evidence: exactly the lines it cites, whatever their account.
    const cited = all.transactions.map((t) => t.id);
    const now = new Date().toISOString();
    await store()
      .scope(caseId)
      .insertInto('findings', {
        id: 'f-rows',
        rule: 'structuring',
        variant: 'split',
        subject_id: controller,
        subject_kind: 'account',
        score: 0.5,
        explanation: 'Test finding',
        evidence: JSON.stringify(cited),
        account_ids: JSON.stringify([controller]),
        status: 'open',
        decided_by: null,
        decided_at: null,
        decision_note: null,
        run_id: 'test',
        data_version: '-',
        current: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const evidence = (await lead('GET', url('finding=f-rows&sort=date&dir=asc'))).json<Rows>();
    expect(evidence.total).toBe(2);
    expect(evidence.transactions.map((t) => t.id)).toEqual([...cited].reverse());
    const bad = await lead('GET', url('minAmount=-5'));
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { path: string } }>().error.path).toContain('minAmount');
    expect((await lead('GET', url('sort=size'))).status).toBe(400);
  });

  itDb('names a victim on a line by pseudonym to a member without victim contact', async () => {
    const seen = (await member('GET', url(`account=${controller}&sort=date&dir=asc`)))
      .json<Rows>()
      .transactions.map((t) => t.counterpartyName);
    expect(seen).toEqual([victimCaption, victimCaption, '=HYPERLINK("x")', 'Someone Else']);
    expect(victimCaption).not.toContain('Olena');
  });

  itDb('exports the filtered lines as watermarked CSV and audits the export', async () => {
    const res = await member(
      'GET',
      `/api/cases/${caseId}/finance/transactions/export?account=${controller}&sort=date&dir=asc`,
    );
    expect(res.status).toBe(200);
    const lines = String(res.body).trim().split('\r\n');
    expect(lines[0]).toMatch(/^"# Exported from ELECT THB by fin-rows-member-\d+-\d+ at \d{4}-/);
    expect(lines[1]).toBe(
      'bookingDate,valueDate,account,direction,amount,currency,counterpartyName,counterpartyAccount,text,reference,kind,place,id',
    );
    expect(lines).toHaveLength(6);
    expect(lines[2]).toContain(',in,1500.00,EUR,');
    expect(String(res.body)).not.toContain('Olena');
    expect(lines[4]).toContain(`,out,-25.00,EUR,"'=HYPERLINK(""x"")"`);
    const audit = (await lead('GET', `/api/cases/${caseId}/audit?action=disclosure`)).json<{
      events: { action: string; targetType: string }[];
    }>();
    expect(audit.events.some((e) => e.action === 'disclosure' && e.targetType === 'export')).toBe(true);
    await lead('PATCH', `/api/cases/${caseId}`, { handlingCode: 'H3' });
    const refused = await member('GET', `/api/cases/${caseId}/finance/transactions/export`);
    expect(refused.status).toBe(403);
    await lead('PATCH', `/api/cases/${caseId}`, { handlingCode: null });
  });

  itDb('finds counterparties by name however written, in the list and its export', async () => {
    for (const q of ['Bērziņš', 'Берзиньш', 'berzinsh a']) {
      const rows = (await lead('GET', url(`q=${encodeURIComponent(q)}`))).json<Rows>();
      expect(rows.transactions.map((t) => t.counterpartyName), q).toEqual(['A. Berzins']);
    }
    const csv = await lead('GET', `/api/cases/${caseId}/finance/transactions/export?q=${encodeURIComponent('Берзиньш')}`);
    expect(csv.status).toBe(200);
    expect(String(csv.body).trim().split('\r\n').slice(2)).toEqual([expect.stringContaining(',A. Berzins,')]);
    // A victim is found by words in Cyrillic only by those who may see victims.
    const cyr = url(`q=${encodeURIComponent('Коваленко')}`);
    expect((await lead('GET', cyr)).json<Rows>().total).toBe(2);
    expect((await member('GET', cyr)).json<Rows>().total).toBe(0);
  });
});
