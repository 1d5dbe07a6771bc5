import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { buildApp } from '../server/app.ts';
import { setupDemoDeployment } from '../services/demo/index.ts';
import { Store } from '../store/store.ts';
import { configOf } from './context.ts';
import { useDeploymentKeys } from './keys.ts';

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
      '--trust-proxy',
      'behind a reverse proxy: take the client address from X-Forwarded-For (env ELECT_TRUST_PROXY=true)',
    )
    .action(
      async (o: {
        port?: string;
        host?: string;
        demo?: boolean;
        tlsCert?: string;
        tlsKey?: string;
        trustProxy?: boolean;
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
            const d = deployment.demo;
            console.log(
              `Demo case ${d.caseId}: ${d.run.imported} source imports, ${d.entities} entities, ${d.transactions} transactions, ${d.evidenceFiles} evidence files in ${(d.durationMs / 1000).toFixed(1)} s.`,
            );
            for (const f of d.run.failed) console.log(`  not imported: ${f.what}: ${f.error}`);
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
          trustProxy: o.trustProxy ?? process.env.ELECT_TRUST_PROXY === 'true',
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
