/** What the legal-element matrix reads of findings and holdings: flagged accounts and who holds them. */
import type { CaseScope } from '../../caseScope.ts';

/** Findings still standing of the given rules, with the accounts each flags. */
export const standingFindingsOf = (scope: CaseScope, rules: readonly string[]) =>
  rules.length
    ? scope
        .selectFrom('findings')
        .select(['id', 'rule', 'variant', 'subject_id', 'account_ids'])
        .where('current', '=', 1)
        .where('status', '!=', 'dismissed')
        .where('rule', 'in', [...rules])
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

/** Ownership and directorship links: who holds an account, who owns or runs a company. */
export const holdingLinks = (scope: CaseScope) =>
  scope
    .selectFrom('entities')
    .select(['id', 'schema', 'source_id', 'target_id'])
    .where('schema', 'in', ['Ownership', 'Directorship'])
    .execute();
