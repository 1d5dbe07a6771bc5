/**
 * Draws the gathered case report (report.ts) as a PDF in the user's language with the
 * platform's one PDF writer (pdf/document.ts, DejaVu Sans: Finnish, Estonian, Latvian and
 * Cyrillic names print as written). Every page carries the export watermark; entity ids are
 * printed next to facts so the audit-reference appendix can be followed.
 */
import { rgb } from 'pdf-lib';
import { pseudonymOf } from '../../domain/access/victims.ts';
import { REPORT_LABELS } from '../../domain/prosecution/labels.ts';
import { money } from '../../domain/prosecution/report.ts';
import type { ReportSection } from '../../domain/prosecution/report.ts';
import { PdfWriter } from '../pdf/index.ts';
import type { ReportData } from './report.ts';
import { drawChain, drawChart } from './figures.ts';

const MUTED = rgb(0.4, 0.42, 0.46);
const ALERT = rgb(0.7, 0.1, 0.1);
const MAX_ROWS = 400;

export async function renderReport(
  d: ReportData,
  progress: (fraction: number) => void = () => {},
): Promise<{ bytes: Uint8Array; pages: number }> {
  const L = REPORT_LABELS[d.language];
  const pdf = await PdfWriter.create({
    title: `${L.title}: ${d.kase.title}`,
    subject: d.kase.id,
    footer: d.watermark.slice(0, 150),
  });
  const captionOf = new Map([
    ...d.persons.map((p) => [p.id, p.caption] as const),
    ...(d.matrix?.suspects ?? []).map((s) => [s.id, s.caption] as const),
    ...(d.matrix?.victims ?? []).map((v) => [v.id, v.caption] as const),
  ]);
  const heading = (s: ReportSection) => {
    pdf.keep(60);
    pdf.text(L.sections[s], { size: 15, bold: true, after: 2 });
    pdf.rule();
  };
  const sub = (t: string) => {
    pdf.keep(40);
    pdf.text(t, { size: 11, bold: true, after: 2 });
  };
  const line = (t: string, opts: { color?: ReturnType<typeof rgb>; size?: number } = {}) =>
    pdf.text(t, { size: opts.size ?? 9, ...(opts.color ? { color: opts.color } : {}) });
  const capped = <T>(xs: readonly T[], each: (x: T) => void) => {
    xs.slice(0, MAX_ROWS).forEach(each);
    if (xs.length > MAX_ROWS) line(`… ${xs.length - MAX_ROWS} ${L.words.more}`, { color: MUTED });
  };

  pdf.text(L.title, { size: 22, bold: true, after: 4 });
  pdf.text(d.kase.title, { size: 14, after: 2 });
  line(`${d.kase.reference ?? d.kase.id} · ${d.kase.country} · ${L.handlingCode}: ${d.kase.handlingCode ?? '—'}`, {
    color: MUTED,
  });
  line(`${L.generatedBy}: ${d.watermark}`, { color: MUTED });
  pdf.space(8);

  d.sections.forEach((s, i) => {
    progress(i / d.sections.length);
    switch (s) {
      case 'summary': {
        heading(s);
        if (d.kase.description) line(d.kase.description);
        line(
          `${L.words.entities}: ${Object.entries(d.counts)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
        );
        if (d.proceeds) line(`${L.words.total}: ${money(d.proceeds.totals.proceedsMinor, d.proceeds.totals.currency)}`);
        if (d.register)
          line(
            `${L.sections.evidence}: ${d.register.items.length} · ${d.register.ok === false ? `${L.words.failed}: ${d.register.failed.join(', ')}` : L.words.verified}`,
            d.register.ok === false ? { color: ALERT } : {},
          );
        break;
      }
      case 'persons': {
        heading(s);
        for (const role of ['suspect', 'victim', 'presumedVictim', 'witness'] as const) {
          const xs = d.persons.filter((p) => p.role === role);
          if (!xs.length) continue;
          sub(`${L.roles[role]} (${xs.length})`);
          capped(xs, (p) =>
            line(
              `• ${p.caption}${p.pseudonymised ? ` (${L.words.pseudonym})` : ''}${p.details.length ? ` — ${p.details.join(', ')}` : ''}  [${p.id}]`,
            ),
          );
        }
        break;
      }
      case 'legalMatrix': {
        heading(s);
        if (!d.matrix) break;
        line(d.matrix.source, { color: MUTED });
        for (const suspect of d.matrix.suspects) {
          sub(`${suspect.caption}  [${suspect.id}]`);
          const rows = d.matrix.victims.flatMap((v) =>
            v.rows.filter((r) => r.suspectId === suspect.id).map((r) => ({ v, r })),
          );
          if (!rows.length) {
            line(L.words.noFacts, { color: MUTED });
            line(['act', 'means', 'purpose'].map((e) => `${L.elements[e as 'act']}: ${L.status.gap}`).join(' · '), {
              color: ALERT,
            });
            continue;
          }
          for (const { v, r } of rows) {
            line(`${L.words.victim}: ${v.caption}${v.pseudonymised ? ` (${L.words.pseudonym})` : ''}`, { size: 9.5 });
            for (const c of r.cells) {
              const facts = c.facts
                .map((f) => `${f.value} — ${f.label}`)
                .slice(0, 6)
                .join('; ');
              line(
                `   ${L.elements[c.element]}: ${L.status[c.status]}${facts ? ` · ${facts}` : ''}`,
                c.status === 'gap' ? { color: ALERT } : {},
              );
            }
          }
        }
        break;
      }
      case 'chain': {
        heading(s);
        if (!d.chain) break;
        pdf.keep(220); // the figure's caption stays with the figure
        line(`${L.words.figure} 1 — ${L.sections.chain}`, { color: MUTED });
        drawChain(pdf, d.chain, (lane) => lane);
        break;
      }
      case 'charts': {
        heading(s);
        if (!d.charts.length) line(L.words.none, { color: MUTED });
        d.charts.forEach((c, k) => {
          pdf.keep(260);
          line(`${L.words.figure} ${k + 2} — ${c.name} (${c.graph.nodes.length} / ${c.graph.edges.length})`, {
            color: MUTED,
          });
          drawChart(pdf, c.graph, c.positions);
        });
        break;
      }
      case 'timeline': {
        heading(s);
        const items = [...(d.timeline?.items ?? [])]
          .filter((i) => i.from || i.to)
          .sort((a, b) => (a.from ?? a.to ?? '').localeCompare(b.from ?? b.to ?? '') || a.id.localeCompare(b.id));
        if (!items.length) line(L.words.none, { color: MUTED });
        capped(items, (i) =>
          line(
            `${i.from ?? '…'}${i.to && i.to !== i.from ? ` – ${i.to}` : ''}  ${i.kind}: ${i.caption}${i.ends.length ? ` (${i.ends.map((e) => e.caption).join(' → ')})` : ''}  [${i.id}]`,
            { size: 8 },
          ),
        );
        break;
      }
      case 'finance': {
        heading(s);
        const p = d.proceeds;
        if (p) {
          sub(`${L.words.total}: ${money(p.totals.proceedsMinor, p.totals.currency)}`);
          line(
            Object.entries(p.totals.byKind)
              .filter(([, n]) => n)
              .map(([k, n]) => `${k}: ${money(n, p.totals.currency)}`)
              .join(' · '),
          );
          line(`${L.words.owedToVictims}: ${money(p.totals.owedToVictimsMinor, p.totals.currency)}`);
          for (const v of p.victims)
            line(
              `• ${captionOf.get(v.personId) ?? (d.hidden.has(v.personId) ? pseudonymOf(v.personId) : v.personId)}: ${money(v.takenMinor, v.currency)}  [${v.personId}]`,
              { size: 8 },
            );
          for (const f of p.funnels)
            line(`• ${f.accountId}: ${money(f.depositsMinor, f.currency)} (${f.deposits})`, { size: 8 });
          sub(L.words.assumptions);
          if (!p.assumptions.length) line(L.words.none, { color: MUTED });
          for (const a of p.assumptions)
            line(`• ${a.name} = ${a.value} ${a.unit} — ${L.words.basis}: ${a.source}`, { size: 8 });
          for (const n of p.notes) line(n, { size: 8, color: MUTED });
        }
        sub(`${L.words.findings} (${d.findings.length})`);
        capped(d.findings, (f) =>
          line(`• ${f.rule} (${f.status}, ${f.score}): ${f.explanation}  [${f.id}]`, { size: 8 }),
        );
        break;
      }
      case 'evidence': {
        heading(s);
        const r = d.register;
        if (!r) break;
        line(
          r.ok === false ? `${L.words.failed}: ${r.failed.join(', ')}` : `${L.words.verified} (${r.checkedAt ?? ''})`,
          r.ok === false ? { color: ALERT, size: 10 } : { size: 10 },
        );
        capped(r.items, (it) => {
          line(
            `${it.fileName} — ${it.status === 'ok' ? L.words.verified : it.status === 'notChecked' ? L.words.notChecked : `${L.words.failed} (${it.status})`}`,
            it.status === 'ok' || it.status === 'notChecked' ? { size: 8.5 } : { color: ALERT, size: 8.5 },
          );
          line(`   SHA-256 ${it.sha256}`, { size: 7 });
          line(`   ${L.words.source}: ${it.source} · ${L.words.obtained}: ${it.obtainedAt} (${it.obtainedHow})`, {
            size: 7,
          });
          line(
            `   ${L.words.custody}: ${it.custody.map((c) => `${c.at.slice(0, 19)} ${c.action} ${c.userId}${c.seq ? ` #${c.seq}` : ''}`).join('; ')}`,
            { size: 7, color: MUTED },
          );
        });
        break;
      }
      case 'audit': {
        heading(s);
        capped(d.auditRefs, (a) =>
          line(
            `${a.entityId}  ${a.caption} — ${a.seq !== null ? `${L.words.lastAudit} #${a.seq} (${a.auditId ?? ''})` : `${L.words.noAudit} ${a.version}`}`,
            { size: 7.5 },
          ),
        );
        break;
      }
    }
  });
  progress(1);
  return { bytes: await pdf.bytes(), pages: pdf.pageCount };
}
