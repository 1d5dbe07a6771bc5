import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { buildApp } from '../server/app.ts';
import { setupDemoDeployment } from '../services/demo/index.ts';
import { Store } from '../store/store.ts';
import { configOf } from './context.ts';
import { useDeploymentKeys } from './keys.ts';

interface ServeOptions {
  port?: string;
  host?: string;
  demo?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  trustProxy?: boolean;
  workers?: string;
}

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the platform (migrates the store first)')
    .option('--port <port>', 'port to listen on (env ELECT_PORT)')
    .option('--host <host>', 'address to listen on (env ELECT_HOST); 127.0.0.1 keeps it on this machine')
    .option('--demo', 'on an empty store: create demo accounts (credentials printed once) and load a demo case')
    .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM; env ELECT_TLS_CERT)')
    .option('--tls-key <file>', 'private key of the certificate (PEM; env ELECT_TLS_KEY)')
    .option(
      '--workers <n>',
      'start N server processes sharing the port (PostgreSQL only; env ELECT_WORKERS); each answers any request',
    )
    .option(
      '--trust-proxy',
      'behind a reverse proxy: take the client address from X-Forwarded-For (env ELECT_TRUST_PROXY=true)',
    )
    .action(async (o: ServeOptions) => {
      const cfg = configOf(program);
      const workers = Number(o.workers ?? process.env.ELECT_WORKERS ?? 1);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw errors.validation('--workers must be a whole number from 1 to 64', '--workers');
      if (workers > 1 && !cfg.databaseUrl)
        throw errors.validation(
          'Several server processes need PostgreSQL (DATABASE_URL): the embedded SQLite store serves one process',
          '--workers',
        );
      useDeploymentKeys(cfg);
      const store = await Store.open({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
      if (workers > 1 && cluster.isPrimary) {
        // The primary has migrated the store and sets up the demo before any worker starts; then it
        // only keeps N workers alive, and every request is served by a worker.
        if (o.demo) await announceDemo(store);
        await store.close();
        startWorkers(workers);
        return;
      }
      if (o.demo && !cluster.isWorker) await announceDemo(store);
      const certFile = o.tlsCert ?? process.env.ELECT_TLS_CERT;
      const keyFile = o.tlsKey ?? process.env.ELECT_TLS_KEY;
      if (!!certFile !== !!keyFile)
        throw errors.validation('Give both --tls-cert and --tls-key', certFile ? '--tls-key' : '--tls-cert');
      const https = certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined;
      const app = await buildApp({
        store,
        logger: true,
        https,
        trustProxy: o.trustProxy ?? process.env.ELECT_TRUST_PROXY === 'true',
      });
      const port = o.port ? Number(o.port) : cfg.port;
      const host = o.host ?? cfg.host;
      await app.listen({ port, host });
      const who = cluster.isWorker ? `Worker ${process.pid}: ` : '';
      console.log(
        `${who}ELECT THB platform on ${https ? 'https' : 'http'}://${host}:${port} (store: ${store.dialect}${store.dialect === 'sqlite' ? `, data folder ${cfg.dataDir}` : ''})`,
      );
      const stop = async () => {
        // Closing the app stops its job runner, which hands running jobs back.
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}

async function announceDemo(store: Store): Promise<void> {
  const deployment = await setupDemoDeployment(store, (m) => console.log(m));
  if (!deployment) return;
  // No default passwords: the demo accounts' passwords are generated and shown once.
  console.log('First start: demo agencies and accounts created. Keep these passwords; they are not shown again.');
  for (const c of deployment.credentials)
    console.log(`  ${c.username.padEnd(13)} ${c.platformRole.padEnd(13)} password: ${c.password}   (${c.agency})`);
  const r = deployment.demo.report;
  console.log(
    `Demo case ${deployment.demo.caseId}: ${r.entitiesAdded} entities, ${r.transactionsAdded} transactions, ${r.filesAdded} evidence files.`,
  );
}

/** Keeps `n` worker processes serving the port, starting a new one when one dies. */
function startWorkers(n: number): void {
  let stopping = false;
  for (let i = 0; i < n; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.log(`Worker ${worker.process.pid ?? '?'} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    // Each worker closes gracefully on SIGTERM (its running jobs handed back).
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
