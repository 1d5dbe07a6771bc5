/**
 * An entity's display name, computed as FollowTheMoney computes it:
 * - the schema's `caption` properties in their order (a link's edge caption after them), and
 *   the first of them that has a value gives the caption; none → the schema's label;
 * - when that property is a name with several values (a company known by its current name, its
 *   former ones and a transliteration), FtM does not take whichever came first: it picks the
 *   name most like all the others, preferring names in Latin script. So "JSC Kalashnikov
 *   Concern" is shown, not the former "JSC NPO IZHMASH" that happened to be listed first.
 * Two THB touches for reading: an amount is followed by its currency, and long values are cut.
 */
import { foldText } from '../../shared/names/index.ts';
import type { PropertyDef, SchemaDef } from './types.ts';

const MAX_CAPTION = 200;

/** Levenshtein distance, two rows at a time. */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[t.length] ?? 0;
}

/** 1 for equal strings, 0 for nothing in common. */
function similarity(a: string, b: string): number {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** The share of a name's letters that are Latin. */
function latinShare(name: string): number {
  const letters = name.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((c) => /\p{Script=Latin}/u.test(c)).length / letters.length;
}

/**
 * Among several names, the one most like all the others (the centroid), compared on their
 * folded, transliterated forms and weighted towards Latin script; ties go to the first in
 * alphabetical order, so the choice does not depend on the order values were written in.
 */
export function pickName(values: readonly string[]): string | undefined {
  const names = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].sort();
  if (names.length <= 1) return names[0];
  const forms = names.map((n) => ({ form: foldText(n), weight: 1 + latinShare(n) }));
  const scores = names.map(() => 0);
  for (let i = 0; i < forms.length; i++) {
    for (let j = i + 1; j < forms.length; j++) {
      const a = forms[i];
      const b = forms[j];
      if (!a || !b) continue;
      const sim = similarity(a.form, b.form);
      scores[i] = (scores[i] ?? 0) + sim * a.weight;
      scores[j] = (scores[j] ?? 0) + sim * b.weight;
    }
  }
  let best = 0;
  scores.forEach((s, i) => {
    if (s > (scores[best] ?? 0)) best = i;
  });
  return names[best];
}

const shorten = (text: string): string => {
  const chars = Array.from(text);
  return chars.length > MAX_CAPTION ? `${chars.slice(0, MAX_CAPTION - 1).join('')}…` : text;
};

export interface CaptionSource {
  schema: SchemaDef;
  properties: Readonly<Record<string, readonly string[]>>;
  /** The schema's properties, inherited ones included. */
  defs: Readonly<Record<string, PropertyDef>>;
  /** Whether the schema is a Thing (FtM picks among several names only for Things). */
  isThing: boolean;
}

/** The caption of an entity of a known schema (registry.ts `captionOf` looks the schema up). */
export function computeCaption({ schema, properties, defs, isThing }: CaptionSource): string {
  const order = [...schema.caption, ...(schema.edge?.caption ?? []).filter((p) => !schema.caption.includes(p))];
  for (const prop of order) {
    if (!Object.hasOwn(properties, prop)) continue;
    const values = (properties[prop] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    const several = isThing && values.length > 1 && defs[prop]?.type === 'name';
    const value = (several ? pickName(values) : undefined) ?? (values[0] as string);
    // "1500" alone says little on a Payment or Debt: add the currency when there is one.
    const currency = prop === 'amount' ? properties['currency']?.[0]?.trim() : undefined;
    const caption = shorten(value);
    return currency ? `${caption} ${currency}` : caption;
  }
  return schema.label;
}
