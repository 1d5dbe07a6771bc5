/**
 * A real platform server for browser tests and benchmarks, in this process: a fresh store,
 * users with passwords, the demo case, and the HTTP server on a random port of 127.0.0.1.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.ts';
import { loadDemoCase, loadDemoCaseFromSources } from '../../../src/services/demo/index.ts';
import { actorOf, addUserWithToken } from '../../../src/services/access/users.ts';
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
 * `demo`: true loads the generator's records directly (fast; its ids let a suite regenerate the
 * ground truth), `'sources'` builds it as `npm start` does — its source files through the
 * ordinary importers — and false leaves the store without a case.
 */
export async function startTestServer(
  opts: { demo?: boolean | 'sources'; sqliteFile?: string } = {},
): Promise<TestServer> {
  const store = await Store.open({ sqliteFile: opts.sqliteFile ?? ':memory:' });
  const rows = new Map<string, Parameters<typeof actorOf>[0]>();
  const user = async (username: string, platformRole: string, displayName: string): Promise<TestUser> => {
    const { user: u, token } = await addUserWithToken(store, {
      username,
      platformRole,
      displayName,
      password: PASSWORD,
    });
    rows.set(username, u);
    return { id: u.id, username, password: PASSWORD, token };
  };
  const investigator = await user('investigator', 'investigator', 'Ilona Virtanen');
  const supervisor = await user('supervisor', 'supervisor', 'Sandra Ozola');
  const colleague = await user('analyst', 'analyst', 'Kristjan Tamm');
  const lead = rows.get('investigator');
  const caseId =
    opts.demo === false || !lead
      ? ''
      : opts.demo === 'sources'
        ? (await loadDemoCaseFromSources(store, actorOf(lead), { seed: DEMO_SEED, scale: 1 })).caseId
        : (await loadDemoCase(store, actorOf(lead), { seed: DEMO_SEED, scale: 1 })).caseId;
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
