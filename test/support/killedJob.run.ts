/** Runs test/support/killedJob.ts as a process on the shared database and waits for its death. */
import { spawn } from 'node:child_process';
import { keyRing } from '../../src/store/keys.ts';
import type { SharedStores } from './sharedStores.ts';

export async function killedJob(
  shared: SharedStores,
  args: string[],
): Promise<{ jobId: string; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/killedJob.ts', ...args], {
    env: {
      ...process.env,
      ELECT_DATA_DIR: shared.dataDir,
      ELECT_KEY_DIR: keyRing().dir,
      ...(shared.sqliteFile ? { ELECT_TEST_SQLITE: shared.sqliteFile } : {}),
      ...(shared.pgSchema ? { ELECT_TEST_PG_SCHEMA: shared.pgSchema } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, sig) => r(sig)));
  return { jobId: /job (\S+)/.exec(output)?.[1] ?? '', signal, output };
}
