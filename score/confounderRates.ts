/**
 * How often each kind of confounder — an honest situation planted to look like a crime (flatmates,
 * a staffing agency, a cash business, a namesake…) — is flagged. An instance counts as flagged
 * when the platform names one of its records (persons, companies, accounts they hold, ads) in what
 * the scorer measures: a presumed or possible victim, a controller's, funnel or collector account,
 * a letterbox or phoenix pattern, an ad joined to another network's ad, a duplicate pair it does not
 * belong to. Beside it, the wider count: named by any finding of any rule or any company flag.
 */
import type { GroundTruth } from '../src/demo/index.ts';
import type { TruthIdentifiers } from '../src/demo/sources/index.ts';
import { Matcher, pairKey, pairOf, personEnds } from './matcher.ts';
import type { CaseResults } from './pipeline.ts';

export interface ConfounderRate {
  kind: string;
  instances: number;
  /** Instances named in what the scorer measures. */
  flagged: number;
  /** Instances named by any finding or company flag (a red flag for an analyst to clear). */
  anyFlag: number;
}

const defined = (xs: readonly (string | undefined)[]) => xs.filter((x): x is string => !!x);

export function confounderRates(truth: GroundTruth, ids: TruthIdentifiers, r: CaseResults): ConfounderRate[] {
  const m = new Matcher(truth, ids);
  const heldBy = new Map<string, string[]>();
  for (const a of truth.accounts) heldBy.set(a.holderId, [...(heldBy.get(a.holderId) ?? []), a.id]);
  const adByUrl = new Map(Object.entries(ids.ads).map(([id, url]) => [url, id]));

  const rules = new Set(['wageKickback', 'housingDeductions', 'recruitmentFees', 'funnelAccount']);
  const measuredAccounts = r.findings.flatMap((f) =>
    !rules.has(f.rule)
      ? []
      : f.rule === 'funnelAccount'
        ? [f.subject, ...f.accounts] // the funnel and the collector its cash goes on to
        : [f.subject],
  );
  const anyAccounts = r.findings.flatMap((f) => [f.subject, ...f.accounts]);

  // Pairs that join two records of different truth entities (an ad of another network, another person).
  const networkOf = new Map(truth.persons.map((p) => [p.id, p.networkId]));
  const adNet = new Map<string, string>();
  for (const g of truth.adPhotoGroups) for (const ad of g.adIds) adNet.set(ad, networkOf.get(g.victimId) ?? g.groupId);
  const falseAdEnds = r.adNetworks.flatMap((n) => {
    const adIds = defined(n.map((url) => adByUrl.get(url)));
    return adIds.filter((a) =>
      adIds.some((b) => b !== a && (adNet.get(a) === undefined || adNet.get(a) !== adNet.get(b))),
    );
  });
  const dupTruth = new Set(truth.duplicates.map((d) => pairKey(d.canonicalId, d.duplicateId)));
  const falsePairEnds = [
    ...r.duplicatePersons.map((p) => personEnds(m, p.a, p.b)),
    ...r.duplicateCompanies.map((p) => ({ a: defined([m.company(p.a)]), b: defined([m.company(p.b)]) })),
  ].flatMap((p) => {
    const k = pairOf(p.a, p.b, dupTruth);
    return k === undefined || k === 'same' || dupTruth.has(k) ? [] : k.split('|');
  });

  const measured = new Set(
    defined([
      ...r.presumedVictims.map((p) => m.person(p)),
      ...r.possibleVictims.map((p) => m.person(p)),
      ...measuredAccounts.map((iban) => m.account(iban)),
      ...r.companyFlags.filter((c) => c.pattern).map((c) => m.company(c.company)),
      ...falseAdEnds,
      ...falsePairEnds,
    ]),
  );
  const any = new Set([
    ...measured,
    ...defined(anyAccounts.map((iban) => m.account(iban))),
    ...defined(r.companyFlags.map((c) => m.company(c.company))),
  ]);

  const out = new Map<string, ConfounderRate>();
  for (const c of truth.confounders) {
    const rate = out.get(c.kind) ?? { kind: c.kind, instances: 0, flagged: 0, anyFlag: 0 };
    const records = c.entityIds.flatMap((id) => [id, ...(heldBy.get(id) ?? [])]);
    rate.instances++;
    if (records.some((id) => measured.has(id))) rate.flagged++;
    if (records.some((id) => any.has(id))) rate.anyFlag++;
    out.set(c.kind, rate);
  }
  return [...out.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

export function combineRates(runs: readonly ConfounderRate[][]): ConfounderRate[] {
  const out = new Map<string, ConfounderRate>();
  for (const run of runs)
    for (const r of run) {
      const prev = out.get(r.kind) ?? { kind: r.kind, instances: 0, flagged: 0, anyFlag: 0 };
      out.set(r.kind, {
        kind: r.kind,
        instances: prev.instances + r.instances,
        flagged: prev.flagged + r.flagged,
        anyFlag: prev.anyFlag + r.anyFlag,
      });
    }
  return [...out.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(0).padStart(3)}%` : '  – ');

export function formatRates(rates: readonly ConfounderRate[]): string {
  return [
    `${'confounder kind'.padEnd(30)} ${'cases'.padStart(6)}  ${'flagged (measured)'.padEnd(22)} any finding or flag`,
    ...rates.map(
      (r) =>
        `${r.kind.padEnd(30)} ${String(r.instances).padStart(6)}  ${`${pct(r.flagged, r.instances)} (${r.flagged})`.padEnd(22)} ${pct(r.anyFlag, r.instances)} (${r.anyFlag})`,
    ),
  ].join('\n');
}
