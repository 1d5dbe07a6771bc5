import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller } from '../../../../test/support/api.ts';

type SelectorRes = { normalised: string; matches: { property: string; entity: { id: string } }[] };

describeEachDialect('search API', ({ store }) => {
  let user: Caller;
  let caseId: string;
  let janisId: string;
  let cyrillicId: string;
  let upperId: string;

  beforeAllWithStore(store, async (s) => {
    const api = await testApi(s);
    user = await api.user(uniqueName('searcher'));
    caseId = (await user('POST', '/api/cases', { title: 'Selectors', country: 'LV' })).json<{ id: string }>().id;
    const add = async (properties: Record<string, string[]>) =>
      (await user('POST', `/api/cases/${caseId}/entities`, { schema: 'Person', properties })).json<{ id: string }>().id;
    janisId = await add({
      name: ['Jānis Bērziņš'],
      phone: ['+371 2612 3456'],
      notes: ['Seen at the Jelgava worksite with a minibus'],
    });
    upperId = await add({ name: ['JANIS BERZINS'] });
    cyrillicId = await add({ name: ['Янис Берзиньш'] });
    await add({ name: ['Kalle Tamm'], phone: ['+372 5123 4567'] });
    await user('POST', `/api/cases/${caseId}/entities/${janisId}/notes`, {
      text: 'Recruiter of the Daugavpils group; offers jobs in Finland',
    });
  });

  itDb('finds a person by a phone written in three other formats', async () => {
    for (const written of ['0037126123456', '26 12 34 56', '(+371) 26-12-34-56']) {
      const r = await user('GET', `/api/cases/${caseId}/selectors?kind=phone&value=${encodeURIComponent(written)}`);
      expect(r.status, written).toBe(200);
      const body = r.json<SelectorRes>();
      expect(body.normalised).toBe('+37126123456');
      expect(body.matches.map((m) => m.entity.id)).toEqual([janisId]);
    }
  });

  itDb('finds a person by the name in three spellings', async () => {
    const all = [janisId, upperId, cyrillicId].sort();
    for (const written of ['Jānis Bērziņš', 'JANIS BERZINS', 'Янис Берзиньш', 'Berzins Janis']) {
      const r = await user('GET', `/api/cases/${caseId}/selectors?kind=name&value=${encodeURIComponent(written)}`);
      const ids = r
        .json<SelectorRes>()
        .matches.map((m) => m.entity.id)
        .sort();
      expect(ids, written).toEqual(all);
    }
  });

  itDb('full text finds names, properties and notes, folded for diacritics', async () => {
    const byNote = await user('GET', `/api/cases/${caseId}/search?q=daugavpils`);
    expect(byNote.json<{ results: { kind: string; entity: { id: string } }[] }>().results).toEqual([
      expect.objectContaining({ kind: 'note', entity: expect.objectContaining({ id: janisId }) }),
    ]);
    const byProp = await user('GET', `/api/cases/${caseId}/search?q=minibus jelgava`);
    expect(byProp.json<{ results: { entity: { id: string } }[] }>().results.map((r) => r.entity.id)).toEqual([janisId]);
    const folded = await user('GET', `/api/cases/${caseId}/search?q=${encodeURIComponent('bērziņš')}`);
    expect(folded.json<{ results: unknown[] }>().results.length).toBeGreaterThanOrEqual(3);
    const prefix = await user('GET', `/api/cases/${caseId}/search?q=berz`);
    expect(prefix.json<{ results: unknown[] }>().results.length).toBeGreaterThanOrEqual(3);
  });

  itDb('an invalid selector is a 400 naming the value', async () => {
    const r = await user('GET', `/api/cases/${caseId}/selectors?kind=iban&value=LV00XXXX`);
    expect(r.status).toBe(400);
    expect(r.json<{ error: { path: string } }>().error.path).toBe('value');
    const k = await user('GET', `/api/cases/${caseId}/selectors?kind=shoe&value=1`);
    expect(k.status).toBe(400);
    expect(k.json<{ error: { path: string } }>().error.path).toBe('query.kind');
  });

  itDb('transactions are listed, filtered and paged', async () => {
    const acc = (
      await user('POST', `/api/cases/${caseId}/entities`, {
        schema: 'BankAccount',
        properties: { iban: ['LV80BANK0000435195001'] },
      })
    ).json<{ id: string }>().id;
    const tx = Array.from({ length: 7 }, (_, i) => ({
      accountId: acc,
      amountMinor: (i + 1) * 1000,
      currency: 'EUR',
      bookingDate: `2026-03-0${i + 1}`,
      text: i % 2 ? 'SALARY' : 'CASH 100% deposit',
    }));
    const post = await user('POST', `/api/cases/${caseId}/transactions`, { transactions: tx });
    expect(post.json()).toEqual({ received: 7, added: 7, alreadyPresent: 0 });
    const again = await user('POST', `/api/cases/${caseId}/transactions`, { transactions: tx });
    expect(again.json()).toEqual({ received: 7, added: 0, alreadyPresent: 7 });
    const page1 = (await user('GET', `/api/cases/${caseId}/transactions?account=${acc}&limit=4`)).json<{
      transactions: { amountMinor: number }[];
      next: string;
    }>();
    expect(page1.transactions.map((t) => t.amountMinor)).toEqual([1000, 2000, 3000, 4000]);
    const page2 = (
      await user('GET', `/api/cases/${caseId}/transactions?account=${acc}&limit=4&after=${page1.next}`)
    ).json<{ transactions: { amountMinor: number }[] }>();
    expect(page2.transactions.map((t) => t.amountMinor)).toEqual([5000, 6000, 7000]);
    const cash = (await user('GET', `/api/cases/${caseId}/transactions?text=${encodeURIComponent('100%')}`)).json<{
      transactions: unknown[];
    }>();
    expect(cash.transactions).toHaveLength(4);
    const bad = await user('POST', `/api/cases/${caseId}/transactions`, {
      transactions: [{ ...tx[0], accountId: janisId }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { path: string } }>().error.path).toBe('transactions[0].accountId');
  });

  itDb('serves an OpenAPI description', async () => {
    const api = await testApi(store());
    const r = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = JSON.parse(r.body) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/cases/{caseId}/entities/{entityId}');
  });
});
