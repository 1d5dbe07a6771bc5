/**
 * Red-flag findings on a case: running the rules over the case's statements (one streamed pass,
 * all rules at once), storing what they report, and the analyst's decision on each. A rerun keeps
 * decisions: a finding's id is derived from its rule, subject and key, so the same finding found
 * again keeps its status; open findings no longer reported are removed, decided ones are kept
 * and marked as not current. Each run records the data version it saw, so a case whose data
 * changed since shows its findings as stale until rerun (with the same rules and parameters).
 */
import { createHash } from 'node:crypto';
import { Classifier } from '../../domain/finance/classify.ts';
import { ruleInputNotices } from '../../domain/finance/ruleInputs.ts';
import type { RuleInputNotice } from '../../domain/finance/ruleInputs.ts';
import { startRules } from '../../domain/finance/rules/index.ts';
import { ruleInputCounts } from '../../store/repos/finance/analysis.ts';
import type { RuleSelection } from '../../domain/finance/rules/index.ts';
import type { Finding } from '../../domain/finance/types.ts';
import { findingStatuses } from '../../shared/contracts/finance.ts';
import type { FindingStatus } from '../../shared/contracts/finance.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  deleteOpenFindings,
  findingById,
  findingDates,
  insertFindings,
  insertRun,
  lastRun as lastRunRow,
  listFindings as findingRows,
  markNotCurrent,
  updateFinding,
} from '../../store/repos/finance/findings.ts';
import type { FindingFilter as RepoFilter, FindingRow, RunRow } from '../../store/repos/finance/findings.ts';
import { insertJournal } from '../../store/repos/cases/notes.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { requireCase } from '../cases/index.ts';
import { dataVersionOf, loadFinanceContext, streamHistories } from './data.ts';

export type { FindingRow, RunRow, RuleInputNotice };
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
  /** Rules whose input the case's statements lack, in plain words. */
  notices: RuleInputNotice[];
}

export interface RunOptions extends RuleSelection {
  onProgress?: (transactions: number) => void;
  /** Stops the run before anything is stored (a job cancelled or handed back). */
  signal?: AbortSignal;
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
    if (opts.signal?.aborted) throw new Error('The rules run was stopped before anything was stored');
    run.account(h);
    transactions += h.txs.length;
    accounts++;
  }
  const found = run.finish();
  if (opts.signal?.aborted) throw new Error('The rules run was stopped before anything was stored');
  const runId = uuidv7();
  const now = new Date().toISOString();
  const byId = new Map<string, Finding>();
  for (const f of found) byId.set(findingIdOf(f), f);
  let noLongerReported = 0;

  await store.transaction(async (trx) => {
    const s = scope.in(trx);
    const decided = await findingDates(s, true);
    const created = await findingDates(s, false);
    await deleteOpenFindings(s);
    const fresh: Omit<FindingRow, 'case_id'>[] = [];
    for (const [id, f] of byId) {
      const values = {
        rule: f.rule,
        variant: f.variant,
        subject_id: f.subjectId,
        subject_kind: f.subjectKind,
        score: Math.round(f.score * 1000) / 1000,
        explanation: f.explanation,
        explanation_words: f.words ? JSON.stringify(f.words) : null,
        evidence: JSON.stringify(f.evidence),
        account_ids: JSON.stringify(f.accountIds),
        run_id: runId,
        data_version: dataVersion,
        current: 1,
        updated_at: now,
      };
      if (decided.has(id)) await updateFinding(s, id, values);
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
    await insertFindings(s, fresh);
    const gone = [...decided.keys()].filter((id) => !byId.has(id));
    noLongerReported = gone.length;
    await markNotCurrent(s, gone, now);
    await insertRun(s, {
      id: runId,
      started_at: new Date(started).toISOString(),
      finished_at: now,
      data_version: dataVersion,
      rules: JSON.stringify(run.rules),
      transactions,
      accounts,
      findings: byId.size,
      run_by: actor.id,
    });
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
    notices: await ruleNotices(store, caseId),
  };
}

/** What the rules need and the case's statements lack ("funnel detection needs deposit places; …"). */
export async function ruleNotices(store: Store, caseId: string): Promise<RuleInputNotice[]> {
  return ruleInputNotices(await ruleInputCounts(store.scope(caseId)));
}

export const lastRun = (store: Store, caseId: string): Promise<RunRow | undefined> => lastRunRow(store.scope(caseId));

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

export interface FindingFilter extends RepoFilter {
  status?: FindingStatus | undefined;
}

/** Findings, strongest first, keyset-paged by (score, id). */
export const listFindings = (store: Store, caseId: string, q: FindingFilter): Promise<FindingRow[]> =>
  findingRows(store.scope(caseId), q);

export async function getFinding(store: Store, caseId: string, id: string): Promise<FindingRow> {
  const row = await findingById(store.scope(caseId), id);
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
    const row = await findingById(s, id);
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
    await updateFinding(s, id, patch);
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
