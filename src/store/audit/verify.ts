/**
 * Verifies the audit log and names the first altered, inserted or deleted record of each chain.
 *
 * 1. Each case chain is walked in `seq` order: every record's hash is recomputed from its fields
 *    and checked against the previous record's hash. A record whose content no longer matches is
 *    *altered*; one whose content matches a neighbouring position was renumbered, which tells an
 *    *inserted* record (its successor points past it) from a *deleted* one (its successor points
 *    at a hash no record has). A gap in the numbering is a *deletion*.
 * 2. The global chain (`gseq`, over every record of every chain) is walked the same way, so a
 *    deleted case chain shows as a gap there.
 * 3. Each chain's head signature is checked (Ed25519, key outside the database). A tail rewritten
 *    with recomputed hashes is consistent as a chain but its signatures are not: a binary search
 *    finds the first record whose signature fails — where the *rewrite* starts.
 * 4. The head registers (`audit_heads`) and the witness file in the key folder catch a tail cut off.
 *
 * Residual: a tail cut off after the last witnessed head, with the head registers edited to
 * match, is not detected; nor is anything done by someone holding the signing key.
 */
import type { Kysely } from 'kysely';
import type { KeyRing } from '../keys.ts';
import type { Database } from '../schema/index.ts';
import { ChainWalker, caseLink, globalLink } from './chainWalk.ts';
import type { AuditProblem, Row } from './chainWalk.ts';
import { GLOBAL_CHAIN, signedMessage } from './chain.ts';
import { isPending, PENDING_GSEQ, pendingSignedMessage } from './checkpoint.ts';
import { flushWitness, readWitness, witnessSignatureOk } from './witness.ts';

export type { AuditProblem, ProblemKind } from './chainWalk.ts';

export interface VerifyReport {
  ok: boolean;
  records: number;
  chains: number;
  signaturesChecked: number;
  /** Whether a witness in the key folder was compared with this database. */
  witness: 'matched' | 'none' | 'problem';
  problems: AuditProblem[];
}

export interface VerifyOptions {
  /** Verify one case's chain (the global chain is always walked: it shows deletions). */
  caseId?: string | undefined;
  /** Check every record's signature, not only the heads' (slower; finds nothing more in theory). */
  allSignatures?: boolean | undefined;
  /** Ignore the witness (restoring a backup older than the witnessed head). */
  ignoreWitness?: boolean | undefined;
  pageSize?: number | undefined;
}

type SigState = 'valid' | 'invalid' | 'missing' | 'unknown';

const isSeal = (r: Row): boolean =>
  r.action === 'erasure' && r.target_type === 'case' && (r.detail ?? '').includes('"seal":true');

async function* pages(
  db: Kysely<Database>,
  order: 'chain' | 'global',
  caseId: string | undefined,
  size: number,
  withPending = false,
): AsyncGenerator<Row> {
  let after: Row | undefined;
  for (;;) {
    let q = db.selectFrom('audit_events').selectAll();
    if (order === 'global') {
      q = q.orderBy('gseq').orderBy('case_id').orderBy('seq');
      if (!withPending) q = q.where('gseq', '<', PENDING_GSEQ);
      const a = after;
      if (a)
        q = q.where((eb) =>
          eb(eb.refTuple('gseq', 'case_id', 'seq'), '>', eb.tuple(Number(a.gseq), a.case_id, Number(a.seq))),
        );
    } else {
      if (caseId !== undefined) q = q.where('case_id', '=', caseId);
      q = q.orderBy('case_id').orderBy('seq');
      const a = after;
      if (a) q = q.where((eb) => eb(eb.refTuple('case_id', 'seq'), '>', eb.tuple(a.case_id, Number(a.seq))));
    }
    const rows = await q.limit(size).execute();
    for (const r of rows) yield r;
    after = rows[rows.length - 1];
    if (!after || rows.length < size) return;
  }
}

export async function verifyAuditLog(
  db: Kysely<Database>,
  ring: KeyRing,
  opts: VerifyOptions = {},
): Promise<VerifyReport> {
  const size = opts.pageSize ?? 2000;
  flushWitness(); // this process's own latest head, if it is still waiting to be written
  let signaturesChecked = 0;
  const problems: AuditProblem[] = [];

  const sigState = (r: Row): SigState => {
    if (!r.sig || !r.key_id) return 'missing';
    signaturesChecked++;
    const link = { case_id: r.case_id, seq: Number(r.seq), hash: r.hash };
    // A pending record (not yet in the global chain) is signed over its case link alone.
    const message = isPending(r.gseq)
      ? pendingSignedMessage(link)
      : signedMessage({ ...link, gseq: Number(r.gseq), g_hash: r.g_hash });
    const ok = ring.verify(r.key_id, message, r.sig);
    return ok === undefined ? 'unknown' : ok ? 'valid' : 'invalid';
  };
  // Every record is signed when written (migration 004 signed the ones from before it).
  const sigBad = (r: Row): boolean => {
    const s = sigState(r);
    return s === 'invalid' || s === 'missing';
  };

  /** After a consistent walk: the head must be signed, else find where the signatures stop. */
  const checkHead = async (
    walker: ChainWalker,
    chain: string,
    label: string,
    fetchFrom: (pos: number) => Promise<Row | undefined>,
  ) => {
    const head = walker.last;
    if (!head) return;
    const state = sigState(head.row);
    if (state === 'unknown') {
      walker.report(
        'unverifiable',
        head.link.pos,
        `${label} ${head.link.pos}: signed by key ${head.row.key_id ?? '?'}, which is not in the key folder — signatures not checked`,
      );
      return;
    }
    if (!sigBad(head.row)) return;
    // After other problems an invalid head signature is explained by them (a renumbered or
    // re-linked record is no longer what was signed); a missing one is news: a forged append.
    if (walker.problems.length && head.row.sig) return;
    let first = head.row;
    // A consistent chain whose head fails was rewritten from some record on: find the first.
    // (After other problems the signatures need not fail from one point on: report the head.)
    if (!walker.problems.length) {
      let lo = 1;
      let hi = head.link.pos;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        const r = await fetchFrom(mid);
        if (!r) break;
        const p = chain === 'global' ? Number(r.gseq) : Number(r.seq);
        if (sigBad(r)) {
          first = r;
          hi = p;
        } else lo = p + 1;
      }
      const fr = await fetchFrom(lo);
      if (fr && sigBad(fr)) first = fr;
    }
    const pos = chain === 'global' ? Number(first.gseq) : Number(first.seq);
    if (walker.problems.some((p) => p.seq === pos)) return;
    const missing = !first.sig;
    walker.report(
      missing ? 'inserted' : 'rewritten',
      pos,
      missing
        ? `${label} ${pos}${pos < head.link.pos ? ` to ${head.link.pos}` : ''}: not signed — added (or rewritten) without the audit key`
        : `${label} ${pos}${pos < head.link.pos ? ` to ${head.link.pos}` : ''}: rewritten — the hashes were recomputed but the signatures do not match`,
    );
  };

  // 1. Case chains (and the `-` chain of global events).
  const registers = new Map((await db.selectFrom('audit_heads').selectAll().execute()).map((h) => [h.case_id, h]));
  let chains = 0;
  let records = 0;
  let walker: ChainWalker | null = null;
  let sealed = false;
  const seen = new Set<string>();
  const finishChain = async (w: ChainWalker) => {
    const chain = w.last?.row.case_id ?? '';
    await checkHead(w, chain, 'seq', async (seq) =>
      db
        .selectFrom('audit_events')
        .selectAll()
        .where('case_id', '=', chain)
        .where('seq', '>=', seq)
        .orderBy('seq')
        .limit(1)
        .executeTakeFirst(),
    );
    const reg = registers.get(chain);
    const headSeq = w.last ? w.last.link.pos : 0;
    if (reg && Number(reg.seq) > headSeq) {
      w.report(
        'truncated',
        headSeq + 1,
        `seq ${headSeq + 1}${Number(reg.seq) > headSeq + 1 ? `–${reg.seq}` : ''}: deleted at the end of the chain — its head register says ${reg.seq}`,
      );
    } else if (reg && !w.problems.length && w.last && (Number(reg.seq) !== headSeq || reg.hash !== w.last.link.hash)) {
      w.report(
        'altered',
        headSeq,
        `seq ${headSeq}: the chain's head register (seq ${reg.seq}) does not match its last record`,
      );
    }
    problems.push(...w.problems);
    chains++;
    records += w.records;
  };
  for await (const r of pages(db, 'chain', opts.caseId, size)) {
    if (!walker || walker.last?.row.case_id !== r.case_id) {
      if (walker) await finishChain(walker);
      walker = new ChainWalker(r.case_id, 'seq', sigBad);
      seen.add(r.case_id);
      sealed = false;
    }
    if (sealed)
      walker.report(
        'inserted',
        Number(r.seq),
        `seq ${r.seq}: inserted after the chain was sealed by the case's erasure`,
      );
    walker.push(r, caseLink(r));
    if (isSeal(r)) sealed = true;
  }
  if (walker) await finishChain(walker);
  for (const [chain, reg] of registers) {
    if (seen.has(chain) || Number(reg.seq) === 0 || (opts.caseId !== undefined && chain !== opts.caseId)) continue;
    problems.push({
      chain,
      kind: 'truncated',
      seq: 1,
      message: `seq 1–${reg.seq}: the whole chain is missing — its head register says ${reg.seq} records`,
    });
  }

  // 2. The global chain over every record.
  const g = new ChainWalker(
    'global',
    'global seq',
    sigBad,
    'altered — its record no longer matches what the global chain linked',
  );
  for await (const r of pages(db, 'global', undefined, size)) g.push(r, globalLink(r));
  await checkHead(g, 'global', 'global seq', async (gseq) =>
    db
      .selectFrom('audit_events')
      .selectAll()
      .where('gseq', '>=', gseq)
      .where('gseq', '<', PENDING_GSEQ)
      .orderBy('gseq')
      .limit(1)
      .executeTakeFirst(),
  );
  const globalReg = registers.get(GLOBAL_CHAIN);
  const lastG = g.last ? g.last.link.pos : 0;
  if (globalReg && Number(globalReg.gseq) > lastG) {
    g.report(
      'truncated',
      lastG + 1,
      `global seq ${lastG + 1}${Number(globalReg.gseq) > lastG + 1 ? `–${globalReg.gseq}` : ''}: deleted at the end of the log — the head register says ${globalReg.gseq}`,
    );
  }

  // 3. The witness kept outside the database.
  let witness: VerifyReport['witness'] = 'none';
  const w = globalReg?.store_id && !opts.ignoreWitness ? readWitness(ring, globalReg.store_id) : undefined;
  if (w) {
    witness = 'matched';
    const at = await db.selectFrom('audit_events').select(['g_hash']).where('gseq', '=', w.gseq).executeTakeFirst();
    if (witnessSignatureOk(ring, w) === false) {
      witness = 'problem';
      g.report('unverifiable', w.gseq, `the witness file for this database has an invalid signature`);
    } else if (w.gseq > lastG) {
      witness = 'problem';
      g.report(
        'truncated',
        lastG + 1,
        `global seq ${lastG + 1}–${w.gseq}: deleted at the end of the log — the witness in the key folder saw ${w.gseq} records`,
      );
    } else if (!at || at.g_hash !== w.g_hash) {
      witness = 'problem';
      g.report('rewritten', w.gseq, `global seq ${w.gseq}: differs from the head witnessed in the key folder`);
    }
  }
  problems.push(...g.problems);

  if (opts.allSignatures) {
    for await (const r of pages(db, 'global', undefined, size, true)) {
      if (sigBad(r) && !problems.some((p) => p.chain === r.case_id && p.seq === Number(r.seq))) {
        problems.push({
          chain: r.case_id,
          kind: 'rewritten',
          seq: Number(r.seq),
          message: `seq ${r.seq}: its signature does not match`,
        });
      }
    }
  }

  return { ok: problems.length === 0, records, chains, signaturesChecked, witness, problems };
}
