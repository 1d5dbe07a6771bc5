/**
 * Flat checklists beside the Delphi lists: the ILO's 11 indicators of forced labour and UNODC's
 * observable signs. They carry no decision rule; an assessment may record them as context and
 * the legal-element matrix reads their means and purpose.
 */
import type { Catalogue, Item, Means } from './catalogue.ts';

type Entry = readonly [id: string, en: string, fi: string, et: string, lv: string, means?: Means[]];

const ILO_SOURCE = 'ILO, ILO Indicators of Forced Labour (Special Action Programme to Combat Forced Labour, 2012)';

/** Names confirmed against the booklet (../shared/DOMAIN.md §5); the translations are the platform's. */
const ilo: Entry[] = [
  [
    'ilo.abuseOfVulnerability',
    'Abuse of vulnerability',
    'Haavoittuvan aseman hyväksikäyttö',
    'Haavatavuse ärakasutamine',
    'Neaizsargātības izmantošana',
    ['abuseOfVulnerability'],
  ],
  ['ilo.deception', 'Deception', 'Harhaanjohtaminen', 'Pettus', 'Maldināšana', ['deception']],
  [
    'ilo.restrictionOfMovement',
    'Restriction of movement',
    'Liikkumisen rajoittaminen',
    'Liikumisvabaduse piiramine',
    'Pārvietošanās ierobežošana',
    ['coercion'],
  ],
  ['ilo.isolation', 'Isolation', 'Eristäminen', 'Isoleerimine', 'Izolēšana', ['coercion']],
  [
    'ilo.physicalSexualViolence',
    'Physical and sexual violence',
    'Fyysinen ja seksuaalinen väkivalta',
    'Füüsiline ja seksuaalne vägivald',
    'Fiziska un seksuāla vardarbība',
    ['force'],
  ],
  [
    'ilo.intimidationThreats',
    'Intimidation and threats',
    'Pelottelu ja uhkailu',
    'Hirmutamine ja ähvardused',
    'Iebiedēšana un draudi',
    ['threat'],
  ],
  [
    'ilo.retentionOfDocuments',
    'Retention of identity documents',
    'Henkilöasiakirjojen pidättäminen',
    'Isikut tõendavate dokumentide kinnipidamine',
    'Personu apliecinošu dokumentu aizturēšana',
    ['coercion'],
  ],
  [
    'ilo.withholdingOfWages',
    'Withholding of wages',
    'Palkan pidättäminen',
    'Palga kinnipidamine',
    'Algas aizturēšana',
    ['coercion'],
  ],
  ['ilo.debtBondage', 'Debt bondage', 'Velkaorjuus', 'Võlaorjus', 'Parādu verdzība', ['coercion']],
  [
    'ilo.abusiveConditions',
    'Abusive working and living conditions',
    'Kohtuuttomat työ- ja elinolot',
    'Kuritarvitavad töö- ja elamistingimused',
    'Ļaunprātīgi darba un dzīves apstākļi',
  ],
  [
    'ilo.excessiveOvertime',
    'Excessive overtime',
    'Kohtuuton ylityö',
    'Ülemäärane ületöö',
    'Pārmērīgs virsstundu darbs',
  ],
];

const UNODC_SOURCE =
  'UNODC, Human trafficking indicators (leaflet) and Toolkit to Combat Trafficking in Persons, tool 6.2';

/** Summarised from the leaflet; wording not checked against it here, so unverified. */
const unodc: Entry[] = [
  [
    'unodc.movedBetweenLocations',
    'Moved between locations (hotels, flats, towns)',
    'Siirretään paikasta toiseen (hotellit, asunnot, kaupungit)',
    'Viiakse ühest kohast teise (hotellid, korterid, linnad)',
    'Tiek pārvietots starp vietām (viesnīcas, dzīvokļi, pilsētas)',
    ['coercion'],
  ],
  [
    'unodc.escorted',
    'Always escorted; someone else speaks for them',
    'Aina saatettuna; joku muu puhuu hänen puolestaan',
    'Alati saadetud; keegi teine räägib tema eest',
    'Vienmēr pavadībā; kāds cits runā viņa vietā',
    ['coercion'],
  ],
  [
    'unodc.noCashOrId',
    'Has no cash and no identity document',
    'Ei käteistä eikä henkilöllisyystodistusta',
    'Puudub sularaha ja isikut tõendav dokument',
    'Nav skaidras naudas un personu apliecinoša dokumenta',
    ['coercion'],
  ],
  ['unodc.sleepsAtWorkplace', 'Sleeps at the workplace', 'Nukkuu työpaikalla', 'Magab töökohas', 'Guļ darba vietā'],
  [
    'unodc.adsOneNationality',
    'Ads offering women of one nationality',
    'Ilmoituksia, joissa tarjotaan yhden kansallisuuden naisia',
    'Kuulutused, mis pakuvad ühe rahvusega naisi',
    'Sludinājumi, kas piedāvā vienas tautības sievietes',
  ],
  ['unodc.livesAtWorksite', 'Lives at the worksite', 'Asuu työmaalla', 'Elab töökohal', 'Dzīvo darba vietā'],
  [
    'unodc.noContract',
    'No written contract',
    'Ei kirjallista työsopimusta',
    'Kirjalik leping puudub',
    'Nav rakstiska līguma',
  ],
  [
    'unodc.finesDeductions',
    'Fines and deductions from pay',
    'Sakkoja ja palkasta tehtäviä vähennyksiä',
    'Trahvid ja palgast kinnipidamised',
    'Sodi un ieturējumi no algas',
    ['coercion'],
  ],
  [
    'unodc.noWageRecords',
    'Employer cannot show wage records or permits',
    'Työnantaja ei pysty esittämään palkkakirjanpitoa tai lupia',
    'Tööandja ei suuda esitada palgaarvestust ega lube',
    'Darba devējs nevar uzrādīt algu uzskaiti vai atļaujas',
  ],
  [
    'unodc.cannotLeave',
    'Believes they cannot leave the work or the place',
    'Uskoo, ettei voi lähteä työstä tai paikasta',
    'Usub, et ei saa tööst või kohast lahkuda',
    'Uzskata, ka nevar pamest darbu vai vietu',
    ['coercion'],
  ],
  [
    'unodc.fearAnxiety',
    'Shows fear or anxiety, avoids eye contact',
    'Osoittaa pelkoa tai ahdistusta, välttää katsekontaktia',
    'Näitab hirmu või ärevust, väldib pilkkontakti',
    'Izrāda bailes vai trauksmi, izvairās no acu kontakta',
    ['threat'],
  ],
  [
    'unodc.noAddress',
    'Does not know their home or work address',
    'Ei tiedä koti- tai työosoitettaan',
    'Ei tea oma kodu- ega tööaadressi',
    'Nezina savu mājas vai darba adresi',
    ['abuseOfVulnerability'],
  ],
];

const item =
  (source: string, verification: 'verified' | 'unverified') =>
  ([id, en, fi, et, lv, means]: Entry): Item => ({
    id,
    text: { en, fi, et, lv },
    source,
    verification,
    ...(means ? { means } : { purpose: true }),
  });

export const ILO_FORCED_LABOUR_2012: Catalogue = {
  key: 'ilo-forced-labour-2012',
  version: 1,
  kind: 'checklist',
  dimensions: [],
  title: {
    en: 'ILO indicators of forced labour (2012)',
    fi: 'ILO:n pakkotyön indikaattorit (2012)',
    et: 'ILO sunnitöö indikaatorid (2012)',
    lv: 'SDO piespiedu darba indikatori (2012)',
  },
  source: ILO_SOURCE,
  lists: [
    {
      id: 'all',
      population: 'any',
      exploitation: 'any',
      text: {
        en: 'Eleven indicators',
        fi: 'Yksitoista indikaattoria',
        et: 'Üksteist indikaatorit',
        lv: 'Vienpadsmit indikatori',
      },
      items: ilo.map(item(ILO_SOURCE, 'verified')),
    },
  ],
};

export const UNODC_SIGNS: Catalogue = {
  key: 'unodc-observable-signs',
  version: 1,
  kind: 'checklist',
  dimensions: [],
  title: {
    en: 'UNODC observable signs of trafficking',
    fi: 'UNODC:n havaittavat ihmiskaupan merkit',
    et: 'UNODC inimkaubanduse jälgitavad tunnused',
    lv: 'UNODC novērojamās cilvēku tirdzniecības pazīmes',
  },
  source: UNODC_SOURCE,
  lists: [
    {
      id: 'sexual',
      population: 'any',
      exploitation: 'sexual',
      text: {
        en: 'Sexual exploitation',
        fi: 'Seksuaalinen hyväksikäyttö',
        et: 'Seksuaalne ekspluateerimine',
        lv: 'Seksuālā ekspluatācija',
      },
      items: unodc
        .filter(([id]) =>
          [
            'unodc.movedBetweenLocations',
            'unodc.escorted',
            'unodc.noCashOrId',
            'unodc.sleepsAtWorkplace',
            'unodc.adsOneNationality',
            'unodc.cannotLeave',
            'unodc.fearAnxiety',
            'unodc.noAddress',
          ].includes(id),
        )
        .map(item(UNODC_SOURCE, 'unverified')),
    },
    {
      id: 'labour',
      population: 'any',
      exploitation: 'labour',
      text: {
        en: 'Labour exploitation',
        fi: 'Työperäinen hyväksikäyttö',
        et: 'Tööalane ekspluateerimine',
        lv: 'Darba ekspluatācija',
      },
      items: unodc
        .filter(([id]) =>
          [
            'unodc.livesAtWorksite',
            'unodc.noContract',
            'unodc.finesDeductions',
            'unodc.noWageRecords',
            'unodc.noCashOrId',
            'unodc.cannotLeave',
            'unodc.fearAnxiety',
            'unodc.noAddress',
          ].includes(id),
        )
        .map(item(UNODC_SOURCE, 'unverified')),
    },
  ],
};
