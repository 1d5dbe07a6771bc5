/**
 * Builds the web app (dist/web) when it is missing or older than its sources, so browser tests
 * and benchmarks always run against the code under test. `npm start` builds it in `prestart`.
 *
 * Test files run in parallel workers and each asks for the build: one lock file lets a single
 * worker build while the others wait and then find the bundle fresh. The bundle is built into a
 * folder of its own and moved into place when complete, so a server of another suite never
 * serves a half-written dist/web. When sources change during a run, a page loaded from the
 * previous bundle still fetches its lazy chunks: the previous bundle's recent assets (names are
 * content hashes, so they never collide) are kept beside the new ones.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const WEB_SOURCES = [join(root, 'src/web'), join(root, 'src/shared')];
const WEB_DIST = join(root, 'dist/web');
export const WEB_INDEX = join(WEB_DIST, 'index.html');
const LOCK = join(root, 'dist/.web-build.lock');
/** Longer than any build takes; a lock this old was left by a process that died. */
const LOCK_GIVE_UP_MS = 5 * 60_000;
/** Longer than a test run; older assets of earlier bundles are dropped. */
const KEEP_OLD_ASSETS_MS = 60 * 60_000;

async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? await newest(path) : (await stat(path)).mtimeMs);
  }
  return latest;
}

async function isFresh(): Promise<boolean> {
  const built = await stat(WEB_INDEX).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = Math.max(...(await Promise.all(WEB_SOURCES.map(newest))));
  return built > sources;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the build lock, waiting while a live process holds it; a dead holder's lock is removed. */
async function lock(): Promise<() => Promise<void>> {
  await mkdir(dirname(LOCK), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      const file = await open(LOCK, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(LOCK, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number(await readFile(LOCK, 'utf8').catch(() => ''));
    const since = await stat(LOCK).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    if ((holder > 0 && !alive(holder)) || Date.now() - since > LOCK_GIVE_UP_MS) await rm(LOCK, { force: true });
    else if (Date.now() - started > LOCK_GIVE_UP_MS)
      throw new Error(`the web build lock ${LOCK} is still held by process ${holder}`);
    else await sleep(250);
  }
}

/** Moves the assets of the bundle being replaced that are newer than KEEP_OLD_ASSETS_MS into the new one. */
async function keepRecentAssets(from: string, to: string): Promise<void> {
  const names = await readdir(from).catch(() => [] as string[]);
  const present = new Set(await readdir(to).catch(() => [] as string[]));
  for (const name of names) {
    if (present.has(name)) continue;
    const { mtimeMs } = await stat(join(from, name));
    if (Date.now() - mtimeMs < KEEP_OLD_ASSETS_MS) await rename(join(from, name), join(to, name));
  }
}

async function build(): Promise<void> {
  const out = `${WEB_DIST}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  // A separate process: the test runner's own Vite and NODE_ENV=test must not leak into the build.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [vite, 'build', '--config', join(root, 'src/web/vite.config.ts'), '--outDir', out],
        { cwd: root, env: { ...process.env, NODE_ENV: 'production' } },
        (err, _out, stderr) => (err ? reject(new Error(`web build failed: ${stderr || err.message}`)) : resolve()),
      );
    });
    await keepRecentAssets(join(WEB_DIST, 'assets'), join(out, 'assets'));
    const old = `${out}.old`;
    await rename(WEB_DIST, old).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(out, WEB_DIST);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export async function ensureWebBuild(): Promise<void> {
  if (await isFresh()) return;
  const release = await lock();
  try {
    // Another worker may have built it while this one waited.
    if (!(await isFresh())) await build();
  } finally {
    await release();
  }
}
