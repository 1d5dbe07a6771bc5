/**
 * Builds the web app (dist/web) when it is missing or older than its sources, so browser tests
 * and benchmarks always run against the code under test. `npm start` builds it in `prestart`.
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const WEB_SOURCES = [join(root, 'src/web'), join(root, 'src/shared')];
export const WEB_INDEX = join(root, 'dist/web/index.html');

async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? await newest(path) : (await stat(path)).mtimeMs);
  }
  return latest;
}

export async function ensureWebBuild(): Promise<void> {
  const built = await stat(WEB_INDEX).then((s) => s.mtimeMs, () => 0);
  const sources = Math.max(...(await Promise.all(WEB_SOURCES.map(newest))));
  if (built > sources) return;
  // A separate process: the test runner's own Vite and NODE_ENV=test must not leak into the build.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [vite, 'build', '--config', join(root, 'src/web/vite.config.ts')], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } }, (err, _out, stderr) =>
      err ? reject(new Error(`web build failed: ${stderr || err.message}`)) : resolve(),
    );
  });
}
