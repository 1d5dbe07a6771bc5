/**
 * The scorer: what the platform found in one scenario's imported files, against the truth
 * written beside them, matched by identifiers only (IBAN, registration number, personal code,
 * passport, name with birth date, ad address). Per capability: precision, recall and false
 * alarms by confounder kind, beside a naive baseline computed from the same imported case.
 */
import type { GroundTruth } from '../src/demo/index.ts';
import type { TruthIdentifiers } from '../src/demo/sources/index.ts';
import { Matcher, norm, pairKey, pairOf, personEnds } from './matcher.ts';
import type { CaseResults, Ident } from './pipeline.ts';

export interface Measure {
  truth: number;
  found: number;
  truePositives: number;
  /** Found but not in the truth, by confounder kind ("background" when none, "unmatched" when no truth entity fits). */
  falseAlarms: Record<string, number>;
  precision: number | null;
  recall: number | null;
}

export interface CapabilityScore {
  capability: string;
  platform: Measure | { relativeError: number | null; truth: number; found: number };
  baseline: Measure | { relativeError: number | null; truth: number; found: number } | null;
}

/** What measuring reads of a matcher: each record's confounder kinds and its planted nature. */
type KindsOf = Pick<Matcher, 'kinds' | 'nature'>;

function measure(m: KindsOf, truth: ReadonlySet<string>, found: readonly (string | undefined)[]): Measure {
  const hits = new Set<string>();
  const falseAlarms: Record<string, number> = {};
  const seen = new Set<string>();
  for (const f of found) {
    if (f === undefined) {
      falseAlarms['unmatched'] = (falseAlarms['unmatched'] ?? 0) + 1;
      continue;
    }
    if (seen.has(f)) continue;
    seen.add(f);
    if (truth.has(f)) hits.add(f);
    else
      for (const k of m.kinds.get(f) ?? [m.nature?.get(f) ?? 'background']) falseAlarms[k] = (falseAlarms[k] ?? 0) + 1;
  }
  const alarms = Object.values(falseAlarms).reduce((a, b) => a + b, 0);
  return {
    truth: truth.size,
    found: hits.size + alarms,
    truePositives: hits.size,
    falseAlarms,
    precision: hits.size + alarms ? hits.size / (hits.size + alarms) : null,
    recall: truth.size ? hits.size / truth.size : null,
  };
}

/**
 * Pairs measured as pairs: each end is the truth records it fits (matcher.ts); a pair of two
 * records of one truth entity is neither hit nor alarm.
 */
function pairMeasure(
  m: KindsOf,
  truth: ReadonlySet<string>,
  found: readonly { a: readonly string[]; b: readonly string[] }[],
): Measure {
  const keys = found.map((p) => pairOf(p.a, p.b, truth)).filter((k) => k !== 'same');
  const out = measure(m, truth, keys);
  // Kinds are per entity; re-file a false pair under its ends' kinds.
  const alarms: Record<string, number> = {};
  for (const k of new Set(keys)) {
    if (k === undefined || truth.has(k)) continue;
    const kinds = new Set(k.split('|').flatMap((id) => m.kinds.get(id) ?? []));
    for (const kind of kinds.size ? kinds : ['no confounder']) alarms[kind] = (alarms[kind] ?? 0) + 1;
  }
  if (out.falseAlarms['unmatched']) alarms['unmatched'] = out.falseAlarms['unmatched'];
  return { ...out, falseAlarms: alarms };
}

const one = (x: string | undefined) => (x ? [x] : []);

const relative = (truth: number, found: number) => ({
  truth,
  found,
  relativeError: truth ? (found - truth) / truth : null,
});

export function score(truth: GroundTruth, ids: TruthIdentifiers, r: CaseResults): CapabilityScore[] {
  const m = new Matcher(truth, ids);
  const set = <T>(xs: readonly T[], f: (x: T) => string | undefined) =>
    new Set(xs.map(f).filter((x): x is string => !!x));
  const accountsOf = (rules: readonly string[] | null) =>
    r.findings.filter((f) => !rules || rules.includes(f.rule)).flatMap((f) => f.accounts.map((a) => m.account(a)));
  const subjectsOf = (rules: readonly string[]) =>
    r.findings.filter((f) => rules.includes(f.rule)).map((f) => m.account(f.subject));
  // Where a funnel's cash went on to: the collector the funnel finding names beside the funnel.
  const collectors = r.findings
    .filter((f) => f.rule === 'funnelAccount')
    .flatMap((f) => f.accounts.filter((a) => a !== f.subject).map((a) => m.account(a)));
  const companyNature = (n: string) => set(truth.companies, (c) => (c.nature === n ? c.id : undefined));
  // What the platform calls a letterbox or a phoenix successor: the pattern its flags make together.
  const flagged = (pattern: string) =>
    r.companyFlags.filter((c) => c.pattern === pattern).map((c) => m.company(c.company));

  // A planted duplicate record is the same human as the record it copies: counted once, under the
  // copied record's id, so a platform that joins the two (one record, matched to either id) is not
  // charged a miss for the other, and one that keeps both is not credited twice.
  const canonicalOf = new Map(truth.persons.map((p) => [p.id, p.isDuplicateOf ?? p.id]));
  const onePerson = (id: string | undefined) => (id === undefined ? id : (canonicalOf.get(id) ?? id));
  const victims = set(truth.persons, (p) =>
    ['victim', 'presumedVictim'].includes(p.proceduralStatus) ? onePerson(p.id) : undefined,
  );
  const controllers = set(truth.accounts, (a) => (a.nature === 'controller' ? a.id : undefined));
  const funnels = set(truth.accounts, (a) => (a.nature === 'funnel' ? a.id : undefined));
  const kickLines = set(truth.proceeds, (p) =>
    p.kind === 'wageKickback' && p.transactionRef ? ids.lines[p.transactionRef] : undefined,
  );
  const cashPlaces = Object.entries(r.cashDeposits).filter(([, places]) => new Set(places).size >= 2);
  const dissolved = r.companies.filter((c) => c.dissolved);
  const stem = (n: string | undefined) => norm(n).replace(/\s+(oy|oü|sia|ab|as|sp\. z o\.o\.)$/u, '');

  // Ad networks: pairs of ads of one network (by the victim each ad's photos show).
  const networkOf = new Map(truth.persons.map((p) => [p.id, p.networkId]));
  const adNet = new Map<string, string>();
  for (const g of truth.adPhotoGroups)
    for (const ad of g.adIds) adNet.set(ids.ads[ad] ?? ad, networkOf.get(g.victimId) ?? g.groupId);
  const adPairs = new Set<string>();
  const ads = [...adNet.keys()];
  for (const a of ads) for (const b of ads) if (a < b && adNet.get(a) === adNet.get(b)) adPairs.add(pairKey(a, b));
  const groupPairs = (groups: readonly string[][]) =>
    groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => ({ a: [a], b: [b] }))));
  // A false pair is filed under its ads' confounder kinds (independent advertisers' ads, by address).
  const adKinds = new Map<string, string[]>();
  for (const c of truth.confounders)
    for (const id of c.entityIds) {
      const url = ids.ads[id];
      if (url) adKinds.set(url, [...(adKinds.get(url) ?? []), c.kind]);
    }
  const adMatcher: KindsOf = { kinds: adKinds, nature: new Map<string, string>() };

  const dupOf = (schema: 'Person' | 'Company') => {
    const known = schema === 'Person' ? new Set(Object.keys(ids.persons)) : new Set(Object.keys(ids.companies));
    return set(truth.duplicates, (d) => (known.has(d.canonicalId) ? pairKey(d.canonicalId, d.duplicateId) : undefined));
  };
  const samePairs = <T extends Ident>(xs: readonly T[], f: (x: T) => readonly string[]) => {
    const byName = new Map<string, T[]>();
    for (const x of xs) byName.set(norm(x.name), [...(byName.get(norm(x.name)) ?? []), x]);
    return [...byName.values()].flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => ({ a: f(a), b: f(b) }))));
  };
  const truthProceeds = truth.proceeds.reduce((s, p) => s + p.amountMinor, 0);

  return [
    {
      capability: 'presumed victims',
      platform: measure(
        m,
        victims,
        r.presumedVictims.map((p) => onePerson(m.person(p))),
      ),
      baseline: measure(
        m,
        victims,
        r.recordedVictims.map((p) => onePerson(m.person(p))),
      ),
    },
    {
      capability: 'possible victims (data)',
      platform: measure(
        m,
        victims,
        r.possibleVictims.map((p) => onePerson(m.person(p))),
      ),
      baseline: null,
    },
    {
      capability: "controllers' accounts",
      // The account a kick-back or deduction finding is about; the workers' accounts it also names are the victims'.
      platform: measure(m, controllers, [
        ...subjectsOf(['wageKickback', 'housingDeductions', 'recruitmentFees']),
        ...collectors,
      ]),
      baseline: measure(m, controllers, accountsOf(null)),
    },
    {
      capability: 'funnel/collector accounts',
      platform: measure(m, funnels, subjectsOf(['funnelAccount'])),
      baseline: measure(
        m,
        funnels,
        cashPlaces.map(([iban]) => m.account(iban)),
      ),
    },
    {
      capability: 'kick-back lines',
      platform: measure(
        m,
        kickLines,
        // The money handed back; the wage credited before it is context, not a kick-back line.
        r.findings.filter((f) => f.rule === 'wageKickback').flatMap((f) => f.debitLines),
      ),
      baseline: null,
    },
    {
      capability: 'letterbox companies',
      platform: measure(m, companyNature('letterbox'), flagged('letterbox')),
      baseline: measure(
        m,
        companyNature('letterbox'),
        dissolved.map((c) => m.company(c)),
      ),
    },
    {
      capability: 'phoenix successors',
      platform: measure(m, companyNature('phoenixSuccessor'), flagged('phoenixSuccessor')),
      baseline: measure(
        m,
        companyNature('phoenixSuccessor'),
        r.companies
          .filter(
            (c) =>
              !c.dissolved &&
              dissolved.some((d) => stem(c.name).startsWith(stem(d.name)) && norm(c.name) !== norm(d.name)),
          )
          .map((c) => m.company(c)),
      ),
    },
    {
      capability: 'ad networks (ad pairs)',
      platform: pairMeasure(adMatcher, adPairs, groupPairs(r.adNetworks)),
      baseline: pairMeasure(adMatcher, adPairs, groupPairs(Object.values(r.adPhones))),
    },
    {
      capability: 'duplicate persons (pairs)',
      platform: pairMeasure(
        m,
        dupOf('Person'),
        r.duplicatePersons.map((p) => personEnds(m, p.a, p.b)),
      ),
      baseline: pairMeasure(
        m,
        dupOf('Person'),
        samePairs(r.persons, (p) => m.personsOf(p)),
      ),
    },
    {
      capability: 'duplicate companies (pairs)',
      platform: pairMeasure(
        m,
        dupOf('Company'),
        r.duplicateCompanies.map((p) => ({ a: one(m.company(p.a)), b: one(m.company(p.b)) })),
      ),
      baseline: pairMeasure(
        m,
        dupOf('Company'),
        samePairs(r.companies, (c) => one(m.company(c))),
      ),
    },
    { capability: 'proceeds (EUR, all networks)', platform: relative(truthProceeds, r.proceedsMinor), baseline: null },
  ];
}
