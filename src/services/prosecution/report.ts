/**
 * The prosecutor's case report, gathered: every section's data as the requesting user may see
 * it (victims by pseudonym without victim contact, only the shared part for a partial share),
 * and for every entity the report names, its audit reference — the entity id and the last
 * record of the case's audit chain that touched it — so each fact can be traced back.
 * reportPdf.ts draws it; reportJobs.ts runs it in the background with progress.
 */
import { pseudonymOf } from '../../domain/access/victims.ts';
import { subgraph } from '../../domain/graph/caseGraph.ts';
import { orderSections } from '../../domain/prosecution/report.ts';
import type { ReportLanguage, ReportSection } from '../../domain/prosecution/report.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { CaseGraphOut, ChainOut, ChartOut, TimelineOut } from '../../shared/contracts/views.ts';
import type { RegisterOut } from '../../shared/contracts/prosecution.ts';
import type { Sentence } from '../../shared/sentences.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import { auditPage, reportEntities, standingFindings } from '../../store/repos/prosecution/report.ts';
import type { Store } from '../../store/store.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { canSee, hiddenVictim, visibilityOf, type Visibility } from '../access/index.ts';
import { exportableCase, watermark } from '../entities/index.ts';
import type { ProceedsResult } from '../finance/index.ts';
import { estimateCaseProceeds } from '../finance/index.ts';
import { latestAssessments, legalMatrix } from '../identification/index.ts';
import type { LegalMatrix } from '../identification/index.ts';
import { chainView, getChart, graphOut, loadCaseGraph, timelineView } from '../views/index.ts';
import { evidenceRegister, registerFor } from './evidenceRegister.ts';
import { custodyUsers, exporter, readerNames } from './reportNames.ts';

/** Above this the whole-case graph is not drawn as a figure (a saved chart can still be chosen). */
export const MAX_FIGURE_NODES = 150;

export interface ReportPerson {
  id: string;
  caption: string;
  role: 'suspect' | 'victim' | 'presumedVictim' | 'witness' | 'other';
  pseudonymised: boolean;
  /** Raw property values (birth date, nationality, country); the PDF writes them in its language. */
  details: { prop: string; value: string }[];
}

export interface AuditRef {
  entityId: string;
  schema: string;
  caption: string;
  seq: number | null;
  auditId: string | null;
  version: number;
}

export interface ReportData {
  language: ReportLanguage;
  sections: ReportSection[];
  generatedAt: string;
  watermark: string;
  /** Who the report was made for (user, agency), written into the report's own footer. */
  exportedBy: string;
  /** How the report names accounts and other entities findings and the estimate refer to. */
  names: Map<string, string>;
  /** User names of the chain of custody. */
  users: Map<string, string>;
  kase: {
    id: string;
    title: string;
    reference: string | null;
    country: string;
    handlingCode: string | null;
    description: string | null;
  };
  counts: Record<string, number>;
  persons: ReportPerson[];
  matrix: LegalMatrix | null;
  chain: ChainOut | null;
  charts: { name: string; graph: CaseGraphOut; positions: Map<string, { x: number; y: number }> }[];
  /** Entities of the whole-case graph when it was too large to draw (0 when drawn or not asked). */
  wholeCaseNodes: number;
  timeline: TimelineOut | null;
  findings: {
    id: string;
    rule: string;
    status: string;
    score: number;
    explanation: string;
    /** The explanation as sentences the report's language can say (null: stored before, English). */
    words: Sentence[] | null;
    subjectId: string;
    /** The subject as a reader knows it: IBAN and holders, or the person or address. */
    subject: string;
  }[];
  proceeds: ProceedsResult | null;
  register: RegisterOut | null;
  auditRefs: AuditRef[];
  /** Persons shown by pseudonym throughout. */
  hidden: ReadonlySet<string>;
}

export type Progress = (fraction: number, step: string) => void;

const ROLE_ORDER = ['suspect', 'victim', 'presumedVictim', 'witness', 'other'] as const;
const roleOf = (p: Properties): ReportPerson['role'] => {
  const s = p['proceduralStatus'] ?? [];
  return ROLE_ORDER.find((r) => r !== 'other' && s.includes(r)) ?? 'other';
};
const DETAIL_PROPS = ['birthDate', 'nationality', 'country'] as const;

export async function gatherReport(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  req: { sections: readonly string[]; language: ReportLanguage; chartIds: readonly string[] },
  progress: Progress = () => {},
): Promise<ReportData> {
  const kase = await exportableCase(store, access); // refuses as exports do under the handling code
  const caseId = access.caseId;
  const sections = orderSections(req.sections);
  const want = (s: ReportSection) => sections.includes(s);
  const v = await visibilityOf(store, access);
  const scope = store.scope(caseId);
  const mark = await watermark(store, actor, caseId);
  const step = (i: number, name: string) => progress(i / 10, name);

  step(0, 'persons');
  const rows = (await reportEntities(scope)).filter((r) => canSee(v, r.id));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.schema] = (counts[r.schema] ?? 0) + 1;
  const named = new Set<string>();
  const persons: ReportPerson[] = [];
  for (const r of rows) {
    if (r.schema !== 'Person') continue;
    const props = JSON.parse(r.properties) as Properties;
    const role = roleOf(props);
    if (role === 'other' && !want('persons')) continue;
    const hidden = hiddenVictim(v, r);
    persons.push({
      id: r.id,
      role,
      pseudonymised: hidden,
      caption: hidden ? pseudonymOf(r.id) : r.caption,
      details: hidden ? [] : DETAIL_PROPS.flatMap((k) => (props[k]?.[0] ? [{ prop: k, value: props[k]?.[0] ?? '' }] : [])),
    });
  }
  persons.sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      a.caption.localeCompare(b.caption) ||
      a.id.localeCompare(b.id),
  );
  if (want('persons')) for (const p of persons) if (p.role !== 'other') named.add(p.id);

  // Who the case treats as a victim, beyond those recorded as one: presumed by an assessment,
  // exploited along the chain, or robbed in the proceeds estimate. Without victim contact all of
  // them appear by pseudonym in every section, whatever another view would show.
  const chainAll = want('chain') || !v.victimContact ? await chainView(store, access, null) : null;
  const proceedsAll =
    want('finance') || !v.victimContact ? await estimateCaseProceeds(store, caseId, undefined, v.only) : null;
  const hide = new Set<string>();
  if (!v.victimContact) {
    for (const p of persons) if (p.role === 'victim' || p.role === 'presumedVictim') hide.add(p.id);
    for (const [id, a] of await latestAssessments(store, caseId)) if (a.outcome === 'presumedVictim') hide.add(id);
    for (const e of chainAll?.exploited ?? []) hide.add(e.id);
    for (const x of proceedsAll?.victims ?? []) hide.add(x.personId);
    for (const p of persons)
      if (hide.has(p.id)) Object.assign(p, { caption: pseudonymOf(p.id), pseudonymised: true, details: [] });
  }
  const names = readerNames(rows, v, hide, req.language);
  const mask = <T extends { id: string; caption: string }>(x: T): T =>
    hide.has(x.id)
      ? { ...x, caption: pseudonymOf(x.id), pseudonymised: true }
      : names.hiddenAccounts.has(x.id)
        ? { ...x, caption: names.get(x.id) ?? x.caption, pseudonymised: true }
        : x;

  step(1, 'legalMatrix');
  const rawMatrix = want('legalMatrix') ? await legalMatrix(store, access) : null;
  const matrix = rawMatrix
    ? {
        ...rawMatrix,
        suspects: rawMatrix.suspects.map(mask),
        victims: rawMatrix.victims.map((x) =>
          hide.has(x.id) ? { ...x, caption: pseudonymOf(x.id), pseudonymised: true } : x,
        ),
      }
    : null;
  if (matrix) for (const x of [...matrix.suspects.map((s) => s.id), ...matrix.victims.map((w) => w.id)]) named.add(x);

  step(2, 'chain');
  const chain =
    want('chain') && chainAll
      ? {
          ...chainAll,
          items: chainAll.items.map(mask),
          exploited: chainAll.exploited.map(mask),
          unplaced: chainAll.unplaced.map(mask),
        }
      : null;
  if (chain) for (const i of chain.items) named.add(i.id);

  step(3, 'charts');
  const charts: ReportData['charts'] = [];
  let wholeCaseNodes = 0;
  if (want('charts')) {
    for (const id of req.chartIds) {
      const c: ChartOut = await getChart(store, access, id);
      const positions = new Map(c.content.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
      const graph =
        c.graph ?? graphOut(subgraph(await loadCaseGraph(store, access), positions.keys()), false, positions.size);
      charts.push({ name: c.name, graph, positions });
    }
    if (!req.chartIds.length) {
      const g = await loadCaseGraph(store, access);
      if (g.nodes.size <= MAX_FIGURE_NODES)
        charts.push({ name: kase.title, graph: graphOut(g, false, g.nodes.size), positions: new Map() });
      else wholeCaseNodes = g.nodes.size;
    }
    for (const c of charts) {
      c.graph = { ...c.graph, nodes: c.graph.nodes.map(mask) };
      for (const n of c.graph.nodes) named.add(n.id);
    }
  }

  step(4, 'timeline');
  const rawTimeline = want('timeline') ? await timelineView(store, access) : null;
  const timeline = rawTimeline
    ? { ...rawTimeline, items: rawTimeline.items.map((i) => ({ ...mask(i), ends: i.ends.map(mask) })) }
    : null;
  if (timeline) for (const i of timeline.items) named.add(i.id);

  step(5, 'finance');
  let findings: ReportData['findings'] = [];
  let proceeds: ProceedsResult | null = null;
  if (want('finance')) {
    const f = await standingFindings(scope);
    findings = f
      .filter((x) => canSee(v, x.subject_id) || !rows.some((r) => r.id === x.subject_id))
      .map((x) => ({
        id: x.id,
        rule: x.rule,
        status: x.status,
        score: x.score,
        explanation: x.explanation,
        words: x.explanation_words ? (JSON.parse(x.explanation_words) as Sentence[]) : null,
        subjectId: x.subject_id,
        subject: names.get(x.subject_id) ?? '',
      }));
    proceeds = proceedsAll;
    for (const x of proceeds?.victims ?? []) named.add(x.personId);
  }

  step(6, 'evidence');
  const register = want('evidence') ? registerFor(v, await evidenceRegister(store, caseId, { verify: true })) : null;

  step(8, 'audit');
  const auditRefs = want('audit')
    ? (await auditReferences(store, caseId, named, rows, v)).map((a) =>
        hide.has(a.entityId) ? { ...a, caption: pseudonymOf(a.entityId) } : a,
      )
    : [];
  const current = await getCase(scope);
  return {
    language: req.language,
    sections,
    generatedAt: new Date().toISOString(),
    watermark: mark.properties.title?.[0] ?? '',
    exportedBy: await exporter(store, actor),
    names: names.map,
    users: await custodyUsers(store, register),
    kase: {
      id: caseId,
      title: kase.title,
      reference: kase.reference,
      country: kase.country,
      handlingCode: current?.handling_code ?? null,
      description: kase.description,
    },
    counts,
    persons: want('persons') ? persons.filter((p) => p.role !== 'other') : [],
    matrix,
    chain,
    charts,
    wholeCaseNodes,
    timeline,
    findings,
    proceeds,
    register,
    auditRefs,
    hidden: hide,
  };
}

/** For each named entity: the last audit record whose target or returned ids name it. */
async function auditReferences(
  store: Store,
  caseId: string,
  ids: ReadonlySet<string>,
  rows: readonly { id: string; schema: string; caption: string; properties: string; version: number }[],
  v: Visibility,
): Promise<AuditRef[]> {
  const last = new Map<string, { seq: number; id: string }>();
  const scope = store.scope(caseId);
  let after = 0;
  for (;;) {
    const page = await auditPage(scope, after, 5000);
    for (const e of page) {
      const named = [e.target_id, ...(e.returned_ids ? (JSON.parse(e.returned_ids) as string[]) : [])];
      for (const id of named) if (id && ids.has(id)) last.set(id, { seq: Number(e.seq), id: e.id });
    }
    if (page.length < 5000) break;
    after = Number(page[page.length - 1]?.seq ?? after);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...ids].sort().flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const hidden = hiddenVictim(v, r);
    const a = last.get(id);
    return [
      {
        entityId: id,
        schema: r.schema,
        caption: hidden ? pseudonymOf(id) : r.caption,
        seq: a?.seq ?? null,
        auditId: a?.id ?? null,
        version: r.version,
      },
    ];
  });
}
