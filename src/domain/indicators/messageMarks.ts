/**
 * Marks a message's text as candidate indicator evidence: each phrase of the indicator language
 * (messageLanguage.ts) and each recruitment red flag of the ads' keyword lists found in it, with
 * the words that matched and a snippet around them. A mark is a reason for the analyst to read
 * the message, never a finding: the analyst attaches the message to an indicator or leaves it.
 */
import { RED_FLAGS, type FlagLanguage, type RedFlagKind } from '../captures/index.ts';
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

/** The end (exclusive token index) of a match of `steps[k..]` from `at`, and the tokens gaps skipped. */
function matchAt(
  steps: readonly Step[],
  k: number,
  tokens: readonly Token[],
  at: number,
  skipped: number[],
): number | null {
  const step = steps[k];
  if (!step) return at;
  if (step.gap) {
    for (let n = 0; n <= GAP && at + n <= tokens.length; n++) {
      const inner: number[] = [];
      const end = matchAt(steps, k + 1, tokens, at + n, inner);
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
  return matchAt(steps, k + 1, tokens, at + 1, skipped);
}

interface Compiled {
  ruleId: string;
  category: MarkCategory;
  indicator: IloCode;
  language: FlagLanguage;
  steps: Step[];
  negations: ReadonlySet<string>;
}

const compiled = (
  ruleId: string,
  category: MarkCategory,
  indicator: IloCode,
  language: FlagLanguage,
  phrase: string,
): Compiled => ({
  ruleId,
  category,
  indicator,
  language,
  steps: compile(phrase),
  negations: new Set((NEGATIONS[language] ?? []).map(plain)),
});

const COMPILED: readonly Compiled[] = [
  ...MESSAGE_PHRASES.flatMap((d) =>
    (Object.entries(d.phrases) as [FlagLanguage, readonly string[]][]).flatMap(([language, phrases]) =>
      phrases.map((p) => compiled(d.id, d.category, d.indicator, language, p)),
    ),
  ),
  // The ads' recruitment red flags, read the same way (words, stems, negation).
  ...RED_FLAGS.filter((f) => RECRUITMENT_FLAGS.has(f.kind)).flatMap((f) =>
    (Object.entries(f.phrases) as [FlagLanguage, readonly string[]][]).flatMap(([language, phrases]) =>
      phrases.map((p) => compiled(`redFlag.${f.kind}`, 'recruitment', 'deception', language, p)),
    ),
  ),
];

/**
 * Phrases by their first word, so each word of a message is tried only against the phrases that
 * can start there: exact first words by the word, stems by their first two letters.
 */
const BY_WORD = new Map<string, Compiled[]>();
const BY_PREFIX = new Map<string, { stem: string; phrase: Compiled }[]>();
for (const c of COMPILED) {
  const head = c.steps[0];
  if (!head || head.gap) continue;
  for (const w of head.words) BY_WORD.set(w, [...(BY_WORD.get(w) ?? []), c]);
  for (const stem of head.stems) {
    const key = stem.slice(0, 2);
    BY_PREFIX.set(key, [...(BY_PREFIX.get(key) ?? []), { stem, phrase: c }]);
  }
}

function startingAt(word: string): Set<Compiled> {
  const out = new Set<Compiled>(BY_WORD.get(word) ?? []);
  for (const s of BY_PREFIX.get(word.slice(0, 2)) ?? []) if (word.startsWith(s.stem)) out.add(s.phrase);
  return out;
}

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
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.word ?? '';
    for (const c of startingAt(word)) {
      const skipped: number[] = [];
      const end = matchAt(c.steps, 0, tokens, i, skipped);
      if (end === null || end === i) continue;
      const before = tokens.slice(Math.max(0, i - NEGATION_REACH), i);
      if ([...before, ...skipped.map((k) => tokens[k])].some((t) => t && c.negations.has(t.word))) continue;
      const [first, last] = [tokens[i], tokens[end - 1]];
      if (!first || !last) continue;
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
  }
  out.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  // One mark per rule where several phrases of it overlap.
  return out.filter((m, i) => !out.slice(0, i).some((o) => o.ruleId === m.ruleId && o.end > m.start));
}
