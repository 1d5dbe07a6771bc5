/**
 * What an indicator catalogue is, as data: lists of indicators (each with its source, its
 * rating and whether its wording was checked against the publication), the dimensions they
 * group into, and — for Delphi-style catalogues — the decision rule. The built-in catalogues
 * and an agency's imported list share this one schema, so an import is validated exactly like
 * the lists the platform ships.
 */
import { z } from 'zod';

export const LANGS = ['en', 'fi', 'et', 'lv'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in English with translations where they exist; readers fall back to English. */
export const Text = z.object({
  en: z.string().trim().min(1).max(500),
  fi: z.string().trim().min(1).max(500).optional(),
  et: z.string().trim().min(1).max(500).optional(),
  lv: z.string().trim().min(1).max(500).optional(),
});
export type Text = z.infer<typeof Text>;

export const textIn = (t: Text, lang: string): string =>
  lang === 'fi' || lang === 'et' || lang === 'lv' ? (t[lang] ?? t.en) : t.en;

export const RATINGS = ['strong', 'medium', 'weak'] as const;
export type Rating = (typeof RATINGS)[number];

/** `verified`: wording and rating checked against the cited publication; `unverified`: not (yet). */
export const VERIFICATION = ['verified', 'unverified'] as const;

/** Palermo Protocol art. 3(a) / Directive 2011/36/EU art. 2(1): the means. */
export const MEANS = [
  'threat',
  'force',
  'coercion',
  'abduction',
  'fraud',
  'deception',
  'abuseOfPower',
  'abuseOfVulnerability',
  'payments',
] as const;
export type Means = (typeof MEANS)[number];
/** Directive 2011/36/EU art. 2(3): the forms of exploitation (purpose). */
export const PURPOSES = [
  'sexual',
  'forcedLabour',
  'slavery',
  'servitude',
  'begging',
  'criminalActivities',
  'organRemoval',
] as const;
export type Purpose = (typeof PURPOSES)[number];
/** Palermo Protocol art. 3(a) / Directive 2011/36/EU art. 2(1): the acts. */
export const ACTS = [
  'recruitment',
  'transportation',
  'transfer',
  'harbouring',
  'receipt',
  'exchangeOfControl',
] as const;
export type Act = (typeof ACTS)[number];

const id = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');

export const Item = z.object({
  id,
  /** The dimension the item belongs to (Delphi); absent in flat checklists. */
  dimension: id.optional(),
  rating: z.enum(RATINGS).optional(),
  text: Text,
  source: z.string().trim().min(1).max(300),
  verification: z.enum(VERIFICATION),
  /** Which legal element the item, when present, supports (legal-element matrix). */
  means: z.array(z.enum(MEANS)).max(5).optional(),
  purpose: z.boolean().optional(),
});
export type Item = z.infer<typeof Item>;

export const List = z.object({
  id,
  population: z.enum(['adult', 'child', 'any']),
  exploitation: z.enum(['labour', 'sexual', 'any']),
  text: Text,
  items: z.array(Item).min(1).max(500),
});
export type List = z.infer<typeof List>;

export const Dimension = z.object({ id, text: Text });

/** A dimension is positive when any combination's minimum counts are met. */
export const Combination = z.object({
  strong: z.int().min(0).max(10).default(0),
  medium: z.int().min(0).max(10).default(0),
  weak: z.int().min(0).max(10).default(0),
  /** Medium or weak indicators beyond those the combination already counts. */
  mediumOrWeak: z.int().min(0).max(10).default(0),
});
export type Combination = z.infer<typeof Combination>;

/** One condition of the person-level rule: any of these dimensions positive, or a recorded act. */
export const Condition = z.object({
  id,
  text: Text,
  anyOf: z.array(id).max(10).default([]),
  /** Met by a recorded act (recruitment, transportation…) rather than by a dimension. */
  act: z.boolean().default(false),
});
export type Condition = z.infer<typeof Condition>;

export const Rule = z.object({
  source: z.string().trim().min(1).max(300),
  verification: z.enum(VERIFICATION),
  dimensionPositive: z.array(Combination).min(1).max(10),
  /** All conditions must hold, for adults and for children. */
  adult: z.array(Condition).min(1).max(10),
  child: z.array(Condition).min(1).max(10),
});
export type Rule = z.infer<typeof Rule>;

export const Catalogue = z
  .object({
    key: id,
    version: z.int().min(1).max(1_000_000),
    title: Text,
    source: z.string().trim().min(1).max(500),
    kind: z.enum(['delphi', 'checklist']),
    dimensions: z.array(Dimension).max(20).default([]),
    lists: z.array(List).min(1).max(20),
    rule: Rule.optional(),
  })
  .superRefine((c, ctx) => {
    const dims = new Set(c.dimensions.map((d) => d.id));
    if (c.kind === 'delphi' && !c.rule)
      ctx.addIssue({ code: 'custom', path: ['rule'], message: 'a Delphi catalogue needs its decision rule' });
    c.lists.forEach((l, li) => {
      const seen = new Set<string>();
      l.items.forEach((it, ii) => {
        if (seen.has(it.id))
          ctx.addIssue({
            code: 'custom',
            path: ['lists', li, 'items', ii, 'id'],
            message: `duplicate item id "${it.id}" in list ${l.id}`,
          });
        seen.add(it.id);
        if (c.kind !== 'delphi') return;
        if (!it.dimension || !dims.has(it.dimension))
          ctx.addIssue({
            code: 'custom',
            path: ['lists', li, 'items', ii, 'dimension'],
            message: `not one of the catalogue's dimensions (${[...dims].join(', ')})`,
          });
        if (!it.rating)
          ctx.addIssue({
            code: 'custom',
            path: ['lists', li, 'items', ii, 'rating'],
            message: 'strong, medium or weak',
          });
      });
    });
    const conds = [...(c.rule?.adult ?? []), ...(c.rule?.child ?? [])];
    for (const [i, cond] of conds.entries()) {
      for (const d of cond.anyOf)
        if (!dims.has(d))
          ctx.addIssue({
            code: 'custom',
            path: ['rule', i < (c.rule?.adult.length ?? 0) ? 'adult' : 'child'],
            message: `condition ${cond.id} names unknown dimension "${d}"`,
          });
      if (!cond.act && cond.anyOf.length === 0)
        ctx.addIssue({ code: 'custom', path: ['rule'], message: `condition ${cond.id} needs dimensions or act` });
    }
  });
export type Catalogue = z.infer<typeof Catalogue>;
export type CatalogueInput = z.input<typeof Catalogue>;

export const catalogueRef = (c: Pick<Catalogue, 'key' | 'version'>): string => `${c.key}@${c.version}`;

export function findList(c: Catalogue, listId: string): List | undefined {
  return c.lists.find((l) => l.id === listId);
}
