/**
 * The prosecutor's case report of a generated case, read back through the PDF's own text
 * (pdftotext): every controller of the ground truth appears with their legal-element matrix,
 * victims appear only by pseudonym to a user without victim contact, and the proceeds total holds
 * the generator's proceeds ledger, to the cent, plus no more than measured for innocent look-alikes.
 * The first two pages are rendered to PNG for a person to look at. Then: one altered byte of an
 * evidence file makes the register name that file; and the case's chart goes out as ANX and
 * comes back into a new case with the same entities, links and types.
 * The seed was not used in development (development used seeds 1–11).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import type { GroundTruthPart } from '../../demo/index.ts';
import { pseudonymOf } from '../../domain/access/victims.ts';
import { money } from '../../domain/prosecution/report.ts';
import { addMember } from '../../store/repos/cases/cases.ts';
import { listGroundTruthParts } from '../../../test/support/demoTruth.ts';
import type { Actor } from '../access/actor.ts';
import { createCase } from '../cases/cases.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { evidenceRegister } from './evidenceRegister.ts';
import { runFindings } from '../finance/findings.ts';
import { truthFrom } from '../../../test/support/financeGrading.ts';
import { saveProceedsModel } from '../finance/proceeds.ts';
import { loadCaseGraph } from '../views/graph.ts';
import { resolveCaseAccess } from '../access/policy.ts';
import type { CaseAccess } from '../access/policy.ts';
import { exportAnx, importAnx } from './anx.ts';
import { finishedReport, startReport } from './reportJobs.ts';
import { actorOf, addUser } from '../access/users.ts';

const SEED = 515_151;
const SCALE = 1;
/** Proceeds printed beyond the generator's ledger: measured 0 (EUR 747,360 before look-alikes were told apart). */
const MAX_EXCESS_PROCEEDS_MINOR = 0;
const PDFTOTEXT = '/usr/bin/pdftotext';
const ARTIFACTS = new URL('../../../test-artifacts/', import.meta.url);

function pdfText(pdf: Uint8Array, name: string): string {
  mkdirSync(new URL('screens/', ARTIFACTS), { recursive: true });
  const file = new URL(name, ARTIFACTS).pathname;
  writeFileSync(file, pdf);
  if (!existsSync(PDFTOTEXT))
    throw new Error('pdftotext (poppler-utils) is not installed: apt-get install -y poppler-utils');
  return execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describeEachDialect('the case report of a generated case', ({ store }) => {
  let caseId = '';
  let lead: Actor;
  let reader: Actor;
  let truth: GroundTruthPart[] = [];
  let readerAccess: CaseAccess;

  beforeAll(async () => {
    let s;
    try {
      s = store();
    } catch {
      return;
    }
    const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    lead = actorOf(await addUser(s, { username: `rep-lead-${tag}`, platformRole: 'investigator' }));
    reader = actorOf(await addUser(s, { username: `rep-pros-${tag}`, platformRole: 'prosecutor' }));
    caseId = (await loadDemoCase(s, lead, { seed: SEED, scale: SCALE })).caseId;
    await addMember(s.scope(caseId), {
      user_id: reader.id,
      case_role: 'readonly',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    readerAccess = (await resolveCaseAccess(s, reader, caseId)) as CaseAccess;
    truth = truthFrom(await listGroundTruthParts(s.scope(caseId)));
    await runFindings(s, lead, caseId);
    // The figures victims would give in their statements (cash charges no statement line shows), as
    // services/financeDemo.test.ts.
    const ledger = truth.flatMap((t) => t.proceeds);
    const networkOf = new Map(truth.flatMap((t) => t.persons.map((p) => [p.id, p.networkId])));
    const transport = new Map<string, { euros: number; victims: Set<string> }>();
    for (const e of ledger) {
      if (e.kind !== 'deduction' || e.transactionRef) continue;
      const t = transport.get(networkOf.get(e.victimId) ?? '') ?? {
        euros: e.amountMinor / 100,
        victims: new Set<string>(),
      };
      t.victims.add(e.victimId);
      transport.set(networkOf.get(e.victimId) ?? '', t);
    }
    await saveProceedsModel(s, lead, caseId, {
      assumptions: [
        {
          name: 'cashKickbackWindowDays',
          value: 3,
          unit: 'days',
          source: 'Victims’ statements (test: the generator’s ledger)',
        },
        ...[...transport.values()].map((t) => ({
          name: 'transportDeductionPerMonth',
          value: t.euros,
          unit: 'EUR/month',
          appliesTo: [...t.victims],
          source: 'Victims’ statements (test: the generator’s ledger)',
        })),
      ],
    });
  }, 300_000);

  itDb(
    "shows every controller with their legal elements, victims by pseudonym, and the ledger's proceeds total",
    async () => {
      const started = await startReport(store(), reader, readerAccess, { sections: [], chartIds: [], language: 'en' });
      expect(started.status).toBe('running');
      const { job, bytes } = await finishedReport(store(), reader, caseId, started.id);
      expect(job.status).toBe('done');
      const text = pdfText(bytes, `report-${store().dialect}.pdf`);
      const flat = text.replace(/\s+/g, ' ');
      const matrix = flat.slice(
        flat.indexOf('Legal elements per suspect'),
        flat.indexOf('Chain view', flat.indexOf('Legal elements per suspect')),
      );
      expect(matrix.length).toBeGreaterThan(100);

      const entity = async (id: string) =>
        store()
          .scope(caseId)
          .selectFrom('entities')
          .select(['caption', 'properties'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      const controllers = truth.flatMap((t) => t.networks.flatMap((n) => n.controllerIds));
      expect(controllers.length).toBeGreaterThan(0);
      const captions = await Promise.all(controllers.map(async (id) => (await entity(id)).caption));
      for (const caption of captions) {
        expect(matrix, `controller ${caption} in the legal-element matrix`).toContain(caption);
        // The controller's block: the lines after their heading, up to the next suspect's heading.
        const lines = text
          .slice(text.indexOf('Legal elements per suspect'))
          .split('\n')
          .map((l) => l.trim());
        const start = lines.findIndex((l) => l === caption);
        const end = lines.findIndex((l, i) => i > start && (captions.includes(l) || l === 'Chain view'));
        const block = lines.slice(start + 1, end).join(' ');
        for (const element of ['Act:', 'Means:', 'Purpose:'])
          expect(block, `${caption}: ${element}`).toContain(element);
      }

      const victims = truth
        .flatMap((t) => t.persons)
        .filter(
          (p) => (p.proceduralStatus === 'victim' || p.proceduralStatus === 'presumedVictim') && !p.isDuplicateOf,
        );
      for (const v of victims) {
        const row = await entity(v.id);
        const props = JSON.parse(row.properties) as Record<string, string[]>;
        for (const name of [row.caption, ...(props.name ?? []), ...(props.passportNumber ?? [])].filter(
          (n) => n !== pseudonymOf(v.id),
        ))
          expect(flat, `victim ${v.id}'s ${name}`).not.toContain(name);
        if ((props.proceduralStatus ?? []).length) expect(flat).toContain(pseudonymOf(v.id));
      }

      const ledgerTotal = truth.flatMap((t) => t.proceeds).reduce((a, e) => a + e.amountMinor, 0);
      const m = /Total proceeds: (-?)€([\d,]+\.\d{2})/.exec(flat);
      expect(m, 'the proceeds total in the report').not.toBeNull();
      const printed = (m?.[1] ? -1 : 1) * Math.round(Number((m?.[2] ?? '').replace(/,/g, '')) * 100);
      console.log(
        `report: ${job.pages} pages, ${job.bytes} bytes; proceeds printed ${money(printed, 'EUR')}, ledger ${money(ledgerTotal, 'EUR')}`,
      );
      // Every euro of the ledger is in the printed total, and nothing that innocent look-alikes
      // (cash businesses' deposits, wages taken out in cash) would add.
      expect(printed).toBeGreaterThanOrEqual(ledgerTotal);
      expect(printed - ledgerTotal).toBeLessThanOrEqual(MAX_EXCESS_PROCEEDS_MINOR);

      const png = new URL(`screens/report-${store().dialect}`, ARTIFACTS).pathname;
      execFileSync('/usr/bin/pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '2',
        new URL(`report-${store().dialect}.pdf`, ARTIFACTS).pathname,
        png,
      ]);
      expect(existsSync(`${png}-01.png`) || existsSync(`${png}-1.png`)).toBe(true);
    },
    240_000,
  );

  itDb(
    'names the evidence file whose bytes changed',
    async () => {
      const before = await evidenceRegister(store(), caseId, { verify: true });
      expect(before.items.length).toBeGreaterThan(0);
      expect(before.failed).toEqual([]);
      const victim = before.items[Math.floor(before.items.length / 2)];
      if (!victim) throw new Error('no evidence file');
      const row = await store()
        .scope(caseId)
        .selectFrom('case_files')
        .select('content')
        .where('id', '=', victim.fileId)
        .executeTakeFirstOrThrow();
      const altered = Buffer.from(row.content);
      altered[altered.length >> 1] = (altered[altered.length >> 1] ?? 0) ^ 0x01;
      await store()
        .scope(caseId)
        .updateTable('case_files')
        .set({ content: altered })
        .where('id', '=', victim.fileId)
        .execute();
      const after = await evidenceRegister(store(), caseId, { verify: true });
      expect(after.ok).toBe(false);
      expect(after.failed).toEqual([victim.fileName]);
      expect(after.items.find((i) => i.fileId === victim.fileId)?.status).toBe('altered');
      await store()
        .scope(caseId)
        .updateTable('case_files')
        .set({ content: row.content })
        .where('id', '=', victim.fileId)
        .execute();
    },
    120_000,
  );

  itDb(
    'exports the chart as ANX and imports it into a new case with the same entities, links and types',
    async () => {
      const access = (await resolveCaseAccess(store(), lead, caseId)) as CaseAccess;
      const graph = await loadCaseGraph(store(), access);
      const out = await exportAnx(store(), lead, access);
      expect(XMLValidator.validate(out.text)).toBe(true);
      expect((out.text.match(/<End /g) ?? []).length).toBe(graph.nodes.size);
      expect((out.text.match(/<Link /g) ?? []).length).toBe(graph.edges.length);
      expect([out.entities, out.links]).toEqual([graph.nodes.size, graph.edges.length]);

      const fresh = await createCase(store(), lead, { title: 'ANX round trip', country: 'FI', purpose: 'demo' });
      const imported = await importAnx(store(), lead, fresh.id, 'demo.anx', out.text);
      expect(imported.chartId).not.toBeNull();
      const back = await loadCaseGraph(store(), (await resolveCaseAccess(store(), lead, fresh.id)) as CaseAccess);
      const types = (xs: Iterable<{ schema: string }>) => [...xs].map((x) => x.schema).sort();
      expect(back.nodes.size).toBe(graph.nodes.size);
      expect(back.edges.length).toBe(graph.edges.length);
      expect(types(back.nodes.values())).toEqual(types(graph.nodes.values()));
      // A selector edge is drawn from the holder's property (her phone); the importing case gets
      // the ANX link itself, so it comes back as an explicit link between the same two ends.
      const asImported = graph.edges.map((e) => ({ schema: e.schema === 'Selector' ? 'UnknownLink' : e.schema }));
      expect(graph.edges.some((e) => e.schema === 'Selector')).toBe(true);
      expect(types(back.edges)).toEqual(types(asImported));
    },
    180_000,
  );
});
