/**
 * A scenario as the files an investigation receives (see README.md in src/demo): bank
 * statements per bank in camt.053, MT940 and two CSV layouts, company-register extracts per
 * country, posting notifications, a subcontractor list, bank customer records, police records,
 * and captured ad pages — each with the saved import mapping or options that read it — plus the
 * ground truth apart, in `truth.json`. Files share identifiers (IBANs, registration numbers,
 * document numbers, phones, e-mails, names), never internal ids.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EntityRecord } from '../../domain/records.ts';
import { isEdge } from '../../domain/schema/index.ts';
import { photoFile } from '../photoFiles.ts';
import { canonicalJson } from '../serialize.ts';
import { generateScenario, type ScenarioOptions } from '../scenario.ts';
import type { GroundTruth } from '../groundTruth.ts';
import { callRecordFiles, callRecordOptions } from './calls.ts';
import { bankCompanyRecords, lookalikeFirms } from './companyDuplicates.ts';
import { bankReference, first, slug } from './keys.ts';
import { linkRecords } from './mapping.ts';
import { interviewRecords } from './interviews.ts';
import { kycRecords, policeRecords } from './people.ts';
import { registerFiles } from './registers.ts';
import { seizedSources } from './seized.ts';
import { dkCsvFile, dkCsvOptions, signedCsvFile, signedCsvOptions } from './statementCsv.ts';
import { camtFile, mt940File } from './statementFormats.ts';
import { statementsByAccount } from './statementModel.ts';

export const SOURCES_FORMAT = 'elect-thb-demo-sources';

/** One import an investigator runs: which importer, which files, with which saved mapping. */
export type SourceImport =
  | { kind: 'statements'; format: 'camt053' | 'mt940' | 'bank-csv'; bank: string; files: string[]; options?: string }
  | { kind: 'register'; country: string; file: string; options: string }
  | { kind: 'mapping'; source: string; file: string; mapping: string }
  | { kind: 'calls'; file: string; options: string; subscriber: string }
  | { kind: 'capture'; file: string; url: string; capturedAt: string; resources?: string[] }
  /** Interview and inspection records: observations on persons, each tagged with its indicator. */
  | { kind: 'observations'; source: string; file: string }
  /** A seized phone's chat export or a seized mailbox. */
  | { kind: 'documents'; format: 'chat' | 'mail'; file: string };

export interface SourcesManifest {
  format: typeof SOURCES_FORMAT;
  seed: number;
  scale: number;
  imports: SourceImport[];
}

/** How the truth's ids are found in the files: the identifiers an outsider can match on. */
export interface TruthIdentifiers {
  persons: Record<string, { name: string; birthDate: string; idNumber: string; passportNumber: string; phone: string }>;
  companies: Record<string, { name: string; registrationNumber: string; jurisdiction: string }>;
  accounts: Record<string, string>;
  ads: Record<string, string>;
  /** Statement line reference (the truth's `transactionRef`) → the bank's archive reference. */
  lines: Record<string, string>;
}

const LAYOUTS = ['camt053', 'mt940', 'csv-signed', 'csv-dk'] as const;

const bicOf = (bank: string, iban: string) =>
  `${(slug(bank).replace(/-/g, '').toUpperCase() + 'XXXX').slice(0, 4)}${iban.slice(0, 2)}XX`;

export interface WrittenSources {
  manifest: SourcesManifest;
  truth: GroundTruth;
  identifiers: TruthIdentifiers;
  files: number;
}

/** Writes the sources of scenario `opts` into `out` (created), with `sources.json` and `truth.json`. */
export function writeSources(opts: ScenarioOptions & { out: string }): WrittenSources {
  const s = generateScenario(opts);
  const byId = new Map(s.entities.map((e) => [e.id, e]));
  let files = 0;
  const put = (rel: string, content: string | Buffer) => {
    const path = join(opts.out, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    files++;
    return rel;
  };
  const imports: SourceImport[] = [];

  // Who holds each account (Ownership owner → BankAccount asset).
  const holderOf = new Map<string, EntityRecord>();
  for (const e of s.entities) {
    if (e.schema !== 'Ownership') continue;
    const asset = byId.get(first(e, 'asset'));
    const owner = byId.get(first(e, 'owner'));
    if (asset?.schema === 'BankAccount' && owner && !holderOf.has(asset.id)) holderOf.set(asset.id, owner);
  }
  const accounts = new Map(s.entities.filter((e) => e.schema === 'BankAccount').map((e) => [e.id, e]));
  const owners = new Map([...holderOf].map(([a, h]) => [a, first(h, 'name')]));
  const statements = statementsByAccount(accounts, owners, s.transactions);
  const banks = [...new Set([...accounts.values()].map((a) => first(a, 'bankName') || 'Bank'))].sort();
  const layoutOf = new Map(banks.map((b, i) => [b, LAYOUTS[i % LAYOUTS.length] ?? 'camt053']));
  put('mappings/bank-csv-signed.json', JSON.stringify(signedCsvOptions, null, 2));
  put('mappings/bank-csv-dk.json', JSON.stringify(dkCsvOptions, null, 2));
  // Legitimate firms some bank records under its own spelling without their registration number,
  // and innocent firms of close names in the registers (companyDuplicates.ts).
  const legitimate = new Set(s.groundTruth.companies.filter((c) => c.nature === 'legitimate').map((c) => c.id));
  const companies = s.entities.filter((e) => e.schema === 'Company');
  const bankRecords = bankCompanyRecords(
    opts.seed,
    companies.filter((c) => legitimate.has(c.id) && [...holderOf.values()].some((h) => h.id === c.id)),
  );
  const lookalikes = lookalikeFirms(opts.seed, companies);
  const lineRefs = new Map<string, string>();
  for (const bank of banks) {
    const layout = layoutOf.get(bank) ?? 'camt053';
    const dir = `statements/${slug(bank)}`;
    const written: string[] = [];
    for (const a of statements.filter((x) => x.bank === bank)) {
      for (const st of a.statements)
        for (const t of st.lines) if (t.reference) lineRefs.set(t.reference, bankReference(bank, t.reference));
      const bic = bicOf(bank, a.iban);
      if (layout === 'camt053') written.push(put(`${dir}/${a.iban}.xml`, camtFile(a, bic)));
      else if (layout === 'mt940') written.push(put(`${dir}/${a.iban}.sta`, mt940File(a, bic)));
      else if (layout === 'csv-signed') written.push(put(`${dir}/${a.iban}.csv`, signedCsvFile(a)));
      else written.push(put(`${dir}/${a.iban}.csv`, dkCsvFile(a)));
    }
    if (!written.length) continue;
    const format = layout === 'camt053' || layout === 'mt940' ? layout : 'bank-csv';
    imports.push({
      kind: 'statements',
      format,
      bank,
      files: written,
      ...(layout === 'csv-signed'
        ? { options: 'mappings/bank-csv-signed.json' }
        : layout === 'csv-dk'
          ? { options: 'mappings/bank-csv-dk.json' }
          : {}),
    });
    // The bank's customer records for the accounts it was asked about.
    const customers = [...accounts.values()]
      .filter((a) => (first(a, 'bankName') || 'Bank') === bank)
      .map((account) => ({ account, holder: holderOf.get(account.id) }));
    const kyc = kycRecords(bank, customers, bankRecords);
    const file = put(`customers/${slug(bank)}/customers.csv`, kyc.csv);
    const mapping = put(`mappings/customers-${slug(bank)}.yml`, kyc.yaml);
    imports.push({ kind: 'mapping', source: 'bank customers', file, mapping });
  }

  for (const r of registerFiles(s.entities, byId, lookalikes)) {
    const file = put(`registers/${r.country}/companies.csv`, r.csv);
    const options = put(`mappings/register-${r.country}.json`, JSON.stringify(r.options, null, 2));
    imports.push({ kind: 'register', country: r.country, file, options });
  }

  // Police records on the persons the case is about (not the background population).
  const planted = new Set(s.groundTruth.persons.map((p) => p.id));
  const police = policeRecords(s.entities.filter((e) => e.schema === 'Person' && planted.has(e.id)));
  imports.push({
    kind: 'mapping',
    source: 'police records',
    file: put('police/persons.csv', police.csv),
    mapping: put('mappings/police-persons.yml', police.yaml),
  });

  const interviews = interviewRecords(s.groundTruth.indicatorFacts, byId);
  if (interviews.rows)
    imports.push({
      kind: 'observations',
      source: 'interview and inspection records',
      file: put('police/interviews.csv', interviews.csv),
    });

  // Every other link, one file per schema, written by its ends' identifiers: postings and the
  // subcontractor list as the authorities and the main contractor give them, the rest as police
  // intelligence. Register links (directors, owners of companies) and account holders are above.
  const links = new Map<string, EntityRecord[]>();
  for (const e of s.entities) {
    if (!isEdge(e.schema) || e.schema === 'Directorship') continue;
    if (e.schema === 'Ownership' && ['BankAccount', 'Company'].includes(byId.get(first(e, 'asset'))?.schema ?? ''))
      continue;
    links.set(e.schema, [...(links.get(e.schema) ?? []), e]);
  }
  for (const [schema, ls] of [...links].sort((a, b) => a[0].localeCompare(b[0]))) {
    const where =
      schema === 'Posting'
        ? { dir: 'postings', source: 'posting notifications' }
        : schema === 'Subcontract'
          ? { dir: 'subcontractors', source: 'subcontractor list' }
          : { dir: 'police', source: 'police records' };
    const name = `${slug(schema)}.csv`;
    const m = linkRecords(`${where.dir}_${slug(schema).replace(/-/g, '_')}`, name, ls, byId);
    if (!m?.rows) continue;
    imports.push({
      kind: 'mapping',
      source: where.source,
      file: put(`${where.dir}/${name}`, m.csv),
      mapping: put(`mappings/${where.dir}-${slug(schema)}.yml`, m.yaml),
    });
  }

  // Call records, one file per subscriber, read with the operator's saved mapping.
  const dates = s.transactions.map((t) => t.bookingDate).sort();
  const calls = callRecordFiles(opts.seed, s.entities, s.groundTruth, {
    from: dates[0] ?? '2024-01-01',
    to: dates[dates.length - 1] ?? '2024-12-31',
  });
  if (calls.length) {
    const options = put('mappings/calls-operator.json', JSON.stringify(callRecordOptions, null, 2));
    for (const c of calls)
      imports.push({
        kind: 'calls',
        file: put(`calls/${c.subscriber.slice(1)}.csv`, c.csv),
        options,
        subscriber: c.subscriber,
      });
  }

  // Seized phones' chat exports and mailboxes; what their messages mention stays with the truth.
  const ibanOfHolder = new Map([...holderOf].map(([account, h]) => [h.id, first(accounts.get(account), 'iban')]));
  const seized = seizedSources(opts.seed, s.entities, s.groundTruth, ibanOfHolder, dates[0] ?? '2024-01-01');
  for (const f of seized.files) imports.push({ kind: 'documents', format: f.format, file: put(f.path, f.content) });
  put('truth-mentions.json', JSON.stringify(seized.truth));

  // Captured ad pages, named by the site's own ad number, each saved with its photo beside it.
  for (const c of s.captures) {
    const ad = byId.get(c.adId);
    const url = first(ad, 'url');
    const dir = `ads/${slug(first(ad, 'site') || 'site')}`;
    const name = first(ad, 'adId') || String(files);
    let html = c.html;
    const resources: string[] = [];
    if (c.photo) {
      const photo = photoFile(c.photo.seed, c.photo.variant);
      const rel = `${name}_files/photo.${photo.extension}`;
      html = html.replace(/src="data:image\/svg\+xml;base64,[^"]*"/, `src="${rel}"`);
      resources.push(put(`${dir}/${rel}`, photo.bytes));
    }
    const file = put(`${dir}/${name}.html`, html);
    imports.push({
      kind: 'capture',
      file,
      url,
      capturedAt: first(ad, 'capturedAt'),
      ...(resources.length ? { resources } : {}),
    });
  }

  for (const b of bankRecords.values())
    s.groundTruth.duplicates.push({ canonicalId: b.canonicalId, duplicateId: b.duplicateId, variant: b.variant });
  for (const l of lookalikes)
    s.groundTruth.confounders.push({
      kind: 'namesake',
      entityIds: [l.id],
      why: 'Another firm registered under a name close to a company of the case: same first word, another trade, no officer, address or contact in common.',
    });
  const identifiers = identifiersOf(s.entities, s.groundTruth, lineRefs);
  for (const b of bankRecords.values()) {
    const c = identifiers.companies[b.canonicalId];
    identifiers.companies[b.duplicateId] = {
      name: b.name,
      registrationNumber: '',
      jurisdiction: c?.jurisdiction ?? '',
    };
  }
  for (const l of lookalikes)
    identifiers.companies[l.id] = {
      name: l.name,
      registrationNumber: l.registrationNumber,
      jurisdiction: l.jurisdiction,
    };
  const manifest: SourcesManifest = { format: SOURCES_FORMAT, seed: opts.seed, scale: opts.scale, imports };
  put('sources.json', JSON.stringify(manifest, null, 2));
  put('truth.json', canonicalJson(s.groundTruth));
  put('truth-identifiers.json', JSON.stringify(identifiers));
  return { manifest, truth: s.groundTruth, identifiers, files };
}

function identifiersOf(
  entities: readonly EntityRecord[],
  truth: GroundTruth,
  lineRefs: ReadonlyMap<string, string>,
): TruthIdentifiers {
  const out: TruthIdentifiers = { persons: {}, companies: {}, accounts: {}, ads: {}, lines: {} };
  for (const e of entities) {
    if (e.schema === 'Person')
      out.persons[e.id] = {
        name: first(e, 'name'),
        birthDate: first(e, 'birthDate'),
        idNumber: first(e, 'idNumber'),
        passportNumber: first(e, 'passportNumber'),
        phone: first(e, 'phone'),
      };
    else if (e.schema === 'Company')
      out.companies[e.id] = {
        name: first(e, 'name'),
        registrationNumber: first(e, 'registrationNumber'),
        jurisdiction: first(e, 'jurisdiction'),
      };
    else if (e.schema === 'BankAccount') out.accounts[e.id] = first(e, 'iban') || first(e, 'accountNumber');
    else if (e.schema === 'OnlineAd') out.ads[e.id] = first(e, 'url');
  }
  for (const p of truth.proceeds) {
    const bankRef = p.transactionRef ? lineRefs.get(p.transactionRef) : undefined;
    if (p.transactionRef && bankRef) out.lines[p.transactionRef] = bankRef;
  }
  return out;
}
