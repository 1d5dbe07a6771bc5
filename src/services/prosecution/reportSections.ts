/**
 * The report's listing sections: the timeline, the money (proceeds and red-flag findings), the
 * evidence register and the appendix of audit references — the one place ids are printed.
 * Dates and amounts inside the rules' explanations are rewritten in the report's locale.
 */
import { pseudonymOf } from '../../domain/access/victims.ts';
import { PROCEEDS_NOTES } from '../../domain/finance/proceeds.ts';
import type { ProceedsNote } from '../../domain/finance/proceeds.ts';
import type { LocaleFormat } from '../../shared/locale.ts';
import { ALERT, MUTED } from './reportPage.ts';
import type { Page } from './reportPage.ts';

/** A bare number or the kind's own name tells a reader nothing as a link's caption. */
const saysNothing = (caption: string, schema: string) =>
  !caption.trim() ||
  caption === schema ||
  /^[\d\s.,:T-]+Z?$/.test(caption) || // a number or a date
  /^[a-z]{2}$/.test(caption) || // a bare country code
  caption.startsWith(`${schema} `);

/** ISO dates and "EUR 1,234.56" amounts inside a rule's explanation, written the report's way. */
export function localiseProse(text: string, f: LocaleFormat): string {
  return text
    .replace(/\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z?)?\b/g, (_, day: string) => f.date(day))
    .replace(/\b([A-Z]{3}) (-?\d{1,3}(?:,\d{3})*(?:\.\d+)?)\b/g, (all, cur: string, n: string) => {
      const minor = Math.round(Number(n.replace(/,/g, '')) * 100);
      return Number.isFinite(minor) ? f.money(minor, cur) : all;
    });
}

export function drawTimeline({ d, w, f, heading, line, capped }: Page): void {
  heading('timeline');
  const items = [...(d.timeline?.items ?? [])]
    .filter((i) => i.from || i.to)
    .sort((a, b) => (a.from ?? a.to ?? '').localeCompare(b.from ?? b.to ?? '') || a.id.localeCompare(b.id));
  if (!items.length) line(`${w.t('timeline.empty')}. ${w.t('timeline.emptyHint')}`, { color: MUTED });
  capped(items, (i) => {
    const when = `${f.date(i.from ?? i.to)}${i.to && i.to !== i.from ? ` – ${f.date(i.to)}` : ''}`;
    const what = i.ends.length
      ? `${w.schema(i.schema)}${saysNothing(i.caption, i.schema) ? '' : ` “${i.caption}”`}: ${i.ends.map((e) => e.caption).join(' → ')}`
      : `${w.schema(i.schema)}: ${i.caption}`;
    line(`${when}  ${what}`, { size: 8 });
  });
}

export function drawFinance({ d, L, w, f, pdf, heading, sub, line, capped }: Page): void {
  heading('finance');
  const p = d.proceeds;
  if (p) {
    const cur = p.totals.currency;
    sub(`${L.words.total}: ${f.money(p.totals.proceedsMinor, cur)}`);
    line(
      Object.entries(p.totals.byKind)
        .filter(([, n]) => n)
        .map(([k, n]) => `${w.proceedsKind(k)}: ${f.money(n, cur)}`)
        .join(' · '),
    );
    line(`${L.words.owedToVictims}: ${f.money(p.totals.owedToVictimsMinor, cur)}`);
    const taken = p.victims.filter((v) => v.takenMinor);
    if (taken.length) sub(L.phrases.victimsTaken);
    for (const v of taken) {
      const name = d.names.get(v.personId) ?? (d.hidden.has(v.personId) ? pseudonymOf(v.personId) : '');
      line(`• ${name}: ${f.money(v.takenMinor, v.currency)}`, { size: 8 });
    }
    if (p.funnels.length) sub(L.phrases.funnels);
    for (const x of p.funnels)
      line(
        `• ${d.names.get(x.accountId) ?? ''}: ${f.money(x.depositsMinor, x.currency)} (${f.number(x.deposits)} ${L.phrases.deposits})`,
        { size: 8 },
      );
    sub(L.words.assumptions);
    if (!p.assumptions.length) line(w.t('finance.proceeds.noAssumptions'), { color: MUTED });
    for (const a of p.assumptions)
      line(`• ${w.assumption(a.name)}: ${f.number(a.value)} ${a.unit} — ${L.words.basis}: ${a.source}`, { size: 8 });
    for (const n of p.notes) {
      const key = (Object.keys(PROCEEDS_NOTES) as ProceedsNote[]).find((k) => PROCEEDS_NOTES[k] === n);
      line(key ? L.phrases.notes[key] : localiseProse(n, f), { size: 8, color: MUTED });
    }
  }
  sub(`${L.words.findings} (${f.number(d.findings.length)})`);
  if (!d.findings.length) line(w.t('finance.findings.neverRunHint'), { color: MUTED });
  capped(d.findings, (x) => {
    const status = w.t(`finance.status.${x.status}`);
    const score = `${w.t('finance.findings.score')} ${f.number(Math.round(x.score * 100))}`;
    pdf.keep(44); // a finding and its explanation on one page
    line(`• ${w.rule(x.rule)}${x.subject ? ` — ${x.subject}` : ''} (${status}, ${score})`, { size: 8.5 });
    line(`   ${x.words ? w.explain(x.words, x.explanation) : localiseProse(x.explanation, f)}`, { size: 8, color: MUTED });
  });
}

export function drawEvidence({ d, L, w, f, pdf, heading, line, capped }: Page): void {
  heading('evidence');
  const r = d.register;
  if (!r) return;
  if (!r.items.length) line(w.t('prosecution.register.title'), { color: MUTED });
  line(
    r.ok === false ? `${L.words.failed}: ${r.failed.join(', ')}` : `${L.words.verified} (${f.dateTime(r.checkedAt)})`,
    r.ok === false ? { color: ALERT, size: 10 } : { size: 10 },
  );
  capped(r.items, (it) => {
    pdf.keep(48); // a file's four lines on one page
    const status =
      it.status === 'ok'
        ? L.words.verified
        : it.status === 'notChecked'
          ? L.words.notChecked
          : `${L.words.failed} (${w.t(`prosecution.status.${it.status}`)})`;
    line(
      `${it.fileName} — ${status}`,
      it.status === 'ok' || it.status === 'notChecked' ? { size: 8.5 } : { color: ALERT, size: 8.5 },
    );
    line(`   SHA-256 ${it.sha256}`, { size: 7 });
    line(`   ${L.words.source}: ${it.source} · ${L.words.obtained}: ${f.dateTime(it.obtainedAt)}`, { size: 7 });
    const custody = it.custody.map(
      (c) =>
        `${f.dateTime(c.at)} ${w.t(`audit.actions.${c.action}`)} ${d.users.get(c.userId) ?? ''}${c.seq ? ` #${c.seq}` : ''}`,
    );
    line(`   ${L.words.custody}: ${custody.join('; ')}`, { size: 7, color: MUTED });
  });
}

export function drawAudit({ d, L, w, f, pdf, line, capped }: Page): void {
  pdf.newPage(); // the appendix stands apart: the only pages with ids
  pdf.text(L.phrases.appendix, { size: 15, bold: true, after: 2 });
  pdf.rule();
  line(L.phrases.appendixIntro, { color: MUTED });
  line(`${d.kase.title}: ${d.kase.id}`, { size: 7.5 });
  capped(d.auditRefs, (a) =>
    line(
      `${a.entityId}  ${w.schema(a.schema)}${saysNothing(a.caption, a.schema) ? '' : `: ${localiseProse(a.caption, f)}`} — ${a.seq !== null ? `${L.words.lastAudit} #${f.number(a.seq)} (${a.auditId ?? ''})` : `${L.words.noAudit} ${a.version}`}`,
      { size: 7.5 },
    ),
  );
}
