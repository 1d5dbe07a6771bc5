/**
 * The legal elements of trafficking — act, means, purpose (UN Palermo Protocol art. 3(a);
 * Directive 2011/36/EU art. 2(1)–(3)) — and how facts of a case fill them. For a child the
 * means are not required (Protocol art. 3(c); Directive art. 2(5)); consent is irrelevant once
 * means are used (Protocol art. 3(b); Directive art. 2(4)). The matrix is per victim and, within
 * it, per suspect: a prosecutor sees which facts support each element against whom, and the gaps.
 */
import type { Act, Means, Purpose } from './catalogue.ts';

export const LEGAL_SOURCE = 'UN Palermo Protocol art. 3; Directive 2011/36/EU art. 2';

/** Link schemata that record an act, and which end is the one who acts. */
export const ACT_LINKS: Record<string, { act: Act; victimProp: string; actorProps: string[] }> = {
  Recruitment: { act: 'recruitment', victimProp: 'recruited', actorProps: ['recruiter'] },
  Accommodation: { act: 'harbouring', victimProp: 'person', actorProps: ['housedBy'] },
  Control: { act: 'exchangeOfControl', victimProp: 'controlled', actorProps: ['controller'] },
};

export type Element = 'act' | 'means' | 'purpose';

export interface LegalFact {
  element: Element;
  /** The act, means or purpose shown. */
  value: Act | Means | Purpose;
  /** What shows it, in words (item text, link caption). */
  label: string;
  /**
   * Where it comes from: an assessment's indicator, a link entity, a recorded act, or a red-flag
   * finding (with the catalogue item it evidences, legalFindings.ts).
   */
  origin: { kind: 'indicator' | 'link' | 'act' | 'finding'; id: string; item?: string };
  /** Evidence references (kind:id), e.g. `entity:…`, `observation:…`, `finding:…`. */
  evidence: string[];
  /** The suspects the fact concerns (named in its evidence, or the acting end of a link). */
  suspectIds: string[];
}

export interface Cell {
  element: Element;
  status: 'supported' | 'gap' | 'notRequired';
  facts: LegalFact[];
  /** What a prosecutor still needs, in words, when it is a gap. */
  gap: string | null;
}

export interface MatrixRow {
  /** null: all facts about the victim whoever they concern. */
  suspectId: string | null;
  cells: Cell[];
}

const GAPS: Record<Element, string> = {
  act: 'No act recorded: who recruited, transported, transferred, harboured or received the person',
  means:
    'No means shown: threat, force, coercion, abduction, fraud, deception, abuse of power or of vulnerability, or payments',
  purpose:
    'No exploitation shown: sexual exploitation, forced labour or services, slavery, servitude, begging, criminal activities or organ removal',
};

export const ELEMENTS: readonly Element[] = ['act', 'means', 'purpose'];

function cell(element: Element, facts: LegalFact[], child: boolean): Cell {
  const mine = facts.filter((f) => f.element === element);
  if (mine.length) return { element, status: 'supported', facts: mine, gap: null };
  if (element === 'means' && child) return { element, status: 'notRequired', facts: [], gap: null };
  return { element, status: 'gap', facts: [], gap: GAPS[element] };
}

/** The victim's rows: first all facts, then one row per suspect with the facts concerning them. */
export function matrixRows(facts: readonly LegalFact[], suspectIds: readonly string[], child: boolean): MatrixRow[] {
  const all: MatrixRow = { suspectId: null, cells: ELEMENTS.map((e) => cell(e, [...facts], child)) };
  const per = suspectIds.map((s) => ({
    suspectId: s,
    cells: ELEMENTS.map((e) =>
      cell(
        e,
        facts.filter((f) => f.suspectIds.includes(s)),
        child,
      ),
    ),
  }));
  return [all, ...per];
}

/** Whether the elements are all there (for the row's summary). */
export const complete = (row: MatrixRow): boolean => row.cells.every((c) => c.status !== 'gap');
