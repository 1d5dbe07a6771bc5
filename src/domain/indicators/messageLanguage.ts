/**
 * Indicator language in seized messages, as data: phrases of recruitment, debt, document-keeping
 * and control that controllers write to workers, each tied to the ILO forced-labour indicator it
 * may show and to the source describing it. A phrase is words, not single words: "passport"
 * alone is every traveller's chat, "we keep your passport" is not.
 *
 * Syntax: words separated by spaces; `a|b` either word; a trailing `*` also matches longer words
 * (case endings); `~` up to three other words. Words are compared without case and diacritics
 * (Latvian "parāds" and "parads" alike). A match preceded closely by a negation of its language
 * ("we do not keep your passport"), or holding one in a gap, does not count.
 *
 * Sources:
 * - ILO, Indicators of Forced Labour (2012): abuse of vulnerability, deception, restriction of
 *   movement, isolation, intimidation and threats, retention of identity documents, withholding
 *   of wages, debt bondage.
 * - ILO/EC, Operational indicators of trafficking in human beings (Delphi, 2009): deceptive
 *   recruitment, debt linked to travel, housing and placement, confiscation of documents,
 *   threats to family, isolation.
 * - UNODC, Human trafficking indicators: "is not allowed to leave", "documents held by employer",
 *   "told what to say to the authorities".
 * - National guidance on identifying victims: Finland, the assistance system's guide to
 *   identification (Ihmiskaupan uhrien auttamisjärjestelmä); Latvia, the State Police's
 *   indicators of trafficking; Estonia, the Ministry of Justice's guide to identifying victims;
 *   each repeating the ILO indicators above in its language.
 */
import type { FlagLanguage } from '../captures/index.ts';

export const MARK_CATEGORIES = ['recruitment', 'debt', 'documents', 'control'] as const;
export type MarkCategory = (typeof MARK_CATEGORIES)[number];

/** ILO forced-labour indicator codes (the `ilo.` items of the catalogue). */
export type IloCode =
  | 'deception'
  | 'debtBondage'
  | 'retentionOfDocuments'
  | 'restrictionOfMovement'
  | 'isolation'
  | 'intimidationThreats'
  | 'withholdingOfWages';

export interface MessagePhraseDef {
  id: string;
  category: MarkCategory;
  indicator: IloCode;
  meaning: string;
  source: string;
  phrases: Readonly<Partial<Record<FlagLanguage, readonly string[]>>>;
}

const ILO = 'ILO, Indicators of Forced Labour (2012)';
const DELPHI = 'ILO/EC, Operational indicators of trafficking in human beings (2009)';
const UNODC = 'UNODC, Human trafficking indicators';
const NATIONAL = 'national victim identification guidance (FI, LV, EE)';

export const MESSAGE_PHRASES: readonly MessagePhraseDef[] = [
  {
    id: 'recruitment.fee',
    category: 'recruitment',
    indicator: 'deception',
    meaning: 'The worker pays to get the job',
    source: `${DELPHI}; ILO C181 art. 7 (1997)`,
    phrases: {
      en: ['must|need|have ~ pay* ~ for ~ job|place|position', 'fee for ~ job'],
      fi: ['maksa* ~ työpaika*', 'maksa* ~ työstä ~ etukäteen'],
      et: ['maks* ~ töökoha* ~ eest', 'tasu ~ töökoha* ~ eest'],
      lv: ['jāmaksā ~ par ~ darb*', 'samaksā* ~ par ~ darba vietu'],
      ru: ['заплати* ~ за ~ работ*|трудоустройств*', 'оплат* ~ за ~ трудоустройств*'],
      uk: ['заплати* ~ за ~ робот*|працевлаштуван*', 'оплат* ~ за ~ працевлаштуван*'],
    },
  },
  {
    id: 'recruitment.coverStory',
    category: 'recruitment',
    indicator: 'deception',
    meaning: 'The worker is told what to say to border guards or the authorities',
    source: `${UNODC}; ${DELPHI}`,
    phrases: {
      en: ['say you are ~ tourist*', 'tell ~ you are ~ tourist*|visiting|holiday'],
      fi: ['sano ~ olevasi|olet ~ turisti*|lomalla'],
      et: ['ütle ~ et ~ oled ~ turist*|puhkusel'],
      lv: ['saki ~ ka ~ esi ~ tūrist*|atvaļinājumā'],
      ru: ['скажи ~ что ~ ты ~ турист*|отдыха*', 'говори ~ что ~ турист*'],
      uk: ['скажи ~ що ~ ти ~ турист*|відпоч*', 'кажи ~ що ~ турист*'],
    },
  },
  {
    id: 'recruitment.noContract',
    category: 'recruitment',
    indicator: 'deception',
    meaning: 'Work without a written contract, or one signed only on arrival',
    source: DELPHI,
    phrases: {
      en: ['work* without ~ contract', 'contract ~ on arrival', 'sign ~ contract ~ arrive|arrival|there'],
      fi: ['ilman ~ työsopimus*', 'sopimus ~ allekirjoitetaan ~ perillä'],
      et: ['ilma ~ tööleping*', 'leping* ~ allkirjasta* ~ kohapeal'],
      lv: ['bez ~ darba līgum*', 'līgum* ~ parakstī* ~ uz vietas'],
      ru: ['работ* ~ без ~ договор*|контракт*', 'договор* ~ подпиш* ~ месте|приезд*'],
      uk: ['робот* ~ без ~ договор*|контракт*', 'договір ~ підпиш* ~ місці|приїзд*'],
    },
  },
  {
    id: 'debt.forTravelOrHousing',
    category: 'debt',
    indicator: 'debtBondage',
    meaning: 'A debt for travel, housing, visa or placement the worker must work off',
    source: `${ILO}; ${DELPHI}`,
    phrases: {
      en: [
        'debt* for ~ travel|ticket*|flight*|bus|room|bed|visa|housing|accommodation|transport|job',
        'work* off ~ debt*',
        'until ~ debt* ~ paid|repaid|cleared',
      ],
      fi: ['velka*|velan ~ matka*|lippu*|asun*|viisu*|majoitu*|kuljetu*', 'kunnes ~ velka*|velat ~ maksettu'],
      et: ['võlg*|võla* ~ reisi*|pilet*|viisa*|majutus*|transpordi*', 'kuni ~ võlg*|võla* ~ makstud|tasutud'],
      lv: ['parād* ~ ceļ*|biļet*|vīz*|dzīvesviet*|transport*', 'atstrādā* ~ parād*'],
      ru: [
        'долг|долга|долгу|долгом|долги ~ дорог*|билет*|жиль*|виз*|проезд*|перевозк*',
        'отработа* ~ долг|долга|долги',
      ],
      uk: ['борг|боргу|борги|боргом ~ дорог*|квитк*|житл*|віз*|проїзд*', 'відпрацю* ~ борг|боргу|борги'],
    },
  },
  {
    id: 'debt.deductions',
    category: 'debt',
    indicator: 'withholdingOfWages',
    meaning: 'Debts, rent or fines deducted from wages',
    source: `${ILO}; ${DELPHI}`,
    phrases: {
      en: [
        'deduct* ~ rent|debt*|fine*|travel|ticket*|room|bed|housing ~ from ~ wage*|salary|pay',
        'fine* ~ from ~ wage*|salary',
      ],
      fi: [
        'vuokra*|velka*|velan|sakko*|matka* ~ vähennetään ~ palka*',
        'palka* ~ vähennetään ~ vuokra*|velka*|velan|sakko*|matka*',
      ],
      et: [
        'üür*|võlg*|võla*|trahv*|reis* ~ arvatakse ~ palga* ~ maha',
        'palga* ~ arvatakse ~ maha ~ üür*|võlg*|võla*|trahv*',
      ],
      lv: ['ieturē* ~ no ~ algas ~ īr*|parād*|sod*|ceļ*', 'īr*|parād*|sod*|ceļ* ~ ieturē* ~ no ~ algas'],
      ru: ['вычт* ~ из ~ зарплат* ~ за ~ жиль*|долг*|квартир*|штраф*|дорог*', 'штраф* ~ из ~ зарплат*'],
      uk: ['вирах* ~ з|із ~ зарплат* ~ за ~ житл*|борг*|квартир*|штраф*|дорог*', 'штраф* ~ з|із ~ зарплат*'],
    },
  },
  {
    id: 'documents.kept',
    category: 'documents',
    indicator: 'retentionOfDocuments',
    meaning: 'Passports or identity documents held by the employer or recruiter',
    source: `${ILO}; ${UNODC}`,
    phrases: {
      en: [
        'we|i|boss|he|they ~ keep*|hold*|took ~ your|his|her|their passport*|documents|papers|id',
        'passport*|documents ~ stay*|remain* ~ with ~ me|us|boss',
        'hand over ~ your|all ~ passport*|documents|papers',
        'you|u ~ get ~ passport*|documents|papers ~ back ~ when|after|once ~ debt*|pay*|paid|work*|season|finish*',
      ],
      fi: [
        'passi*|paperi* ~ jää|jäävät ~ minulle|meille|pomolle',
        'pidän|pidämme|pidetään ~ sinun|teidän ~ passi*|paperi*|henkilöpaperi*',
        'passisi|passinne|paperisi ~ pidetään|pidämme|jää|otettiin',
      ],
      et: [
        'pass*|dokumendid ~ jääb|jäävad ~ minu*|meie*|ülemus*',
        'hoian|hoiame|võtame|võtsime ~ sinu|teie ~ pass*|dokumend*',
      ],
      lv: [
        'pase|pases|dokument* ~ paliks|paliek|glabāsies ~ pie ~ manis|mums|priekšnieka',
        'paturē*|paņēm*|glabāj* ~ tav*|jūs* ~ pasi|pases|dokument*',
        'atdod ~ man|mums ~ pasi|pases|dokument*',
      ],
      ru: [
        'паспорт*|документ* ~ будет|будут|останется|останутся|полежит ~ у ~ меня|нас|бригадира|хозяина',
        'отдай* ~ паспорт*|документ*',
        'забрал*|заберем|заберу|забираем ~ твой|твои|ваш|ваши|его|ее|их ~ паспорт*|документ*',
      ],
      uk: [
        'паспорт*|документ* ~ буде|будуть|залишиться|залишаться ~ у ~ мене|нас|бригадира|хазяїна',
        'віддай* ~ паспорт*|документ*',
        'забра*|заберемо|заберу ~ твій|твої|ваш|ваші|його|її|їх ~ паспорт*|документ*',
      ],
    },
  },
  {
    id: 'control.movement',
    category: 'control',
    indicator: 'restrictionOfMovement',
    meaning: 'The worker may not leave the workplace or housing',
    source: `${ILO}; ${UNODC}`,
    phrases: {
      en: [
        'you cannot|cant ~ leave ~ house|flat|apartment|room|farm|site|country|building|hostel',
        'not allowed to ~ leave|out|anywhere',
      ],
      fi: ['et saa ~ lähteä|poistua|ulos', 'ulos ~ ei saa ~ mennä'],
      et: ['sa ei tohi ~ lahkuda|välja|ära', 'välja ~ ei tohi ~ minna'],
      lv: ['tu nedrīksti ~ iziet|aiziet|pamest', 'nedrīkst ~ iziet ~ no ~ māj*|dzīvokļ*|istab*'],
      ru: ['никуда ~ не ~ выход*|уход*|пойдешь', 'нельзя ~ выход*|уход*|уезжа*'],
      uk: ['нікуди ~ не ~ виход*|підеш|ходи*', 'не можна ~ виходити|йти|їхати'],
    },
  },
  {
    id: 'control.isolation',
    category: 'control',
    indicator: 'isolation',
    meaning: 'The worker is told not to speak to the police, inspectors or anyone outside',
    source: `${ILO}; ${DELPHI}`,
    phrases: {
      en: [
        'dont|never ~ talk|speak ~ to ~ police|inspector*|embassy|neighbours|anyone',
        'do not ~ talk|speak ~ to ~ police|inspector*|embassy|neighbours|anyone',
        'not allowed to ~ talk|speak|call',
      ],
      fi: ['älä ~ puhu ~ poliisi*|tarkastaja*|kenellekään|naapure*', 'et saa ~ puhua|soittaa'],
      et: ['ära ~ räägi ~ politsei*|inspektori*|kellelegi|naabri*', 'sa ei tohi ~ rääkida|helistada'],
      lv: ['nerunā ~ ar ~ policij*|inspektor*|nevienu|kaimiņ*', 'tu nedrīksti ~ runāt|zvanīt'],
      ru: [
        'не ~ говори|рассказывай|разговаривай ~ полиц*|инспектор*|посольств*|сосед*',
        'нельзя ~ звонить|разговаривать',
      ],
      uk: ['не ~ говори|розповідай|розмовляй ~ поліці*|інспектор*|посольств*|сусід*', 'не можна ~ дзвонити|розмовляти'],
    },
  },
  {
    id: 'control.threats',
    category: 'control',
    indicator: 'intimidationThreats',
    meaning: 'Threats against the worker or the family, or of the police',
    source: `${ILO}; ${DELPHI}`,
    phrases: {
      en: [
        'we know where ~ family|mother|parents|children|kids ~ live*',
        'if you ~ go|talk|tell|run ~ police',
        'your family ~ will ~ pay|suffer|regret|hurt',
      ],
      fi: ['tiedämme ~ missä ~ perhe*|äiti*|lapse*|vanhempa*', 'jos ~ menet|kerrot ~ poliisi*'],
      et: ['teame ~ kus ~ pere*|ema|lapse*|vanema*', 'kui ~ lähed|räägid ~ politsei*'],
      lv: ['zinām ~ kur ~ dzīvo ~ ģimen*|māt*|bērn*|vecāk*', 'ja ~ aiziesi|runāsi|pateiksi ~ policij*'],
      ru: ['знаем ~ где ~ живет|живут ~ семь*|мать|дети|родител*', 'если ~ пойдешь|скажешь|заявишь ~ полиц*'],
      uk: ['знаємо ~ де ~ живе|живуть ~ сім*|мати|діти|батьки', 'якщо ~ підеш|скажеш|заявиш ~ поліці*'],
    },
  },
  {
    id: 'control.wagesWithheld',
    category: 'control',
    indicator: 'withholdingOfWages',
    meaning: 'Pay withheld until the end of the season, the debt or the job',
    source: `${ILO}; ${NATIONAL}`,
    phrases: {
      en: ['no pay|salary|money ~ until', 'wage*|salary|pay ~ withheld', 'keep* ~ your ~ wage*|salary|pay'],
      fi: ['ei palkkaa ~ ennen|kunnes', 'palkka* ~ maksetaan ~ vasta ~ kun'],
      et: ['palka ~ ei maksta ~ enne|kuni', 'palga* ~ saad ~ alles ~ kui'],
      lv: ['algu ~ nesaņemsi|neizmaksās ~ kamēr|līdz', 'algu ~ saņemsi ~ tikai ~ kad'],
      ru: ['денег|зарплат* ~ не ~ будет ~ пока', 'зарплат* ~ получишь ~ только ~ когда'],
      uk: ['грошей|зарплат* ~ не ~ буде ~ поки', 'зарплат* ~ отримаєш ~ тільки ~ коли'],
    },
  },
];

/** Negations, per language, that turn a phrase near them into its denial. */
export const NEGATIONS: Readonly<Record<FlagLanguage, readonly string[]>> = {
  en: ['not', 'never', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'no'],
  fi: ['ei', 'en', 'emme', 'ette', 'eivät', 'älä', 'koskaan'],
  et: ['ei', 'ära', 'pole', 'kunagi'],
  lv: ['ne', 'nav', 'nekad', 'neviens'],
  ru: ['не', 'нет', 'никогда'],
  uk: ['не', 'ні', 'ніколи'],
};
