/**
 * Assembly on import: after an import's writes, inside its transaction, the records it wrote or
 * added to meet the case's records on strong identifiers (domain/assembly keys.ts) and become
 * one — a statement's LegalEntity holder the Person or Company it is, a KYC account and a
 * statement account with one IBAN one account — through the resolution capability's merge, so
 * each join is in entity history (its change names the identifier), stored with the identifier
 * and the sources that caused it, and can be undone (which then keeps them apart on later
 * imports). Records whose facts disagree are not merged but raised as conflicts for the analyst.
 */
import { createHash } from 'node:crypto';
import { judgeHolders, judgeStrong, strongKeys } from '../../domain/assembly/index.ts';
import type { KeyedRecord, StrongKey, Verdict } from '../../domain/assembly/index.ts';
import { descendantsOf, isA } from '../../domain/schema/registry.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { normaliseDocument } from '../../domain/selectors/index.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import {
  accountsInUse,
  linksInto,
  mentions,
  partiesWithNumbers,
  raiseConflict,
  selectorHolders,
} from '../../store/repos/assembly/assembly.ts';
import type { EntityRow } from '../../store/repos/entities/entities.ts';
import { getEntities, getEntity } from '../../store/repos/entities/entities.ts';
import { decisionsByKey, mergeInScope, pairKeyOf } from '../resolution/index.ts';
import type { Redirects } from './redirects.ts';

export interface AssemblyJoin {
  mergeId: string;
  keepId: string;
  mergedId: string;
  /** The identifier (`account:LV80…`, `registration:ee:12345678`) or holder rule that joined them. */
  reason: string;
  /** The sources (imports) the two records came from. */
  sources: string[];
}

export interface AssemblyReport {
  joins: AssemblyJoin[];
  /** Conflicts newly raised for the analyst (records sharing an identifier whose facts disagree). */
  conflicts: number;
}

export interface AssemblyContext {
  country: string;
  by: string;
  at: string;
  sourceId: string;
}

const PARTY = new Set(descendantsOf('LegalEntity'));
/** Whether records of `schema` take part in assembly (parties, accounts, phones, e-mail addresses). */
export const assembles = (schema: string): boolean =>
  PARTY.has(schema) || isA(schema, 'BankAccount') || isA(schema, 'Phone') || isA(schema, 'EmailAddress');
/** A row read as a keyed record, parsed once per row read (a merge's refetch is a new row). */
const parsed = new WeakMap<EntityRow, KeyedRecord>();
const keyed = (r: EntityRow): KeyedRecord => {
  let k = parsed.get(r);
  if (!k) {
    k = { id: r.id, schema: r.schema, properties: JSON.parse(r.properties) as Properties };
    parsed.set(r, k);
  }
  return k;
};
const conflictKey = (a: string, b: string, why: string) =>
  createHash('sha256')
    .update([a < b ? a : b, a < b ? b : a, why].join('\u0000'), 'utf8')
    .digest('hex')
    .slice(0, 40);

/** The values to look up in the selector index for the keys of `r`. */
function probesOf(r: KeyedRecord, keys: readonly StrongKey[]): { kinds: string[]; values: string[] }[] {
  const out: { kinds: string[]; values: string[] }[] = [];
  const tail = (k: StrongKey) => k.key.slice(k.key.lastIndexOf(':') + 1);
  const accounts = keys.filter((k) => k.kind === 'account').map(tail);
  if (accounts.length) out.push({ kinds: ['iban', 'account'], values: accounts });
  if (keys.some((k) => k.kind === 'document' || k.kind === 'nationalId')) {
    const docs = [...(r.properties.passportNumber ?? []), ...(r.properties.idNumber ?? [])].flatMap((v) => {
      const n = normaliseDocument(v);
      return n.ok ? [n.value] : [];
    });
    out.push({ kinds: ['document'], values: docs });
  }
  const phones = keys.filter((k) => k.kind === 'phone').map((k) => k.key.slice('phone:'.length));
  if (phones.length) out.push({ kinds: ['phone'], values: phones });
  const emails = keys.filter((k) => k.kind === 'email').map((k) => k.key.slice('email:'.length));
  if (emails.length) out.push({ kinds: ['email'], values: emails });
  return out;
}

class Run {
  readonly rows = new Map<string, EntityRow>();
  /** Rows a merge rewrote: read again, all at once, before their values are next needed. */
  private readonly stale = new Set<string>();
  /** Each row's strong keys, computed once per row read (IBAN and national-ID checks are not free). */
  private readonly keysOf = new WeakMap<EntityRow, StrongKey[]>();
  readonly report: AssemblyReport = { joins: [], conflicts: 0 };
  private inUse = new Set<string>();
  /** Who mentions each record of the run (built on the first join): merges need no scan each. */
  private mentioned: Map<string, Set<string>> | null = null;
  private rejected = new Set<string>();

  constructor(
    private readonly scope: CaseScope,
    private readonly ctx: AssemblyContext,
    private readonly redirects: Redirects,
  ) {}

  async prepare(): Promise<void> {
    const decided = await decisionsByKey(this.scope);
    for (const [k, v] of decided) if (v === 'rejected') this.rejected.add(k);
  }

  add(rows: readonly EntityRow[]): void {
    for (const r of rows) if (assembles(r.schema)) this.rows.set(r.id, r);
  }

  keys(r: EntityRow): StrongKey[] {
    let k = this.keysOf.get(r);
    if (!k) {
      k = strongKeys(keyed(r), this.ctx.country);
      this.keysOf.set(r, k);
    }
    return k;
  }

  /** Of the accounts that may be joined (`candidates`), those statements name: they keep their ids. */
  async noteAccountsInUse(candidates: Iterable<string>): Promise<void> {
    const accounts = [...candidates].filter((id) => {
      const r = this.rows.get(id);
      return !!r && isA(r.schema, 'BankAccount');
    });
    this.inUse = await accountsInUse(this.scope, accounts);
  }

  /** Reads again, in one query, the rows merges rewrote since they were last read. */
  async refresh(): Promise<void> {
    if (!this.stale.size) return;
    const ids = [...this.stale];
    this.stale.clear();
    for (const r of await getEntities(this.scope, ids)) this.rows.set(r.id, r);
  }

  /** Which of two records of one schema stays: one statements name, then the older, then the smaller id. */
  private preferred(a: EntityRow, b: EntityRow): [EntityRow, EntityRow] {
    const rank = (r: EntityRow) => (this.inUse.has(r.id) ? 0 : 1);
    const order = rank(a) - rank(b) || a.recorded_at.localeCompare(b.recorded_at) || a.id.localeCompare(b.id);
    return order <= 0 ? [a, b] : [b, a];
  }

  /** Acts on a verdict about two live records; returns the id that remains. */
  async act(a: EntityRow, b: EntityRow, verdict: Verdict, why: string): Promise<string | null> {
    if (this.rejected.has(pairKeyOf(`id=${a.id}`, `id=${b.id}`))) return null;
    if (verdict.kind === 'conflict') {
      const raised = await raiseConflict(this.scope, {
        conflict_key: conflictKey(a.id, b.id, why),
        a_id: a.id < b.id ? a.id : b.id,
        b_id: a.id < b.id ? b.id : a.id,
        reason: verdict.reason,
        source_id: this.ctx.sourceId,
        raised_at: this.ctx.at,
        dismissed_by: null,
        dismissed_at: null,
      });
      if (raised) this.report.conflicts++;
      return null;
    }
    const [keep, gone] = verdict.keep === a.id ? [a, b] : verdict.keep === b.id ? [b, a] : this.preferred(a, b);
    const sources = [...new Set([keep.provenance_source_id, gone.provenance_source_id])].filter(
      (s): s is string => !!s,
    );
    this.mentioned ??= await mentions(this.scope);
    const index = this.mentioned;
    const m = await mergeInScope(this.scope, keep.id, gone.id, {
      references: async (id) => {
        const rows = await getEntities(this.scope, [...(index.get(id) ?? [])]);
        return rows.filter((r) => r.properties.includes(`"${id}"`));
      },
      pairKey: pairKeyOf(`id=${keep.id}`, `id=${gone.id}`),
      score: 1,
      by: this.ctx.by,
      at: this.ctx.at,
      country: this.ctx.country,
      automatic: { reason: verdict.reason, sources },
    });
    const moved = index.get(gone.id);
    if (moved) {
      const into = index.get(keep.id) ?? new Set<string>();
      for (const id of moved) if (id !== keep.id) into.add(id);
      index.set(keep.id, into);
      index.delete(gone.id);
    }
    this.redirects.add(gone.id, keep.id);
    this.rows.delete(gone.id);
    this.stale.delete(gone.id);
    this.stale.add(keep.id);
    this.report.joins.push({ mergeId: m.id, keepId: keep.id, mergedId: gone.id, reason: verdict.reason, sources });
    return keep.id;
  }

  /** The record `id` now is, as last read (see `refresh`). */
  live(id: string): EntityRow | undefined {
    return this.rows.get(this.redirects.idOf(id));
  }

  /** The record `id` now is, read again if a merge rewrote it. */
  async fresh(id: string): Promise<EntityRow | undefined> {
    const at = this.redirects.idOf(id);
    if (this.stale.has(at)) {
      this.stale.delete(at);
      const r = await getEntity(this.scope, at);
      if (r) this.rows.set(at, r);
    }
    return this.rows.get(at);
  }
}

interface KeyGroup {
  key: StrongKey;
  ids: Set<string>;
}

/** The records sharing each strong key, of the groups that hold two or more and a record this import touched. */
function keyGroups(run: Run, touched: ReadonlySet<string>): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const r of run.rows.values()) {
    for (const key of run.keys(r)) {
      const g = groups.get(key.key) ?? { key, ids: new Set<string>() };
      g.ids.add(r.id);
      groups.set(key.key, g);
    }
  }
  return [...groups.keys()]
    .sort()
    .flatMap((name) => groups.get(name) ?? [])
    .filter((g) => g.ids.size >= 2 && [...g.ids].some((id) => touched.has(id)));
}

/** Joins on strong keys every group that holds a record this import touched. */
async function joinOnKeys(run: Run, groups: readonly KeyGroup[]): Promise<Set<string>> {
  const joinedAccounts = new Set<string>();
  for (const g of groups) {
    const ids = [...g.ids].sort();
    let head = ids[0] ?? '';
    for (const other of ids.slice(1)) {
      const a = await run.fresh(head);
      const b = await run.fresh(other);
      if (!a || !b || a.id === b.id) continue;
      const kept = await run.act(a, b, judgeStrong(keyed(a), keyed(b), g.key), g.key.key);
      if (kept) head = kept;
      if (kept && g.key.kind === 'account') joinedAccounts.add(kept);
    }
  }
  return joinedAccounts;
}

/** Two parties holding one account become one when their names agree; otherwise a conflict if either is known. */
async function joinHolders(run: Run, scope: CaseScope, accounts: readonly string[]): Promise<void> {
  if (!accounts.length) return;
  const links = await linksInto(scope, 'Ownership', accounts);
  const owners = new Map<string, Set<string>>();
  for (const l of links) {
    if (!l.source_id || !l.target_id) continue;
    const set = owners.get(l.target_id) ?? new Set<string>();
    set.add(l.source_id);
    owners.set(l.target_id, set);
  }
  const missing = [...owners.values()].flatMap((s) => [...s]).filter((id) => !run.rows.has(id));
  run.add(await getEntities(scope, missing));
  await run.refresh();
  for (const [account, set] of [...owners].sort(([x], [y]) => x.localeCompare(y))) {
    const row = await run.fresh(account);
    const key = row ? run.keys(row)[0]?.key : undefined;
    const label = key ?? `account ${account}`;
    const ids = [...set].sort();
    let head = ids[0] ?? '';
    for (const other of ids.slice(1)) {
      const a = await run.fresh(head);
      const b = await run.fresh(other);
      if (!a || !b || a.id === b.id || !PARTY.has(a.schema) || !PARTY.has(b.schema)) continue;
      const verdict = judgeHolders(keyed(a), keyed(b), label);
      // Two names a statement wrote for one account are spellings for the queue, not a conflict.
      if (verdict.kind === 'conflict' && a.schema === 'LegalEntity' && b.schema === 'LegalEntity') continue;
      const kept = await run.act(a, b, verdict, `holder|${label}`);
      if (kept) head = kept;
    }
  }
}

/**
 * Runs assembly for the entities an import touched (`touched`: ids as written, before merges).
 * Must run inside the import's transaction, after its writes.
 */
export async function assemble(
  scope: CaseScope,
  redirects: Redirects,
  touched: Iterable<string>,
  ctx: AssemblyContext,
): Promise<AssemblyReport> {
  const run = new Run(scope, ctx, redirects);
  const ids = new Set([...touched].map((id) => redirects.idOf(id)));
  run.add(await getEntities(scope, [...ids]));
  if (run.rows.size === 0) return run.report;
  await run.prepare();
  const probes = [...run.rows.values()].flatMap((r) => probesOf(keyed(r), run.keys(r)));
  const byKinds = new Map<string, string[]>();
  for (const p of probes) {
    const list = byKinds.get(p.kinds.join(',')) ?? [];
    list.push(...p.values);
    byKinds.set(p.kinds.join(','), list);
  }
  const partners = new Set<string>();
  for (const [kinds, values] of byKinds)
    for (const id of await selectorHolders(scope, kinds.split(','), values)) partners.add(id);
  run.add(
    await getEntities(
      scope,
      [...partners].filter((id) => !run.rows.has(id)),
    ),
  );
  const numbered = [...run.rows.values()].some((r) =>
    run.keys(r).some((k) => k.kind === 'registration' || k.kind === 'vat' || k.kind === 'tax'),
  );
  if (numbered) run.add((await partiesWithNumbers(scope, [...PARTY])).filter((r) => !run.rows.has(r.id)));
  const groups = keyGroups(run, ids);
  await run.noteAccountsInUse(groups.flatMap((g) => [...g.ids]));
  const joined = await joinOnKeys(run, groups);
  const accounts = [...ids, ...joined]
    .map((id) => run.live(id))
    .filter((r): r is EntityRow => !!r && isA(r.schema, 'BankAccount'))
    .map((r) => r.id);
  await joinHolders(run, scope, [...new Set(accounts)]);
  return run.report;
}

/**
 * What the importing use case adds to its one audit record about assembly: how many joins and
 * conflicts, and the merge ids (each names the identifier and sources in resolution_merges).
 */
export function assemblyDetail(r: AssemblyReport | undefined): Record<string, number | string[]> {
  if (!r) return {};
  return {
    assemblyJoins: r.joins.length,
    assemblyConflicts: r.conflicts,
    assemblyMergeIds: r.joins.slice(0, 100).map((j) => j.mergeId),
  };
}
