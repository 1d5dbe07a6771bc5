import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../services/cases/cases.ts';
import { actorOf, addUser } from '../services/access/users.ts';
import { KeyRing, useKeyRing } from '../store/keys.ts';
import { Store } from '../store/store.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'elect-cli-keys-'));
useKeyRing(KeyRing.open(keyDir));

function elect(dataDir: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--data', dataDir, '--as', 'officer', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, ELECT_KEY_DIR: keyDir, VITEST: '' },
      timeout: 60_000,
    },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('elect capture and elect verify-evidence', () => {
  it('capture records the SHA-256 and selectors; verification fails, exit status 1, when a stored byte changes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'elect-cli-data-'));
    const s = await Store.open({ dataDir });
    const kase = await createCase(s, actorOf(await addUser(s, { username: 'officer', platformRole: 'investigator' })), {
      title: 'Ads',
      country: 'EE',
    });
    await s.close();
    const file = join(dataDir, 'ad.html');
    writeFileSync(
      file,
      '<html lang="et"><head><meta charset="utf-8"></head><body><p>Uus linnas! Helista 5123 4567, kirjuta nika at mail dot ee</p></body></html>',
    );

    const bad = elect(dataDir, 'capture', kase.id, file, '--url', 'not a url', '--captured-at', '2026-03-01T10:00:00Z');
    expect(bad.status).toBe(2);
    expect(bad.out).toMatch(/--url/);

    const ok = elect(
      dataDir,
      'capture',
      kase.id,
      file,
      '--url',
      'https://kuulutus.example/1',
      '--captured-at',
      '2026-03-01T10:00:00Z',
    );
    expect(ok.out).toMatch(/sha256 [0-9a-f]{64}/);
    expect(ok.out).toContain('phones: +37251234567');
    expect(ok.out).toContain('e-mails: nika@mail.ee');
    expect(ok.out).toContain('red flags: movement');
    expect(ok.status).toBe(0);

    const clean = elect(dataDir, 'verify-evidence', kase.id);
    expect(clean.out).toMatch(/^OK: 1 evidence files match/m);
    expect(clean.status).toBe(0);

    const t = await Store.open({ dataDir });
    const row = await t.scope(kase.id).selectFrom('case_files').select(['id', 'content']).executeTakeFirstOrThrow();
    const changed = Buffer.from(row.content);
    changed[0] = (changed[0] ?? 0) ^ 0x80;
    await t.scope(kase.id).updateTable('case_files').set({ content: changed }).where('id', '=', row.id).execute();
    await t.close();
    const broken = elect(dataDir, 'verify-evidence', kase.id);
    expect(broken.status).toBe(1);
    expect(broken.out).toMatch(new RegExp(`^ALTERED\\t${row.id}\\tad\\.html`, 'm'));
    expect(broken.out).toMatch(/^FAILED: 1 of 1 evidence files/m);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
