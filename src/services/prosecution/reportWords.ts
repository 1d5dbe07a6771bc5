/**
 * The report's vocabulary from the platform's translations (src/web/i18n/<language>.json, the
 * one set of labels the workspace shows): kinds of entity, properties, chain lanes, legal
 * elements, finding rules, proceeds items and assumptions — so the PDF names things as the
 * pages do. A label missing in the language falls back to English, then to the words of the key
 * itself ("wageKickback" → "Wage kickback"): the report never prints a key.
 */
import { readFileSync } from 'node:fs';
import type { ReportLanguage } from '../../domain/prosecution/report.ts';
import { localeFormat } from '../../shared/locale.ts';
import { sayAll } from '../../shared/sentences.ts';
import type { Sentence } from '../../shared/sentences.ts';

type Tree = { [key: string]: string | Tree };
const loaded = new Map<ReportLanguage, Tree>();
const load = (lang: ReportLanguage): Tree => {
  let tree = loaded.get(lang);
  if (!tree) {
    tree = JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}.json`, import.meta.url), 'utf8')) as Tree;
    loaded.set(lang, tree);
  }
  return tree;
};

const lookup = (tree: Tree, key: string): string | undefined => {
  let at: string | Tree | undefined = tree;
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  if (typeof at === 'object' && typeof at['other'] === 'string') return at['other'];
  return typeof at === 'string' ? at : undefined;
};

/** "wageKickback" → "Wage kickback", "cash-deposit" → "Cash deposit": a key as words. */
export const asWords = (key: string): string => {
  const w = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .toLowerCase()
    .trim();
  return w.charAt(0).toUpperCase() + w.slice(1);
};

export interface ReportWords {
  /** The label at `key`, with {{name}} filled from `vars`; the key's last part as words when missing. */
  t(key: string, vars?: Record<string, string | number>): string;
  schema(name: string, count?: number): string;
  prop(name: string): string;
  lane(lane: string): string;
  element(kind: 'act' | 'means' | 'purpose', value: string): string;
  rule(rule: string): string;
  proceedsKind(kind: string): string;
  assumption(name: string): string;
  timelineRow(kind: string): string;
  /** "6 accounts": the count and a noun at `key` in the language's plural form (key_one, key_other…). */
  counted(key: string, count: number): string;
  /** A finding's explanation in the report's language; the stored English when a sentence has no words. */
  explain(words: readonly Sentence[] | null, english: string): string;
}

export function reportWords(lang: ReportLanguage): ReportWords {
  const own = load(lang);
  const en = load('en');
  const t = (key: string, vars: Record<string, string | number> = {}): string => {
    const raw = lookup(own, key) ?? lookup(en, key) ?? asWords(key.split('.').pop() ?? key);
    return raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(vars[k] ?? ''));
  };
  const schema = (name: string, count = 1): string => {
    const node = lookup(own, `schema.${name}.one`) ?? lookup(en, `schema.${name}.one`);
    return count === 1 && node ? node : t(`schema.${name}`);
  };
  const format = localeFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const counted = (key: string, count: number): string => {
    const form = (tree: Tree) => lookup(tree, `${key}_${plurals.select(count)}`) ?? lookup(tree, `${key}_other`);
    const raw = form(own) ?? form(en) ?? asWords(key.split('.').pop() ?? key);
    return raw.replace(/\{\{\s*count\s*\}\}/g, format.number(count));
  };
  const sentenceWords = {
    template: (key: string) => lookup(own, `finance.explain.${key}`) ?? lookup(en, `finance.explain.${key}`),
    counted: (unit: string, count: number) => counted(`finance.units.${unit}`, count),
  };
  return {
    counted,
    explain: (words, english) => sayAll(words, sentenceWords, format, english),
    t,
    schema,
    prop: (name) => t(`prop.${name}`),
    lane: (lane) => t(`chain.lane.${lane}`),
    element: (kind, value) => t(`identification.${kind}.${value}`),
    rule: (rule) => t(`finance.ruleTitle.${rule}`),
    proceedsKind: (kind) => t(`finance.proceeds.kind.${kind}`),
    assumption: (name) => t(`finance.model.names.${name}`),
    timelineRow: (kind) => t(`timeline.row.${kind}`),
  };
}
