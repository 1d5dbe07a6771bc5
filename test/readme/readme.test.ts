/**
 * The README as a newcomer follows it, in a folder of its own (the project's package.json,
 * sources and modules, a fresh data folder): the first start prints the startup line and
 * writes the passwords file (owner-only), every demo account signs in with its password from
 * that file, and every `sh` block of the README runs as written, in order, in one shell
 * (blocks marked `illustrative` are not run: they install packages or start the server).
 * Keys go to a folder of the test's own (ELECT_KEY_DIR), never to the user's home.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's shell blocks: `sh` runs, `sh illustrative` is exempt. */
export function shellBlocks(markdown: string): { runnable: string[]; illustrative: string[] } {
  const runnable: string[] = [];
  const illustrative: string[] = [];
  for (const m of markdown.matchAll(/^```sh( illustrative)?\n([\s\S]*?)^```$/gm))
    (m[1] ? illustrative : runnable).push(m[2] ?? '');
  return { runnable, illustrative };
}

describe('the README, followed as written', () => {
  let dir = '';
  let server: ChildProcess | undefined;
  let startup = '';
  let url = '';
  const env = () => {
    const { ELECT_USER: _user, ELECT_DATA_DIR: _data, DATABASE_URL: _db, ...rest } = process.env;
    return { ...rest, ELECT_KEY_DIR: join(dir, 'keys') };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'elect-readme-'));
    for (const f of ['package.json', 'tsconfig.json']) copyFileSync(join(ROOT, f), join(dir, f));
    for (const d of ['src', 'node_modules']) symlinkSync(join(ROOT, d), join(dir, d));
    const child = spawn('npm', ['run', 'elect', '--', 'serve', '--demo', '--port', '0'], {
      cwd: dir,
      env: env(),
      detached: true,
    });
    server = child;
    let out = '';
    child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    startup = await new Promise<string>((done, fail) => {
      child.stdout?.on('data', (b: Buffer) => {
        out += b.toString();
        const line = /^ELECT THB platform on .*$/m.exec(out);
        if (line) done(line[0]);
      });
      child.on('exit', (code) => fail(new Error(`the first start ended (${code}):\n${out}`)));
    });
    url = /on (http:\/\/[^ ]+)/.exec(startup)?.[1] ?? '';
  }, 300_000);

  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with one line naming the address, data folder, database and passwords file', () => {
    const data = join(dir, 'data');
    expect(startup).toBe(
      `ELECT THB platform on ${url} · data folder ${data} · database SQLite ${join(data, 'elect.sqlite')}` +
        ` · first-start passwords in ${join(data, 'first-start-passwords.txt')}`,
    );
  });

  it('keeps the passwords in a file only the owner reads, and each demo account signs in with its own', async () => {
    const file = join(dir, 'data', 'first-start-passwords.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const accounts = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split('\t'));
    const table = [...README.matchAll(/^\| `([a-z]+)` \| ([a-z]+) \| ([^|]+) \|/gm)].map((m) => [
      m[1],
      m[2],
      m[3]?.trim(),
    ]);
    // The README's table of demo accounts says what the first start made: user, role, agency.
    expect(accounts.map((a) => a.slice(0, 3))).toEqual(table);
    for (const [username, , , password] of accounts) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ username, password }),
      });
      expect(res.status, `${username}: ${await res.text()}`).toBe(200);
    }
  });

  it('runs every command-line example as written', () => {
    const { runnable, illustrative } = shellBlocks(README);
    expect(runnable.length).toBeGreaterThanOrEqual(2);
    expect(illustrative.join('\n')).toContain('npm start');
    // The server is stopped first: the examples are what a user runs at the laptop's console.
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    server = undefined;
    const script = ['set -euo pipefail', ...runnable].join('\n');
    const run = spawnSync('bash', ['-c', script], { cwd: dir, env: env(), encoding: 'utf8', timeout: 780_000 });
    expect(run.status, `${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`).toBe(0);
    expect(run.stdout).toMatch(/Demo/);
  }, 800_000);
});
