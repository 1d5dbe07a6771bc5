import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { expect } from 'vitest';
import { describeEachDialect, itDb, TEST_PG_URL } from '../../../test/support/dialects.ts';
import { openDb } from '../dialect.ts';
import type { OpenedDb } from '../dialect.ts';
import { KeyRing, useKeyRing } from '../keys.ts';
import { migrate, migrations } from '../migrate.ts';
import { recordAudit } from '../repos/audit/records.ts';
import type { Database } from '../schema/index.ts';
import { checkpointAudit } from './checkpoint.ts';
import { verifyAuditLog } from './verify.ts';

const ring = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-migration-keys-')));
useKeyRing(ring);

const pgAdmin = async (q: string) => {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(q);
  await c.end();
};

describeEachDialect('migration 004 with an audit trail from before', ({ dialect, store }) => {
  itDb(
    'chains and signs the earlier records in their order, drops their free text, and the chains continue',
    async () => {
      store();
      const schema = `t_${randomBytes(6).toString('hex')}`;
      if (dialect === 'postgres') await pgAdmin(`CREATE SCHEMA ${schema}`);
      const opened: OpenedDb =
        dialect === 'sqlite'
          ? openDb({ sqliteFile: ':memory:' })
          : openDb({ databaseUrl: TEST_PG_URL, pgSchema: schema });
      const raw = opened.db as unknown as Kysely<unknown>;
      try {
        await sql`CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`.execute(
          raw,
        );
        for (const m of migrations.filter((x) => x.version < 4)) {
          await m.up(raw, dialect);
          await sql`INSERT INTO schema_migrations VALUES (${m.version}, ${m.name}, ${new Date().toISOString()})`.execute(
            raw,
          );
        }
        const legacy = [
          [
            'c1',
            '2026-01-01T10:00:00.000Z',
            'consultation',
            JSON.stringify({ route: 'GET /api/cases/:caseId/search', q: 'Jānis Bērziņš' }),
          ],
          ['-', '2026-01-01T10:00:01.000Z', 'consultation', null],
          ['c1', '2026-01-01T10:00:02.000Z', 'alteration', JSON.stringify({ returned: 3 })],
          ['c2', '2026-01-01T10:00:03.000Z', 'collection', 'not json'],
        ] as const;
        for (const [caseId, at, action, detail] of legacy) {
          await sql`INSERT INTO audit_events (case_id, id, at, user_id, action, target_type, target_id, detail) VALUES (${caseId}, ${`id-${at}`}, ${at}, ${'u1'}, ${action}, ${'entity'}, ${null}, ${detail})`.execute(
            raw,
          );
        }
        expect(await migrate(raw, dialect)).toEqual(migrations.filter((x) => x.version >= 4).map((x) => x.version));

        const db = opened.db as Kysely<Database>;
        const rows = await db.selectFrom('audit_events').selectAll().orderBy('gseq').execute();
        expect(rows.map((r) => [r.case_id, Number(r.seq), Number(r.gseq)])).toEqual([
          ['c1', 1, 1],
          ['-', 1, 2],
          ['c1', 2, 3],
          ['c2', 1, 4],
        ]);
        expect(rows.every((r) => r.sig && r.key_id === ring.signingKeyId)).toBe(true);
        expect(JSON.stringify(rows)).not.toContain('Jānis');
        expect(JSON.parse(rows[0]?.detail ?? '{}')).toMatchObject({
          route: 'GET /api/cases/:caseId/search',
          qHash: 'dropped-at-migration',
        });
        expect(JSON.parse(rows[3]?.detail ?? '{}')).toEqual({ redacted: ['detail'] });
        expect((await verifyAuditLog(db, ring)).problems).toEqual([]);

        await recordAudit(db, { caseId: 'c1', userId: 'u2', action: 'consultation', targetType: 'case' });
        expect((await verifyAuditLog(db, ring)).problems).toEqual([]); // pending: in its case chain, signed
        await checkpointAudit(db, ring);
        const next = await db
          .selectFrom('audit_events')
          .selectAll()
          .orderBy('gseq', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow();
        expect([next.case_id, Number(next.seq), Number(next.gseq)]).toEqual(['c1', 3, 5]);
        expect((await verifyAuditLog(db, ring)).problems).toEqual([]);
      } finally {
        await opened.db.destroy();
        if (dialect === 'postgres') await pgAdmin(`DROP SCHEMA ${schema} CASCADE`);
      }
    },
  );
});
