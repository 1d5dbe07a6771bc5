/**
 * A small case written here as the files an investigation receives — a posting notification, the
 * bank's customer data, police person records and three workers' statements (a Latvian employer
 * pays EUR 2,000, EUR 1,000 goes back to the controller within two days and EUR 400 to a
 * collector) — imported through the ordinary importers: the workers surface as possible victims
 * with the indicators their lines evidence, the proceeds estimate takes what went back from the
 * same lines, and a rule without its input says so.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testActor } from '../../../test/support/api.ts';
import { authorizeCase } from '../access/policy.ts';
import { createCase } from '../cases/index.ts';
import { importSources } from '../demo/index.ts';
import type { SourceImport } from '../demo/index.ts';
import { estimateCaseProceeds, runFindings } from '../finance/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { fillAssessments } from './fill.ts';
import { surfaceFromData } from './fromData.ts';
import { observationRows } from '../../store/repos/identification/assessments.ts';

/** A valid IBAN of a country, bank part and account digits (ISO 13616 check digits). */
function iban(country: string, bban: string): string {
  const digits = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (const d of digits) r = (r * 10 + Number(d)) % 97;
  return `${country}${String(98 - r).padStart(2, '0')}${bban}`;
}

const EMPLOYER = iban('LV', 'DAUG0000000000001');
const CONTROLLER = iban('LV', 'DAUG0000000000002');
const COLLECTOR = iban('FI', '40000000000003');
const WORKERS = [
  { name: 'Andrii Bondar', birth: '1990-02-03', pass: 'FA100001', iban: iban('FI', '40000000000011') },
  { name: 'Petro Savchuk', birth: '1988-05-06', pass: 'FA100002', iban: iban('FI', '40000000000012') },
  { name: 'Ion Rusu', birth: '1992-07-08', pass: 'FA100003', iban: iban('FI', '40000000000013') },
];
const SUSPECT_PHONE = '+371 20000001';

const STATEMENT_HEAD =
  'Oma tili;Kirjauspäivä;Arvopäivä;Määrä EUROA;Valuutta;Saaja/Maksaja;Saajan tilinumero;Viesti;Arkistointitunnus;Tapahtumalaji';
const CSV_OPTIONS = {
  mapping: {
    account: 'Oma tili',
    date: 'Kirjauspäivä',
    amount: 'Määrä EUROA',
    currency: 'Valuutta',
    counterpartyName: 'Saaja/Maksaja',
    counterpartyAccount: 'Saajan tilinumero',
    text: 'Viesti',
    reference: 'Arkistointitunnus',
    kind: 'Tapahtumalaji',
  },
  delimiter: ';',
  decimal: ',',
  dateFormat: 'DD.MM.YYYY',
  encoding: 'utf-8',
};

function statement(w: (typeof WORKERS)[number], i: number): string {
  const lines = [STATEMENT_HEAD];
  let ref = 1000 * (i + 1);
  const line = (d: string, amount: string, who: string, acc: string, text: string, kind = 'Tilisiirto') =>
    lines.push(`${w.iban};${d};${d};"${amount}";EUR;${who};${acc};${text};${ref++};${kind}`);
  for (const m of ['07', '08', '09', '10']) {
    line(`07.${m}.2023`, '2000,00', 'SIA Celtnieks', EMPLOYER, `ALGA ${m}/2023`);
    line(`08.${m}.2023`, '-1000,00', 'Controller', CONTROLLER, 'atmaksa');
    line(`10.${m}.2023`, '-400,00', 'Collector', COLLECTOR, 'īre');
    line(`20.${m}.2023`, '-35,10', 'Kauppa', '', 'Korttiosto', 'Korttiosto');
  }
  return lines.join('\n') + '\n';
}

const CUSTOMERS = [
  'Customer name,Date of birth,Document number,Phone,Address,IBAN',
  ...WORKERS.map(
    (w, i) =>
      `${w.name},${w.birth},${w.pass},${i === 0 ? SUSPECT_PHONE : `+358 40 000 00${i}`},"Kuja ${i}, Espoo",${w.iban}`,
  ),
].join('\n');
const CUSTOMERS_MAP = `customers:
  query:
    csv_url: customers.csv
    entities:
      person:
        schema: Person
        keys: [Customer name, Date of birth, Document number]
        properties:
          name: { column: Customer name }
          birthDate: { column: Date of birth }
          passportNumber: { column: Document number }
          phone: { column: Phone }
          address: { column: Address }
      account:
        schema: BankAccount
        keys: [IBAN]
        properties:
          iban: { column: IBAN }
      owns:
        schema: Ownership
        keys: [IBAN, Customer name]
        properties:
          owner: { entity: person }
          asset: { entity: account }
`;
const POLICE = `Nimi,Syntymäaika,Puhelin,Osoite,Asema\nValdis Kalns,1970-01-01,${SUSPECT_PHONE},"Rīga",suspect\n`;
const POLICE_MAP = `police:
  query:
    csv_url: persons.csv
    entities:
      person:
        schema: Person
        keys: [Nimi, Syntymäaika]
        properties:
          name: { column: Nimi }
          birthDate: { column: Syntymäaika }
          phone: { column: Puhelin }
          address: { column: Osoite }
          proceduralStatus: { column: Asema }
`;
const POSTING = [
  'host,hostReg,worker,birth,passport,sender,senderReg,workplace,start',
  ...WORKERS.map(
    (w) => `Rakennus Oy,1234567-1,${w.name},${w.birth},${w.pass},SIA Celtnieks,40000000001,Espoo,2023-06-01`,
  ),
].join('\n');
const POSTING_MAP = `postings:
  query:
    csv_url: posting.csv
    entities:
      worker:
        schema: Person
        keys: [worker, birth, passport]
        properties:
          name: { column: worker }
          birthDate: { column: birth }
          passportNumber: { column: passport }
      sender:
        schema: Company
        keys: [senderReg]
        properties:
          name: { column: sender }
          registrationNumber: { column: senderReg }
      link:
        schema: Posting
        keys: [worker, senderReg, start]
        properties:
          worker: { entity: worker }
          sendingCompany: { entity: sender }
          workplace: { column: workplace }
          startDate: { column: start }
`;

const CONTROL = `controller,controllerBirth,controlled,controlledBirth,kind
Valdis Kalns,1970-01-01,Ion Rusu,1992-07-08,from the worker's statement
`;
const CONTROL_MAP = `control:
  query:
    csv_url: control.csv
    entities:
      controller:
        schema: Person
        keys: [controller, controllerBirth]
        properties:
          name: { column: controller }
          birthDate: { column: controllerBirth }
      controlled:
        schema: Person
        keys: [controlled, controlledBirth]
        properties:
          name: { column: controlled }
          birthDate: { column: controlledBirth }
      link:
        schema: Control
        keys: [controller, controlled]
        properties:
          controller: { entity: controller }
          controlled: { entity: controlled }
          role: { column: kind }
`;

function writeSample(): { dir: string; plan: SourceImport[] } {
  const dir = mkdtempSync(join(tmpdir(), 'elect-victims-'));
  const put = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  WORKERS.forEach((w, i) => put(`statements/${w.iban}.csv`, statement(w, i)));
  put('csv.json', JSON.stringify(CSV_OPTIONS));
  put('kyc/customers.csv', CUSTOMERS);
  put('kyc.yml', CUSTOMERS_MAP);
  put('police/persons.csv', POLICE);
  put('police.yml', POLICE_MAP);
  put('postings/posting.csv', POSTING);
  put('postings.yml', POSTING_MAP);
  put('police/control.csv', CONTROL);
  put('control.yml', CONTROL_MAP);
  const plan = [
    { kind: 'mapping', source: 'posting notifications', file: 'postings/posting.csv', mapping: 'postings.yml' },
    { kind: 'mapping', source: 'bank customers', file: 'kyc/customers.csv', mapping: 'kyc.yml' },
    { kind: 'mapping', source: 'police persons', file: 'police/persons.csv', mapping: 'police.yml' },
    { kind: 'mapping', source: 'police control', file: 'police/control.csv', mapping: 'control.yml' },
    {
      kind: 'statements',
      format: 'bank-csv',
      bank: 'Pohjan Pankki',
      files: WORKERS.map((w) => `statements/${w.iban}.csv`),
      options: 'csv.json',
    },
  ] as SourceImport[];
  return { dir, plan };
}

describeEachDialect('possible victims and proceeds from imported files', ({ store }) => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  itDb(
    'surfaces the workers with cited evidence, estimates proceeds from their lines, notes missing input',
    async () => {
      const s = store();
      const actor = await testActor(s, 'victims-data', 'investigator');
      const kase = await createCase(s, actor, { title: 'Victims from data', country: 'FI' });
      const { dir, plan } = writeSample();
      dirs.push(dir);
      const run = await importSources(s, cliCaller(actor), kase.id, dir, plan);
      expect(run.failed).toEqual([]);

      const summary = await runFindings(s, actor, kase.id);
      expect(summary.byRule['wageKickback']).toBeGreaterThanOrEqual(1);
      // Only card payments carry a place, none of them a deposit: the funnel rule says it cannot look.
      expect(summary.notices.map((n) => n.message)).toContain(
        'Funnel detection needs deposit places; none of the 3 imported statements has them.',
      );

      const access = await authorizeCase(s, actor, kase.id, 'case:victims');
      const out = await surfaceFromData(s, actor, access);
      const persons = await s
        .scope(kase.id)
        .selectFrom('entities')
        .select(['id', 'properties'])
        .where('schema', '=', 'Person')
        .execute();
      const nameOf = new Map(persons.map((p) => [p.id, (JSON.parse(p.properties) as { name?: string[] }).name?.[0]]));
      const surfaced = new Set(out.suggestions.map((x) => nameOf.get(x.personId)));
      for (const w of WORKERS) expect(surfaced, w.name).toContain(w.name);
      expect(surfaced).not.toContain('Valdis Kalns');

      const first = out.suggestions.filter((x) => nameOf.get(x.personId) === WORKERS[0]?.name);
      const signals = new Set(first.map((x) => x.signal));
      expect(signals).toEqual(new Set(['wageKickback', 'wageDeduction', 'keptBelowMinimum', 'controlledContact']));
      const low = first.find((x) => x.signal === 'keptBelowMinimum');
      expect(low?.item).toBe('ec.lowPay');
      expect(low?.detail).toContain('LV minimum wage of EUR 620.00/month');
      expect(low?.detail).toContain('likumi.lv');
      // Each month cites its wage and the two lines that went back: 4 × 3 lines.
      expect(low?.transactionIds).toHaveLength(12);
      const kick = first.find((x) => x.signal === 'wageKickback' && x.catalogue === 'ILO');
      expect(kick).toMatchObject({ code: 'withholdingOfWages', item: 'cd.withholdingWages', added: true });
      expect(kick?.transactionIds).toHaveLength(4);
      expect(kick?.source).toContain('ILO');

      // A recorded Control link names Ion Rusu as controlled (a person of its own until records are joined).
      const controlled = out.suggestions.filter((x) => x.signal === 'controlledByPerson');
      expect(controlled.map((x) => nameOf.get(x.personId))).toEqual(['Ion Rusu']);
      expect(controlled[0]?.item).toBe('avd.dependency');

      // Suggestions are observations of origin data:…, added once however often it runs.
      const again = await surfaceFromData(s, actor, access);
      expect(again.suggestions.every((x) => !x.added)).toBe(true);
      const rows = (await observationRows(s.scope(kase.id))).filter((o) => o.origin.startsWith('data:'));
      expect(rows).toHaveLength(out.suggestions.length);

      // Filling weighs them; recruitment is not in the statements, so the rule asks for it rather than deciding.
      const filled = await fillAssessments(s, actor, access);
      // Every person with a suggestion: the three workers and the police record's Ion Rusu (not joined here).
      expect(filled.assessed).toBe(new Set(out.suggestions.map((x) => x.personId)).size);
      for (const a of filled.assessments) expect(a.decision.missing.length).toBeGreaterThan(0);

      const estimate = await estimateCaseProceeds(s, kase.id);
      expect(estimate.victims.map((v) => nameOf.get(v.personId)).sort()).toEqual(WORKERS.map((w) => w.name).sort());
      // 4 months × (EUR 1,000 handed back + EUR 400 deducted) per worker, from the lines.
      expect(estimate.totals.byKind.wageKickback).toBe(3 * 4 * 100_000);
      expect(estimate.totals.byKind.deduction).toBe(3 * 4 * 40_000);
      // No hours or wage entered: wages owed against the payer country's statutory minimum, its source cited.
      // 4 × EUR 620 due − (EUR 8,000 paid − EUR 5,600 taken back) = EUR 80 per worker.
      expect(estimate.norms).toEqual([
        expect.objectContaining({ name: 'statutory minimum wage LV 2023', monthlyMinor: 62_000 }),
      ]);
      expect(estimate.norms[0]?.source).toContain('likumi.lv');
      expect(estimate.totals.byKind.wagesOwed).toBe(3 * 8_000);
    },
    120_000,
  );
});
