/**
 * THE DELIBERATE EXCEPTION TO CASE SCOPING (and to "a case you may not reach does not exist"):
 * cross-case hit/no-hit. This file is the only code that reads other cases' selectors.
 * `crossCaseSelectorHits` looks a case's selectors up in every other case through
 * `selectors_cross_case_idx` (migration 001); `deploymentSelectors` and `casesHoldingSelectors`
 * read the deployment's selectors for a partner's hit/no-hit query and cooperation request. They
 * return nothing but where a selector occurs (case, entity, kind) or the selector itself (to be
 * blinded). What a user is then told is decided only in services/cooperation/crossCase.ts (and,
 * for partners, services/cooperation/psiAnswer.ts and partnerInbox.ts): that a hit exists and
 * whom to contact — nothing of the other case. Every use is audited there. Do not call this from
 * anywhere else, and keep other cases' selectors out of every other repository.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import { handlingCodes } from '../../../domain/access/handlingCodes.ts';
import type { Database } from '../../schema/index.ts';

/** Cases whose handling code forbids dissemination (H2) take no part in hit/no-hit with partners. */
const NO_DISSEMINATION = handlingCodes.filter((h) => h.share === 'refused').map((h) => h.code);
const mayTakePart = (eb: ExpressionBuilder<Database, 'cases'>) =>
  eb.or([eb('cases.handling_code', 'is', null), eb('cases.handling_code', 'not in', NO_DISSEMINATION)]);

export interface SelectorKey {
  kind: string;
  value: string;
}

export interface CrossCaseOccurrence {
  caseId: string;
  kind: string;
  value: string;
  entityId: string;
}

const CHUNK = 500;

/** Where the given selectors occur in cases other than `caseId`. */
export async function crossCaseSelectorHits(
  db: Kysely<Database>,
  caseId: string,
  selectors: readonly SelectorKey[],
): Promise<CrossCaseOccurrence[]> {
  const byKind = new Map<string, string[]>();
  for (const s of selectors) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.value]);
  const out: CrossCaseOccurrence[] = [];
  for (const [kind, values] of byKind) {
    const unique = [...new Set(values)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await db
        .selectFrom('selectors')
        .select(['case_id', 'kind', 'value', 'entity_id'])
        .where('kind', '=', kind)
        .where('value', 'in', unique.slice(i, i + CHUNK))
        .where('case_id', '<>', caseId)
        .execute();
      for (const r of rows) out.push({ caseId: r.case_id, kind: r.kind, value: r.value, entityId: r.entity_id });
    }
  }
  return out;
}

/**
 * The deployment's selectors of the given kinds in operational cases, for answering a partner's
 * hit/no-hit query (every value is then blinded; none leaves in clear). Same exception.
 */
export async function deploymentSelectors(db: Kysely<Database>, kinds: readonly string[]): Promise<SelectorKey[]> {
  if (!kinds.length) return [];
  const rows = await db
    .selectFrom('selectors')
    .innerJoin('cases', 'cases.case_id', 'selectors.case_id')
    .select(['selectors.kind', 'selectors.value'])
    .distinct()
    .where('selectors.kind', 'in', [...kinds])
    .where('cases.purpose', '=', 'operational')
    .where(mayTakePart)
    .execute();
  return rows.map((r) => ({ kind: r.kind, value: r.value }));
}

/** The cases (operational) holding a selector, for a partner's cooperation request on a hit. */
export async function casesHoldingSelectors(
  db: Kysely<Database>,
  selectors: readonly SelectorKey[],
): Promise<CrossCaseOccurrence[]> {
  const out: CrossCaseOccurrence[] = [];
  for (const s of selectors) {
    const rows = await db
      .selectFrom('selectors')
      .innerJoin('cases', 'cases.case_id', 'selectors.case_id')
      .select(['selectors.case_id', 'selectors.kind', 'selectors.value', 'selectors.entity_id'])
      .where('selectors.kind', '=', s.kind)
      .where('selectors.value', '=', s.value)
      .where('cases.purpose', '=', 'operational')
      .where(mayTakePart)
      .execute();
    for (const r of rows) out.push({ caseId: r.case_id, kind: r.kind, value: r.value, entityId: r.entity_id });
  }
  return out;
}
