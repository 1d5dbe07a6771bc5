import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { buildApp } from '../server/app.ts';
import { setupDemoDeployment } from '../services/demo/index.ts';
import { Store } from '../store/store.ts';
import type { Config } from './config.ts';
import { configOf } from './context.ts';
import { DEFAULT_ACTING_USER, startupLine, writeFirstStart } from './firstStart.ts';
import { useDeploymentKeys } from './keys.ts';
import { SharedWorkCaps, useWorkCaps } from '../services/workers/index.ts';

interface ServeOptions {
  port?: string;
  host?: string;
  demo?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  trustProxy?: string;
  logFormat?: string;
  workers?: string;
}

/**
 * The trusted proxies from `--trust-proxy`: a list of addresses or CIDR ranges. "Trust any proxy"
 * is refused, since then a client could name any address it likes in X-Forwarded-For.
 */
export function proxyAddresses(list: string | undefined): string[] | undefined {
  if (!list) return undefined;
  const items = list
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  for (const item of items) {
    const [address = '', bits, ...rest] = item.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !okBits || rest.length > 0)
      throw errors.validation(
        `--trust-proxy: "${item}" is not an address or range; list the proxies' addresses, e.g. 127.0.0.1,10.0.0.0/8`,
        '--trust-proxy',
      );
  }
  return items;
}

function logFormatOf(given: string | undefined): 'short' | 'json' {
  if (given === undefined || given === '') return process.stdout.isTTY ? 'short' : 'json';
  if (given === 'short' || given === 'json') return given;
  throw errors.validation('--log-format is short or json', '--log-format');
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
      '--log-format <format>',
      'request logs: short (warnings, and a line per change or failure; the default on a terminal) or json (one record per request; the default otherwise; env ELECT_LOG_FORMAT)',
    )
    .option(
      '--workers <n>',
      'start N server processes sharing the port (PostgreSQL only; env ELECT_WORKERS); each answers any request',
    )
    .option(
      '--trust-proxy <addresses>',
      "behind reverse proxies: their addresses or ranges, comma-separated (env ELECT_TRUST_PROXY); the client's " +
        'address is the first X-Forwarded-For hop that is not one of them',
    )
    .action(async (o: ServeOptions) => {
      const cfg = configOf(program);
      const logger = logFormatOf(o.logFormat ?? process.env.ELECT_LOG_FORMAT);
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
        if (o.demo) await announceDemo(store, cfg);
        await store.close();
        startWorkers(workers);
        return;
      }
      if (o.demo && !cluster.isWorker) await announceDemo(store, cfg);
      const certFile = o.tlsCert ?? process.env.ELECT_TLS_CERT;
      const keyFile = o.tlsKey ?? process.env.ELECT_TLS_KEY;
      if (!!certFile !== !!keyFile)
        throw errors.validation('Give both --tls-cert and --tls-key', certFile ? '--tls-key' : '--tls-cert');
      const https = certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined;
      // On PostgreSQL any number of processes may serve it: the heavy-operation caps are counted there.
      if (cfg.databaseUrl) useWorkCaps(new SharedWorkCaps(store));
      const app = await buildApp({
        store,
        logger,
        https,
        trustProxy: proxyAddresses(o.trustProxy ?? process.env.ELECT_TRUST_PROXY),
      });
      const port = o.port ? Number(o.port) : cfg.port;
      const host = o.host ?? cfg.host;
      await app.listen({ port, host });
      const address = app.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      const who = cluster.isWorker ? `Worker ${process.pid}: ` : '';
      console.log(`${who}${startupLine({ url: `${https ? 'https' : 'http'}://${host}:${bound}`, cfg })}`);
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

async function announceDemo(store: Store, cfg: Config): Promise<void> {
  const deployment = await setupDemoDeployment(store, (m) => console.log(m));
  if (!deployment) return;
  const file = writeFirstStart(cfg.dataDir, deployment.credentials, DEFAULT_ACTING_USER);
  // No default passwords: the demo accounts' passwords are generated, shown once and kept in a
  // file only the owner may read.
  console.log(`First start: demo agencies and accounts created. Their passwords, also in ${file}:`);
  for (const c of deployment.credentials)
    console.log(`  ${c.username.padEnd(13)} ${c.platformRole.padEnd(13)} password: ${c.password}   (${c.agency})`);
  const d = deployment.demo;
  console.log(
    `Demo case ${d.caseId}: ${d.run.imported} source imports, ${d.entities} entities, ${d.transactions} transactions, ` +
      `${d.evidenceFiles} evidence files in ${(d.durationMs / 1000).toFixed(1)} s.`,
  );
  for (const f of d.run.failed) console.log(`  not imported: ${f.what}: ${f.error}`);
  console.log(`The command line acts as "${DEFAULT_ACTING_USER}" unless given --as <username>.`);
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
