import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect } from 'vitest';
import { describeEachDialect, itDb, openTestStore } from '../../../test/support/dialects.ts';
import { KeyRing, useKeyRing } from '../keys.ts';
import type { Store } from '../store.ts';
import { appendAudit, auditBatches } from './append.ts';
import type { AuditEvent } from './append.ts';
import { checkpointAudit, isPending, PENDING_GSEQ } from './checkpoint.ts';
import { verifyAuditLog } from './verify.ts';

const ring = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-audit-cp-keys-')));
useKeyRing(ring);

const ev = (caseId: string | null, i = 0): AuditEvent => ({
  caseId,
  userId: 'u1',
  action: 'consultation',
  targetType: 'entity',
  targetId: `e${i}`,
});

describeEachDialect('audit appends per chain, linked into the global chain by checkpoints', ({ dialect, store }) => {
  const opened: { dispose: () => Promise<void> }[] = [];
  const fresh = async (): Promise<Store> => {
    store();
    const o = await openTestStore(dialect);
    opened.push(o);
    return o.store;
  };
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.dispose();
  });

  itDb('records appended at once share transactions; a bad one in a batch fails alone', async () => {
    const s = await fresh();
    const before = auditBatches();
    const done = await Promise.all(
      Array.from({ length: 60 }, (_, i) => appendAudit(s.db, ev(i % 4 === 0 ? null : `case-${i % 4}`, i), ring)),
    );
    expect(done).toHaveLength(60);
    // Group commit: far fewer transactions than records, each chain numbered without a gap.
    expect(auditBatches() - before).toBeLessThan(30);
    for (const chain of ['-', 'case-1', 'case-2', 'case-3']) {
      const seqs = done.filter((d) => d.caseId === chain).map((d) => d.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    }
    // A record the database refuses (a required value missing) fails on its own; the others are written.
    const bad = { ...ev('case-1', 99), action: null as unknown as string };
    const mixed = await Promise.allSettled([
      appendAudit(s.db, ev('case-2', 100), ring),
      Promise.resolve().then(() => appendAudit(s.db, bad, ring)),
      appendAudit(s.db, ev('case-3', 101), ring),
    ]);
    expect(mixed.map((m) => m.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await checkpointAudit(s.db, ring);
    const v = await verifyAuditLog(s.db, ring, { allSignatures: true });
    expect(v).toMatchObject({ ok: true, records: 62 });
  });

  itDb('pending records verify in their case chains; a checkpoint links them all, in order, and re-signs', async () => {
    const s = await fresh();
    // Records linked at once under the global lock (as every append was written before) …
    for (let i = 0; i < 3; i++) await appendAudit(s.db, ev('case-a', i), ring, { link: true });
    // … then appends that lock only their own chain, side by side.
    const pending = await Promise.all(
      Array.from({ length: 30 }, (_, i) => appendAudit(s.db, ev(i % 3 === 0 ? null : `case-${i % 3}`, i), ring)),
    );
    expect(pending.every((p) => !p.linked && isPending(p.gseq))).toBe(true);
    const before = await verifyAuditLog(s.db, ring, { allSignatures: true });
    expect(before.problems).toEqual([]);
    expect(before.records).toBe(33);

    const head = await checkpointAudit(s.db, ring);
    expect(head.gseq).toBe(33);
    const rows = await s.db.selectFrom('audit_events').select(['gseq', 'case_id', 'seq']).orderBy('gseq').execute();
    expect(rows.map((r) => Number(r.gseq))).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    // Each chain keeps its own order inside the global one.
    for (const chain of new Set(rows.map((r) => r.case_id))) {
      const seqs = rows.filter((r) => r.case_id === chain).map((r) => Number(r.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    const after = await verifyAuditLog(s.db, ring, { allSignatures: true });
    expect(after).toMatchObject({ ok: true, records: 33, chains: 4 });

    // A linked append takes what is still pending into the chain before itself.
    await appendAudit(s.db, ev('case-b', 99), ring);
    const linked = await appendAudit(s.db, ev('case-a', 100), ring, { link: true });
    expect([linked.linked, linked.gseq]).toEqual([true, 35]);
    expect((await verifyAuditLog(s.db, ring)).ok).toBe(true);
  });

  itDb('a pending record altered, or cut off the end of its chain, is named', async () => {
    const s = await fresh();
    for (let i = 0; i < 4; i++) await appendAudit(s.db, ev('case-a', i), ring);
    await s.db
      .updateTable('audit_events')
      .set({ user_id: 'someone-else' })
      .where('case_id', '=', 'case-a')
      .where('seq', '=', 2)
      .execute();
    const altered = await verifyAuditLog(s.db, ring);
    expect(altered.problems.map((p) => `${p.chain} ${p.kind} ${p.seq ?? ''}`)).toEqual(['case-a altered 2']);

    const t = await fresh();
    for (let i = 0; i < 4; i++) await appendAudit(t.db, ev('case-a', i), ring);
    await t.db.deleteFrom('audit_events').where('case_id', '=', 'case-a').where('seq', '=', 4).execute();
    const cut = await verifyAuditLog(t.db, ring);
    expect(cut.problems.map((p) => `${p.chain} ${p.kind} ${p.seq ?? ''}`)).toEqual(['case-a truncated 4']);
    // A record forged without the key (not signed) is named too.
    await t.db
      .updateTable('audit_events')
      .set({ sig: null })
      .where('case_id', '=', 'case-a')
      .where('seq', '=', 3)
      .execute();
    expect((await verifyAuditLog(t.db, ring)).ok).toBe(false);
  });

  itDb('an append to one case does not wait for an open append to another (PostgreSQL row locks)', async () => {
    const s = await fresh();
    if (dialect !== 'postgres') return; // SQLite has one writer whatever the design
    await appendAudit(s.db, ev('case-a'), ring);
    await appendAudit(s.db, ev('case-b'), ring);
    await checkpointAudit(s.db, ring);
    const held = s.db.transaction().execute(async (trx) => {
      // Another process's append to case A, stopped while it holds A's head.
      await sql`SELECT 1 FROM audit_heads WHERE case_id = 'case-a' FOR UPDATE`.execute(trx);
      const other = await appendAudit(s.db, ev('case-b', 2), ring, { attempts: 1 });
      expect(other).toMatchObject({ caseId: 'case-b', seq: 2, linked: false });
      expect(other.gseq).toBeGreaterThanOrEqual(PENDING_GSEQ);
      // The global chain takes its checkpoint meanwhile too.
      expect((await checkpointAudit(s.db, ring)).gseq).toBe(3);
    });
    await held;
    expect((await verifyAuditLog(s.db, ring)).ok).toBe(true);
  });
});
