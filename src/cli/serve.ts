import type { Command } from 'commander';
import { buildApp } from '../server/app.ts';
import { loadDemoCase } from '../services/demo.ts';
import { actorOf, addUserWithToken } from '../services/users.ts';
import { countUsers } from '../store/repos/users.ts';
import { Store } from '../store/store.ts';
import { configOf } from './context.ts';

/** The demo case is the same on every machine. */
const DEMO_SEED = 20261129;

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the platform (migrates the store first)')
    .option('--port <port>', 'port to listen on (env ELECT_PORT)')
    .option('--host <host>', 'address to listen on (env ELECT_HOST); 127.0.0.1 keeps it on this machine')
    .option('--demo', 'on an empty store: create demo accounts (credentials printed once) and load a demo case')
    .action(async (o: { port?: string; host?: string; demo?: boolean }) => {
      const cfg = configOf(program);
      const store = await Store.open({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
      if (o.demo && (await countUsers(store.db)) === 0) {
        // No default passwords: the first account's credentials are generated and shown once.
        const { token } = await addUserWithToken(store, { username: 'admin', displayName: 'Demo administrator', platformRole: 'admin' });
        const inv = await addUserWithToken(store, { username: 'investigator', displayName: 'Demo investigator', platformRole: 'investigator' });
        console.log('First start: demo accounts created. Keep these tokens; they are not shown again.');
        console.log(`  admin         API token: ${token}`);
        console.log(`  investigator  API token: ${inv.token}`);
        console.log('Loading the demo case (synthetic: every person in it is invented)…');
        const { caseId, report } = await loadDemoCase(store, actorOf(inv.user), { seed: DEMO_SEED, scale: 1 });
        console.log(`Demo case ${caseId}: ${report.entitiesAdded} entities, ${report.transactionsAdded} transactions.`);
      }
      const app = await buildApp({ store, logger: true });
      const port = o.port ? Number(o.port) : cfg.port;
      const host = o.host ?? cfg.host;
      await app.listen({ port, host });
      console.log(`ELECT THB platform on http://${host}:${port} (store: ${store.dialect}${store.dialect === 'sqlite' ? `, data folder ${cfg.dataDir}` : ''})`);
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
