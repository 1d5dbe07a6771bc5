/**
 * What the case report and the evidence register read beyond other capabilities' services: the
 * case's entities and current findings, its captures and sources, and its audit chain (custody
 * and the audit reference of every entity a report names).
 */
import type { CaseScope } from '../../caseScope.ts';

export const reportEntities = (scope: CaseScope) =>
  scope.selectFrom('entities').select(['id', 'schema', 'caption', 'properties', 'version']).execute();

export const caseEntityIds = async (scope: CaseScope): Promise<Set<string>> =>
  new Set((await scope.selectFrom('entities').select('id').execute()).map((r) => r.id));

/** Findings still standing (current, not dismissed), strongest first. */
export const standingFindings = (scope: CaseScope) =>
  scope
    .selectFrom('findings')
    .select(['id', 'rule', 'status', 'score', 'explanation', 'explanation_words', 'subject_id'])
    .where('current', '=', 1)
    .where('status', '!=', 'dismissed')
    .orderBy('score', 'desc')
    .orderBy('id')
    .execute();

/** One page of the case's audit chain after `after`, for the entities a record names. */
export const auditPage = (scope: CaseScope, after: number, limit: number) =>
  scope
    .selectFrom('audit_events')
    .select(['seq', 'id', 'target_id', 'returned_ids'])
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();

export const captureOrigins = (scope: CaseScope) =>
  scope.selectFrom('captures').select(['id', 'file_id', 'url', 'captured_at']).execute();

export const sourceLabels = (scope: CaseScope) => scope.selectFrom('sources').select(['id', 'label', 'kind']).execute();

/** The case's audit records about the given kinds of target, in chain order (the chain of custody). */
export const custodyEvents = (scope: CaseScope, targets: readonly string[]) =>
  scope
    .selectFrom('audit_events')
    .select(['id', 'seq', 'at', 'user_id', 'action', 'target_type', 'target_id', 'returned_ids'])
    .where('target_type', 'in', [...targets])
    .orderBy('seq')
    .execute();
