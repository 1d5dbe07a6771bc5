/**
 * The crawl catches a leak: with one presenter planted to show stored captions (the account
 * list, the graph and the rows would then name a victim's account by its IBAN), the crawl
 * reports that canary on those routes for the member without victim contact.
 */
import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../support/dialects.ts';
import { crawl } from './crawl.ts';
import { crawlTable } from './routes.ts';
import { buildCanaryWorld } from './world.ts';
import type { CanaryWorld } from './world.ts';
import type * as VisibilityModule from '../../../src/services/access/visibility.ts';

type VisibilityModule = typeof VisibilityModule;

vi.mock('../../../src/services/access/visibility.ts', async (importOriginal) => {
  const real = await importOriginal<VisibilityModule>();
  // The planted leak: the caption presenter forgets the visibility model.
  return { ...real, captionFor: (_v: unknown, row: { caption: string }) => row.caption };
});

describeEachDialect('canary crawl with a planted leak', ({ store }) => {
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

  itDb('fails, naming the route, the subject and the canary', async () => {
    store();
    const routes = ['GET /api/cases/{caseId}/finance/accounts', 'GET /api/cases/{caseId}/entity-rows'];
    const table = Object.fromEntries(routes.map((r) => [r, crawlTable[r] ?? { url: () => '', shows: [] }]));
    const result = await crawl(app, w, table, ['lead', 'member']);
    expect(result.leakKeys).toContain('GET /api/cases/{caseId}/finance/accounts | member | victimIban');
    expect(result.leakKeys).toContain('GET /api/cases/{caseId}/entity-rows | member | victimPhone');
    expect(result.leaks.find((l) => l.includes('finance/accounts'))).toMatch(
      /victimIban in \$\.accounts\[\d+\]\.caption/,
    );
  });
});
