/**
 * The audit log's hash chains, as pure functions over stored column values.
 *
 * Every record is a link in two chains:
 * - its **case chain** (`case_id`, `seq` 1, 2, 3…; `hash` = SHA-256 over the record's fields and
 *   `prev_hash`), or the global chain `-` for events outside any case;
 * - the **global chain** over all records of every chain (`gseq`, `g_hash` over `g_prev_hash`
 *   and the record's case hash), so deleting a whole case chain leaves a gap there.
 * Each record is also **signed** (Ed25519, key outside the database) over both hashes, so a
 * tail rewritten with recomputed hashes no longer carries valid signatures.
 *
 * The encodings here are part of the stored data: change them only with a new version tag.
 */
import { createHash } from 'node:crypto';
import type { AuditEventsTable } from '../schema/index.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** The reserved chain of events that concern no single case (logins, permissions, audit queries). */
export const GLOBAL_CHAIN = '-';

/** The fields a record's case-chain hash covers (everything but its own hashes and signature). */
export type CaseLinkFields = Pick<
  AuditEventsTable,
  | 'case_id'
  | 'seq'
  | 'id'
  | 'at'
  | 'user_id'
  | 'action'
  | 'target_type'
  | 'target_id'
  | 'returned_ids'
  | 'returned_count'
  | 'case_ref'
  | 'ip'
  | 'detail'
  | 'prev_hash'
> &
  Partial<Pick<AuditEventsTable, 'actor_username' | 'actor_agency'>>;

export interface GlobalLinkFields {
  gseq: number;
  case_id: string;
  seq: number;
  hash: string;
  g_prev_hash: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * Hash of a record in its case chain: every stored field but the hashes and the signature.
 * Version 1 (records without an actor name) and version 2 (with the actor's username and agency
 * as of the event) are both read: a log written across the upgrade mixes them.
 */
export function caseHash(r: CaseLinkFields): string {
  const common = [
    r.case_id,
    r.seq,
    r.id,
    r.at,
    r.user_id,
    r.action,
    r.target_type,
    r.target_id,
    r.returned_ids,
    r.returned_count,
    r.case_ref,
    r.ip,
    r.detail,
  ];
  if ((r.actor_username ?? null) === null) return sha256('elect-audit/v1\n' + JSON.stringify([...common, r.prev_hash]));
  return sha256(
    'elect-audit/v2\n' + JSON.stringify([...common, r.actor_username, r.actor_agency ?? null, r.prev_hash]),
  );
}

/** Hash of a record in the global chain: its position, its case link and the previous global hash. */
export function globalHash(r: GlobalLinkFields): string {
  return sha256('elect-audit-global/v1\n' + JSON.stringify([r.gseq, r.case_id, r.seq, r.hash, r.g_prev_hash]));
}

/** What each record's signature covers: both chains' hashes at its position. */
export function signedMessage(r: { case_id: string; seq: number; hash: string; gseq: number; g_hash: string }): string {
  return `elect-audit-sig/v1\n${r.case_id}\n${r.seq}\n${r.hash}\n${r.gseq}\n${r.g_hash}`;
}

/** What a witness file's signature covers. */
export function witnessMessage(w: { storeId: string; gseq: number; g_hash: string }): string {
  return `elect-audit-witness/v1\n${w.storeId}\n${w.gseq}\n${w.g_hash}`;
}
