/** Issue 18: the finance context carries what the one household test needs, on both databases. */
import { expect } from 'vitest';
import { testActor } from '../../../test/support/api.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { familyKey } from '../../domain/entity/households.ts';
import { insertEntities } from '../../store/repos/entities/entities.ts';
import type { Actor } from '../access/actor.ts';
import { createCase } from '../cases/cases.ts';
import { prepareAll } from '../entities/index.ts';
import { loadFinanceContext } from './data.ts';

describeEachDialect('finance context: households', ({ store }) => {
  let actor: Actor;
  let caseId = '';
  beforeAllWithStore(store, async (s) => {
    actor = await testActor(s, 'fin-household', 'investigator');
    caseId = (await createCase(s, actor, { title: 'Households', country: 'LV' })).id;
  });

  itDb('reads holders’ names, folded addresses and Family links', async () => {
    const items = prepareAll(
      [
        { id: 'p1', schema: 'Person', properties: { name: ['Anna Ozola'], address: ['Brīvības iela 12, Rīga'] } },
        {
          id: 'p2',
          schema: 'Person',
          properties: { firstName: ['Jānis'], lastName: ['Ozols'], name: ['Jānis Ozols'] },
        },
        { id: 'a1', schema: 'BankAccount', properties: { iban: ['LV80BANK0000435195001'] } },
        { id: 'a2', schema: 'BankAccount', properties: { iban: ['LV97HABA0012345678910'] } },
        { id: 'o1', schema: 'Ownership', properties: { owner: ['p1'], asset: ['a1'] } },
        { id: 'o2', schema: 'Ownership', properties: { owner: ['p2'], asset: ['a2'] } },
        { id: 'f', schema: 'Family', properties: { person: ['p2'], relative: ['p1'], relationship: ['spouse'] } },
      ],
      'LV',
      { strictSelectors: false, skipRequired: true },
    );
    const s = store();
    await s.transaction(async (trx) =>
      insertEntities(s.scope(caseId).in(trx), items, {
        userId: actor.id,
        at: new Date().toISOString(),
        provenanceSourceId: null,
      }),
    );
    const ctx = await loadFinanceContext(s.scope(caseId));
    expect(ctx.holders.get('p1')?.names).toEqual({ firstName: null, lastName: null, name: 'Anna Ozola' });
    expect(ctx.holders.get('p1')?.addresses).toEqual(['text:brivibas ela 12 riga']);
    expect(ctx.holders.get('p2')?.names?.lastName).toBe('Ozols');
    expect([...(ctx.family ?? [])]).toEqual([familyKey('p1', 'p2')]);
  });
});
