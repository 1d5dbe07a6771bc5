/**
 * Mentions measured on a scenario's seized phones and mailboxes: after the ordinary import, the
 * platform reads every message's mentions (services/mentions, as the analyst's list does) and
 * they are matched to the generator's `truth-mentions.json` message by message (by the text as
 * written) — phones by E.164, IBANs by their electronic form, persons by any name the case holds
 * for the named entity — giving precision and recall per kind. Innocent messages are then checked
 * for indicator marks: indicator-language marks, observations or findings on an innocent message.
 */
import type { TruthMessage } from '../src/demo/sources/seized.ts';
import { caseMentions } from '../src/services/mentions/index.ts';
import type { Caller } from '../src/services/useCase/index.ts';
import { foldText } from '../src/shared/names/index.ts';
import type { Store } from '../src/store/store.ts';

export const SCORED_KINDS = ['phone', 'iban', 'person'] as const;
type Kind = (typeof SCORED_KINDS)[number];

export interface MentionMeasure {
  kind: Kind;
  truth: number;
  found: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
}

export interface MentionResults {
  /** Per message text (whitespace folded), what the platform found: kind and value or the entity's names. */
  byText: Map<string, { kind: Kind; value: string; names: string[] }[]>;
  /** Message texts the case marked as indicator evidence (observations, findings). */
  markedTexts: Map<string, number>;
  /** Whether the case stores anything that could mark a message (observations or findings naming one). */
  marksRecorded: boolean;
}

export interface InnocentMarks {
  messages: number;
  marked: number;
  rate: number;
  note: string;
}

const textKey = (t: string) => t.replace(/\s+/gu, ' ').trim();
const TEXT_SCHEMATA = ['Message', 'Email'];

export async function readMentionResults(store: Store, caller: Caller, caseId: string): Promise<MentionResults> {
  const scope = store.scope(caseId);
  const rows = await scope
    .selectFrom('entities')
    .select(['id', 'schema', 'properties'])
    .where('schema', 'in', [...TEXT_SCHEMATA, 'Person', 'Company', 'Organization'])
    .execute();
  const props = new Map(rows.map((r) => [r.id, JSON.parse(r.properties) as Record<string, string[] | undefined>]));
  const textOf = new Map(
    rows
      .filter((r) => TEXT_SCHEMATA.includes(r.schema))
      .map((r) => [r.id, textKey((props.get(r.id)?.['bodyText'] ?? []).join('\n'))]),
  );
  const byText = new Map<string, { kind: Kind; value: string; names: string[] }[]>();
  for (const m of await caseMentions(store, caller, caseId)) {
    if (!(SCORED_KINDS as readonly string[]).includes(m.kind)) continue;
    const text = textOf.get(m.documentId);
    if (text === undefined) continue;
    const p = m.entityId ? props.get(m.entityId) : undefined;
    const names = [...(p?.['name'] ?? []), ...(p?.['alias'] ?? [])].map(foldText);
    byText.set(text, [...(byText.get(text) ?? []), { kind: m.kind as Kind, value: m.value, names }]);
  }
  const markedTexts = new Map<string, number>();
  const mark = (ids: readonly string[]) => {
    for (const id of ids) {
      const t = textOf.get(id);
      if (t !== undefined) markedTexts.set(t, (markedTexts.get(t) ?? 0) + 1);
    }
  };
  const observations = await scope.selectFrom('indicator_observations').select('entity_ids').execute();
  for (const o of observations) mark(JSON.parse(o.entity_ids) as string[]);
  const findings = await scope.selectFrom('findings').select(['subject_id', 'evidence']).execute();
  for (const f of findings) mark([f.subject_id, ...(JSON.parse(f.evidence) as string[])]);
  // The message-language detector's marks, written when the messages were imported.
  const languageMarks = await scope.selectFrom('document_indicator_marks').select('entity_id').execute();
  mark(languageMarks.map((m) => m.entity_id));
  return { byText, markedTexts, marksRecorded: true };
}

/** Precision and recall per kind, matching each message's found mentions to its true ones. */
export function scoreMentions(truth: readonly TruthMessage[], results: MentionResults): MentionMeasure[] {
  const truthByText = new Map<string, TruthMessage['mentions']>();
  for (const m of truth) {
    const k = textKey(m.text);
    truthByText.set(k, [...(truthByText.get(k) ?? []), ...m.mentions]);
  }
  const count = new Map(SCORED_KINDS.map((k) => [k, { truth: 0, found: 0, tp: 0 }]));
  const texts = new Set([...truthByText.keys(), ...results.byText.keys()]);
  for (const t of texts) {
    const expected = truthByText.get(t) ?? [];
    const found = [...(results.byText.get(t) ?? [])];
    for (const e of expected) {
      const c = count.get(e.kind);
      if (!c) continue;
      c.truth++;
      const i = found.findIndex(
        (f) => f.kind === e.kind && (e.kind === 'person' ? f.names.includes(foldText(e.value)) : f.value === e.value),
      );
      if (i >= 0) {
        c.tp++;
        found.splice(i, 1);
      }
    }
    for (const f of results.byText.get(t) ?? []) {
      const c = count.get(f.kind);
      if (c) c.found++;
    }
  }
  return SCORED_KINDS.map((kind) => {
    const c = count.get(kind) ?? { truth: 0, found: 0, tp: 0 };
    return {
      kind,
      truth: c.truth,
      found: c.found,
      truePositives: c.tp,
      precision: c.found ? c.tp / c.found : null,
      recall: c.truth ? c.tp / c.truth : null,
    };
  });
}

/** How many innocent messages the case marked as indicator evidence. */
export function innocentMarks(truth: readonly TruthMessage[], results: MentionResults): InnocentMarks {
  const innocent = truth.filter((m) => m.innocent);
  const marked = innocent.filter((m) => (results.markedTexts.get(textKey(m.text)) ?? 0) > 0).length;
  return {
    messages: innocent.length,
    marked,
    rate: innocent.length ? marked / innocent.length : 0,
    note: results.marksRecorded
      ? 'marks: indicator-language marks on messages, and indicator observations and findings citing a message'
      : 'no marks were read',
  };
}

export function combineMentionScores(runs: readonly MentionMeasure[][]): MentionMeasure[] {
  return SCORED_KINDS.map((kind) => {
    const all = runs.flatMap((r) => r.filter((m) => m.kind === kind));
    const [truth, found, tp] = ['truth', 'found', 'truePositives'].map((k) =>
      all.reduce((s, m) => s + (m[k as 'truth'] ?? 0), 0),
    ) as [number, number, number];
    return {
      kind,
      truth,
      found,
      truePositives: tp,
      precision: found ? tp / found : null,
      recall: truth ? tp / truth : null,
    };
  });
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

export function formatMentionScores(scores: readonly MentionMeasure[], marks: readonly InnocentMarks[]): string {
  const lines = ['Mentions in seized chats and mailboxes (from the files alone)'];
  for (const s of scores)
    lines.push(
      `  ${s.kind.padEnd(8)} precision ${pct(s.precision).padStart(6)}  recall ${pct(s.recall).padStart(6)}` +
        `  (${s.truePositives} of ${s.truth} true, ${s.found} found)`,
    );
  const messages = marks.reduce((a, m) => a + m.messages, 0);
  const marked = marks.reduce((a, m) => a + m.marked, 0);
  lines.push(
    `  indicator marks on innocent messages: ${marked} of ${messages} (${pct(messages ? marked / messages : 0)})`,
    ...[...new Set(marks.map((m) => m.note))].map((n) => `    ${n}`),
  );
  return lines.join('\n');
}
