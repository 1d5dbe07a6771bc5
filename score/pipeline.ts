/**
 * One scenario through the platform as an outsider would run it: its source files written to a
 * temporary folder, a fresh SQLite data folder, the files imported in a random order through
 * the ordinary importers, every rule and analysis run, and what they found read back — as
 * identifiers (IBANs, registration numbers, names and birth dates, ad addresses), never ids.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorOf, addUser } from '../src/services/access/index.ts';
import { createCase } from '../src/services/cases/index.ts';
import { captureNetworks } from '../src/services/captures/index.ts';
import { flagsByCompany } from '../src/services/companies/index.ts';
import { importSources, readSourcePlan, writeDemoSources } from '../src/services/demo/index.ts';
import type { SourceImport } from '../src/services/demo/index.ts';
import { findingRecords, proceedsEstimate, refreshRules } from '../src/services/finance/index.ts';
import { fillFromObservations, suggestFromData } from '../src/services/identification/index.ts';
import { findDuplicates } from '../src/services/resolution/index.ts';
import { cliCaller } from '../src/services/useCase/index.ts';
import { Store } from '../src/store/store.ts';
import { caseSnapshot, type CaseSnapshot } from './caseSnapshot.ts';
import { readMentionResults, type MentionResults } from './mentions.ts';

/** What a result names, as identifiers. */
export interface Ident {
  name?: string | undefined;
  /** Every name the record gives (merged records keep each source's). */
  names?: string[] | undefined;
  birthDate?: string | undefined;
  idNumber?: string | undefined;
  passportNumber?: string | undefined;
  registrationNumber?: string | undefined;
  iban?: string | undefined;
  /** IBANs of the accounts the record holds (Ownership), to tell apart firms of one name without a number. */
  ibans?: string[] | undefined;
}

export interface DuplicatePair {
  a: Ident;
  b: Ident;
  score: number;
  joined: boolean;
}

export interface Finding {
  rule: string;
  /** The account the finding is about (a beneficiary, a collector, a funnel), as its IBAN. */
  subject: string;
  accounts: string[];
  /** Bank references of the evidence lines. */
  lines: string[];
  /** Bank references of the evidence lines that take money out (a kick-back, not the wage before it). */
  debitLines: string[];
}

export interface CaseResults {
  findings: Finding[];
  /** Company flags by company registration number (or name), with what they say together. */
  companyFlags: { company: Ident; rules: string[]; pattern: string | null }[];
  /**
   * Pairs the platform calls one: joined on import (assembly, `joined`) or waiting in the
   * resolution queue at its default threshold with their score.
   */
  duplicatePersons: DuplicatePair[];
  duplicateCompanies: DuplicatePair[];
  /** Ad networks (groups of ads picturing several people) as lists of ad addresses. */
  adNetworks: string[][];
  /** Ads by the phones their pages print (for the naive baseline). */
  adPhones: Record<string, string[]>;
  presumedVictims: Ident[];
  /** Persons the records surface as possible victims (suggested observations to confirm). */
  possibleVictims: Ident[];
  /** Persons the files themselves call victims (the naive baseline). */
  recordedVictims: Ident[];
  persons: Ident[];
  companies: (Ident & { dissolved: boolean })[];
  proceedsMinor: number;
  /** Cash deposits: account IBAN → places written on the lines. */
  cashDeposits: Record<string, string[]>;
  importFailures: { what: string; error: string }[];
  importedSteps: number;
}

/** A small seeded generator for the import order (mulberry32). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const props = (json: string) => JSON.parse(json) as Record<string, string[] | undefined>;
const identOf = (p: Record<string, string[] | undefined>): Ident => ({
  name: p['name']?.[0],
  names: p['name'],
  birthDate: p['birthDate']?.[0],
  idNumber: p['idNumber']?.[0],
  passportNumber: p['passportNumber']?.[0],
  registrationNumber: p['registrationNumber']?.[0],
  iban: p['iban']?.[0] ?? p['accountNumber']?.[0],
});

export interface RunOptions {
  seed: number;
  scale: number;
  /** Seed of the import order. */
  orderSeed: number;
  /** Leave `truth.json` out of the folder before importing (the pipeline must not need it). */
  withoutTruth?: boolean;
  onStep?: (what: string) => void;
  /** The database to build the case in (default: a fresh SQLite file in the temporary folder). */
  openStore?: (dir: string) => Promise<{ store: Store; dispose: () => Promise<void> }>;
  /** Also describe the case without its ids (`caseSnapshot`), to compare two builds of it. */
  snapshot?: boolean;
}

/** Writes, imports and analyses one scenario; the folder is removed afterwards. */
export async function runScenario(o: RunOptions): Promise<{
  results: CaseResults;
  dir: string;
  truthText: string;
  identifiersText: string;
  snapshot?: CaseSnapshot | undefined;
  /** What the platform read in the seized messages, and the generator's truth of it (JSON). */
  mentions: MentionResults;
  mentionsTruthText: string;
}> {
  const dir = mkdtempSync(join(tmpdir(), `elect-score-${o.seed}-`));
  try {
    const sources = join(dir, 'sources');
    writeDemoSources({ seed: o.seed, scale: o.scale, out: sources });
    const truthText = readFileSync(join(sources, 'truth.json'), 'utf8');
    const identifiersText = readFileSync(join(sources, 'truth-identifiers.json'), 'utf8');
    const mentionsTruthText = readFileSync(join(sources, 'truth-mentions.json'), 'utf8');
    // The truth leaves the folder before anything is imported from it.
    rmSync(join(sources, 'truth.json'));
    rmSync(join(sources, 'truth-identifiers.json'));
    rmSync(join(sources, 'truth-mentions.json'));
    mkdirSync(join(dir, 'data'));
    const { store, dispose } = o.openStore
      ? await o.openStore(dir)
      : await Store.open({ sqliteFile: join(dir, 'data', 'elect.sqlite') }).then((s) => ({
          store: s,
          dispose: () => s.close(),
        }));
    try {
      const { results, caseId, mentions } = await analyse(store, sources, o);
      const snapshot = o.snapshot ? await caseSnapshot(store, caseId) : undefined;
      return { results, dir, truthText, identifiersText, snapshot, mentions, mentionsTruthText };
    } finally {
      await dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function analyse(
  store: Store,
  sources: string,
  o: RunOptions,
): Promise<{ results: CaseResults; caseId: string; mentions: MentionResults }> {
  const actor = actorOf(await addUser(store, { username: 'scorer', platformRole: 'investigator' }));
  const caller = cliCaller(actor);
  const kase = await createCase(store, actor, { title: `Score seed ${o.seed}`, country: 'FI' });
  const plan: SourceImport[] = shuffled(readSourcePlan(sources), o.orderSeed);
  const run = await importSources(store, caller, kase.id, sources, plan, o.onStep);
  const caseId = kase.id;
  const scope = store.scope(caseId);

  await refreshRules(store, caller, caseId, { rerun: true });
  const rows = await findingRecords(store, caller, caseId, { limit: 100_000 });
  const entities = await scope.selectFrom('entities').select(['id', 'schema', 'properties']).execute();
  const byId = new Map(entities.map((e) => [e.id, { schema: e.schema, p: props(e.properties) }]));
  const ibanOf = (id: string) => identOf(byId.get(id)?.p ?? {}).iban ?? '';
  const held = new Map<string, string[]>();
  for (const e of entities)
    if (e.schema === 'Ownership') {
      const p = props(e.properties);
      const ibans = (p['asset'] ?? []).map(ibanOf).filter(Boolean);
      for (const o of p['owner'] ?? []) held.set(o, [...(held.get(o) ?? []), ...ibans]);
    }
  /** A record as identifiers, with the accounts it holds. */
  const identById = (id: string): Ident => ({ ...identOf(byId.get(id)?.p ?? {}), ibans: held.get(id) });
  const lines = await scope
    .selectFrom('transactions')
    .select(['id', 'account_id', 'reference', 'kind', 'text', 'amount_minor', 'place'])
    .execute();
  // A subject that is no account (a phone, an address, a person) by what it says, not its id.
  const describe = (id: string) => {
    const p = byId.get(id)?.p ?? {};
    return [...(p['number'] ?? p['address'] ?? p['full'] ?? p['name'] ?? [id])].sort().join(' / ');
  };
  const refOf = new Map(lines.map((l) => [l.id, l.reference ?? '']));
  const debit = new Set(lines.filter((l) => Number(l.amount_minor) < 0).map((l) => l.id));
  const findings: Finding[] = rows.map((r) => {
    const evidence = JSON.parse(r.evidence) as string[];
    return {
      rule: r.rule,
      subject: ibanOf(r.subject_id) || describe(r.subject_id),
      accounts: (JSON.parse(r.account_ids) as string[]).map(ibanOf).filter(Boolean),
      lines: evidence.map((id) => refOf.get(id) ?? '').filter(Boolean),
      debitLines: evidence
        .filter((id) => debit.has(id))
        .map((id) => refOf.get(id) ?? '')
        .filter(Boolean),
    };
  });

  const flags = await flagsByCompany(store, caller, caseId);
  const companyFlags = flags.companies
    .map((c) => ({
      company: byId.has(c.id) ? identById(c.id) : identOf({ name: [c.name] }),
      rules: (flags.flags[c.id] ?? []).map((f) => f.rule),
      pattern: flags.patterns[c.id]?.pattern ?? null,
    }))
    .filter((c) => c.rules.length);

  // Joins assembly made on import between two records of the schema, both as they were just before
  // (the merge keeps them); a statement's LegalEntity holder joined into its Person is no duplicate record.
  const merges = await scope.selectFrom('resolution_merges').select(['before', 'undone_at']).execute();
  const joins = merges
    .filter((x) => !x.undone_at)
    .map((x) => JSON.parse(x.before) as Record<'keep' | 'merged', { schema: string; properties: string }>);
  const pairs = async (schema: string): Promise<DuplicatePair[]> => {
    const out = await findDuplicates(store, caller, caseId, { schema, threshold: 0.5, limit: 100_000, decided: false });
    const joined = joins
      .filter((j) => j.keep.schema === schema && j.merged.schema === schema)
      .map((j) => ({
        a: identOf(props(j.keep.properties)),
        b: identOf(props(j.merged.properties)),
        score: 1,
        joined: true,
      }));
    const queued = out.candidates.map((c) => ({
      a: identById(c.a.id),
      b: identById(c.b.id),
      score: c.score,
      joined: false,
    }));
    return [...joined, ...queued];
  };
  const duplicatePersons = await pairs('Person');
  const duplicateCompanies = await pairs('Company');

  const nets = await captureNetworks(store, caller, caseId);
  const urlOf = (adId: string) => byId.get(adId)?.p['url']?.[0] ?? adId;
  // What the platform calls a network: ads that picture several people over their contacts. One
  // advertiser's own ads (one picture, her phone) form a group, but are no network.
  const adNetworks = nets.networks.filter((n) => n.peopleShown >= 2).map((n) => n.adIds.map(urlOf));
  const adPhones: Record<string, string[]> = {};
  for (const e of entities)
    if (e.schema === 'OnlineAd') {
      const p = props(e.properties);
      for (const ph of p['phone'] ?? []) (adPhones[ph] ??= []).push(p['url']?.[0] ?? e.id);
    }

  const suggested = await suggestFromData(store, caller, caseId, {});
  const possibleVictims = [...new Set(suggested.suggestions.map((x) => x.personId))].map((id) =>
    identOf(byId.get(id)?.p ?? {}),
  );
  const filled = await fillFromObservations(store, caller, caseId, {});
  const presumedVictims = filled.results
    .filter((r) => r.outcome === 'presumedVictim')
    .map((r) => identOf(byId.get(r.personId)?.p ?? {}));
  const persons = entities.filter((e) => e.schema === 'Person').map((e) => identOf(props(e.properties)));
  const recordedVictims = entities
    .filter(
      (e) =>
        e.schema === 'Person' &&
        ['victim', 'presumedVictim'].includes(props(e.properties)['proceduralStatus']?.[0] ?? ''),
    )
    .map((e) => identOf(props(e.properties)));
  const companies = entities
    .filter((e) => ['Company', 'LegalEntity', 'Organization'].includes(e.schema))
    .map((e) => ({ ...identById(e.id), dissolved: !!props(e.properties)['dissolutionDate']?.length }));

  const estimate = await proceedsEstimate(store, caller, caseId, undefined);
  const cashDeposits: Record<string, string[]> = {};
  for (const l of lines) {
    const cash = /cash deposit|sissemakse|käteispano|CDPT/i.test(`${l.kind ?? ''} ${l.text ?? ''}`);
    if (cash && l.amount_minor > 0) (cashDeposits[ibanOf(l.account_id)] ??= []).push(l.place ?? l.text ?? '');
  }
  const results: CaseResults = {
    findings,
    companyFlags,
    duplicatePersons,
    duplicateCompanies,
    adNetworks,
    adPhones,
    presumedVictims,
    possibleVictims,
    recordedVictims,
    persons,
    companies,
    proceedsMinor: estimate.totals.proceedsMinor,
    cashDeposits,
    importFailures: run.failed,
    importedSteps: run.imported,
  };
  return { results, caseId, mentions: await readMentionResults(store, caller, caseId) };
}
