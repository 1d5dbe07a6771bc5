/**
 * What an import meets after merges: an id a merge removed now means the entity it went into.
 * A register extract or statement read again after a merge therefore adds to the kept entity —
 * a clean skip when nothing is new — instead of writing the removed id a second time.
 */
import type { EntityRecord, StatementRecord, TransactionRecord } from '../../domain/records.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { mergedAway } from '../../store/repos/assembly/assembly.ts';

export class Redirects {
  /** Ids that merges kept: a file read again adds its values to them rather than replace the joined ones. */
  private readonly kept: Set<string>;

  private constructor(private readonly to: Map<string, string>) {
    this.kept = new Set(to.values());
  }

  static async load(scope: CaseScope): Promise<Redirects> {
    return new Redirects(await mergedAway(scope));
  }

  /** The id `id` now has (following merges of merges). */
  idOf(id: string): string {
    let at = id;
    for (let i = 0; i < 50; i++) {
      const next = this.to.get(at);
      if (next === undefined) return at;
      at = next;
    }
    return at;
  }

  /** Records that `id` was merged into `keep` during this import. */
  add(id: string, keep: string): void {
    this.to.set(id, keep);
    this.kept.add(keep);
  }

  /** True when `id` was kept or removed by a merge: an import meeting it merges its values in. */
  joined(id: string): boolean {
    return this.kept.has(id) || this.to.has(id);
  }

  /** True when `id` names an entity a merge removed. */
  has(id: string): boolean {
    return this.to.has(id);
  }

  /** The record under its current id, every reference to a removed entity re-pointed. */
  record(r: EntityRecord): EntityRecord {
    if (this.to.size === 0) return r;
    let changed = this.has(r.id);
    const properties: Properties = {};
    for (const [k, vs] of Object.entries(r.properties)) {
      properties[k] = vs.map((v) => {
        if (!this.to.has(v)) return v;
        changed = true;
        return this.idOf(v);
      });
    }
    return changed ? { ...r, id: this.idOf(r.id), properties } : r;
  }

  transaction<T extends Pick<TransactionRecord, 'accountId' | 'counterpartyAccountId'>>(t: T): T {
    if (this.to.size === 0) return t;
    const a = this.idOf(t.accountId);
    const c = t.counterpartyAccountId ? this.idOf(t.counterpartyAccountId) : t.counterpartyAccountId;
    return a === t.accountId && c === t.counterpartyAccountId ? t : { ...t, accountId: a, counterpartyAccountId: c };
  }

  /** A statement line (with its line number) under its account's current id; the same object when unchanged. */
  lined<L extends { record: TransactionRecord }>(item: L): L {
    if (this.to.size === 0) return item;
    const record = this.transaction(item.record);
    return record === item.record ? item : { ...item, record };
  }

  statement(s: StatementRecord): StatementRecord {
    const a = this.idOf(s.accountId);
    return a === s.accountId ? s : { ...s, accountId: a };
  }
}
