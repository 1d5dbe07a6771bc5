/**
 * Red-flag findings and the proceeds estimate as use cases: list, run, read and decide findings;
 * read, preview and store the estimate's assumptions. Each is authorised and leaves one record.
 */
import type { z } from 'zod';
import type { DecisionBody, FindingsQuery, ProceedsBody, RunBody } from '../../shared/contracts/finance.ts';
import { decodeCursor, encodeCursor } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { requireOwnRecord, visibilityOf } from '../access/index.ts';
import { caseUseCase, openCase } from '../useCase/index.ts';
import { decideFinding, findingsState, getFinding, listFindings, refreshFindings, ruleNotices } from './findings.ts';
import type { FindingStatus, RunOptions, RunSummary } from './findings.ts';
import { evidenceOf, presentFindings } from './overview.ts';
import { estimateCaseProceeds, getProceedsModel, saveProceedsModel } from './proceeds.ts';
import { runRulesJob } from './rulesJobs.ts';
import { presentLines } from './transactions.ts';

type Id = { findingId: string };
const findingOf = (i: Id) => i.findingId;

export const findingsPage = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'findings' },
  run: async ({ store, caseId, access, audit }, q: z.output<typeof FindingsQuery>) => {
    let after: { score: number; id: string } | undefined;
    if (q.after) {
      const parts = decodeCursor(q.after, 2);
      if (!parts || !Number.isFinite(Number(parts[0])))
        throw errors.validation('query.after: not a cursor returned by this API', 'query.after');
      after = { score: Number(parts[0]), id: parts[1] ?? '' };
    }
    const rows = await listFindings(store, caseId, {
      rule: q.rule,
      status: q.status,
      subjectId: q.subject,
      accountId: q.account,
      minScore: q.minScore,
      includeOld: q.includeOld,
      after,
      limit: q.limit,
    });
    const findings = await presentFindings(store, access, rows);
    const state = await findingsState(store, caseId);
    const last = rows[rows.length - 1];
    audit.returned(findings.map((f) => f.id));
    return {
      findings,
      next: rows.length === q.limit && last ? encodeCursor([String(last.score), last.id]) : null,
      stale: state.stale,
      notices: await ruleNotices(store, caseId),
      lastRun: state.run
        ? {
            id: state.run.id,
            finishedAt: state.run.finished_at,
            findings: state.run.findings,
            transactions: state.run.transactions,
            rules: JSON.parse(state.run.rules) as unknown,
          }
        : null,
    };
  },
});

export const runRules = caseUseCase({
  permission: 'case:write',
  audit: { action: 'combination', target: 'findings' },
  run: async ({ store, caseId, actor, caller, access, audit }, body: z.output<typeof RunBody>) => {
    if (access.partial) throw errors.forbidden('Rules run over the whole case; a partial share cannot run them');
    // A job: its owner follows it through any process; a restart runs it again, never half-stored.
    const summary = await runRulesJob(store, caller, actor, caseId, { rules: body.rules, parameters: body.parameters });
    audit.target(summary.runId);
    audit.detail({
      findings: summary.findings,
      transactions: summary.transactions,
      ruleIds: summary.rules.map((x) => x.id),
    });
    return summary;
  },
});

export const findingWithEvidence = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'finding', targetOf: findingOf },
  run: async ({ store, caseId, access, audit }, { findingId }: Id) => {
    const row = await getFinding(store, caseId, findingId);
    const [finding] = await presentFindings(store, access, [row]);
    if (!finding) throw errors.notFound('Finding');
    const evidence = await evidenceOf(store, access, row);
    audit.returned([...finding.accountIds, ...evidence.map((t) => t.id)]);
    return { finding, evidence: await presentLines(store, access, evidence) };
  },
});

export const recordDecision = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'finding', targetOf: findingOf },
  run: async ({ store, caseId, actor, access, audit }, i: Id & { decision: z.output<typeof DecisionBody> }) => {
    const current = await getFinding(store, caseId, i.findingId);
    const [visible] = await presentFindings(store, access, [current]);
    if (!visible) throw errors.notFound('Finding');
    // A partner may decide an open finding; a decision someone else made stays theirs to change.
    if (current.decided_by !== null) await requireOwnRecord(store, access, current.decided_by);
    const row = await decideFinding(store, actor, caseId, i.findingId, i.decision);
    audit.detail({ status: i.decision.status });
    const [out] = await presentFindings(store, access, [row]);
    return out;
  },
});

/** The estimate with the case's stored assumptions, or with those sent (not stored). */
export const proceedsEstimate = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'proceeds' },
  run: async ({ store, caseId, access, audit }, model?: z.output<typeof ProceedsBody>) => {
    const v = await visibilityOf(store, access);
    const out = await estimateCaseProceeds(store, caseId, model, v.only);
    audit.returned(out.victims.map((x) => x.personId));
    return out;
  },
});

export const proceedsModel = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'proceeds_model' },
  run: async ({ store, caseId }) => getProceedsModel(store, caseId),
});

export const storeProceedsModel = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'proceeds_model' },
  run: async ({ store, caseId, actor, access, audit }, body: z.output<typeof ProceedsBody>) => {
    // The stored assumptions are the estimate a prosecutor reads: a partner sets them only when
    // none are stored or its own agency stored them; it can always preview its own.
    const stored = await getProceedsModel(store, caseId);
    if (stored.updatedBy) await requireOwnRecord(store, access, stored.updatedBy);
    const model = await saveProceedsModel(store, actor, caseId, body);
    audit.detail({ assumptions: model.assumptions.length });
    return { model };
  },
});

/**
 * Reruns the rules when the case changed since they last ran (or always, or with other rules or
 * parameters, when asked): reading needs read access, running them write access. Returns the
 * run's summary, or null when the findings were up to date.
 */
export const refreshRules = caseUseCase({
  permission: 'case:read',
  audit: { action: 'combination', target: 'findings' },
  run: async (
    { store, caseId, actor, caller, access, audit },
    i: {
      rerun?: boolean | undefined;
      rules?: string[] | undefined;
      parameters?: Record<string, unknown> | undefined;
      /** After an import the case was written to with write access; no listing follows. */
      afterImport?: boolean;
    },
  ): Promise<RunSummary | null> => {
    if (access.partial && !i.afterImport)
      throw errors.forbidden('A partial share cannot run or list the whole case’s findings');
    const explicit = !!(i.rerun || i.rules || i.parameters);
    // Running the rules stores findings: that needs write access; seeing they are current does not.
    if (explicit || (await findingsState(store, caseId)).stale) await openCase(store, caller, caseId, 'case:write');
    const summary = explicit
      ? await runRulesJob(store, caller, actor, caseId, {
          rules: i.rules,
          parameters: i.parameters as RunOptions['parameters'],
        })
      : await refreshFindings(store, actor, caseId);
    audit.target(summary?.runId ?? null);
    audit.detail(summary ? { findings: summary.findings } : { upToDate: true });
    return summary;
  },
});

/** What the rules need and the case's statements lack (the CLI prints it beside its listing). */
export const findingNotices = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'findings' },
  run: async ({ store, caseId }, _input: Record<string, never>) => ({ notices: await ruleNotices(store, caseId) }),
});

/** Findings as stored, strongest first (the CLI's listing). */
export const findingRecords = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'findings' },
  run: async ({ store, caseId, audit }, q: { status?: FindingStatus | undefined; limit: number }) => {
    const rows = await listFindings(store, caseId, q);
    audit.returned(rows.map((r) => r.id));
    return rows;
  },
});
