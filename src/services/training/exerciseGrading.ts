/**
 * Grading a trainee's findings in a case exercise against the ground truth the scenario
 * generator kept with their sandbox case. Pure: the service checks beforehand that every
 * entity named is in the trainee's own sandbox.
 *
 * Feedback comes per finding as a stable code with parameters (the workspace words it in the
 * trainee's language) and an English message (CLI, logs).
 */
import type { CompanyNature, GroundTruthPart } from '../../demo/index.ts';
import type { ExerciseSpec, FindingKind } from '../../domain/training/schema.ts';

export interface Findings {
  victims?: string[] | undefined;
  controllerAccount?: string | undefined;
  letterbox?: string | undefined;
  /** Criminal proceeds in euros (major units). */
  gained?: number | undefined;
}

export type Verdict = 'correct' | 'partial' | 'wrong' | 'missing';

export interface FindingResult {
  finding: FindingKind;
  verdict: Verdict;
  points: number;
  max: number;
  code: string;
  params: Record<string, number | string>;
  message: string;
  /** For victims: what each named person turned out to be. */
  items?: { id: string; verdict: 'victim' | 'duplicate' | 'notVictim' }[];
}

export interface ExerciseResult {
  score: number;
  passed: boolean;
  passMark: number;
  findings: FindingResult[];
}

/** The answers, read off the ground truth (for grading, and for tests that need a perfect submission). */
export interface AnswerKey {
  victims: string[];
  /** Duplicate record id → the victim it duplicates. */
  duplicateOf: Record<string, string>;
  controllerAccounts: string[];
  /** Controller accounts of other suspects: money ends there too, but not the organiser's. */
  accompliceAccounts: string[];
  frontAccounts: string[];
  letterboxes: string[];
  successors: string[];
  gainedEur: number;
}

/** Which company natures count as "the letterbox" in each kind of network. */
const FRONT_NATURES: Record<ExerciseSpec['network'], CompanyNature[]> = {
  labour: ['letterbox'],
  sexual: ['staffingFront'],
};

export function answerKey(truth: GroundTruthPart, spec: Pick<ExerciseSpec, 'network'>): AnswerKey {
  const net = truth.networks.find((n) => n.kind === spec.network);
  if (!net) throw new Error(`The sandbox's scenario has no ${spec.network} network`);
  const inNet = truth.persons.filter((p) => p.networkId === net.id);
  const isVictim = (s: string) => s === 'victim' || s === 'presumedVictim';
  const victims = inNet.filter((p) => isVictim(p.proceduralStatus) && !p.isDuplicateOf).map((p) => p.id);
  const duplicateOf: Record<string, string> = {};
  for (const p of inNet) if (p.isDuplicateOf && victims.includes(p.isDuplicateOf)) duplicateOf[p.id] = p.isDuplicateOf;
  const members = new Set(inNet.map((p) => p.id));
  const controllers = new Set(net.controllerIds);
  const companies = truth.companies.filter((c) => c.networkId === net.id);
  const companyIds = new Set(companies.map((c) => c.id));
  const victimSet = new Set(victims);
  const gainedMinor = truth.proceeds
    .filter((p) => victimSet.has(p.victimId) && p.currency === 'EUR')
    .reduce((s, p) => s + p.amountMinor, 0);
  return {
    victims,
    duplicateOf,
    controllerAccounts: truth.accounts
      .filter((a) => a.nature === 'controller' && controllers.has(a.holderId))
      .map((a) => a.id),
    accompliceAccounts: truth.accounts
      .filter((a) => a.nature === 'controller' && !controllers.has(a.holderId))
      .map((a) => a.id),
    frontAccounts: truth.accounts
      .filter(
        (a) =>
          (a.nature === 'frontCompany' || a.nature === 'funnel') &&
          (companyIds.has(a.holderId) || members.has(a.holderId)),
      )
      .map((a) => a.id),
    letterboxes: companies.filter((c) => FRONT_NATURES[spec.network].includes(c.nature)).map((c) => c.id),
    successors: companies
      .filter((c) => c.nature === 'phoenixSuccessor' || c.nature === 'subcontractor')
      .map((c) => c.id),
    gainedEur: Math.round(gainedMinor / 100),
  };
}

type Partial0 = Omit<FindingResult, 'finding' | 'max' | 'points'> & { share: number };

function gradeVictims(named: readonly string[] | undefined, key: AnswerKey): Partial0 {
  if (!named?.length)
    return {
      verdict: 'missing',
      share: 0,
      code: 'victims.missing',
      params: { total: key.victims.length },
      message: 'You named no victims.',
    };
  const found = new Set<string>();
  const items: NonNullable<FindingResult['items']> = [];
  let wrong = 0;
  for (const id of new Set(named)) {
    const canonical = key.victims.includes(id) ? id : key.duplicateOf[id];
    if (canonical && !found.has(canonical)) {
      found.add(canonical);
      items.push({ id, verdict: 'victim' });
    } else if (canonical) items.push({ id, verdict: 'duplicate' });
    else {
      wrong++;
      items.push({ id, verdict: 'notVictim' });
    }
  }
  const total = key.victims.length;
  const share = Math.max(0, (found.size - wrong) / total);
  const params = { found: found.size, total, wrong };
  if (found.size === total && wrong === 0)
    return {
      verdict: 'correct',
      share: 1,
      code: 'victims.all',
      params,
      message: `All ${total} victims found, and no one else named.`,
      items,
    };
  if (found.size === 0)
    return {
      verdict: 'wrong',
      share: 0,
      code: 'victims.none',
      params,
      message: `None of the people named is a victim; there are ${total}.`,
      items,
    };
  return {
    verdict: 'partial',
    share,
    code: 'victims.some',
    params,
    message: `${found.size} of ${total} victims found; ${wrong} person(s) named are not victims.`,
    items,
  };
}

function gradeAccount(id: string | undefined, key: AnswerKey): Partial0 {
  if (!id)
    return { verdict: 'missing', share: 0, code: 'account.missing', params: {}, message: 'You named no account.' };
  if (key.controllerAccounts.includes(id))
    return {
      verdict: 'correct',
      share: 1,
      code: 'account.controller',
      params: {},
      message: "Right: the organiser's own account, where the money ends up.",
    };
  if (key.accompliceAccounts.includes(id))
    return {
      verdict: 'partial',
      share: 0.5,
      code: 'account.accomplice',
      params: {},
      message:
        "This account takes criminal money, but it belongs to a helper; follow the money further to the organiser's account.",
    };
  if (key.frontAccounts.includes(id))
    return {
      verdict: 'partial',
      share: 0.25,
      code: 'account.front',
      params: {},
      message:
        'Money passes through this account, but it does not stay there: it is a company or courier account on the way.',
    };
  return {
    verdict: 'wrong',
    share: 0,
    code: 'account.unrelated',
    params: {},
    message: 'This account does not control the money: look at where wages and cash end up.',
  };
}

function gradeCompany(id: string | undefined, key: AnswerKey): Partial0 {
  if (!id)
    return { verdict: 'missing', share: 0, code: 'company.missing', params: {}, message: 'You named no company.' };
  if (key.letterboxes.includes(id))
    return {
      verdict: 'correct',
      share: 1,
      code: 'company.letterbox',
      params: {},
      message: 'Right: a company with an address, a director and an account, but no business of its own.',
    };
  if (key.successors.includes(id))
    return {
      verdict: 'partial',
      share: 0.5,
      code: 'company.chain',
      params: {},
      message:
        'This company is part of the scheme, but it is not the letterbox; compare registration dates, directors and who pays the workers.',
    };
  return {
    verdict: 'wrong',
    share: 0,
    code: 'company.unrelated',
    params: {},
    message: 'This company is not the letterbox.',
  };
}

/** Within 15 % earns full marks, within 35 % half: proceeds are estimated, not counted to the cent. */
function gradeGained(eur: number | undefined, key: AnswerKey): Partial0 {
  if (eur === undefined || !Number.isFinite(eur))
    return { verdict: 'missing', share: 0, code: 'gained.missing', params: {}, message: 'You gave no amount.' };
  const off = key.gainedEur === 0 ? 1 : (eur - key.gainedEur) / key.gainedEur;
  const percent = Math.round(Math.abs(off) * 100);
  const direction = off < 0 ? 'low' : 'high';
  if (Math.abs(off) <= 0.15)
    return {
      verdict: 'correct',
      share: 1,
      code: 'gained.close',
      params: { percent },
      message: `Close to the proceeds the scenario generated (within ${percent} %).`,
    };
  if (Math.abs(off) <= 0.35)
    return {
      verdict: 'partial',
      share: 0.5,
      code: `gained.near.${direction}`,
      params: { percent },
      message: `Too ${direction} by about ${percent} %: check which deductions, kick-backs and fees you counted.`,
    };
  return {
    verdict: 'wrong',
    share: 0,
    code: `gained.far.${direction}`,
    params: { percent },
    message: `Too ${direction} by about ${percent} %: count every victim's kick-backs, deductions and fees (or clients × price × days).`,
  };
}

export function gradeFindings(spec: ExerciseSpec, truth: GroundTruthPart, findings: Findings): ExerciseResult {
  const key = answerKey(truth, spec);
  const max = 100 / spec.findings.length;
  const results = spec.findings.map((finding): FindingResult => {
    const r =
      finding === 'victims'
        ? gradeVictims(findings.victims, key)
        : finding === 'controllerAccount'
          ? gradeAccount(findings.controllerAccount, key)
          : finding === 'letterbox'
            ? gradeCompany(findings.letterbox, key)
            : gradeGained(findings.gained, key);
    const { share, ...rest } = r;
    return { finding, max: Math.round(max * 10) / 10, points: Math.round(share * max * 10) / 10, ...rest };
  });
  const score = Math.round(results.reduce((s, r) => s + r.points, 0));
  return { score, passed: score >= spec.passMark, passMark: spec.passMark, findings: results };
}

/** A submission that scores full marks (tests; the trainer's answer sheet). */
export function perfectFindings(spec: ExerciseSpec, truth: GroundTruthPart): Findings {
  const key = answerKey(truth, spec);
  return {
    ...(spec.findings.includes('victims') ? { victims: key.victims } : {}),
    ...(spec.findings.includes('controllerAccount') ? { controllerAccount: key.controllerAccounts[0] } : {}),
    ...(spec.findings.includes('letterbox') ? { letterbox: key.letterboxes[0] } : {}),
    ...(spec.findings.includes('gained') ? { gained: key.gainedEur } : {}),
  };
}
