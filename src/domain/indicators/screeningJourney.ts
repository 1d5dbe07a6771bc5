/**
 * The screening interview's first questions: the person's age, how they arrived, what they were
 * promised and what they had to do before starting (screening.ts puts the interview together).
 */
import { NO, NOT_SAY, o, t } from './screeningForm.ts';
import type { ScreeningQuestion } from './screeningForm.ts';

export const JOURNEY_QUESTIONS: ScreeningQuestion[] = [
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
];
