/**
 * Draws the gathered case report (report.ts) as a PDF in the user's language with the
 * platform's one PDF writer (pdf/document.ts, DejaVu Sans: Finnish, Estonian, Latvian and
 * Cyrillic names print as written). It reads as a prosecutor reads it: things named with the
 * workspace's labels (reportWords.ts), people, accounts and companies by name or IBAN, dates and
 * amounts as the language writes them, empty sections saying what would fill them. Internal ids
 * appear only in the appendix that ties each named entity to the audit chain. Every page
 * carries the export footer.
 */
import { delphiItem, RULE_ACTS, textIn } from '../../domain/indicators/index.ts';
import { REPORT_LABELS } from '../../domain/prosecution/labels.ts';
import type { ReportSection } from '../../domain/prosecution/report.ts';
import { localeFormat } from '../../shared/locale.ts';
import { PdfWriter } from '../pdf/index.ts';
import type { ReportData } from './report.ts';
import { drawChain, drawChart } from './figures.ts';
import { reportWords } from './reportWords.ts';
import { ALERT, MUTED } from './reportPage.ts';
import type { Page } from './reportPage.ts';
import { drawAudit, drawEvidence, drawFinance, drawTimeline } from './reportSections.ts';

const MAX_ROWS = 400;

export async function renderReport(
  d: ReportData,
  progress: (fraction: number) => void = () => {},
): Promise<{ bytes: Uint8Array; pages: number }> {
  const L = REPORT_LABELS[d.language];
  const w = reportWords(d.language);
  const f = localeFormat(d.language);
  const stamp = `${L.phrases.exportedBy} ${d.exportedBy} · ${f.dateTime(d.generatedAt)}`;
  const pdf = await PdfWriter.create({ title: `${L.title}: ${d.kase.title}`, subject: d.kase.title, footer: stamp });
  const line: Page['line'] = (t, opts = {}) =>
    pdf.text(t, { size: opts.size ?? 9, ...(opts.color ? { color: opts.color } : {}) });
  const page: Page = {
    d,
    L,
    w,
    f,
    pdf,
    heading: (s, next = 40) => {
      pdf.keep(56 + next); // heading, rule and the start of what follows stay together
      pdf.space(10);
      pdf.text(s in L.sections ? L.sections[s as ReportSection] : s, { size: 15, bold: true, after: 2 });
      pdf.rule();
    },
    sub: (t, next = 24) => {
      pdf.keep(20 + next);
      pdf.text(t, { size: 11, bold: true, after: 2 });
    },
    line,
    capped: (xs, each) => {
      xs.slice(0, MAX_ROWS).forEach(each);
      if (xs.length > MAX_ROWS) line(`… ${f.number(xs.length - MAX_ROWS)} ${L.words.more}`, { color: MUTED });
    },
  };

  pdf.text(L.title, { size: 22, bold: true, after: 4 });
  pdf.text(d.kase.title, { size: 14, after: 2 });
  const head = [d.kase.reference, f.country(d.kase.country)];
  if (d.kase.handlingCode) head.push(`${L.handlingCode}: ${d.kase.handlingCode}`);
  line(head.filter(Boolean).join(' · '), { color: MUTED });
  line(stamp, { color: MUTED });
  pdf.space(8);

  d.sections.forEach((s, i) => {
    progress(i / d.sections.length);
    if (s === 'summary') drawSummary(page);
    else if (s === 'persons') drawPersons(page);
    else if (s === 'legalMatrix') drawMatrix(page);
    else if (s === 'chain') drawChainSection(page);
    else if (s === 'charts') drawCharts(page);
    else if (s === 'timeline') drawTimeline(page);
    else if (s === 'finance') drawFinance(page);
    else if (s === 'evidence') drawEvidence(page);
    else drawAudit(page);
  });
  progress(1);
  return { bytes: await pdf.bytes(), pages: pdf.pageCount };
}

function drawSummary({ d, L, w, f, heading, line }: Page): void {
  heading('summary');
  if (d.kase.description) line(d.kase.description);
  const counts = Object.entries(d.counts)
    .map(([k, n]) => `${w.schema(k, n)}: ${f.number(n)}`)
    .sort((a, b) => a.localeCompare(b));
  line(`${L.words.entities} — ${counts.join(', ')}`);
  if (d.proceeds) line(`${L.words.total}: ${f.money(d.proceeds.totals.proceedsMinor, d.proceeds.totals.currency)}`);
  if (d.register)
    line(
      `${L.sections.evidence}: ${f.number(d.register.items.length)} · ${d.register.ok === false ? `${L.words.failed}: ${d.register.failed.join(', ')}` : L.words.verified}`,
      d.register.ok === false ? { color: ALERT } : {},
    );
}

function drawPersons({ d, L, w, f, heading, sub, line, capped }: Page): void {
  heading('persons');
  const value = (prop: string, v: string) =>
    prop === 'birthDate' ? f.date(v) : prop === 'nationality' || prop === 'country' ? f.country(v) : v;
  for (const role of ['suspect', 'victim', 'presumedVictim', 'witness'] as const) {
    const xs = d.persons.filter((p) => p.role === role);
    if (!xs.length) continue;
    sub(`${L.roles[role]} (${f.number(xs.length)})`);
    capped(xs, (p) => {
      const details = p.details.map((x) => `${w.prop(x.prop)} ${value(x.prop, x.value)}`).join(' · ');
      line(`• ${p.caption}${p.pseudonymised ? ` (${L.words.pseudonym})` : ''}${details ? ` — ${details}` : ''}`);
    });
  }
  if (!d.persons.length) line(w.t('chain.emptyHint'), { color: MUTED });
}

type Fact = { value: string; label: string; origin: { kind: string; id: string; item?: string | undefined } };

/**
 * The facts of a cell in words: the element's value and what shows it, once, with the findings
 * it rests on ("forced labour — Wage manipulation (Wage kick-back; Deductions…: LV77 … (holder))").
 */
function factsInWords({ d, w }: Page, element: 'act' | 'means' | 'purpose', facts: readonly Fact[]): string[] {
  const grouped = new Map<string, { rules: string[]; subjects: string[] }>();
  for (const fact of facts) {
    const itemId = fact.origin.item ?? (fact.origin.kind === 'indicator' ? fact.origin.id : undefined);
    const item = itemId ? delphiItem(itemId) : undefined;
    const finding = fact.origin.kind === 'finding' ? d.findings.find((x) => x.id === fact.origin.id) : undefined;
    // An act read from a finding says it in the report's language, with its source; a link's own
    // caption is the record's words, quoted as written.
    const reading = finding && !item ? RULE_ACTS[finding.rule] : undefined;
    const shows = item
      ? textIn(item.text, d.language)
      : reading
        ? `${textIn(reading.text, d.language)} (${reading.source})`
        : fact.origin.kind === 'act'
          ? ''
          : `“${fact.label}”`;
    const key = `${w.element(element, fact.value)}${shows ? ` — ${shows}` : ''}`;
    const g = grouped.get(key) ?? { rules: [], subjects: [] };
    grouped.set(key, g);
    if (!finding) continue;
    if (!g.rules.includes(w.rule(finding.rule))) g.rules.push(w.rule(finding.rule));
    if (finding.subject && !g.subjects.includes(finding.subject)) g.subjects.push(finding.subject);
  }
  return [...grouped].map(([key, g]) =>
    g.rules.length ? `${key} (${g.rules.join('; ')}${g.subjects.length ? `: ${g.subjects.join('; ')}` : ''})` : key,
  );
}

function drawMatrix(page: Page): void {
  const { d, L, w, heading, sub, line } = page;
  heading('legalMatrix');
  if (!d.matrix) return;
  line(w.t('identification.matrix.legalSource'), { color: MUTED });
  const gapLine = (e: 'act' | 'means' | 'purpose') =>
    line(`   ${L.elements[e]}: ${L.status.gap} — ${L.phrases.fillWith}: ${L.phrases.gapFill[e]}`, { color: ALERT });
  if (!d.matrix.suspects.length) line(w.t('identification.matrix.none'), { color: MUTED });
  for (const suspect of d.matrix.suspects) {
    sub(suspect.caption, 60);
    const rows = d.matrix.victims.flatMap((v) =>
      v.rows.filter((r) => r.suspectId === suspect.id).map((r) => ({ v, r })),
    );
    if (!rows.length) {
      line(L.words.noFacts, { color: MUTED });
      for (const e of ['act', 'means', 'purpose'] as const) gapLine(e);
      continue;
    }
    for (const { v, r } of rows) {
      line(`${L.words.victim}: ${v.caption}${v.pseudonymised ? ` (${L.words.pseudonym})` : ''}`, { size: 9.5 });
      for (const c of r.cells) {
        if (c.status === 'gap') {
          gapLine(c.element);
          continue;
        }
        const facts = factsInWords(page, c.element, c.facts).slice(0, 6);
        line(`   ${L.elements[c.element]}: ${L.status[c.status]}${facts.length ? ` · ${facts.join('; ')}` : ''}`);
      }
    }
  }
}

function drawChainSection({ d, L, w, heading, line, pdf }: Page): void {
  heading('chain', 230);
  if (!d.chain || !d.chain.items.length) {
    line(`${w.t('chain.empty')}. ${w.t('chain.emptyHint')}`, { color: MUTED });
    return;
  }
  const role = new Map(d.persons.map((p) => [p.id, p.role]));
  const items = d.chain.items.map((i) => ({
    ...i,
    status: role.get(i.id) ?? (i.pseudonymised && i.schema === 'Person' ? 'victim' : null),
  }));
  line(`${L.words.figure} 1 — ${L.sections.chain}`, { color: MUTED });
  drawChain(pdf, { ...d.chain, items }, w.lane, (n) => `+${n} ${L.words.more}`);
  line(L.phrases.chainLegend, { size: 7.5, color: MUTED });
}

function drawCharts({ d, L, f, heading, line, pdf }: Page): void {
  if (!d.charts.length) {
    heading('charts');
    line(L.phrases.noCharts.replace('{{count}}', f.number(d.wholeCaseNodes)), { color: MUTED });
    return;
  }
  heading('charts', 280);
  d.charts.forEach((c, k) => {
    pdf.keep(280);
    const size = L.phrases.graphSize
      .replace('{{entities}}', f.number(c.graph.nodes.length))
      .replace('{{links}}', f.number(c.graph.edges.length));
    line(`${L.words.figure} ${k + 2} — ${c.name} (${size})`, { color: MUTED });
    drawChart(pdf, c.graph, c.positions);
  });
}
