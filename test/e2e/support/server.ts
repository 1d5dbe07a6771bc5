/**
 * A real platform server for browser tests and benchmarks, in this process: a fresh store,
 * users with passwords, the demo case, and the HTTP server on a random port of 127.0.0.1.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { buildApp } from '../../../src/server/app.ts';
import { loadDemoCase } from '../../../src/services/demo.ts';
import { actorOf, addUserWithToken } from '../../../src/services/users.ts';
import { migrations } from '../../../src/store/migrate.ts';
import { up as savedMappingsUp } from '../../../src/store/migrations/005_saved_mappings.ts';
import { Store } from '../../../src/store/store.ts';

export const DEMO_SEED = 20261129;
export const PASSWORD = 'Correct-Horse-Battery-Staple-9';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  token: string;
}

export interface TestServer {
  url: string;
  store: Store;
  app: FastifyInstance;
  caseId: string;
  investigator: TestUser;
  supervisor: TestUser;
  colleague: TestUser;
  close: () => Promise<void>;
}

/**
 * Migration 005 (saved mappings) until store/migrate.ts lists it: the same `up`, applied once.
 * Remove when migrate.ts has `{ version: 5, name: 'saved_mappings', up: m005.up }`.
 */
export async function ensureSavedMappings(store: Store): Promise<void> {
  if (migrations.some((m) => m.version === 5)) return;
  const db = store.db as unknown as Kysely<unknown>;
  const exists = await sql`SELECT 1 FROM saved_mappings LIMIT 1`.execute(db).then(() => true, () => false);
  if (!exists) await savedMappingsUp(db, store.dialect);
}

export async function startTestServer(opts: { demo?: boolean; sqliteFile?: string } = {}): Promise<TestServer> {
  const store = await Store.open({ sqliteFile: opts.sqliteFile ?? ':memory:' });
  await ensureSavedMappings(store);
  const rows = new Map<string, Parameters<typeof actorOf>[0]>();
  const user = async (username: string, platformRole: string, displayName: string): Promise<TestUser> => {
    const { user: u, token } = await addUserWithToken(store, { username, platformRole, displayName, password: PASSWORD });
    rows.set(username, u);
    return { id: u.id, username, password: PASSWORD, token };
  };
  const investigator = await user('investigator', 'investigator', 'Ilona Virtanen');
  const supervisor = await user('supervisor', 'supervisor', 'Sandra Ozola');
  const colleague = await user('analyst', 'analyst', 'Kristjan Tamm');
  const lead = rows.get('investigator');
  const caseId = opts.demo === false || !lead ? '' : (await loadDemoCase(store, actorOf(lead), { seed: DEMO_SEED, scale: 1 })).caseId;
  const app = await buildApp({ store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    app,
    caseId,
    investigator,
    supervisor,
    colleague,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
