/**
 * Red-flag findings on a case: running the rules over the case's statements (one streamed pass,
 * all rules at once), storing what they report, and the analyst's decision on each. A rerun keeps
 * decisions: a finding's id is derived from its rule, subject and key, so the same finding found
 * again keeps its status; open findings no longer reported are removed, decided ones are kept
 * and marked as not current. Each run records the data version it saw, so a case whose data
 * changed since shows its findings as stale until rerun (with the same rules and parameters).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { Classifier } from '../../domain/finance/classify.ts';
import { startRules } from '../../domain/finance/rules/index.ts';
import type { RuleSelection } from '../../domain/finance/rules/index.ts';
import type { Finding } from '../../domain/finance/types.ts';
import { findingStatuses } from '../../shared/contracts/finance.ts';
import type { FindingStatus } from '../../shared/contracts/finance.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { FindingRunsTable, FindingsTable } from '../../store/tables.ts';
import { insertJournal } from '../../store/repos/cases/notes.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import { requireCase } from '../cases/cases.ts';
import { dataVersionOf, loadFinanceContext, streamHistories } from './data.ts';

export type FindingRow = FindingsTable;
export type RunRow = FindingRunsTable;
export const FINDING_STATUSES = findingStatuses;
export type { FindingStatus };

export const findingIdOf = (f: Pick<Finding, 'rule' | 'subjectId' | 'key'>): string =>
  `f-${createHash('sha256').update(`${f.rule}\u001f${f.subjectId}\u001f${f.key}`).digest('hex').slice(0, 32)}`;

export interface RunSummary {
  runId: string;
  dataVersion: string;
  rules: { id: string; parameters: object }[];
  transactions: number;
  accounts: number;
  findings: number;
  byRule: Record<string, number>;
  /** Decided findings that this run no longer reports (kept, marked not current). */
  noLongerReported: number;
  durationMs: number;
}

export interface RunOptions extends RuleSelection {
  onProgress?: (transactions: number) => void;
}

/** Runs the rules over the whole case and stores the findings; nothing is stored if it fails. */
export async function runFindings(
  store: Store,
  actor: Actor,
  caseId: string,
  opts: RunOptions = {},
): Promise<RunSummary> {
  await requireCase(store, caseId);
  const started = Date.now();
  const scope = store.scope(caseId);
  const dataVersion = await dataVersionOf(scope);
  const context = await loadFinanceContext(scope);
  const run = startRules(context, opts);
  let transactions = 0;
  let accounts = 0;
  for await (const h of streamHistories(scope, { classifier: new Classifier(), onProgress: opts.onProgress })) {
    run.account(h);
    transactions += h.txs.length;
    accounts++;
  }
  const found = run.finish();
  const runId = uuidv7();
  const now = new Date().toISOString();
  const byId = new Map<string, Finding>();
  for (const f of found) byId.set(findingIdOf(f), f);
  let noLongerReported = 0;

  await store.transaction(async (trx) => {
    const s = scope.in(trx);
    const decided = new Map(
      (await s.selectFrom('findings').select(['id', 'created_at']).where('status', '!=', 'open').execute()).map((r) => [
        r.id,
        r.created_at,
      ]),
    );
    const created = new Map(
      (await s.selectFrom('findings').select(['id', 'created_at']).where('status', '=', 'open').execute()).map((r) => [
        r.id,
        r.created_at,
      ]),
    );
    await s.deleteFrom('findings').where('status', '=', 'open').execute();
    const fresh: Omit<FindingRow, 'case_id'>[] = [];
    for (const [id, f] of byId) {
      const values = {
        rule: f.rule,
        variant: f.variant,
        subject_id: f.subjectId,
        subject_kind: f.subjectKind,
        score: Math.round(f.score * 1000) / 1000,
        explanation: f.explanation,
        evidence: JSON.stringify(f.evidence),
        account_ids: JSON.stringify(f.accountIds),
        run_id: runId,
        data_version: dataVersion,
        current: 1,
        updated_at: now,
      };
      if (decided.has(id)) await s.updateTable('findings').set(values).where('id', '=', id).execute();
      else
        fresh.push({
          id,
          ...values,
          status: 'open',
          decided_by: null,
          decided_at: null,
          decision_note: null,
          created_at: created.get(id) ?? now,
        });
    }
    for (let i = 0; i < fresh.length; i += 200) await s.insertInto('findings', fresh.slice(i, i + 200)).execute();
    const gone = [...decided.keys()].filter((id) => !byId.has(id));
    noLongerReported = gone.length;
    for (let i = 0; i < gone.length; i += 200)
      await s
        .updateTable('findings')
        .set({ current: 0, updated_at: now })
        .where('id', 'in', gone.slice(i, i + 200))
        .execute();
    await s
      .insertInto('finding_runs', {
        id: runId,
        started_at: new Date(started).toISOString(),
        finished_at: now,
        data_version: dataVersion,
        rules: JSON.stringify(run.rules),
        transactions,
        accounts,
        findings: byId.size,
        run_by: actor.id,
      })
      .execute();
  });

  const byRule: Record<string, number> = {};
  for (const f of byId.values()) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    runId,
    dataVersion,
    rules: run.rules,
    transactions,
    accounts,
    findings: byId.size,
    byRule,
    noLongerReported,
    durationMs: Date.now() - started,
  };
}

export async function lastRun(store: Store, caseId: string): Promise<RunRow | undefined> {
  return store
    .scope(caseId)
    .selectFrom('finding_runs')
    .selectAll()
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The last run, and whether the case's data changed since (or rules were never run). */
export async function findingsState(
  store: Store,
  caseId: string,
): Promise<{ run: RunRow | undefined; stale: boolean; dataVersion: string }> {
  const run = await lastRun(store, caseId);
  const dataVersion = await dataVersionOf(store.scope(caseId));
  return { run, stale: !run || run.data_version !== dataVersion, dataVersion };
}

/**
 * Reruns the rules when the case's data changed since the last run (or they never ran), with
 * the last run's rules and parameters. Returns the new run's summary, or null when up to date.
 */
export async function refreshFindings(
  store: Store,
  actor: Actor,
  caseId: string,
  opts: Omit<RunOptions, 'rules' | 'parameters'> = {},
): Promise<RunSummary | null> {
  const state = await findingsState(store, caseId);
  if (!state.stale) return null;
  const previous = state.run ? (JSON.parse(state.run.rules) as { id: string; parameters: object }[]) : undefined;
  return runFindings(store, actor, caseId, {
    ...opts,
    ...(previous
      ? { rules: previous.map((r) => r.id), parameters: Object.fromEntries(previous.map((r) => [r.id, r.parameters])) }
      : {}),
  });
}

export interface FindingFilter {
  rule?: string | undefined;
  status?: FindingStatus | undefined;
  subjectId?: string | undefined;
  /** Findings flagging this account. */
  accountId?: string | undefined;
  minScore?: number | undefined;
  /** Include decided findings a later run no longer reports. */
  includeOld?: boolean | undefined;
  after?: { score: number; id: string } | undefined;
  limit: number;
}

/** Findings, strongest first, keyset-paged by (score, id). */
export async function listFindings(store: Store, caseId: string, q: FindingFilter): Promise<FindingRow[]> {
  let query = store.scope(caseId).selectFrom('findings').selectAll();
  if (q.rule) query = query.where('rule', '=', q.rule);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  if (q.accountId) {
    // The JSON list holds the id in quotes; LIKE metacharacters in it are matched literally.
    const pattern = `%${JSON.stringify(q.accountId).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`${sql.ref('account_ids')} LIKE ${pattern} ESCAPE '\\'`);
  }
  if (q.minScore !== undefined) query = query.where('score', '>=', q.minScore);
  if (!q.includeOld) query = query.where('current', '=', 1);
  if (q.after) {
    const { score, id } = q.after;
    query = query.where((eb) => eb.or([eb('score', '<', score), eb.and([eb('score', '=', score), eb('id', '>', id)])]));
  }
  return query.orderBy('score', 'desc').orderBy('id').limit(q.limit).execute();
}

export async function getFinding(store: Store, caseId: string, id: string): Promise<FindingRow> {
  const row = await store.scope(caseId).selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('Finding');
  return row;
}

/** An analyst confirms or dismisses a finding (or reopens it); the case journal records it. */
export async function decideFinding(
  store: Store,
  actor: Actor,
  caseId: string,
  id: string,
  decision: { status: FindingStatus; note?: string | undefined },
): Promise<FindingRow> {
  return store.transaction(async (trx) => {
    const s = store.scope(caseId).in(trx);
    const row = await s.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('Finding');
    const now = new Date().toISOString();
    const open = decision.status === 'open';
    const patch = {
      status: decision.status,
      decided_by: open ? null : actor.id,
      decided_at: open ? null : now,
      decision_note: decision.note ?? null,
      updated_at: now,
    };
    await s.updateTable('findings').set(patch).where('id', '=', id).execute();
    const verb = decision.status === 'open' ? 'Reopened' : decision.status === 'confirmed' ? 'Confirmed' : 'Dismissed';
    await insertJournal(s, {
      id: uuidv7(),
      kind: 'decision',
      occurred_at: now,
      author: actor.id,
      created_at: now,
      text: `${verb} finding ${id} (${row.rule}, subject ${row.subject_id})${decision.note ? `: ${decision.note}` : ''}`,
    });
    return { ...row, ...patch };
  });
}

export const parseIds = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
