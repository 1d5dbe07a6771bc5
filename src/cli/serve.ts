import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { buildApp } from '../server/app.ts';
import { setupDemoDeployment } from '../services/demo/index.ts';
import { Store } from '../store/store.ts';
import { configOf } from './context.ts';
import { useDeploymentKeys } from './keys.ts';

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
      '--trust-proxy <addresses>',
      "behind reverse proxies: their addresses or ranges, comma-separated (env ELECT_TRUST_PROXY); the client's " +
        'address is the first X-Forwarded-For hop that is not one of them',
    )
    .action(
      async (o: {
        port?: string;
        host?: string;
        demo?: boolean;
        tlsCert?: string;
        tlsKey?: string;
        trustProxy?: string;
      }) => {
        const cfg = configOf(program);
        useDeploymentKeys(cfg);
        const store = await Store.open({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
        if (o.demo) {
          const deployment = await setupDemoDeployment(store, (m) => console.log(m));
          if (deployment) {
            // No default passwords: the demo accounts' passwords are generated and shown once.
            console.log(
              'First start: demo agencies and accounts created. Keep these passwords; they are not shown again.',
            );
            for (const c of deployment.credentials)
              console.log(
                `  ${c.username.padEnd(13)} ${c.platformRole.padEnd(13)} password: ${c.password}   (${c.agency})`,
              );
            const r = deployment.demo.report;
            console.log(
              `Demo case ${deployment.demo.caseId}: ${r.entitiesAdded} entities, ${r.transactionsAdded} transactions, ${r.filesAdded} evidence files.`,
            );
          }
        }
        const certFile = o.tlsCert ?? process.env.ELECT_TLS_CERT;
        const keyFile = o.tlsKey ?? process.env.ELECT_TLS_KEY;
        if (!!certFile !== !!keyFile)
          throw errors.validation('Give both --tls-cert and --tls-key', certFile ? '--tls-key' : '--tls-cert');
        const https = certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined;
        const app = await buildApp({
          store,
          logger: true,
          https,
          trustProxy: proxyAddresses(o.trustProxy ?? process.env.ELECT_TRUST_PROXY),
        });
        const port = o.port ? Number(o.port) : cfg.port;
        const host = o.host ?? cfg.host;
        await app.listen({ port, host });
        console.log(
          `ELECT THB platform on ${https ? 'https' : 'http'}://${host}:${port} (store: ${store.dialect}${store.dialect === 'sqlite' ? `, data folder ${cfg.dataDir}` : ''})`,
        );
        const stop = async () => {
          await app.close();
          await store.close();
          process.exit(0);
        };
        process.on('SIGINT', () => void stop());
        process.on('SIGTERM', () => void stop());
      },
    );
}
