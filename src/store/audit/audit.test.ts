import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, expect } from 'vitest';
import { describeEachDialect, itDb, openTestStore } from '../../../test/support/dialects.ts';
import { KeyRing, keyRing, useKeyRing } from '../keys.ts';
import { recordAudit } from '../repos/audit/records.ts';
import type { Store } from '../store.ts';
import type { AuditEventsTable, Database } from '../schema/index.ts';
import { caseHash, globalHash, GLOBAL_CHAIN } from './chain.ts';
import { checkpointAudit } from './checkpoint.ts';
import { verifyAuditLog } from './verify.ts';
import type { AuditProblem } from './verify.ts';

const ring = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-audit-keys-')));
useKeyRing(ring);

const A = 'case-a';
const B = 'case-b';

/** 6 records in case A, 3 in case B, 2 global ones, interleaved: 11 in the global chain. */
async function seeded(store: Store): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await recordAudit(store.db, {
      caseId: A,
      userId: 'u1',
      action: 'consultation',
      targetType: 'entity',
      targetId: `e${i}`,
    });
    if (i % 2 === 0)
      await recordAudit(store.db, {
        caseId: B,
        userId: 'u2',
        action: 'collection',
        targetType: 'entity',
        targetId: `f${i}`,
      });
    if (i % 3 === 0)
      await recordAudit(store.db, { caseId: null, userId: 'u1', action: 'login', targetType: 'session' });
  }
}

const rowsOf = (db: Kysely<Database>, chain: string) =>
  db.selectFrom('audit_events').selectAll().where('case_id', '=', chain).orderBy('seq').execute();
const head = async (db: Kysely<Database>) =>
  db.selectFrom('audit_events').selectAll().orderBy('gseq', 'desc').limit(1).executeTakeFirstOrThrow();
const kinds = (ps: AuditProblem[]) => ps.map((p) => `${p.chain} ${p.kind} ${p.seq ?? ''}`);

/** What an intruder with database access but no key can do: recompute every hash after a change. */
async function recomputeFrom(db: Kysely<Database>, fromGseq: number): Promise<void> {
  const all = await db.selectFrom('audit_events').selectAll().orderBy('gseq').execute();
  const caseHeads = new Map<string, string>();
  let g = all.find((r) => Number(r.gseq) === fromGseq - 1)?.g_hash ?? '0'.repeat(64);
  for (const r of all) {
    if (Number(r.gseq) < fromGseq) {
      caseHeads.set(r.case_id, r.hash);
      continue;
    }
    const prev_hash = caseHeads.get(r.case_id) ?? r.prev_hash;
    const hash = caseHash({ ...r, seq: Number(r.seq), prev_hash });
    const g_hash = globalHash({ gseq: Number(r.gseq), case_id: r.case_id, seq: Number(r.seq), hash, g_prev_hash: g });
    await db
      .updateTable('audit_events')
      .set({ prev_hash, hash, g_prev_hash: g, g_hash })
      .where('case_id', '=', r.case_id)
      .where('seq', '=', r.seq)
      .execute();
    caseHeads.set(r.case_id, hash);
    g = g_hash;
  }
}

describeEachDialect('audit log', ({ dialect, store }) => {
  const opened: { dispose: () => Promise<void> }[] = [];
  /** A fresh store per scenario: each one breaks the log on purpose. */
  const fresh = async (): Promise<Store> => {
    store();
    const o = await openTestStore(dialect);
    opened.push(o);
    await seeded(o.store);
    await checkpointAudit(o.store.db, keyRing()); // every record in the global chain before a scenario breaks it
    return o.store;
  };
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.dispose();
    useKeyRing(ring);
  });

  itDb('a clean log verifies, also after many concurrent appends', async () => {
    const s = await fresh();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordAudit(s.db, {
          caseId: i % 3 === 0 ? null : i % 3 === 1 ? A : B,
          userId: 'u3',
          action: 'consultation',
          targetType: 'entities',
        }),
      ),
    );
    const r = await verifyAuditLog(s.db, ring);
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, records: 51, chains: 3, witness: 'none' });
    await checkpointAudit(s.db, ring);
    expect((await verifyAuditLog(s.db, ring)).problems).toEqual([]);
    const gseqs = (await s.db.selectFrom('audit_events').select('gseq').orderBy('gseq').execute()).map((x) =>
      Number(x.gseq),
    );
    expect(gseqs).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  itDb('an altered record is named', async () => {
    const s = await fresh();
    await s.db
      .updateTable('audit_events')
      .set({ user_id: 'someone-else' })
      .where('case_id', '=', A)
      .where('seq', '=', 3)
      .execute();
    const r = await verifyAuditLog(s.db, ring);
    expect(r.ok).toBe(false);
    expect(kinds(r.problems)).toEqual([`${A} altered 3`]);
  });

  itDb('a deleted record is named, in its chain and in the global chain', async () => {
    const s = await fresh();
    const victim = (await rowsOf(s.db, A))[2] as AuditEventsTable;
    await s.db.deleteFrom('audit_events').where('case_id', '=', A).where('seq', '=', 3).execute();
    const r = await verifyAuditLog(s.db, ring);
    expect(kinds(r.problems)).toEqual([`${A} deleted 3`, `global deleted ${victim.gseq}`]);
  });

  itDb('a deleted record is named when the later ones were renumbered to close the gap', async () => {
    const s = await fresh();
    await s.db.deleteFrom('audit_events').where('case_id', '=', A).where('seq', '=', 3).execute();
    for (const seq of [4, 5, 6])
      await s.db
        .updateTable('audit_events')
        .set({ seq: seq - 1 })
        .where('case_id', '=', A)
        .where('seq', '=', seq)
        .execute();
    const r = await verifyAuditLog(s.db, ring);
    expect(kinds(r.problems)[0]).toBe(`${A} deleted 3`);
  });

  itDb('an inserted record is named: in the middle (later ones renumbered) and at the end', async () => {
    const s = await fresh();
    const rows = await rowsOf(s.db, A);
    for (const r of [...rows].reverse().filter((x) => Number(x.seq) >= 3)) {
      await s.db
        .updateTable('audit_events')
        .set({ seq: Number(r.seq) + 1 })
        .where('case_id', '=', A)
        .where('seq', '=', r.seq)
        .execute();
    }
    const last = await head(s.db);
    const forged = {
      ...(rows[1] as AuditEventsTable),
      id: 'forged-1',
      seq: 3,
      user_id: 'intruder',
      prev_hash: (rows[1] as AuditEventsTable).hash,
    };
    const hash = caseHash(forged);
    const gseq = Number(last.gseq) + 1;
    await s.db
      .insertInto('audit_events')
      .values({
        ...forged,
        hash,
        gseq,
        g_prev_hash: last.g_hash,
        g_hash: globalHash({ gseq, case_id: A, seq: 3, hash, g_prev_hash: last.g_hash }),
        key_id: null,
        sig: null,
      })
      .execute();
    const r = await verifyAuditLog(s.db, ring);
    expect(kinds(r.problems.filter((p) => p.chain === A))).toEqual([`${A} inserted 3`]);
    expect(r.problems.some((p) => p.chain === 'global')).toBe(true);

    // At the end of case B's chain, with every hash right: only the missing signature tells.
    const t = await fresh();
    const bHead = (await rowsOf(t.db, B)).at(-1) as AuditEventsTable;
    const tLast = await head(t.db);
    const tail = {
      ...bHead,
      id: 'forged-2',
      seq: Number(bHead.seq) + 1,
      at: new Date().toISOString(),
      prev_hash: bHead.hash,
    };
    const tHash = caseHash(tail);
    const tg = Number(tLast.gseq) + 1;
    await t.db
      .insertInto('audit_events')
      .values({
        ...tail,
        hash: tHash,
        gseq: tg,
        g_prev_hash: tLast.g_hash,
        g_hash: globalHash({ gseq: tg, case_id: B, seq: tail.seq, hash: tHash, g_prev_hash: tLast.g_hash }),
        key_id: null,
        sig: null,
      })
      .execute();
    const r2 = await verifyAuditLog(t.db, ring);
    expect(kinds(r2.problems)).toEqual([`${B} inserted 4`, `global inserted ${tg}`]);
  });

  itDb('a tail rewritten with recomputed hashes is named from its first rewritten record', async () => {
    const s = await fresh();
    const second = (await rowsOf(s.db, A))[1] as AuditEventsTable;
    await s.db
      .updateTable('audit_events')
      .set({ target_id: 'e-other' })
      .where('case_id', '=', A)
      .where('seq', '=', 2)
      .execute();
    await recomputeFrom(s.db, Number(second.gseq));
    const r = await verifyAuditLog(s.db, ring);
    const own = r.problems.filter((p) => p.chain === A || p.chain === 'global');
    expect(kinds(own)).toEqual([`${A} rewritten 2`, `global rewritten ${second.gseq}`]);
    expect(own[0]?.message).toContain('signatures do not match');
  });

  itDb("a case's whole chain deleted shows as a gap in the global chain and against its head register", async () => {
    const s = await fresh();
    const gone = (await rowsOf(s.db, B)).map((x) => Number(x.gseq));
    await s.db.deleteFrom('audit_events').where('case_id', '=', B).execute();
    const r = await verifyAuditLog(s.db, ring);
    expect(kinds(r.problems)).toEqual(expect.arrayContaining([`${B} truncated 1`, `global deleted ${gone[0]}`]));
    // Even with its head register deleted too, the global chain still shows the gap.
    await s.db.deleteFrom('audit_heads').where('case_id', '=', B).execute();
    expect(kinds((await verifyAuditLog(s.db, ring)).problems)).toContain(`global deleted ${gone[0]}`);
  });

  itDb('a tail cut off, head registers and all, is caught by the witness outside the database', async () => {
    const witnessing = KeyRing.open(ring.dir, { witness: true });
    useKeyRing(witnessing);
    const s = await fresh();
    expect((await verifyAuditLog(s.db, witnessing)).witness).toBe('matched');
    const all = await s.db.selectFrom('audit_events').selectAll().orderBy('gseq').execute();
    const cut = all.slice(-2);
    for (const r of cut)
      await s.db.deleteFrom('audit_events').where('case_id', '=', r.case_id).where('seq', '=', r.seq).execute();
    // Make every head register agree with the shortened log.
    const keep = all.slice(0, -2);
    for (const chain of new Set(cut.map((r) => r.case_id))) {
      const last = keep.filter((r) => r.case_id === chain).at(-1) as AuditEventsTable;
      await s.db
        .updateTable('audit_heads')
        .set({ seq: last.seq, hash: last.hash })
        .where('case_id', '=', chain)
        .execute();
    }
    const newHead = keep.at(-1) as AuditEventsTable;
    await s.db
      .updateTable('audit_heads')
      .set({ gseq: newHead.gseq, g_hash: newHead.g_hash })
      .where('case_id', '=', GLOBAL_CHAIN)
      .execute();
    // without the witness, nothing shows
    expect((await verifyAuditLog(s.db, ring, { ignoreWitness: true })).problems).toEqual([]);
    const r = await verifyAuditLog(s.db, witnessing);
    expect(r.witness).toBe('problem');
    expect(kinds(r.problems)).toEqual([`global truncated ${Number(newHead.gseq) + 1}`]);
  });

  itDb('verifies with the public key alone; another key cannot vouch for the log', async () => {
    const s = await fresh();
    expect((await verifyAuditLog(s.db, KeyRing.verifyOnly([ring.publicKeyPem()]))).ok).toBe(true);
    const other = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-other-keys-')));
    const r = await verifyAuditLog(s.db, KeyRing.verifyOnly([other.publicKeyPem()]));
    expect(r.ok).toBe(false);
    expect(new Set(r.problems.map((p) => p.kind))).toEqual(new Set(['unverifiable']));
  });

  itDb('records hold ids, codes and counts, never the words', async () => {
    const s = await fresh();
    const ids = Array.from({ length: 250 }, (_, i) => `id-${i}`);
    await recordAudit(s.db, {
      caseId: A,
      userId: 'u1',
      action: 'consultation',
      targetType: 'search',
      ip: '203.0.113.7',
      returnedIds: ids,
      targetId: '+37126123456',
      detail: {
        route: 'GET /api/cases/:caseId/search',
        q: 'Jānis Bērziņš +371 2612 3456',
        name: 'Jānis',
        phone: '+37126123456',
        counts: { Person: 3 },
        returned: 250,
        note: 'free text about Jānis',
      },
    });
    const row = (await rowsOf(s.db, A)).at(-1) as AuditEventsTable;
    const text = JSON.stringify({ ...row, gseq: 0 }); // a position is digits, whatever they happen to spell
    for (const secret of ['Jānis', 'Bērziņš', '2612', '37126123456', 'free text']) expect(text).not.toContain(secret);
    expect(JSON.parse(row.returned_ids ?? '[]')).toHaveLength(100);
    expect(row.returned_count).toBe(250);
    expect(row.ip).toBe('203.0.113.7');
    expect(row.target_id).toMatch(/^h:[0-9a-f]{32}$/);
    const detail = JSON.parse(row.detail ?? '{}') as Record<string, unknown>;
    expect(detail).toMatchObject({
      route: 'GET /api/cases/:caseId/search',
      qHash: ring.queryHash('jānis bērziņš +371 2612 3456'),
      counts: { Person: 3 },
      returned: 250,
      redacted: ['note'],
    });
    await expect(
      recordAudit(s.db, { caseId: A, userId: 'u1', action: 'Looked at Jānis', targetType: 'x' }),
    ).rejects.toThrow(/lower-case code/);
    expect((await verifyAuditLog(s.db, ring)).ok).toBe(true);
  });
});
