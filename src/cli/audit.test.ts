import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyRing, useKeyRing } from '../store/keys.ts';
import { recordAudit } from '../store/repos/audit/records.ts';
import { Store } from '../store/store.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'elect-cli-keys-'));
useKeyRing(KeyRing.open(keyDir));

function elect(dataDir: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--data', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELECT_KEY_DIR: keyDir, VITEST: '' },
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('elect audit verify', () => {
  it('passes a clean log and names each altered and deleted record; elect backup checks its archive', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'elect-cli-data-'));
    const s = await Store.open({ dataDir });
    for (let i = 0; i < 4; i++) {
      await recordAudit(s.db, { caseId: 'case-one', userId: 'u1', action: 'consultation', targetType: 'entity' });
      await recordAudit(s.db, { caseId: 'case-two', userId: 'u2', action: 'alteration', targetType: 'entity' });
    }
    await s.close();

    const clean = elect(dataDir, 'audit', 'verify');
    expect(clean.out).toMatch(/^OK: 8 records in 2 chains/m);
    expect(clean.status).toBe(0);

    const backup = elect(dataDir, 'backup', `${dataDir}.tar.gz`);
    expect(backup.out).toContain('Checked: every member matches the signed manifest');
    expect(backup.status).toBe(0);

    const t = await Store.open({ dataDir });
    await t.db
      .updateTable('audit_events')
      .set({ user_id: 'u9' })
      .where('case_id', '=', 'case-one')
      .where('seq', '=', 2)
      .execute();
    await t.db.deleteFrom('audit_events').where('case_id', '=', 'case-two').where('seq', '=', 3).execute();
    await t.close();
    const broken = elect(dataDir, 'audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.out).toMatch(/ALTERED\s+case case-one: seq 2: altered/);
    expect(broken.out).toMatch(/DELETED\s+case case-two: seq 3: deleted/);
    expect(broken.out).toMatch(/DELETED\s+global chain: global seq \d+: deleted/);
    expect(broken.out).toMatch(/^FAILED: /m);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.tar.gz`, { force: true });
  }, 60_000);
});
