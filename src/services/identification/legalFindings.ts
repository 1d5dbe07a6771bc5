/**
 * Facts of the legal-element matrix from red-flag findings (domain/indicators/legalFindings.ts):
 * a finding counts for each victim whose account it flags, against each suspect who holds the
 * finding's subject account, owns or directs the company that holds it, or is its controller.
 */
import { findingFacts, LEGAL_RULES } from '../../domain/indicators/index.ts';
import type { LegalFact } from '../../domain/indicators/index.ts';
import { holdingLinks, standingFindingsOf } from '../../store/repos/identification/legalFindings.ts';
import type { CaseScope } from '../../store/caseScope.ts';

export async function findingFactsByVictim(
  scope: CaseScope,
  victimIds: readonly string[],
  suspectIds: ReadonlySet<string>,
): Promise<Map<string, LegalFact[]>> {
  const out = new Map<string, LegalFact[]>();
  if (!victimIds.length) return out;
  const findings = await standingFindingsOf(scope, LEGAL_RULES);
  if (!findings.length) return out;
  const holders = new Map<string, string[]>();
  const held = new Map<string, string[]>();
  for (const l of await holdingLinks(scope)) {
    if (!l.source_id || !l.target_id) continue;
    holders.set(l.target_id, [...(holders.get(l.target_id) ?? []), l.source_id]);
    held.set(l.source_id, [...(held.get(l.source_id) ?? []), l.target_id]);
  }
  // The suspects behind a subject: itself, its holders, and the owners and directors of a holder.
  const behind = (subject: string): string[] => {
    const near = [subject, ...(holders.get(subject) ?? [])];
    const all = [...near, ...near.flatMap((h) => holders.get(h) ?? [])];
    return [...new Set(all.filter((x) => suspectIds.has(x)))];
  };
  for (const victim of victimIds) {
    const accounts = new Set(held.get(victim) ?? []);
    if (!accounts.size) continue;
    const facts = findings
      .filter((f) => !accounts.has(f.subject_id))
      .filter((f) => (JSON.parse(f.account_ids) as string[]).some((a) => accounts.has(a)))
      .flatMap((f) => findingFacts(f, behind(f.subject_id)));
    if (facts.length) out.set(victim, facts);
  }
  return out;
}
