/**
 * Marks a message's text as candidate indicator evidence: each phrase of the indicator language
 * (messageLanguage.ts) and each recruitment red flag of the ads' keyword lists found in it, with
 * the words that matched and a snippet around them. A mark is a reason for the analyst to read
 * the message, never a finding: the analyst attaches the message to an indicator or leaves it.
 */
import { findRedFlags, type FlagLanguage, type RedFlagKind } from '../captures/index.ts';
import { MESSAGE_PHRASES, NEGATIONS, type IloCode, type MarkCategory } from './messageLanguage.ts';

export interface MessageMark {
  /** The phrase's id in the lists (`debt.forTravelOrHousing`) or `redFlag.<kind>`. */
  ruleId: string;
  category: MarkCategory;
  indicator: IloCode;
  language: FlagLanguage;
  /** The words of the text that matched. */
  phrase: string;
  start: number;
  end: number;
  snippet: string;
}

/** Red flags of job ads that, written to a worker, are recruitment language too. */
const RECRUITMENT_FLAGS: ReadonlySet<RedFlagKind> = new Set(['advanceFee', 'noExperienceNeeded']);

/** Words gap `~` may skip. */
const GAP = 3;
/** Words before a match searched for a negation. */
const NEGATION_REACH = 2;
const SNIPPET_REACH = 80;

const plain = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’ʼ]/g, '');

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’ʼ][\p{L}]+)*/gu)].map((m) => ({
    word: plain(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

type Step = { gap: true } | { gap: false; words: readonly string[]; stems: readonly string[] };

function compile(phrase: string): Step[] {
  return phrase.split(/\s+/).map((part): Step => {
    if (part === '~') return { gap: true };
    const alts = part.split('|').map(plain);
    return {
      gap: false,
      words: alts.filter((a) => !a.endsWith('*')),
      stems: alts.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1)),
    };
  });
}

const fits = (s: Exclude<Step, { gap: true }>, w: string) =>
  s.words.includes(w) || s.stems.some((p) => w.startsWith(p));

/** The end (exclusive token index) of a match of `steps` from `at`, and the tokens gaps skipped. */
function matchAt(steps: readonly Step[], tokens: readonly Token[], at: number, skipped: number[]): number | null {
  const [step, ...rest] = steps;
  if (!step) return at;
  if (step.gap) {
    for (let n = 0; n <= GAP && at + n <= tokens.length; n++) {
      const inner: number[] = [];
      const end = matchAt(rest, tokens, at + n, inner);
      if (end !== null) {
        for (let i = at; i < at + n; i++) skipped.push(i);
        skipped.push(...inner);
        return end;
      }
    }
    return null;
  }
  const t = tokens[at];
  if (!t || !fits(step, t.word)) return null;
  return matchAt(rest, tokens, at + 1, skipped);
}

interface Compiled {
  ruleId: string;
  category: MarkCategory;
  indicator: IloCode;
  language: FlagLanguage;
  steps: Step[];
  negations: ReadonlySet<string>;
}

const COMPILED: readonly Compiled[] = MESSAGE_PHRASES.flatMap((d) =>
  (Object.entries(d.phrases) as [FlagLanguage, readonly string[]][]).flatMap(([language, phrases]) =>
    phrases.map((p) => ({
      ruleId: d.id,
      category: d.category,
      indicator: d.indicator,
      language,
      steps: compile(p),
      negations: new Set((NEGATIONS[language] ?? []).map(plain)),
    })),
  ),
);

export function snippetAround(text: string, start: number, end: number, reach = SNIPPET_REACH): string {
  let a = Math.max(0, start - reach);
  let b = Math.min(text.length, end + reach);
  // Whole words at the edges.
  while (a > 0 && /\S/.test(text[a - 1] ?? '')) a--;
  while (b < text.length && /\S/.test(text[b] ?? '')) b++;
  return `${a > 0 ? '…' : ''}${text.slice(a, b).replace(/\s+/g, ' ').trim()}${b < text.length ? '…' : ''}`;
}

/** The candidate indicator marks of a message, in order of appearance, one per rule and place. */
export function markMessage(text: string): MessageMark[] {
  if (!text.trim()) return [];
  const tokens = tokensOf(text);
  const out: MessageMark[] = [];
  for (const c of COMPILED) {
    for (let i = 0; i < tokens.length; i++) {
      const skipped: number[] = [];
      const end = matchAt(c.steps, tokens, i, skipped);
      if (end === null || end === i) continue;
      const before = tokens.slice(Math.max(0, i - NEGATION_REACH), i);
      const denied = [...before, ...skipped.map((k) => tokens[k])].some((t) => t && c.negations.has(t.word));
      const [first, last] = [tokens[i], tokens[end - 1]];
      if (!denied && first && last) {
        out.push({
          ruleId: c.ruleId,
          category: c.category,
          indicator: c.indicator,
          language: c.language,
          phrase: text.slice(first.start, last.end),
          start: first.start,
          end: last.end,
          snippet: snippetAround(text, first.start, last.end),
        });
      }
      if (end > i) i = end - 1;
    }
  }
  for (const f of findRedFlags(text)) {
    if (!RECRUITMENT_FLAGS.has(f.kind) || !f.language) continue;
    out.push({
      ruleId: `redFlag.${f.kind}`,
      category: 'recruitment',
      indicator: 'deception',
      language: f.language,
      phrase: f.phrase,
      start: f.start,
      end: f.end,
      snippet: snippetAround(text, f.start, f.end),
    });
  }
  out.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  // One mark per rule where several phrases of it overlap.
  return out.filter((m, i) => !out.slice(0, i).some((o) => o.ruleId === m.ruleId && o.end > m.start));
}
