import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../../test/support/api.ts';
import { foldText } from '../../domain/selectors/index.ts';
import { verifyAuditLog } from '../../store/audit/verify.ts';
import { KeyRing, useKeyRing } from '../../store/keys.ts';
import { recordAudit } from '../../store/repos/audit/records.ts';
import { Store } from '../../store/store.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { casesDueForReview, eraseCase, setReviewDate } from './retention.ts';
import { actorOf, addUser } from '../access/users.ts';

const ring = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-retention-keys-')));
useKeyRing(ring);

const filesHold = (dir: string, needle: string): string[] =>
  readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(Buffer.from(needle, 'utf8')));

describe('erasure', () => {
  it("leaves none of the case's names in the database files, and a sealed chain that verifies", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'elect-retention-data-'));
    const s = await Store.open({ dataDir });
    try {
      const lead = actorOf(await addUser(s, { username: uniqueName('lead'), platformRole: 'investigator' }));
      const sup = actorOf(await addUser(s, { username: uniqueName('sup'), platformRole: 'supervisor' }));
      const { caseId } = await loadDemoCase(s, lead, { seed: 9, scale: 1 });
      const keep = (await loadDemoCase(s, lead, { seed: 10, scale: 1 })).caseId;
      const rows = await s
        .scope(caseId)
        .selectFrom('entities')
        .select('caption')
        .where('schema', '=', 'Person')
        .limit(50)
        .execute();
      const keepNames = new Set(
        (await s.scope(keep).selectFrom('entities').select('caption').where('schema', '=', 'Person').execute()).map(
          (r) => r.caption,
        ),
      );
      // Names only the erased case holds, written and folded as the search index keeps them.
      const names = rows
        .map((r) => r.caption)
        .filter((n) => !keepNames.has(n))
        .slice(0, 10);
      expect(names.length).toBeGreaterThan(3);
      await recordAudit(s.db, { caseId, userId: lead.id, action: 'consultation', targetType: 'case' });
      s.raw.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
      expect(names.some((n) => filesHold(dataDir, n).length > 0)).toBe(true);

      await setReviewDate(s, caseId, '2021-05-01');
      expect((await casesDueForReview(s, sup, '2026-01-01')).map((c) => c.id)).toEqual([caseId]);
      expect(await casesDueForReview(s, sup, '2021-04-30')).toEqual([]);
      await expect(casesDueForReview(s, lead)).rejects.toThrow(/does not allow/);

      const report = await eraseCase(s, lead, caseId);
      expect(report.rows.cases).toBe(1);
      expect(report.compacted).toBe(true);
      expect(report.rows.entities).toBeGreaterThan(600);
      for (const n of names) {
        expect(filesHold(dataDir, n), n).toEqual([]);
        expect(filesHold(dataDir, foldText(n)), foldText(n)).toEqual([]);
      }
      expect(await s.scope(keep).selectFrom('entities').select('id').limit(1).execute()).toHaveLength(1);

      const chain = await s.db
        .selectFrom('audit_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .execute();
      expect(chain.at(-1)).toMatchObject({ action: 'erasure', seq: report.seal.seq });
      await recordAudit(s.db, { caseId, userId: lead.id, action: 'consultation', targetType: 'case' });
      expect(await s.db.selectFrom('audit_events').select('seq').where('case_id', '=', caseId).execute()).toHaveLength(
        chain.length,
      );
      expect((await verifyAuditLog(s.db, ring)).problems).toEqual([]);
    } finally {
      await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
