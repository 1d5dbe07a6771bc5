/**
 * Companies of a case: the subcontracting and posting chains and the company red flags, read
 * through the actor's visibility (a partial share sees its entities only; victims appear by
 * pseudonym to those without victim contact).
 */
import type { z } from 'zod';
import {
  buildChains,
  companyFlags,
  companyGraph,
  companyPatterns,
  describeFlagRule,
  FLAG_RULES,
} from '../../domain/companies/index.ts';
import type {
  ChainNode,
  CompanyFlag,
  CompanyGraph,
  CompanyPatternOut,
  FlagParams,
  FlagRuleId,
} from '../../domain/companies/index.ts';
import { pseudonymOf } from '../../domain/access/victims.ts';
import type { EntityRecord } from '../../domain/records.ts';
import { descendantsOf } from '../../domain/schema/registry.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { fileInput } from '../../ingest/files.ts';
import { companyRegisterImporter, type CompanyRegisterOptions } from '../../ingest/formats/companyRegister.ts';
import type { CompanyFlagsQuery } from '../../shared/contracts/companies.ts';
import { entitiesOfSchemata } from '../../store/repos/companies/companies.ts';
import type { Store } from '../../store/store.ts';
import { canSee, hiddenVictim, visibilityOf, type CaseAccess } from '../access/index.ts';
import { atPath } from '../entities/index.ts';
import { assemblyDetail } from '../assembly/index.ts';
import { importRulesFor, runImport } from '../imports/index.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';

export type { ChainNode, CompanyFlag, CompanyRegisterOptions };

const LINKS = ['Directorship', 'Ownership', 'Employment', 'Subcontract', 'Posting', 'Succession'] as const;

/** The schemata the company graph is read from. */
export function companySchemata(): string[] {
  return [...new Set([...descendantsOf('Organization'), 'Person', ...LINKS])];
}

/** The case's company graph as this actor may see it. */
export async function caseCompanyGraph(store: Store, access: CaseAccess): Promise<CompanyGraph> {
  const v = await visibilityOf(store, access);
  const rows = await entitiesOfSchemata(store.scope(access.caseId), companySchemata());
  const records: EntityRecord[] = [];
  for (const r of rows) {
    if (!canSee(v, r.id)) continue;
    const properties = JSON.parse(r.properties) as Properties;
    // A victim the actor may not identify is in the chain by pseudonym only.
    if (hiddenVictim(v, r)) records.push({ id: r.id, schema: r.schema, properties: { name: [pseudonymOf(r.id)] } });
    else records.push({ id: r.id, schema: r.schema, properties });
  }
  return companyGraph(records);
}

export interface CompanyView {
  chains: ChainNode[];
  /** Flags by company id, for every company of the case (in a chain or not). */
  flags: Record<string, CompanyFlag[]>;
  /** What each company's flags say together (domain/companies patterns.ts), for those they make one. */
  patterns: Record<string, CompanyPatternOut>;
  companies: { id: string; name: string; country: string | null; inChain: boolean }[];
}

export async function companyView(
  store: Store,
  access: CaseAccess,
  opts: { rules?: readonly FlagRuleId[]; params?: FlagParams } = {},
): Promise<CompanyView> {
  const g = await caseCompanyGraph(store, access);
  const chains = buildChains(g);
  const flags: Record<string, CompanyFlag[]> = {};
  const all = companyFlags(g, opts);
  for (const f of all) (flags[f.companyId] ??= []).push(f);
  const patterns = Object.fromEntries(companyPatterns(all));
  const inChain = new Set<string>();
  const walk = (n: ChainNode) => {
    inChain.add(n.companyId);
    n.children.forEach(walk);
  };
  chains.forEach(walk);
  const companies = [...g.companies.values()]
    .map((c) => ({ id: c.id, name: c.name, country: c.country, inChain: inChain.has(c.id) }))
    .sort(
      (a, b) =>
        Number(b.inChain) - Number(a.inChain) ||
        (flags[b.id]?.length ?? 0) - (flags[a.id]?.length ?? 0) ||
        a.name.localeCompare(b.name),
    );
  return { chains, flags, patterns, companies };
}

export const flagRules = () => FLAG_RULES.map(describeFlagRule);

export const listFlagRules = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'companyFlagRules' },
  run: async () => ({ rules: flagRules() }),
});

type FlagsQuery = z.infer<typeof CompanyFlagsQuery>;
const rulesOf = (q: FlagsQuery) => (q.rules ? { rules: q.rules } : {});

export const companyChains = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'companyChains' },
  run: async ({ store, access, audit }, query: FlagsQuery) => {
    const view = await companyView(store, access, rulesOf(query));
    audit.returned(view.companies.map((c) => c.id));
    return view;
  },
});

export const caseCompanyFlags = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'companyFlags' },
  run: async ({ store, access, audit }, query: FlagsQuery) => {
    const view = await companyView(store, access, rulesOf(query));
    audit.returned(Object.keys(view.flags));
    return { flags: Object.values(view.flags).flat() };
  },
});

/** A company-register extract (CSV) read from a file into the case, with its column mapping. */
export const importCompanyRegister = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'import' },
  run: async (
    { store, actor, access, caseId, audit },
    { path, options }: { path: string; options: CompanyRegisterOptions },
  ) => {
    const ownership = await importRulesFor(store, access);
    const input = fileInput(path);
    const report = await runImport(store, actor, caseId, companyRegisterImporter, input, options, ownership).catch(
      (e: unknown) => {
        throw atPath(e, `${input.fileName}:`);
      },
    );
    audit.target(report.sourceId);
    audit.detail({ format: 'company-register', sha256: report.sha256, ...assemblyDetail(report.assembly) });
    return { fileName: input.fileName, report };
  },
});

/** Every company of the case with its flags (the CLI's `companies flags`). */
export const flagsByCompany = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'companyFlags' },
  run: async ({ store, access, audit }) => {
    const view = await companyView(store, access);
    audit.returned(view.companies.map((c) => c.id));
    return view;
  },
});
