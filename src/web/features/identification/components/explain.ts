/**
 * The decision and its reasons in the user's language, built from the structured decision the
 * server returns (the server's own explanation is English, for logs and the command line).
 */
import type { TFunction } from 'i18next';
import type { Counts, DecisionOut, Shortfall } from '../../../../shared/contracts/identification.ts';
import type { Catalogue } from '../api/types.ts';
import { textOf } from '../api/types.ts';

const RATINGS = ['strong', 'medium', 'weak'] as const;

export function countsText(c: Counts, t: TFunction): string {
  const parts = RATINGS.filter((r) => c[r] > 0).map((r) => t(`identification.count.${r}`, { count: c[r] }));
  return parts.length ? parts.join(' + ') : t('identification.count.none');
}

export function shortfallText(s: Shortfall, t: TFunction): string {
  const parts = [
    ...RATINGS.filter((r) => s[r] > 0).map((r) => t(`identification.count.${r}`, { count: s[r] })),
    ...(s.mediumOrWeak > 0 ? [t('identification.count.mediumOrWeak', { count: s.mediumOrWeak })] : []),
  ];
  return parts.join(' + ');
}

export interface Explained {
  headline: string;
  reasons: string[];
  gaps: string[];
}

export function explain(d: DecisionOut, catalogue: Catalogue, t: TFunction, lang: string): Explained {
  const dimName = (id: string) => textOf(catalogue.dimensions.find((x) => x.id === id)?.text ?? { en: id }, lang);
  const condName = (id: string) =>
    textOf(
      [...(catalogue.rule?.adult ?? []), ...(catalogue.rule?.child ?? [])].find((c) => c.id === id)?.text ?? { en: id },
      lang,
    );
  const dims = new Map(d.dimensions.map((x) => [x.id, x]));
  const reasons = [
    ...(d.population === 'child' ? [t('identification.explain.childNote')] : []),
    ...d.conditions.flatMap((c) =>
      c.by.map((b) =>
        b === 'act'
          ? t('identification.explain.actRecorded')
          : t('identification.explain.positiveBy', {
              dimension: dimName(b),
              counts: countsText(dims.get(b)?.counts ?? { strong: 0, medium: 0, weak: 0 }, t),
            }),
      ),
    ),
  ];
  const gaps = d.missing.map((m) => {
    if (m.act) return `${condName(m.condition)}: ${t('identification.explain.noAct')}`;
    const cost = (x: { shortfall: Shortfall[] }) =>
      Math.min(...x.shortfall.map((s) => s.strong + s.medium + s.weak + s.mediumOrWeak));
    const best = Math.min(...m.dimensions.map(cost));
    const alts = m.dimensions
      .filter((x) => cost(x) === best)
      .map((x) =>
        t('identification.explain.hasNeeds', {
          dimension: dimName(x.id),
          counts: countsText(dims.get(x.id)?.counts ?? { strong: 0, medium: 0, weak: 0 }, t),
          need: x.shortfall.map((s) => shortfallText(s, t)).join(t('identification.explain.or')),
        }),
      );
    return `${condName(m.condition)}: ${alts.join(t('identification.explain.or'))}`;
  });
  return { headline: t(`identification.outcome.${d.outcome}`), reasons, gaps };
}
