/**
 * Text matching and filtering never answer from a value the caller may not see: a member without
 * victim contact who types a victim's real name, or part of it, finds what they would find for
 * any name the case does not hold; a partial share finds nothing of the unshared part.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../support/dialects.ts';
import { buildCanaryWorld, canaries } from './world.ts';
import type { CanaryWorld, Subject } from './world.ts';

describeEachDialect('name oracles', ({ store }) => {
  let app: FastifyInstance;
  let w: CanaryWorld;
  beforeAllWithStore(
    store,
    async (s) => {
      app = await buildApp({ store: s });
      w = await buildCanaryWorld(s, app);
    },
    60_000,
  );
  const get = async (as: Subject, path: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/cases/${w.caseId}${path}`,
      headers: { authorization: `Bearer ${w.tokens[as]}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ total?: number; transactions: unknown[] }>();
  };
  const q = encodeURIComponent;

  itDb('finance/transactions?q= matches a hidden name only for those who may see it', async () => {
    store();
    for (const text of ['Quolvanne', 'Sirdeep Quolvanne', 'quol', canaries.victimIban]) {
      expect((await get('lead', `/finance/transactions?q=${q(text)}`)).total, text).toBeGreaterThan(0);
      expect((await get('member', `/finance/transactions?q=${q(text)}`)).total, text).toBe(0);
      expect((await get('sharedPartial', `/finance/transactions?q=${q(text)}`)).total, text).toBe(0);
    }
    expect((await get('sharedPartial', `/finance/transactions?q=${q('Pavlik')}`)).total).toBe(0);
    expect((await get('lead', `/finance/transactions?q=${q('Pavlik')}`)).total).toBe(1);
    const byName = `/finance/transactions?counterparty=${q(`no:${canaries.victimIban}`)}`;
    expect((await get('lead', byName)).total).toBeGreaterThan(0);
    expect((await get('member', byName)).total).toBe(0);
  });

  itDb('the keyset list of statement lines does not match hidden names either', async () => {
    store();
    expect((await get('member', `/transactions?text=${q('Salary')}`)).transactions.length).toBe(3);
    const lead = await get('lead', '/transactions');
    const member = await get('member', '/transactions');
    expect(member.transactions.length).toBe(lead.transactions.length);
    expect((await get('sharedPartial', '/transactions')).transactions.length).toBeLessThan(lead.transactions.length);
  });
});
