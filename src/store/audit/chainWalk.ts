/**
 * Walking one audit chain link by link (see verify.ts): a record whose content no longer matches
 * its hash is altered; one whose content matches a neighbouring position was renumbered, which
 * tells an inserted record from a deleted one.
 */
import type { AuditEventsTable } from '../schema/index.ts';
import { caseHash, GENESIS_HASH, globalHash } from './chain.ts';

export type ProblemKind = 'altered' | 'inserted' | 'deleted' | 'rewritten' | 'truncated' | 'unverifiable';

export interface AuditProblem {
  /** A case id, `-` (events outside cases) or `global` (the chain over all records). */
  chain: string;
  kind: ProblemKind;
  /** The record's position in that chain (gseq for `global`), when there is one. */
  seq: number | null;
  message: string;
}

export type Row = AuditEventsTable;
const MAX_PROBLEMS_PER_CHAIN = 20;
/** How far a renumbered record is looked for. */
const SHIFTS = [-1, 1, -2, 2, -3, 3, -4, 4, -5, 5];

export interface Link {
  pos: number;
  prev: string;
  hash: string;
  /** Whether the record's content matches its hash as if it stood at `pos`. */
  contentAt: (pos: number) => boolean;
}

/** Walks one chain link by link and classifies the first inconsistencies. */
export class ChainWalker {
  readonly problems: AuditProblem[] = [];
  records = 0;
  last: { link: Link; row: Row } | null = null;
  private expected = 1;
  private beforeLastHash = GENESIS_HASH;
  private shift = 0;

  constructor(
    private readonly chain: string,
    private readonly label: string,
    private readonly sigBad: (row: Row) => boolean,
    private readonly alteredText = 'altered — its content no longer matches its hash',
  ) {}

  report(kind: ProblemKind, seq: number | null, message: string): void {
    if (this.problems.length < MAX_PROBLEMS_PER_CHAIN) this.problems.push({ chain: this.chain, kind, seq, message });
  }

  push(row: Row, l: Link): void {
    this.records++;
    const at = `${this.label} ${l.pos}`;
    const lastHash = this.last?.link.hash ?? GENESIS_HASH;
    if (l.pos < this.expected) {
      this.report('inserted', l.pos, `${at}: a second record at this position was inserted`);
      return;
    }
    let orig: number | undefined = l.contentAt(l.pos) ? l.pos : undefined;
    if (orig === undefined) {
      orig = SHIFTS.map((d) => l.pos + d).find((p) => p > 0 && l.contentAt(p));
      if (orig === undefined) {
        this.report('altered', l.pos, `${at}: ${this.alteredText}`);
        this.advance(l, row, lastHash);
        return;
      }
    }
    const shift = l.pos - orig;
    const linked = l.prev === lastHash;
    if (!linked || shift !== this.shift) {
      const last = this.last;
      if (last && l.prev === this.beforeLastHash) {
        this.report(
          'inserted',
          last.link.pos,
          `${this.label} ${last.link.pos}: inserted — the next record points past it`,
        );
      } else if (last && !linked && this.sigBad(last.row)) {
        this.report(
          'altered',
          last.link.pos,
          `${this.label} ${last.link.pos}: altered and its hash recomputed — the next record points at its old hash and its signature fails`,
        );
      } else if (!linked && l.pos > this.expected) {
        this.report(
          'deleted',
          this.expected,
          `${this.label} ${this.expected}${l.pos - 1 > this.expected ? `–${l.pos - 1}` : ''}: deleted — missing before ${at}`,
        );
      } else if (!linked) {
        this.report('deleted', l.pos, `${at}: a record before it was deleted and the later ones renumbered`);
      } else {
        this.report('altered', l.pos, `${at}: renumbered (its content belongs at position ${orig})`);
      }
      this.shift = shift;
    } else if (l.pos > this.expected) {
      this.report(
        'deleted',
        this.expected,
        `${this.label} ${this.expected}${l.pos - 1 > this.expected ? `–${l.pos - 1}` : ''}: deleted — the numbering jumps to ${l.pos} and the chain was re-linked over the gap`,
      );
    }
    this.advance(l, row, lastHash);
  }

  private advance(l: Link, row: Row, lastHash: string): void {
    this.beforeLastHash = lastHash;
    this.last = { link: l, row };
    this.expected = l.pos + 1;
  }
}

export const caseLink = (r: Row): Link => ({
  pos: Number(r.seq),
  prev: r.prev_hash,
  hash: r.hash,
  contentAt: (seq) => caseHash({ ...r, seq }) === r.hash,
});

export const globalLink = (r: Row): Link => ({
  pos: Number(r.gseq),
  prev: r.g_prev_hash,
  hash: r.g_hash,
  contentAt: (gseq) =>
    globalHash({ gseq, case_id: r.case_id, seq: Number(r.seq), hash: r.hash, g_prev_hash: r.g_prev_hash }) === r.g_hash,
});
