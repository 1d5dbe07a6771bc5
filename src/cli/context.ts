import type { Command } from 'commander';
import { Store } from '../store/store.ts';
import { configFromEnv } from './config.ts';
import { useDeploymentKeys } from './keys.ts';
import type { Config } from './config.ts';

export function configOf(program: Command): Config {
  const cfg = configFromEnv();
  const opts = program.opts<{ data?: string; databaseUrl?: string }>();
  return {
    ...cfg,
    ...(opts.data ? { dataDir: opts.data } : {}),
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
  };
}

/** Opens (and migrates) the configured store for one command, and closes it after. */
export async function withStore<T>(program: Command, fn: (store: Store, cfg: Config) => Promise<T>): Promise<T> {
  const cfg = configOf(program);
  useDeploymentKeys(cfg);
  const store = await Store.open({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
  try {
    return await fn(store, cfg);
  } finally {
    await store.close();
  }
}
