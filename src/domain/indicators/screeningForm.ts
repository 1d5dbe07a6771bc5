/**
 * The screening interview's building blocks: the option and four-language text helpers, the
 * shape of a question, and the trauma-aware interviewing guidance with its sources: WHO,
 * *Ethical and safety recommendations for interviewing trafficked women* (2003); UNODC, *First
 * aid kit for use by law enforcement responders in addressing human trafficking* (2009).
 * Wording is the platform's (unverified).
 */
import type { Act, Text } from './catalogue.ts';

export type T4 = readonly [en: string, fi: string, et: string, lv: string];
export const t = ([en, fi, et, lv]: T4): Required<Text> => ({ en, fi, et, lv });

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

export const o = (id: string, text: T4, items: string[] = [], acts: Act[] = [], child = false): ScreeningOption => ({
  id,
  text: t(text),
  items,
  acts,
  ...(child ? { child } : {}),
});
export const NOT_SAY = o('notSay', [
  'I would rather not say',
  'En halua sanoa',
  'Ma ei soovi öelda',
  'Es labāk neteikšu',
]);
export const NO = o('no', ['No', 'Ei', 'Ei', 'Nē']);

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
