/**
 * The demo case's report read as a prosecutor reads it, page by page: every page is rendered to
 * PNG (test-artifacts/screens/report-pages-<lang>-N.png, for a person to look at) and its text
 * (pdftotext, page by page) must show no raw key — no translation key, no camelCase or dotted
 * identifier — no internal id outside the audit appendix, and dates and amounts written the way
 * the report's language writes them. The reader is a prosecutor without victim contact, so the
 * victims' pseudonyms are checked too. The drawing does not depend on the database, so one
 * dialect (SQLite) is enough here; report.demo.test.ts runs the gathering on both. Also: no heading
 * left at a page's foot, no lane name cut, every legal-element gap saying what would fill it, and
 * the wage kick-back finding on the main suspect's account supporting means and purpose.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/dialects.ts';
import { REPORT_LABELS } from '../../domain/prosecution/labels.ts';
import type { ReportLanguage } from '../../domain/prosecution/report.ts';
import { addMember } from '../../store/repos/cases/cases.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser } from '../access/users.ts';
import type { Actor } from '../access/actor.ts';
import { resolveCaseAccess } from '../access/policy.ts';
import type { CaseAccess } from '../access/policy.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { runFindings } from '../finance/findings.ts';
import { gatherReport } from './report.ts';
import { reportWords } from './reportWords.ts';
import { renderReport } from './reportPdf.ts';
import { rawWordsIn, idsIn, wrongLocaleIn } from '../../domain/prosecution/reportReading.ts';

const SEED = 20261129;
const SCREENS = new URL('../../../test-artifacts/screens/', import.meta.url).pathname;

type Tree = { [key: string]: string | Tree };
const leaves = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
const english = JSON.parse(readFileSync(new URL('../../web/i18n/en.json', import.meta.url), 'utf8')) as {
  finance: { explain: Tree };
  identification: { matrix: { legalSource: string } };
};
/** The fixed words of the findings' English sentences and the legal source: none may stay in FI/ET/LV. */
const ENGLISH_WORDS = [
  ...leaves(english.finance.explain).flatMap((t) => t.split(/\{\{\w+\}\}/).map((x) => x.trim())),
  english.identification.matrix.legalSource,
].filter((x) => x.length >= 24);

function pagesOf(pdfFile: string): string[] {
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
}

describe('the demo case report, page by page', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let reader: Actor;
  let access: CaseAccess;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore('sqlite'));
    const lead = actorOf(await addUser(store, { username: 'pages-lead', platformRole: 'investigator' }));
    reader = actorOf(await addUser(store, { username: 'pages-prosecutor', platformRole: 'prosecutor' }));
    const { caseId } = await loadDemoCase(store, lead, { seed: SEED, scale: 1 });
    await addMember(store.scope(caseId), {
      user_id: reader.id,
      case_role: 'readonly',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    access = (await resolveCaseAccess(store, reader, caseId)) as CaseAccess;
    await runFindings(store, lead, caseId);
  }, 300_000);
  afterAll(async () => dispose?.());

  for (const language of ['en', 'lv', 'fi', 'et'] as ReportLanguage[]) {
    it(`reads in ${language} without keys or ids, dates and amounts in its locale`, async () => {
      const data = await gatherReport(store, reader, access, { sections: [], language, chartIds: [] });
      const { bytes, pages } = await renderReport(data);
      mkdirSync(SCREENS, { recursive: true });
      const pdf = `${SCREENS}report-pages-${language}.pdf`;
      writeFileSync(pdf, bytes);
      for (const f of readdirSync(SCREENS)) if (f.startsWith(`report-pages-${language}-`)) rmSync(SCREENS + f);
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '70', pdf, `${SCREENS}report-pages-${language}`]);
      const texts = pagesOf(pdf);
      expect(texts.length).toBe(pages);
      const appendix = texts.findIndex((t) => t.includes(REPORT_LABELS[language].phrases.appendix));
      const problems: string[] = [];
      texts.forEach((t, i) => {
        const where = `page ${i + 1}`;
        for (const w of rawWordsIn(t)) problems.push(`${where}: raw key ${w}`);
        if (appendix < 0 || i < appendix) for (const id of idsIn(t)) problems.push(`${where}: id ${id}`);
        for (const w of wrongLocaleIn(t, language)) problems.push(`${where}: not ${language}: ${w}`);
      });
      const L = REPORT_LABELS[language];
      const headings = new Set<string>(Object.values(L.sections));
      texts.forEach((t, i) => {
        // No heading orphaned at a page's foot: the last line above the footer is not a heading.
        const lines = t.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith(L.phrases.exportedBy));
        if (headings.has(lines[lines.length - 1] ?? '')) problems.push(`page ${i + 1}: heading at the foot`);
      });
      const all = texts.join('\n');
      const flat = all.replace(/\s+/g, ' ');
      // Lane names are never cut ("accommodat…"); every gap says what would fill it.
      const words = reportWords(language);
      for (const lane of data.chain?.lanes ?? [])
        for (const word of words.lane(lane).split(' '))
          for (let k = 4; k < word.length; k++)
            if (all.includes(`${word.slice(0, k)}…`)) problems.push(`lane ${lane} cut: ${word.slice(0, k)}…`);
      if (language !== 'en')
        for (const words of ENGLISH_WORDS) if (flat.includes(words)) problems.push(`English left: ${words}`);
      // Long captions in the chain's boxes wrap instead of being cut.
      const chainPage = texts.find((t) => t.includes(`${L.words.figure} 1`)) ?? '';
      const cut = chainPage.split('\n').filter((l) => /\S…(\s|$)/.test(l));
      if (cut.length > 2) problems.push(`chain captions cut: ${cut.length} lines`);
      const gaps = flat.split(`${L.status.gap} `).length - 1;
      expect(flat.split(`${L.status.gap} — ${L.phrases.fillWith}:`).length - 1).toBe(gaps);
      // The kick-back finding on the main suspect's account supports means and purpose against him.
      expect(flat).toContain(`${L.elements.means}: ${L.status.supported}`);
      expect(flat).toContain(`${L.elements.purpose}: ${L.status.supported}`);
      // Housing deductions on his account show the act too (harbouring), with their source.
      expect(flat.split(`${L.elements.act}: ${L.status.supported}`).length - 1).toBeGreaterThanOrEqual(2);
      expect(flat).toContain('FATF/APG (2018), Financial Flows from Human Trafficking');
      console.log(`${language}: ${pages} pages; ${problems.length} problems`);
      expect(problems.slice(0, 40)).toEqual([]);
    }, 240_000);
  }
});
