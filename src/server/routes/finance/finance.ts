/**
 * Financial analysis: accounts and holders with their totals, counterparties, money flows and
 * tracing; red-flag findings (run, read, confirm or dismiss); the proceeds estimate and the
 * assumptions it rests on. Handlers only check input and call services/finance*.ts.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { describeRule, RULES } from '../../../domain/finance/rules/index.ts';
import { decodeCursor, encodeCursor } from '../../../shared/contracts/index.ts';
import { errors } from '../../../shared/errors.ts';
import {
  AccountOut,
  AccountsQuery,
  CounterpartiesQuery,
  DecisionBody,
  FindingOut,
  FindingsQuery,
  FlowsQuery,
  HoldersQuery,
  ProceedsBody,
  RunBody,
  TraceQuery,
  TransactionOut,
  TransactionRowsQuery,
} from '../../../services/finance/contracts.ts';
import { decideFinding, findingsState, getFinding, listFindings, runFindings } from '../../../services/finance/findings.ts';
import { estimateCaseProceeds, getProceedsModel, saveProceedsModel } from '../../../services/finance/proceeds.ts';
import { traceMoney } from '../../../services/finance/trace.ts';
import { presentLines, transactionRows, transactionsCsv } from '../../../services/finance/transactions.ts';
import {
  accountPage,
  counterpartiesOf,
  evidenceOf,
  flowGraph,
  holderPage,
  presentFindings,
} from '../../../services/finance/overview.ts';
import { canSee, visibilityOf } from '../../../services/access/visibility.ts';
import { getEntity } from '../../../store/repos/entities/entities.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const FindingParams = CaseParams.extend({ findingId: z.string().min(1).max(200) });
const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;

export function financeRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/finance/rules',
    tag: 'finance',
    summary: 'The red-flag rules: what each looks for, its source, its parameters and their defaults',
    access: 'authenticated',
    handler: async () => ({ rules: RULES.map(describeRule) }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/accounts',
    tag: 'finance',
    summary: 'Bank accounts with holders and totals in and out per currency for a period, paged by id',
    params: CaseParams,
    query: AccountsQuery,
    response: z.object({ accounts: z.array(AccountOut), next: z.string().nullable() }),
    access: read,
    audit: { action: 'consultation', target: 'accounts' },
    handler: async ({ store, query, access, auditIds }) => {
      const page = await accountPage(store, access, query);
      auditIds(page.accounts.map((a) => a.id));
      return page;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/holders',
    tag: 'finance',
    summary: 'Totals in and out per account holder (person or company) and currency for a period, largest first',
    params: CaseParams,
    query: HoldersQuery,
    access: read,
    audit: { action: 'consultation', target: 'holders' },
    handler: async ({ store, query, access, auditIds }) => {
      const out = await holderPage(store, access, query);
      auditIds(out.holders.map((h) => h.id));
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/counterparties',
    tag: 'finance',
    summary: 'Counterparties of an account or of all accounts of a holder, ranked by volume',
    params: CaseParams,
    query: CounterpartiesQuery,
    access: read,
    audit: { action: 'consultation', target: 'counterparties' },
    handler: async ({ store, query, access, auditIds }) => {
      const out = await counterpartiesOf(store, access, query);
      auditIds(out.accountIds);
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/flows',
    tag: 'finance',
    summary: 'Money flows account-to-account or holder-to-holder for the money-flow view and the link chart',
    params: CaseParams,
    query: FlowsQuery,
    access: read,
    audit: { action: 'consultation', target: 'flows' },
    handler: async ({ store, query, access, auditIds }) => {
      const out = await flowGraph(store, access, query);
      auditIds(out.nodes.filter((n) => n.kind !== 'external').map((n) => n.id));
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/trace',
    tag: 'finance',
    summary: 'Follow money from an account forward or backward, with limits on hops, period and minimum amount',
    params: CaseParams,
    query: TraceQuery,
    access: read,
    audit: { action: 'consultation', target: 'trace' },
    handler: async ({ store, caseId, query, access, auditIds, setAuditTarget }) => {
      const v = await visibilityOf(store, access);
      const account = canSee(v, query.account) ? await getEntity(store.scope(caseId), query.account) : undefined;
      if (account?.schema !== 'BankAccount') throw errors.notFound('Account');
      setAuditTarget(query.account);
      const out = await traceMoney(store.scope(caseId), {
        accountId: query.account,
        direction: query.direction,
        hops: query.hops,
        from: query.from,
        to: query.to,
        minAmount: query.minAmount,
        maxNodes: query.maxNodes,
        visible: v.only,
      });
      auditIds(out.nodes.map((n) => n.id));
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/transactions',
    tag: 'finance',
    summary: 'Statement lines of an account or the case: filtered, sorted, offset-paged with a total',
    params: CaseParams,
    query: TransactionRowsQuery,
    response: z.object({ total: z.number(), transactions: z.array(TransactionOut) }),
    access: read,
    audit: { action: 'consultation', target: 'transactions' },
    handler: async ({ store, query, access, auditIds, auditDetail }) => {
      const out = await transactionRows(store, access, query);
      auditIds([...new Set(out.transactions.map((t) => t.accountId))]);
      Object.assign(auditDetail, {
        returned: out.transactions.length,
        total: out.total,
        from: query.from,
        to: query.to,
      });
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/transactions/export',
    tag: 'finance',
    summary: 'The filtered statement lines as CSV, in the list’s order (watermarked)',
    params: CaseParams,
    query: TransactionRowsQuery.omit({ offset: true, limit: true }),
    access: read,
    audit: { action: 'disclosure', target: 'export' },
    handler: async ({ store, caseId, query, actor, access, reply, auditDetail, setAuditTarget }) => {
      const csv = await transactionsCsv(store, actor, access, { ...query, offset: 0, limit: 1 });
      if (query.account) setAuditTarget(query.account);
      Object.assign(auditDetail, { format: 'csv', from: query.from, to: query.to });
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="transactions-${caseId}.csv"`);
      return Readable.from(csv);
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/findings',
    tag: 'findings',
    summary: 'Red-flag findings, strongest first, with whether the case changed since the rules last ran',
    params: CaseParams,
    query: FindingsQuery,
    response: z.object({
      findings: z.array(FindingOut),
      next: z.string().nullable(),
      stale: z.boolean(),
      lastRun: z.unknown(),
    }),
    access: read,
    audit: { action: 'consultation', target: 'findings' },
    handler: async ({ store, caseId, query, access, auditIds }) => {
      let after: { score: number; id: string } | undefined;
      if (query.after) {
        const parts = decodeCursor(query.after, 2);
        if (!parts || !Number.isFinite(Number(parts[0])))
          throw errors.validation('query.after: not a cursor returned by this API', 'query.after');
        after = { score: Number(parts[0]), id: parts[1] ?? '' };
      }
      const rows = await listFindings(store, caseId, {
        rule: query.rule,
        status: query.status,
        subjectId: query.subject,
        accountId: query.account,
        minScore: query.minScore,
        includeOld: query.includeOld,
        after,
        limit: query.limit,
      });
      const findings = await presentFindings(store, access, rows);
      const state = await findingsState(store, caseId);
      const last = rows[rows.length - 1];
      auditIds(findings.map((f) => f.id));
      return {
        findings,
        next: rows.length === query.limit && last ? encodeCursor([String(last.score), last.id]) : null,
        stale: state.stale,
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

  r({
    method: 'POST',
    url: '/api/cases/:caseId/findings/run',
    tag: 'findings',
    summary: 'Run the red-flag rules over the case (all, or those chosen, with parameters); decisions are kept',
    params: CaseParams,
    body: RunBody,
    access: write,
    audit: { action: 'combination', target: 'findings' },
    handler: async ({ store, caseId, actor, body, access, auditDetail, setAuditTarget }) => {
      if (access.partial) throw errors.forbidden('Rules run over the whole case; a partial share cannot run them');
      const summary = await runFindings(store, actor, caseId, { rules: body.rules, parameters: body.parameters });
      setAuditTarget(summary.runId);
      Object.assign(auditDetail, {
        findings: summary.findings,
        transactions: summary.transactions,
        ruleIds: summary.rules.map((x) => x.id),
      });
      return summary;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/findings/:findingId',
    tag: 'findings',
    summary: 'A finding with the statement lines that show it',
    params: FindingParams,
    response: z.object({ finding: FindingOut, evidence: z.array(TransactionOut) }),
    access: read,
    audit: { action: 'consultation', target: 'finding', targetParam: 'findingId' },
    handler: async ({ store, caseId, params, access, auditIds }) => {
      const row = await getFinding(store, caseId, params.findingId);
      const [finding] = await presentFindings(store, access, [row]);
      if (!finding) throw errors.notFound('Finding');
      const evidence = await evidenceOf(store, access, row);
      auditIds([...finding.accountIds, ...evidence.map((t) => t.id)]);
      return { finding, evidence: await presentLines(store, access, evidence) };
    },
  });

  r({
    method: 'PATCH',
    url: '/api/cases/:caseId/findings/:findingId',
    tag: 'findings',
    summary: 'Confirm or dismiss a finding (or reopen it); recorded in the case journal',
    params: FindingParams,
    body: DecisionBody,
    response: FindingOut,
    access: write,
    audit: { action: 'alteration', target: 'finding', targetParam: 'findingId' },
    handler: async ({ store, caseId, params, body, actor, access, auditDetail }) => {
      const [visible] = await presentFindings(store, access, [await getFinding(store, caseId, params.findingId)]);
      if (!visible) throw errors.notFound('Finding');
      const row = await decideFinding(store, actor, caseId, params.findingId, body);
      auditDetail.status = body.status;
      const [out] = await presentFindings(store, access, [row]);
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/proceeds',
    tag: 'proceeds',
    summary: 'Proceeds estimate (confiscation and compensation) with every assumption and its source',
    params: CaseParams,
    access: read,
    audit: { action: 'consultation', target: 'proceeds' },
    handler: async ({ store, caseId, access, auditIds }) => {
      const v = await visibilityOf(store, access);
      const out = await estimateCaseProceeds(store, caseId, undefined, v.only);
      auditIds(out.victims.map((x) => x.personId));
      return out;
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/proceeds/preview',
    tag: 'proceeds',
    summary: 'The estimate with the assumptions sent, without storing them',
    params: CaseParams,
    body: ProceedsBody,
    bodyLimit: MiB,
    access: read,
    audit: { action: 'consultation', target: 'proceeds' },
    handler: async ({ store, caseId, body, access, auditIds }) => {
      const v = await visibilityOf(store, access);
      const out = await estimateCaseProceeds(store, caseId, body, v.only);
      auditIds(out.victims.map((x) => x.personId));
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/proceeds/model',
    tag: 'proceeds',
    summary: 'The assumptions and choices the case’s estimate uses',
    params: CaseParams,
    access: read,
    audit: { action: 'consultation', target: 'proceeds_model' },
    handler: async ({ store, caseId }) => {
      return getProceedsModel(store, caseId);
    },
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/proceeds/model',
    tag: 'proceeds',
    summary: 'Store the assumptions (each with value, unit and source) and choices of the estimate',
    params: CaseParams,
    body: ProceedsBody,
    bodyLimit: MiB,
    access: write,
    audit: { action: 'alteration', target: 'proceeds_model' },
    handler: async ({ store, caseId, body, actor, auditDetail }) => {
      const model = await saveProceedsModel(store, actor, caseId, body);
      auditDetail.assumptions = model.assumptions.length;
      return { model };
    },
  });
}
