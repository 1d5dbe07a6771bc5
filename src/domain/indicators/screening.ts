/**
 * The first-contact screening interview as data: questions phrased for the person in front of
 * the officer, in the four languages of the platform, with notes on trauma-aware interviewing,
 * and for each answer the indicators (Delphi item ids) and acts it records. Answers fill an
 * assessment; they never decide it alone.
 *
 * Sources of the interviewing guidance: WHO, *Ethical and safety recommendations for
 * interviewing trafficked women* (2003); UNODC, *First aid kit for use by law enforcement
 * responders in addressing human trafficking* (2009). Wording is the platform's (unverified).
 */
import type { Act, Text } from './catalogue.ts';

type T4 = readonly [en: string, fi: string, et: string, lv: string];
const t = ([en, fi, et, lv]: T4): Required<Text> => ({ en, fi, et, lv });

export interface ScreeningOption {
  id: string;
  text: Required<Text>;
  items: string[];
  acts: Act[];
  /** Answering this marks the person as a child (the child lists and rule apply). */
  child?: boolean;
}
export interface ScreeningQuestion {
  id: string;
  text: Required<Text>;
  note?: Required<Text>;
  /** Several options may be chosen. */
  multiple: boolean;
  options: ScreeningOption[];
}

const o = (id: string, text: T4, items: string[] = [], acts: Act[] = [], child = false): ScreeningOption => ({
  id,
  text: t(text),
  items,
  acts,
  ...(child ? { child } : {}),
});
const NOT_SAY = o('notSay', ['I would rather not say', 'En halua sanoa', 'Ma ei soovi öelda', 'Es labāk neteikšu']);
const NO = o('no', ['No', 'Ei', 'Ei', 'Nē']);

export const SCREENING_SOURCE =
  'WHO, Ethical and safety recommendations for interviewing trafficked women (2003); UNODC, First aid kit for use by law enforcement responders in addressing human trafficking (2009)';

export const SCREENING_GUIDANCE: Required<Text>[] = [
  t([
    'Speak with the person alone, somewhere safe, never in front of an employer, driver or “friend” who came along.',
    'Puhu henkilön kanssa kahden kesken turvallisessa paikassa, ei koskaan työnantajan, kuljettajan tai mukana tulleen ”ystävän” kuullen.',
    'Räägi inimesega kahekesi ja turvalises kohas, mitte kunagi tööandja, autojuhi või kaasa tulnud „sõbra“ juuresolekul.',
    'Runājiet ar personu vienatnē, drošā vietā, nekad darba devēja, šofera vai līdzi atnākuša “drauga” klātbūtnē.',
  ]),
  t([
    'Use a qualified interpreter, never someone the person came with. Say who you are, why you ask and what happens to the answers.',
    'Käytä pätevää tulkkia, ei koskaan henkilön seuralaista. Kerro kuka olet, miksi kysyt ja mitä vastauksille tapahtuu.',
    'Kasuta kvalifitseeritud tõlki, mitte kunagi inimese kaaslast. Ütle, kes sa oled, miks küsid ja mis vastustega juhtub.',
    'Izmantojiet kvalificētu tulku, nekad personas pavadoni. Pasakiet, kas jūs esat, kāpēc jautājat un kas notiks ar atbildēm.',
  ]),
  t([
    'The person is not in trouble for their migration status or for the work they were made to do. Say so.',
    'Henkilö ei ole vaikeuksissa oleskeluasemansa tai hänet pakotetun työn vuoksi. Sano se ääneen.',
    'Inimene ei ole hädas oma rändestaatuse ega talle peale sunnitud töö pärast. Ütle see välja.',
    'Personai nedraud nepatikšanas migrācijas statusa vai piespiedu darba dēļ. Pasakiet to.',
  ]),
  t([
    'Do not press for details of abuse at first contact; allow silence, breaks and “I would rather not say”. Believe and do not judge.',
    'Älä vaadi yksityiskohtia kaltoinkohtelusta ensikontaktissa; salli hiljaisuus, tauot ja ”en halua sanoa”. Usko äläkä tuomitse.',
    'Ära nõua esimesel kohtumisel väärkohtlemise üksikasju; luba vaikust, pause ja „ma ei soovi öelda“. Usu ja ära mõista hukka.',
    'Pirmajā tikšanās reizē neuzstājiet uz vardarbības detaļām; ļaujiet klusēt, ieturēt pauzes un teikt “es labāk neteikšu”. Ticiet un nenosodiet.',
  ]),
  t([
    'Offer support whether or not the person talks; the answers help decide on referral, they are not a statement.',
    'Tarjoa tukea riippumatta siitä, puhuuko henkilö; vastaukset auttavat ohjauksessa eivätkä ole kuulustelukertomus.',
    'Paku tuge olenemata sellest, kas inimene räägib; vastused aitavad suunamisel ega ole ütlused.',
    'Piedāvājiet atbalstu neatkarīgi no tā, vai persona runā; atbildes palīdz novirzīšanā, tās nav liecība.',
  ]),
];

export const SCREENING_QUESTIONS: ScreeningQuestion[] = [
  {
    id: 'age',
    multiple: false,
    text: t([
      'Are you under 18 years old?',
      'Oletko alle 18-vuotias?',
      'Kas sa oled alla 18-aastane?',
      'Vai tev ir mazāk par 18 gadiem?',
    ]),
    note: t([
      'If the person may be a child, treat them as one until their age is established (Directive 2011/36/EU art. 13(2)).',
      'Jos henkilö voi olla lapsi, kohtele häntä lapsena, kunnes ikä on selvitetty (direktiivi 2011/36/EU 13 art. 2 kohta).',
      'Kui inimene võib olla laps, koheldakse teda lapsena, kuni vanus on kindlaks tehtud (direktiiv 2011/36/EL art 13 lg 2).',
      'Ja persona var būt bērns, izturieties pret to kā pret bērnu, līdz vecums noskaidrots (Direktīvas 2011/36/ES 13. panta 2. punkts).',
    ]),
    options: [o('yes', ['Yes', 'Kyllä', 'Jah', 'Jā'], [], [], true), NO, NOT_SAY],
  },
  {
    id: 'arrival',
    multiple: true,
    text: t([
      'How did you come to this work and to this place?',
      'Miten päädyit tähän työhön ja tähän paikkaan?',
      'Kuidas sa selle töö juurde ja siia kohta sattusid?',
      'Kā tu nonāci šajā darbā un šajā vietā?',
    ]),
    options: [
      o(
        'offered',
        [
          'Someone offered me the job and arranged it',
          'Joku tarjosi työtä ja järjesti sen',
          'Keegi pakkus mulle tööd ja korraldas selle',
          'Kāds man piedāvāja darbu un to nokārtoja',
        ],
        [],
        ['recruitment'],
      ),
      o(
        'travel',
        [
          'Someone arranged or paid my journey here',
          'Joku järjesti tai maksoi matkani tänne',
          'Keegi korraldas või maksis mu siiatuleku',
          'Kāds noorganizēja vai apmaksāja manu ceļu šurp',
        ],
        [],
        ['transportation'],
      ),
      o(
        'housed',
        [
          'Someone gave me a place to stay when I arrived',
          'Joku antoi minulle asunnon, kun saavuin',
          'Keegi andis mulle saabudes peavarju',
          'Kāds man ierādīja dzīvesvietu, kad ierados',
        ],
        [],
        ['harbouring'],
      ),
      o(
        'handedOver',
        [
          'I was handed over to other people',
          'Minut luovutettiin toisille ihmisille',
          'Mind anti üle teistele inimestele',
          'Mani nodeva citiem cilvēkiem',
        ],
        [],
        ['transfer', 'receipt'],
      ),
      o('myself', ['I found it myself', 'Löysin sen itse', 'Leidsin selle ise', 'Es to atradu pats']),
      NOT_SAY,
    ],
  },
  {
    id: 'promise',
    multiple: true,
    text: t([
      'Is the work you do now what you were told it would be?',
      'Onko nykyinen työsi sitä, mitä sinulle kerrottiin?',
      'Kas praegune töö on see, millest sulle räägiti?',
      'Vai darbs, ko tu dari tagad, ir tāds, kā tev teica?',
    ]),
    options: [
      o('yes', ['Yes', 'Kyllä', 'Jah', 'Jā']),
      o(
        'otherJob',
        [
          'No, it is a different job, place or employer',
          'Ei, työ, paikka tai työnantaja on eri',
          'Ei, töö, koht või tööandja on teine',
          'Nē, tas ir cits darbs, vieta vai darba devējs',
        ],
        ['dr.natureOfJob'],
      ),
      o(
        'otherPay',
        [
          'No, the pay is different from what was promised',
          'Ei, palkka on eri kuin luvattiin',
          'Ei, palk erineb lubatust',
          'Nē, samaksa atšķiras no solītās',
        ],
        ['dr.wages'],
      ),
      o(
        'otherConditions',
        [
          'No, the hours, housing or papers are different',
          'Ei, työajat, asuminen tai paperit ovat eri',
          'Ei, tööaeg, eluase või paberid on teised',
          'Nē, darba laiks, mājoklis vai dokumenti ir citādi',
        ],
        ['dr.conditions', 'dr.housing'],
      ),
      NOT_SAY,
    ],
  },
  {
    id: 'before',
    multiple: true,
    text: t([
      'Before you came, was there something that made it hard to say no to this offer?',
      'Oliko ennen tuloasi jotain, minkä vuoksi tarjouksesta oli vaikea kieltäytyä?',
      'Kas enne tulekut oli midagi, mis tegi sellest pakkumisest keeldumise raskeks?',
      'Vai pirms ierašanās bija kaut kas, kāpēc bija grūti atteikt šo piedāvājumu?',
    ]),
    note: t([
      'Ask gently; this is about circumstances, not blame.',
      'Kysy hienovaraisesti; kyse on olosuhteista, ei syyllisyydestä.',
      'Küsi õrnalt; see puudutab olukorda, mitte süüd.',
      'Jautājiet saudzīgi; tas ir par apstākļiem, nevis vainu.',
    ]),
    options: [
      o(
        'money',
        [
          'Money problems or debts at home',
          'Rahaongelmat tai velat kotona',
          'Rahamured või võlad kodus',
          'Naudas problēmas vai parādi mājās',
        ],
        ['rav.economic'],
      ),
      o(
        'family',
        [
          'A difficult family situation',
          'Vaikea perhetilanne',
          'Raske olukord perekonnas',
          'Sarežģīta situācija ģimenē',
        ],
        ['rav.familySituation'],
      ),
      o(
        'trust',
        [
          'I trusted the person, or we were in a relationship',
          'Luotin henkilöön tai olimme suhteessa',
          'Usaldasin seda inimest või olime suhtes',
          'Es uzticējos šim cilvēkam vai mums bija attiecības',
        ],
        ['rav.emotionalDependency'],
      ),
      o(
        'language',
        [
          'I did not know the language or how things work here',
          'En osannut kieltä enkä tiennyt, miten täällä toimitaan',
          'Ma ei osanud keelt ega teadnud, kuidas siin asjad käivad',
          'Es nezināju valodu vai to, kā šeit viss notiek',
        ],
        ['rav.lackOfInformation'],
      ),
      NO,
      NOT_SAY,
    ],
  },
  {
    id: 'pay',
    multiple: true,
    text: t([
      'Are you paid what was agreed, and do you keep your money?',
      'Saatko sovitun palkan, ja saatko pitää rahasi?',
      'Kas sulle makstakse kokkulepitud palka ja kas raha jääb sulle?',
      'Vai tev maksā norunāto un vai nauda paliek tev?',
    ]),
    options: [
      o('yes', ['Yes', 'Kyllä', 'Jah', 'Jā']),
      o(
        'less',
        [
          'Less than agreed, or nothing',
          'Vähemmän kuin sovittiin tai ei mitään',
          'Vähem kui kokku lepitud või üldse mitte',
          'Mazāk nekā norunāts vai neko',
        ],
        ['ec.lowPay'],
      ),
      o(
        'giveBack',
        [
          'I have to give part of it back or hand it over',
          'Minun on annettava osa takaisin tai luovutettava se',
          'Pean osa tagasi andma või selle ära andma',
          'Man daļa jāatdod atpakaļ vai jānodod',
        ],
        ['cd.withholdingWages', 'ec.wageManipulation'],
      ),
      o(
        'owe',
        [
          'I owe money for the travel, the job or the housing',
          'Olen velkaa matkasta, työpaikasta tai asumisesta',
          'Olen võlgu reisi, töö või eluaseme eest',
          'Esmu parādā par ceļu, darbu vai mājokli',
        ],
        ['cd.debt'],
      ),
      NOT_SAY,
    ],
  },
  {
    id: 'hours',
    multiple: false,
    text: t([
      'How long is a usual working day for you, and how many days a week?',
      'Kuinka pitkä on tavallinen työpäiväsi ja montako päivää viikossa teet töitä?',
      'Kui pikk on su tavaline tööpäev ja mitu päeva nädalas töötad?',
      'Cik gara ir tava parastā darba diena un cik dienas nedēļā tu strādā?',
    ]),
    options: [
      o('normal', [
        'Up to 8 hours, 5 days',
        'Enintään 8 tuntia, 5 päivää',
        'Kuni 8 tundi, 5 päeva',
        'Līdz 8 stundām, 5 dienas',
      ]),
      o(
        'long',
        [
          'More than 10 hours, or 6–7 days a week',
          'Yli 10 tuntia tai 6–7 päivää viikossa',
          'Üle 10 tunni või 6–7 päeva nädalas',
          'Vairāk nekā 10 stundas vai 6–7 dienas nedēļā',
        ],
        ['ec.excessiveHours'],
      ),
      NOT_SAY,
    ],
  },
  {
    id: 'housing',
    multiple: false,
    text: t([
      'Where do you sleep? What is the place like?',
      'Missä nukut? Millainen paikka on?',
      'Kus sa magad? Milline see koht on?',
      'Kur tu guli? Kāda ir šī vieta?',
    ]),
    options: [
      o('own', [
        'My own home or a place I chose',
        'Omassa kodissa tai itse valitsemassani paikassa',
        'Oma kodus või ise valitud kohas',
        'Savās mājās vai paša izvēlētā vietā',
      ]),
      o(
        'crowded',
        [
          'A crowded place the employer gives, paid from my pay',
          'Työnantajan antamassa ahtaassa paikassa, josta maksu otetaan palkasta',
          'Tööandja antud rahvarohkes kohas, mille eest makstakse mu palgast',
          'Darba devēja dotā pārpildītā vietā, par ko ietur no algas',
        ],
        ['ec.badLiving'],
      ),
      o('workplace', ['At the workplace', 'Työpaikalla', 'Töökohas', 'Darba vietā'], ['ec.badLiving']),
      NOT_SAY,
    ],
  },
  {
    id: 'documents',
    multiple: false,
    text: t([
      'Do you have your passport or ID card, or can you get it when you want?',
      'Onko passisi tai henkilökorttisi sinulla, tai saatko sen halutessasi?',
      'Kas sul on pass või ID-kaart või saad selle kätte, kui soovid?',
      'Vai tev ir pase vai ID karte, vai vari to dabūt, kad gribi?',
    ]),
    options: [
      o('yes', ['Yes', 'Kyllä', 'Jah', 'Jā']),
      o(
        'kept',
        [
          'No, someone else keeps it',
          'Ei, joku muu pitää sitä',
          'Ei, see on kellegi teise käes',
          'Nē, to glabā kāds cits',
        ],
        ['cd.documents'],
      ),
      NOT_SAY,
    ],
  },
  {
    id: 'freedom',
    multiple: true,
    text: t([
      'When you are not working, can you go out alone and contact your family?',
      'Voitko vapaa-ajallasi liikkua yksin ja olla yhteydessä perheeseesi?',
      'Kas vabal ajal saad üksi välja minna ja oma perega suhelda?',
      'Vai brīvajā laikā vari viens iziet ārā un sazināties ar ģimeni?',
    ]),
    options: [
      o('yes', ['Yes', 'Kyllä', 'Jah', 'Jā']),
      o(
        'watched',
        [
          'No, someone watches me, drives me or keeps me in',
          'Ei, joku vahtii, kuljettaa tai pitää minut sisällä',
          'Ei, keegi jälgib, sõidutab või hoiab mind kinni',
          'Nē, kāds mani uzrauga, vadā vai tur ieslēgtu',
        ],
        ['cd.isolation'],
      ),
      o(
        'depend',
        [
          'I depend on them for housing, food or transport',
          'Olen heistä riippuvainen asumisen, ruoan tai kuljetuksen vuoksi',
          'Sõltun neist eluaseme, toidu või transpordi osas',
          'Esmu no viņiem atkarīgs mājokļa, ēdiena vai transporta dēļ',
        ],
        ['avd.dependency'],
      ),
      o(
        'unknown',
        [
          'I do not know the area or the language here',
          'En tunne aluetta enkä kieltä täällä',
          'Ma ei tunne siin piirkonda ega keelt',
          'Es šeit nepazīstu apkārtni un nezinu valodu',
        ],
        ['avd.unknownArea'],
      ),
      NOT_SAY,
    ],
  },
  {
    id: 'threats',
    multiple: true,
    text: t([
      'Has anyone threatened you or your family, or said they would report you?',
      'Onko joku uhannut sinua tai perhettäsi tai sanonut ilmoittavansa sinusta?',
      'Kas keegi on ähvardanud sind või su peret või öelnud, et annab sinust teada?',
      'Vai kāds ir draudējis tev vai tavai ģimenei vai teicis, ka par tevi ziņos?',
    ]),
    note: t([
      'If the person becomes distressed, stop, reassure and offer a break; safety first.',
      'Jos henkilö ahdistuu, keskeytä, rauhoittele ja tarjoa tauko; turvallisuus ensin.',
      'Kui inimene muutub ärevaks, peatu, rahusta ja paku pausi; ohutus eelkõige.',
      'Ja persona kļūst satraukta, apstājieties, nomieriniet un piedāvājiet pauzi; drošība pirmajā vietā.',
    ]),
    options: [
      o(
        'violence',
        ['Threatened to hurt me', 'Uhattu satuttaa minua', 'Ähvardati mulle haiget teha', 'Draudēja man nodarīt pāri'],
        ['cd.threatsViolence'],
      ),
      o(
        'report',
        [
          'Threatened to report me to the police or the authorities',
          'Uhattu ilmiantaa minut poliisille tai viranomaisille',
          'Ähvardati mind politseile või ametivõimudele üles anda',
          'Draudēja ziņot par mani policijai vai iestādēm',
        ],
        ['cd.denunciation'],
      ),
      o(
        'family',
        ['Threatened my family', 'Uhattu perhettäni', 'Ähvardati mu perekonda', 'Draudēja manai ģimenei'],
        ['cd.violenceFamily'],
      ),
      NO,
      NOT_SAY,
    ],
  },
  {
    id: 'harm',
    multiple: true,
    text: t([
      'Has anyone hurt you, or made you do things you did not want to do?',
      'Onko joku satuttanut sinua tai pakottanut tekemään asioita, joita et halunnut?',
      'Kas keegi on sulle haiget teinud või sundinud tegema asju, mida sa ei tahtnud?',
      'Vai kāds tev ir nodarījis pāri vai piespiedis darīt to, ko negribēji?',
    ]),
    options: [
      o(
        'hurt',
        ['Yes, I was hurt', 'Kyllä, minua satutettiin', 'Jah, mulle tehti haiget', 'Jā, man nodarīja pāri'],
        ['cd.violence'],
      ),
      o(
        'forced',
        [
          'Yes, I was made to do tasks or see clients',
          'Kyllä, minut pakotettiin tehtäviin tai tapaamaan asiakkaita',
          'Jah, mind sunniti töid tegema või kliente teenindama',
          'Jā, mani piespieda veikt darbus vai apkalpot klientus',
        ],
        ['cd.forcedTasks'],
      ),
      o(
        'lie',
        [
          'Yes, I was told what to say to the police or my family',
          'Kyllä, minulle sanottiin, mitä puhua poliisille tai perheelleni',
          'Jah, mulle öeldi, mida politseile või perele rääkida',
          'Jā, man teica, ko teikt policijai vai ģimenei',
        ],
        ['cd.forcedLie'],
      ),
      NO,
      NOT_SAY,
    ],
  },
];

export interface ScreeningResult {
  itemIds: string[];
  acts: Act[];
  child: boolean;
  /** Question ids answered with an option that does not exist. */
  unknown: string[];
}

/** Answers (question id → chosen option ids) to the indicators, acts and population they record. */
export function screeningToIndicators(answers: Record<string, readonly string[]>): ScreeningResult {
  const items = new Set<string>();
  const acts = new Set<Act>();
  let child = false;
  const unknown: string[] = [];
  for (const [qid, chosen] of Object.entries(answers)) {
    const q = SCREENING_QUESTIONS.find((x) => x.id === qid);
    if (!q || (!q.multiple && chosen.length > 1)) {
      unknown.push(qid);
      continue;
    }
    for (const oid of chosen) {
      const opt = q.options.find((x) => x.id === oid);
      if (!opt) {
        unknown.push(qid);
        continue;
      }
      for (const i of opt.items) items.add(i);
      for (const a of opt.acts) acts.add(a);
      if (opt.child) child = true;
    }
  }
  return { itemIds: [...items], acts: [...acts], child, unknown };
}
