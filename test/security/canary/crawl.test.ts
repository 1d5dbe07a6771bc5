/**
 * The canary crawl on both databases: every GET route, the case report and the exports, as each
 * subject; no canary where the visibility model forbids it, every canary where the table says
 * the lead sees it, and no GET route left out of the table.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { protectionSourceNames } from '../../../src/services/access/index.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../support/dialects.ts';
import { crawl } from './crawl.ts';
import { knownLeaks } from './knownLeaks.ts';
import { crawlTable } from './routes.ts';
import { buildCanaryWorld, canaryKinds, subjects } from './world.ts';
import type { CanaryWorld } from './world.ts';

describeEachDialect('canary crawl', ({ store, dialect }) => {
  let app: FastifyInstance;
  let world: CanaryWorld;
  let getRoutes: string[] = [];

  beforeAllWithStore(
    store,
    async (s) => {
      app = await buildApp({ store: s });
      const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
        paths: Record<string, Record<string, unknown>>;
      };
      getRoutes = Object.entries(doc.paths).flatMap(([p, ops]) => ('get' in ops ? [`GET ${p}`] : []));
      world = await buildCanaryWorld(s, app);
    },
    120_000,
  );

  itDb('every GET route has crawl parameters', async () => {
    store();
    expect(getRoutes.length).toBeGreaterThan(50);
    expect(
      getRoutes.filter((r) => !crawlTable[r]),
      'GET routes without a crawl entry',
    ).toEqual([]);
    expect(
      Object.keys(crawlTable).filter((r) => !getRoutes.includes(r)),
      'entries of gone routes',
    ).toEqual([]);
  });

  itDb('the chain and identification feed the visibility model whom they treat as victims', async () => {
    store();
    expect(protectionSourceNames()).toEqual(['chain', 'identification']);
  });

  itDb(
    'no canary reaches a subject who may not see it, and the lead finds each one the table promises',
    async () => {
      store();
      const started = Date.now();
      const result = await crawl(app, world, crawlTable);
      const seconds = (Date.now() - started) / 1000;
      console.info(
        `canary crawl [${dialect}]: ${Object.keys(crawlTable).length} routes × ${subjects.length} subjects × ` +
          `${canaryKinds.length} canary kinds, ${result.requests} requests in ${seconds.toFixed(1)} s`,
      );
      if (process.env.CANARY_FOUND) console.info(JSON.stringify(result.found, null, 1));
      if (process.env.CANARY_LEAKS) console.info(JSON.stringify([...new Set(result.leakKeys)].sort(), null, 1));
      expect(result.blind, 'blind crawl entries').toEqual([]);
      const unknown = result.leaks.filter((_, i) => !knownLeaks.has(result.leakKeys[i] ?? ''));
      expect(unknown, 'canaries where they must not be').toEqual([]);
      const gone = [...knownLeaks].filter((k) => !result.leakKeys.includes(k));
      expect(gone, 'known leaks that no longer happen: take them off the list').toEqual([]);
    },
    180_000,
  );
});
