/**
 * ILO / European Commission, *Operational indicators of trafficking in human beings. Results
 * from a Delphi survey implemented by the ILO and the European Commission* (first published
 * March 2009, revised September 2009, 4 pages):
 * https://www.ilo.org/publications/operational-indicators-trafficking-human-beings
 *
 * Four lists (adult/child × labour/sexual exploitation), six dimensions, each indicator strong,
 * medium or weak, and the decision rule. The publication itself could not be read where this
 * list was written and secondary copies disagree on some ratings, so every item and the rule
 * are marked `unverified`: an agency should import its checked or national list
 * (services/assessments.ts) and each assessment records the catalogue version it used.
 */
import type { Catalogue, Item, List, Means, Rating, Rule } from './catalogue.ts';
import { delphiText } from './delphiTexts.ts';

export const DELPHI_SOURCE =
  'ILO/European Commission, Operational indicators of trafficking in human beings (Delphi survey), revised September 2009';

export const DIMENSIONS = [
  {
    id: 'deceptiveRecruitment',
    text: {
      en: 'Deceptive recruitment',
      fi: 'Harhaanjohtava rekrytointi',
      et: 'Petlik värbamine',
      lv: 'Maldinoša vervēšana',
    },
  },
  {
    id: 'coerciveRecruitment',
    text: {
      en: 'Coercive recruitment',
      fi: 'Pakottava rekrytointi',
      et: 'Sunniviisiline värbamine',
      lv: 'Piespiedu vervēšana',
    },
  },
  {
    id: 'recruitmentByAbuseOfVulnerability',
    text: {
      en: 'Recruitment by abuse of vulnerability',
      fi: 'Rekrytointi haavoittuvan aseman hyväksikäytöllä',
      et: 'Värbamine haavatavuse ärakasutamisega',
      lv: 'Vervēšana, izmantojot neaizsargātību',
    },
  },
  {
    id: 'exploitativeConditions',
    text: {
      en: 'Exploitative conditions',
      fi: 'Hyväksikäyttävät olot',
      et: 'Ekspluateerivad tingimused',
      lv: 'Ekspluatējoši apstākļi',
    },
  },
  {
    id: 'coercionAtDestination',
    text: {
      en: 'Coercion at destination',
      fi: 'Pakottaminen kohdemaassa',
      et: 'Sundimine sihtkohas',
      lv: 'Piespiešana galamērķī',
    },
  },
  {
    id: 'abuseOfVulnerabilityAtDestination',
    text: {
      en: 'Abuse of vulnerability at destination',
      fi: 'Haavoittuvan aseman hyväksikäyttö kohdemaassa',
      et: 'Haavatavuse ärakasutamine sihtkohas',
      lv: 'Neaizsargātības izmantošana galamērķī',
    },
  },
] as const;

const DIM_OF: Record<string, string> = {
  dr: 'deceptiveRecruitment',
  cr: 'coerciveRecruitment',
  rav: 'recruitmentByAbuseOfVulnerability',
  ec: 'exploitativeConditions',
  cd: 'coercionAtDestination',
  avd: 'abuseOfVulnerabilityAtDestination',
};

/** Which means of the legal definition an item shows (Palermo Protocol art. 3(a)). */
function meansOf(itemId: string): Means[] | undefined {
  const [dim, concept = ''] = itemId.split('.');
  if (dim === 'dr') return ['deception', 'fraud'];
  if (dim === 'rav' || dim === 'avd') return ['abuseOfVulnerability'];
  if (dim === 'ec') return undefined;
  if (concept === 'violence' || concept === 'violenceFamily') return ['force'];
  if (concept === 'abduction') return ['abduction'];
  if (
    concept === 'threatsViolence' ||
    concept === 'threatsFamily' ||
    concept === 'denunciation' ||
    concept === 'worseConditions'
  )
    return ['threat'];
  if (concept === 'influence') return ['abuseOfPower'];
  return ['coercion'];
}

type Row = readonly [id: string, rating: Rating];
const S = 'strong';
const M = 'medium';
const W = 'weak';

const recruitment: Row[] = [
  ['dr.natureOfJob', S],
  ['dr.conditions', M],
  ['dr.contract', M],
  ['dr.familyReunification', M],
  ['dr.housing', M],
  ['dr.documents', M],
  ['dr.travel', M],
  ['dr.wages', M],
  ['dr.education', W],
  ['cr.violence', S],
  ['cr.abduction', M],
  ['cr.documents', M],
  ['cr.debt', M],
  ['cr.isolation', M],
  ['cr.denunciation', M],
  ['cr.threatsViolence', M],
  ['cr.threatsFamily', M],
  ['cr.violenceFamily', M],
  ['cr.withholdingMoney', M],
  ['rav.familySituation', M],
  ['rav.illegalStatus', M],
  ['rav.lackOfEducation', M],
  ['rav.lackOfInformation', M],
  ['rav.control', M],
  ['rav.economic', M],
  ['rav.falseInfoLaw', M],
  ['rav.falseInfoMigration', M],
  ['rav.emotionalDependency', M],
  ['rav.legalStatus', M],
  ['rav.personalSituation', W],
];
const destination: Row[] = [
  ['cd.documents', S],
  ['cd.debt', S],
  ['cd.isolation', S],
  ['cd.violence', S],
  ['cd.forcedCriminal', M],
  ['cd.forcedTasks', M],
  ['cd.againstPeers', M],
  ['cd.forcedLie', M],
  ['cd.denunciation', M],
  ['cd.worseConditions', M],
  ['cd.threatsViolence', M],
  ['cd.influence', M],
  ['cd.violenceFamily', M],
  ['cd.withholdingWages', M],
  ['avd.dependency', M],
  ['avd.unknownArea', M],
  ['avd.economic', M],
  ['avd.family', M],
  ['avd.legalStatus', M],
  ['avd.personal', W],
];
const labourConditions: Row[] = [
  ['ec.excessiveHours', S],
  ['ec.badLiving', M],
  ['ec.hazardous', M],
  ['ec.lowPay', M],
  ['ec.labourLaws', M],
  ['ec.socialProtection', M],
  ['ec.badWorking', M],
  ['ec.wageManipulation', M],
  ['ec.education', W],
];
const sexualConditions: Row[] = [
  ['ec.excessiveHours', S],
  ['ec.badLiving', M],
  ['ec.lowPay', M],
  ['ec.noChoice', M],
  ['ec.socialProtection', M],
  ['ec.badWorking', M],
  ['ec.wageManipulation', M],
  ['ec.education', W],
];
/** Children: separation from carers is a vulnerability; being kept out of school weighs more. */
const forChild = (rows: Row[]): Row[] => rows.map(([id, r]): Row => (id === 'ec.education' ? [id, M] : [id, r]));
const childExtras: Row[] = [
  ['rav.separated', M],
  ['ec.tooYoung', M],
];

function item([id, rating]: Row): Item {
  const means = meansOf(id);
  return {
    id,
    dimension: DIM_OF[id.split('.')[0] ?? ''] ?? 'unknown',
    rating,
    text: delphiText(id),
    source: DELPHI_SOURCE,
    verification: 'unverified',
    ...(means ? { means } : { purpose: true }),
  };
}

function list(
  id: string,
  population: 'adult' | 'child',
  exploitation: 'labour' | 'sexual',
  rows: Row[],
  text: List['text'],
): List {
  return { id, population, exploitation, text, items: rows.map(item) };
}

/** A dimension is positive with 2 strong, or 1 strong + 1 medium/weak, or 3 medium, or 2 medium + 1 weak. */
export const DELPHI_RULE: Rule = {
  source: `${DELPHI_SOURCE}; children: Directive 2011/36/EU art. 2(5) (means not required)`,
  verification: 'unverified',
  dimensionPositive: [
    { strong: 2, medium: 0, weak: 0, mediumOrWeak: 0 },
    { strong: 1, medium: 0, weak: 0, mediumOrWeak: 1 },
    { strong: 0, medium: 3, weak: 0, mediumOrWeak: 0 },
    { strong: 0, medium: 2, weak: 1, mediumOrWeak: 0 },
  ],
  adult: [
    {
      id: 'recruitment',
      act: false,
      anyOf: ['deceptiveRecruitment', 'coerciveRecruitment', 'recruitmentByAbuseOfVulnerability'],
      text: {
        en: 'Recruitment: deceptive, coercive or by abuse of vulnerability',
        fi: 'Rekrytointi: harhaanjohtava, pakottava tai haavoittuvaa asemaa hyväksikäyttävä',
        et: 'Värbamine: petlik, sunniviisiline või haavatavust ärakasutav',
        lv: 'Vervēšana: maldinoša, piespiedu vai izmantojot neaizsargātību',
      },
    },
    {
      id: 'exploitation',
      act: false,
      anyOf: ['exploitativeConditions'],
      text: { en: 'Exploitation', fi: 'Hyväksikäyttö', et: 'Ekspluateerimine', lv: 'Ekspluatācija' },
    },
    {
      id: 'coercion',
      act: false,
      anyOf: ['coercionAtDestination', 'abuseOfVulnerabilityAtDestination'],
      text: {
        en: 'Coercion or abuse of vulnerability at destination',
        fi: 'Pakottaminen tai haavoittuvan aseman hyväksikäyttö kohdemaassa',
        et: 'Sundimine või haavatavuse ärakasutamine sihtkohas',
        lv: 'Piespiešana vai neaizsargātības izmantošana galamērķī',
      },
    },
  ],
  child: [
    {
      id: 'act',
      act: true,
      anyOf: [],
      text: {
        en: 'An act recorded (recruitment, transport, transfer, harbouring or receipt)',
        fi: 'Kirjattu teko (värväys, kuljetus, siirto, majoittaminen tai vastaanotto)',
        et: 'Registreeritud tegu (värbamine, vedu, üleandmine, majutamine või vastuvõtmine)',
        lv: 'Reģistrēta darbība (vervēšana, pārvadāšana, nodošana, izmitināšana vai saņemšana)',
      },
    },
    {
      id: 'exploitation',
      act: false,
      anyOf: ['exploitativeConditions'],
      text: { en: 'Exploitation', fi: 'Hyväksikäyttö', et: 'Ekspluateerimine', lv: 'Ekspluatācija' },
    },
  ],
};

export const DELPHI_2009: Catalogue = {
  key: 'ilo-ec-delphi-2009',
  version: 1,
  title: {
    en: 'ILO/EC operational indicators of trafficking (Delphi, 2009)',
    fi: 'ILO:n ja EU-komission ihmiskaupan operatiiviset indikaattorit (Delfoi, 2009)',
    et: 'ILO ja Euroopa Komisjoni inimkaubanduse operatiivsed indikaatorid (Delphi, 2009)',
    lv: 'SDO un Eiropas Komisijas cilvēku tirdzniecības operatīvie indikatori (Delfi, 2009)',
  },
  source: `${DELPHI_SOURCE}. Wording and ratings from secondary copies, not checked against the publication.`,
  kind: 'delphi',
  dimensions: DIMENSIONS.map((d) => ({ id: d.id, text: { ...d.text } })),
  lists: [
    list('adult-labour', 'adult', 'labour', [...recruitment, ...labourConditions, ...destination], {
      en: 'Adults, labour exploitation',
      fi: 'Aikuiset, työperäinen hyväksikäyttö',
      et: 'Täiskasvanud, tööalane ekspluateerimine',
      lv: 'Pieaugušie, darba ekspluatācija',
    }),
    list('adult-sexual', 'adult', 'sexual', [...recruitment, ...sexualConditions, ...destination], {
      en: 'Adults, sexual exploitation',
      fi: 'Aikuiset, seksuaalinen hyväksikäyttö',
      et: 'Täiskasvanud, seksuaalne ekspluateerimine',
      lv: 'Pieaugušie, seksuālā ekspluatācija',
    }),
    list(
      'child-labour',
      'child',
      'labour',
      forChild([
        ...recruitment,
        ...childExtras.slice(0, 1),
        ...labourConditions,
        ...childExtras.slice(1),
        ...destination,
      ]),
      {
        en: 'Children, labour exploitation',
        fi: 'Lapset, työperäinen hyväksikäyttö',
        et: 'Lapsed, tööalane ekspluateerimine',
        lv: 'Bērni, darba ekspluatācija',
      },
    ),
    list(
      'child-sexual',
      'child',
      'sexual',
      forChild([...recruitment, ...childExtras.slice(0, 1), ...sexualConditions, ...destination]),
      {
        en: 'Children, sexual exploitation',
        fi: 'Lapset, seksuaalinen hyväksikäyttö',
        et: 'Lapsed, seksuaalne ekspluateerimine',
        lv: 'Bērni, seksuālā ekspluatācija',
      },
    ),
  ],
  rule: DELPHI_RULE,
};
