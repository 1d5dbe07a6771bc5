/**
 * Grading red-flag findings against a generated case's ground truth: per rule, precision (the
 * share of flagged accounts that are not clean) and recall (the share of the accounts the rule is
 * meant to find that it flags); overall, recall on kick-back controllers and funnel accounts and
 * the share of clean accounts flagged. Used by the detection tests and by training, never by the
 * rules themselves.
 */
import { groundTruthPartSchema, inRange } from '../../src/demo/index.ts';
import type { GroundTruthPart } from '../../src/demo/index.ts';

export interface RuleGrade {
  rule: string;
  flagged: number;
  truePositives: number;
  cleanFlagged: number;
  precision: number;
  target: number;
  found: number;
  recall: number;
}

export interface GradeReport {
  rules: RuleGrade[];
  /** Kick-back controllers and funnel accounts: what every run must find. */
  required: { total: number; found: number; recall: number; missed: string[] };
  clean: { total: number; flagged: number; share: number; flaggedIds: string[] };
  /** Other planted roles, for information. */
  roles: Record<string, { total: number; found: number }>;
}

export function truthFrom(parts: readonly { content: string }[]): GroundTruthPart[] {
  return parts.map((p) => groundTruthPartSchema.parse(JSON.parse(p.content)));
}

/** The accounts each planted role holds, as read from the ground truth. */
export function plantedRoles(truth: readonly GroundTruthPart[]): Record<string, Set<string>> {
  const beneficiaries = (kind: string) =>
    new Set(truth.flatMap((t) => t.proceeds.filter((p) => p.kind === kind).map((p) => p.beneficiaryId)));
  const kick = beneficiaries('wageKickback');
  const deduction = beneficiaries('deduction');
  const sexual = beneficiaries('sexualServices');
  const fee = beneficiaries('recruitmentFee');
  const companies = new Map(truth.flatMap((t) => t.companies.map((c) => [c.id, c.nature] as const)));
  const accounts = truth.flatMap((t) => t.accounts);
  const pick = (pred: (a: (typeof accounts)[number]) => boolean) => new Set(accounts.filter(pred).map((a) => a.id));
  return {
    kickbackController: pick((a) => a.nature === 'controller' && kick.has(a.holderId)),
    deductionCollector: pick((a) => a.nature === 'controller' && deduction.has(a.holderId)),
    sexualController: pick((a) => a.nature === 'controller' && sexual.has(a.holderId)),
    recruiter: pick((a) => a.nature === 'controller' && fee.has(a.holderId) && !kick.has(a.holderId)),
    funnel: pick((a) => a.nature === 'funnel'),
    labourFront: pick(
      (a) => a.nature === 'frontCompany' && ['letterbox', 'phoenixSuccessor'].includes(companies.get(a.holderId) ?? ''),
    ),
    sexualFront: pick((a) => a.nature === 'frontCompany' && companies.get(a.holderId) === 'staffingFront'),
    worker: pick((a) => a.nature === 'worker'),
  };
}

const TARGETS: Record<string, readonly string[]> = {
  wageKickback: ['kickbackController'],
  housingDeductions: ['deductionCollector'],
  sharedContacts: ['worker'],
  funnelAccount: ['funnel'],
  adSitePayments: ['sexualController'],
  structuring: ['funnel', 'kickbackController'],
  rapidPassThrough: ['funnel', 'sexualFront'],
  payrollWithoutTax: ['labourFront'],
  identicalRoundSalaries: ['labourFront'],
};

export function gradeFindings(
  truth: readonly GroundTruthPart[],
  findings: readonly { rule: string; accountIds: readonly string[] }[],
  rules: readonly string[],
): GradeReport {
  const roles = plantedRoles(truth);
  const nature = new Map(truth.flatMap((t) => t.accounts.map((a) => [a.id, a.nature] as const)));
  const background = truth.flatMap((t) => t.background.map((b) => b.accounts));
  const isClean = (id: string) =>
    nature.get(id) === 'clean' || (!nature.has(id) && background.some((r) => inRange(r, id)));
  const cleanTotal =
    [...nature.values()].filter((n) => n === 'clean').length + background.reduce((a, r) => a + r.count, 0);
  const count = (set: ReadonlySet<string>, ids: Iterable<string>) => [...ids].filter((id) => set.has(id)).length;

  const grades = rules.map((rule): RuleGrade => {
    const flagged = new Set(findings.filter((f) => f.rule === rule).flatMap((f) => f.accountIds));
    const target = new Set((TARGETS[rule] ?? []).flatMap((r) => [...(roles[r] ?? [])]));
    const clean = [...flagged].filter(isClean).length;
    const tp = flagged.size - clean;
    const found = count(target, flagged);
    return {
      rule,
      flagged: flagged.size,
      truePositives: tp,
      cleanFlagged: clean,
      precision: flagged.size ? tp / flagged.size : 1,
      target: target.size,
      found,
      recall: target.size ? found / target.size : 1,
    };
  });
  const all = new Set(findings.flatMap((f) => f.accountIds));
  const required = new Set([...(roles.kickbackController ?? []), ...(roles.funnel ?? [])]);
  const missed = [...required].filter((id) => !all.has(id));
  const cleanFlagged = [...all].filter(isClean);
  return {
    rules: grades,
    required: {
      total: required.size,
      found: required.size - missed.length,
      recall: required.size ? (required.size - missed.length) / required.size : 1,
      missed,
    },
    clean: {
      total: cleanTotal,
      flagged: cleanFlagged.length,
      share: cleanTotal ? cleanFlagged.length / cleanTotal : 0,
      flaggedIds: cleanFlagged,
    },
    roles: Object.fromEntries(
      Object.entries(roles).map(([k, set]) => [k, { total: set.size, found: count(set, all) }]),
    ),
  };
}

export function formatGrade(r: GradeReport): string {
  const lines = [`rule                    flagged  clean  precision  recall (target)`];
  for (const g of r.rules) {
    lines.push(
      `${g.rule.padEnd(24)}${String(g.flagged).padStart(7)}${String(g.cleanFlagged).padStart(7)}${g.precision.toFixed(2).padStart(11)}${g.recall.toFixed(2).padStart(8)} (${g.found}/${g.target})`,
    );
  }
  lines.push(
    `kick-back controllers + funnel accounts found: ${r.required.found}/${r.required.total} (recall ${r.required.recall.toFixed(2)})`,
  );
  lines.push(`clean accounts flagged: ${r.clean.flagged}/${r.clean.total} (${(r.clean.share * 100).toFixed(1)}%)`);
  lines.push(
    `roles found: ${Object.entries(r.roles)
      .map(([k, v]) => `${k} ${v.found}/${v.total}`)
      .join(', ')}`,
  );
  return lines.join('\n');
}
