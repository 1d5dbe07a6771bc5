/**
 * From a recorded observation to catalogue items. An observation is what an officer wrote down
 * about a person (an inspection finding, a statement, a surveillance note) tagged with the ILO
 * indicator or the Delphi dimension it shows. The Delphi item is chosen from the words of the
 * observation within its dimension; an ILO indicator also points at the Delphi item that names
 * the same fact. The rating then comes from the catalogue, never from the observation.
 */
import type { List } from './catalogue.ts';

export interface ObservationTag {
  catalogue: 'ILO' | 'Delphi';
  /** An ILO indicator (`debtBondage`) or a Delphi dimension (`coercionAtDestination`). */
  code: string;
  /** The strength the recorder judged (Delphi); used only when the words name no item. */
  strength: 'strong' | 'medium' | 'weak' | null;
  text: string;
}

/** Words → item, per Delphi dimension, most specific first. */
const WORDS: Record<string, readonly (readonly [RegExp, string])[]> = {
  deceptiveRecruitment: [
    [/employer|nature of the job|location|different job/i, 'dr.natureOfJob'],
    [/wage|pay|earning|salary/i, 'dr.wages'],
    [/contract/i, 'dr.contract'],
    [/housing|accommodation/i, 'dr.housing'],
    [/document|permit|visa/i, 'dr.documents'],
    [/travel/i, 'dr.travel'],
    [/condition/i, 'dr.conditions'],
  ],
  coerciveRecruitment: [
    [/beaten|violence|assault/i, 'cr.violence'],
    [/abduct|sold/i, 'cr.abduction'],
    [/passport|document/i, 'cr.documents'],
    [/debt|owed/i, 'cr.debt'],
    [/threat/i, 'cr.threatsViolence'],
  ],
  recruitmentByAbuseOfVulnerability: [
    [/out of work|in debt|money|econom|poverty/i, 'rav.economic'],
    [/emotional|boyfriend|partner|dependen/i, 'rav.emotionalDependency'],
    [/language|knowledge|information/i, 'rav.lackOfInformation'],
    [/family/i, 'rav.familySituation'],
    [/illegal|irregular|status/i, 'rav.illegalStatus'],
  ],
  exploitativeConditions: [
    [/hours|days a week|clients every day|overtime/i, 'ec.excessiveHours'],
    [/social protection|payroll tax|contributions|insurance/i, 'ec.socialProtection'],
    [/housed|housing|a bed|living|crowded|flat/i, 'ec.badLiving'],
    [/low pay|no pay|unpaid|paid nothing/i, 'ec.lowPay'],
    [/manipulat|kick-?back|deduction/i, 'ec.wageManipulation'],
    [/hazard|danger|unsafe/i, 'ec.hazardous'],
  ],
  coercionAtDestination: [
    [/owed|debt/i, 'cd.debt'],
    [/passport|document/i, 'cd.documents'],
    [/isolation|surveillance|watched|not allowed to leave|locked/i, 'cd.isolation'],
    [/beaten|violence|assault/i, 'cd.violence'],
    [/threat/i, 'cd.threatsViolence'],
    [/hand back|cash|deposited|wage|withh/i, 'cd.withholdingWages'],
  ],
  abuseOfVulnerabilityAtDestination: [
    [/dependent|depend/i, 'avd.dependency'],
    [/unknown area|language/i, 'avd.unknownArea'],
  ],
};

/** Whether `code` is a Delphi dimension an observation can be tagged with. */
export const isDelphiDimension = (code: string): boolean => Object.hasOwn(WORDS, code);

/** The Delphi item that names the same fact as an ILO forced-labour indicator. */
export const ILO_TO_DELPHI: Record<string, string> = {
  abuseOfVulnerability: 'avd.dependency',
  deception: 'dr.conditions',
  restrictionOfMovement: 'cd.isolation',
  isolation: 'cd.isolation',
  physicalSexualViolence: 'cd.violence',
  intimidationThreats: 'cd.threatsViolence',
  retentionOfDocuments: 'cd.documents',
  withholdingOfWages: 'cd.withholdingWages',
  debtBondage: 'cd.debt',
  abusiveConditions: 'ec.badLiving',
  excessiveOvertime: 'ec.excessiveHours',
};

/**
 * The Delphi items (of `list`) the observations show, each with the observations that show it.
 * Several observations of one item count once; an observation whose words name no item takes
 * the first unused item of its dimension and strength.
 */
export function delphiItemsOf(
  list: List,
  observations: readonly (ObservationTag & { id: string })[],
): Map<string, string[]> {
  const inList = new Map(list.items.map((i) => [i.id, i]));
  const out = new Map<string, string[]>();
  const add = (item: string, obs: string) => out.set(item, [...(out.get(item) ?? []), obs]);
  const leftovers: (ObservationTag & { id: string })[] = [];
  for (const o of observations) {
    if (o.catalogue === 'ILO') {
      const item = ILO_TO_DELPHI[o.code];
      if (item && inList.has(item)) add(item, o.id);
      continue;
    }
    const hit = (WORDS[o.code] ?? []).find(([re, item]) => re.test(o.text) && inList.has(item));
    if (hit) add(hit[1], o.id);
    else leftovers.push(o);
  }
  for (const o of leftovers) {
    const free = list.items.find((i) => i.dimension === o.code && i.rating === o.strength && !out.has(i.id));
    if (free) add(free.id, o.id);
  }
  return out;
}

/** The ILO checklist item an ILO-tagged observation shows. */
export const iloItemOf = (o: ObservationTag): string | null => (o.catalogue === 'ILO' ? `ilo.${o.code}` : null);
