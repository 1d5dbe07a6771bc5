/**
 * The screening interview's questions on work and life here: pay, hours, housing, documents,
 * freedom of movement, threats and harm (screening.ts puts the interview together).
 */
import { NO, NOT_SAY, o, t } from './screeningForm.ts';
import type { ScreeningQuestion } from './screeningForm.ts';

export const WORK_QUESTIONS: ScreeningQuestion[] = [
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
