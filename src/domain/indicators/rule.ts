/**
 * The Delphi decision rule as a small engine over the rule's data (catalogue.ts `Rule`): count
 * the strong, medium and weak indicators present in each dimension, test the combinations that
 * make a dimension positive, then the conditions that make a person a presumed victim — for
 * adults recruitment and exploitation and coercion, for children an act and exploitation (the
 * means are not required, Directive 2011/36/EU art. 2(5)). Pure: the same input, the same
 * decision, with the reasons, what is missing and what to do next.
 */
import type { Act, Catalogue, Combination, Rating } from './catalogue.ts';
import { findList, textIn } from './catalogue.ts';
import type { NextStep } from './nextSteps.ts';
import { MONEY_ITEMS, nextStepsFor } from './nextSteps.ts';

export interface Counts {
  strong: number;
  medium: number;
  weak: number;
}

/** The fewest indicators still needed for a dimension, as one alternative. */
export type Shortfall = Counts & { mediumOrWeak: number };

export interface DimensionResult {
  id: string;
  counts: Counts;
  items: string[];
  positive: boolean;
  /** The combination of the rule that made it positive. */
  by: Combination | null;
  /** When negative: the cheapest ways to make it positive (each as many indicators as the others). */
  shortfall: Shortfall[];
}

export interface ConditionResult {
  id: string;
  met: boolean;
  /** The positive dimensions (or `act`) that meet it. */
  by: string[];
}

export interface Missing {
  condition: string;
  /** Per candidate dimension, the cheapest shortfall; empty for an act condition. */
  dimensions: { id: string; shortfall: Shortfall[] }[];
  act: boolean;
}

export type Outcome = 'presumedVictim' | 'notEstablished' | 'noRule';

export interface Decision {
  outcome: Outcome;
  population: 'adult' | 'child';
  meansRequired: boolean;
  conditions: ConditionResult[];
  dimensions: DimensionResult[];
  missing: Missing[];
  nextSteps: NextStep[];
  unknownItems: string[];
  /** The decision and its reasons in plain English (the web builds its own, translated). */
  explanation: string;
}

export interface EvaluationInput {
  catalogue: Catalogue;
  listId: string;
  population: 'adult' | 'child';
  itemIds: readonly string[];
  acts: readonly Act[];
}

const ZERO: Shortfall = { strong: 0, medium: 0, weak: 0, mediumOrWeak: 0 };

export function satisfies(c: Counts, k: Combination): boolean {
  return shortfallOf(c, k) === 0;
}

function need(c: Counts, k: Combination): Shortfall {
  const strong = Math.max(0, k.strong - c.strong);
  const medium = Math.max(0, k.medium - c.medium);
  const weak = Math.max(0, k.weak - c.weak);
  const leftover = Math.max(0, c.medium - k.medium) + Math.max(0, c.weak - k.weak);
  return { strong, medium, weak, mediumOrWeak: Math.max(0, k.mediumOrWeak - leftover) };
}

const total = (s: Shortfall): number => s.strong + s.medium + s.weak + s.mediumOrWeak;
function shortfallOf(c: Counts, k: Combination): number {
  return total(need(c, k));
}

export function dimensionResult(
  id: string,
  counts: Counts,
  items: string[],
  combos: readonly Combination[],
): DimensionResult {
  const by = combos.find((k) => satisfies(counts, k)) ?? null;
  if (by) return { id, counts, items, positive: true, by, shortfall: [] };
  const needs = combos.map((k) => need(counts, k));
  const min = Math.min(...needs.map(total));
  const seen = new Set<string>();
  const shortfall = needs
    .filter((n) => total(n) === min)
    .filter((n) => {
      const key = JSON.stringify(n);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  return { id, counts, items, positive: false, by: null, shortfall: shortfall.length ? shortfall : [ZERO] };
}

export function countsText(c: Counts): string {
  const parts = (['strong', 'medium', 'weak'] as const).filter((r) => c[r] > 0).map((r) => `${c[r]} ${r}`);
  return parts.length ? parts.join(' + ') : 'no indicator';
}

export function shortfallText(s: Shortfall): string {
  const parts = [
    ...(['strong', 'medium', 'weak'] as const).filter((r) => s[r] > 0).map((r) => `${s[r]} ${r}`),
    ...(s.mediumOrWeak > 0 ? [`${s.mediumOrWeak} medium or weak`] : []),
  ];
  return parts.join(' + ');
}

export function evaluate(input: EvaluationInput): Decision {
  const { catalogue, population } = input;
  const list = findList(catalogue, input.listId);
  const byId = new Map((list?.items ?? []).map((i) => [i.id, i]));
  const present = [...new Set(input.itemIds)];
  const unknownItems = present.filter((id) => !byId.has(id));
  const known = present.filter((id) => byId.has(id));
  const labour = list?.exploitation === 'labour';
  const exploitationIndicator = known.some((id) => byId.get(id)?.purpose === true);
  const base = { population, unknownItems, meansRequired: population === 'adult' };
  const rule = catalogue.rule;
  if (!rule) {
    const nextSteps = nextStepsFor({
      presumed: false,
      child: population === 'child',
      labour,
      anyIndicator: known.length > 0,
      exploitationIndicator,
      moneyIndicator: known.some((id) => MONEY_ITEMS.has(id)),
    });
    return {
      ...base,
      outcome: 'noRule',
      conditions: [],
      dimensions: [],
      missing: [],
      nextSteps,
      explanation: `${known.length} indicator(s) recorded; this catalogue has no decision rule`,
    };
  }
  const dimensions = catalogue.dimensions.map((d) => {
    const counts: Counts = { strong: 0, medium: 0, weak: 0 };
    const items: string[] = [];
    for (const id of known) {
      const it = byId.get(id);
      if (it?.dimension !== d.id || !it.rating) continue;
      counts[it.rating as Rating]++;
      items.push(id);
    }
    return dimensionResult(d.id, counts, items, rule.dimensionPositive);
  });
  const dimById = new Map(dimensions.map((d) => [d.id, d]));
  const conditionsData = population === 'child' ? rule.child : rule.adult;
  const conditions: ConditionResult[] = conditionsData.map((c) => {
    const by = [...(c.act && input.acts.length > 0 ? ['act'] : []), ...c.anyOf.filter((d) => dimById.get(d)?.positive)];
    return { id: c.id, met: by.length > 0, by };
  });
  const presumed = conditions.every((c) => c.met);
  const missing: Missing[] = conditionsData
    .filter((_, i) => !conditions[i]?.met)
    .map((c) => ({
      condition: c.id,
      act: c.act,
      dimensions: c.anyOf.map((d) => ({ id: d, shortfall: dimById.get(d)?.shortfall ?? [] })),
    }));
  const nextSteps = nextStepsFor({
    presumed,
    child: population === 'child',
    labour,
    anyIndicator: known.length > 0 || input.acts.length > 0,
    exploitationIndicator,
    moneyIndicator: known.some((id) => MONEY_ITEMS.has(id)),
  });
  const dimName = (id: string) =>
    textIn(catalogue.dimensions.find((d) => d.id === id)?.text ?? { en: id }, 'en').toLowerCase();
  const reasons = conditions.flatMap((c) =>
    c.by.map((b) =>
      b === 'act'
        ? `act recorded (${input.acts.join(', ')})`
        : `${dimName(b)} positive by ${countsText(dimById.get(b)?.counts ?? ZERO)}`,
    ),
  );
  const gaps = missing.map((m) => {
    const cond = conditionsData.find((c) => c.id === m.condition);
    const label = textIn(cond?.text ?? { en: m.condition }, 'en').toLowerCase();
    if (m.act) return `${label}: no act recorded`;
    // Name only the dimensions closest to positive; the structured `missing` keeps them all.
    const cost = (d: { shortfall: Shortfall[] }) => Math.min(...d.shortfall.map(total));
    const best = Math.min(...m.dimensions.map(cost));
    const alts = m.dimensions
      .filter((d) => cost(d) === best)
      .map(
        (d) =>
          `${dimName(d.id)} has ${countsText(dimById.get(d.id)?.counts ?? ZERO)}, needs ${d.shortfall.map(shortfallText).join(' or ')} more`,
      );
    return `${label}: ${alts.join(', or ')}`;
  });
  const childNote = population === 'child' ? 'child: means not required (Directive 2011/36/EU art. 2(5)); ' : '';
  const explanation = presumed
    ? `presumed victim: ${childNote}${reasons.join('; ')}`
    : `not established as a presumed victim under the rule: ${childNote}${[...(reasons.length ? [`positive so far: ${reasons.join('; ')}`] : []), `missing — ${gaps.join(' | ')}`].join('; ')}`;
  return {
    ...base,
    outcome: presumed ? 'presumedVictim' : 'notEstablished',
    conditions,
    dimensions,
    missing,
    nextSteps,
    explanation,
  };
}
