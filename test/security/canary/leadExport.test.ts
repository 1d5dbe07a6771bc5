/**
 * The case lead's export without the victim-identities flag: victims leave as they would for a
 * user without victim contact — the persons by pseudonym, and the phone, e-mail, account and
 * document nodes that identify them too, as must persons the chain counts as exploited and
 * possible victims. With the flag (the lead's logged decision) they leave in clear.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../support/dialects.ts';
import { holds } from './crawl.ts';
import { buildCanaryWorld, victimKinds } from './world.ts';
import type { CanaryKind, CanaryWorld } from './world.ts';

/** Kinds an FtM export carries at all: entity properties (not statement lines, notes or files). */
const inEntities: readonly CanaryKind[] = [...victimKinds].filter(
  (k) => !['counterpartyName', 'noteText', 'fileName'].includes(k),
);

describeEachDialect("the lead's export without victims' identities", ({ store }) => {
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
  const exportAs = async (victimIdentities: boolean) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/cases/${w.caseId}/export?victimIdentities=${victimIdentities}`,
      headers: { authorization: `Bearer ${w.tokens.lead}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };
  const found = (text: string) => inEntities.filter((k) => holds(text, k, text.replace(/\D/g, '')));

  itDb('names no victim, and none of their phone, e-mail, account or passport nodes', async () => {
    store();
    const text = await exportAs(false);
    expect(found(text)).toEqual([]);
    // The export is not empty: the suspect and his account leave as ever.
    expect(text).toContain('Brannock Veltisar');
    expect(text).toContain('LV43HABA0551011122233');
    expect(text).toMatch(/V-[0-9A-Z]+/);
  });

  itDb('lets them out only with the flag', async () => {
    store();
    const text = await exportAs(true);
    expect(found(text).sort()).toEqual([...inEntities].sort());
  });
});
