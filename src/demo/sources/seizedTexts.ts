/**
 * What the people of a scenario write to each other on a seized phone and in a mailbox: the
 * controller's messages to workers and helpers (wages to an account, a number to call, a worker
 * to pass a message to, a passport kept), and innocent messages any family or workmate writes
 * (money lent, shifts, trips). Names of the case appear in the cases the sentence needs, inflected
 * the way each language declines names; the generator's own rules below are written apart from
 * the platform's readers, which never see them.
 */

export type ChatLanguage = 'lv' | 'et' | 'fi' | 'en';

export const chatLanguageOf = (nationality: string): ChatLanguage =>
  nationality === 'lv' ? 'lv' : nationality === 'ee' ? 'et' : nationality === 'fi' ? 'fi' : 'en';

/** Grammatical case a sentence puts a name in. */
type NameCase = 'nom' | 'gen' | 'dat';

const LV_SOFT: Readonly<Record<string, string>> = { n: 'ņ', l: 'ļ' };

function latvian(word: string, c: NameCase): string {
  if (c === 'nom') return word;
  const [end, gen, dat] = word.endsWith('is')
    ? ['is', 'a', 'im']
    : word.endsWith('us')
      ? ['us', 'us', 'um']
      : /[sš]$/u.test(word)
        ? [word.slice(-1), 'a', 'am']
        : word.endsWith('a')
          ? ['a', 'as', 'ai']
          : word.endsWith('e')
            ? ['e', 'es', 'ei']
            : ['', '', ''];
  let stem = word.slice(0, word.length - end.length);
  // Jānis → Jāņa, Kārlis → Kārļa; Andris → Andra.
  if (end === 'is' && c === 'gen') stem = stem.slice(0, -1) + (LV_SOFT[stem.slice(-1)] ?? stem.slice(-1));
  return stem + (c === 'gen' ? gen : dat);
}

/** Estonian genitive stem, then -le (allative, "to") for the dative slot. */
function estonian(word: string, c: NameCase): string {
  if (c === 'nom') return word;
  const stem = word.endsWith('ne')
    ? `${word.slice(0, -2)}se`
    : /[aeiouõäöü]$/u.test(word)
      ? word
      : word.endsWith('s')
        ? `${word}e`
        : `${word}i`;
  return c === 'gen' ? stem : `${stem}le`;
}

/** Finnish genitive -n and allative -lle, with the weak grade of kk, pp, tt. */
function finnish(word: string, c: NameCase): string {
  if (c === 'nom') return word;
  const ending = c === 'gen' ? 'n' : 'lle';
  if (word.endsWith('nen')) return `${word.slice(0, -3)}se${ending}`;
  if (word.endsWith('e')) return `${word}e${ending}`;
  if (!/[aeiouyäö]$/u.test(word)) return `${word}i${ending}`;
  const weak = word.replace(/(kk|pp|tt)([aeiouyäö])$/u, (_m, d: string, v: string) => `${d[0] ?? ''}${v}`);
  return weak + ending;
}

/** A full name in the case the sentence needs: only names of the chat's own language decline. */
export function nameIn(name: string, nationality: string, lang: ChatLanguage, c: NameCase): string {
  const own = chatLanguageOf(nationality) === lang;
  if (!own || lang === 'en') return name;
  const inflect = lang === 'lv' ? latvian : lang === 'et' ? estonian : finnish;
  return name
    .split(' ')
    .map((w) => inflect(w, c))
    .join(' ');
}

export interface Slots {
  phone: string;
  iban: string;
  amount: string;
  /** Names of the case, already in their case. */
  nameGen: string;
  nameDat: string;
  nameNom: string;
}

type Template = (s: Slots) => string;

/** Messages of the controller and his helpers, with what each mentions. */
export const WORK_MESSAGES: Readonly<Record<ChatLanguage, readonly { text: Template; uses: (keyof Slots)[] }[]>> = {
  lv: [
    { text: (s) => `Sveiks! Alga šonedēļ ${s.amount} EUR, pārskaitīšu uz ${s.iban}`, uses: ['iban'] },
    { text: (s) => `Zvani man uz ${s.phone} ja kas`, uses: ['phone'] },
    { text: (s) => `Pasaki ${s.nameDat}, lai rīt septiņos ir objektā`, uses: ['nameDat'] },
    { text: (s) => `${s.nameGen} pase paliek pie manis`, uses: ['nameGen'] },
    { text: (s) => `Jaunais numurs ir ${s.phone}, veco vairs nelieto`, uses: ['phone'] },
    { text: (s) => `Naudu par dzīvokli pārskaiti uz ${s.iban} līdz piektdienai`, uses: ['iban'] },
    { text: (s) => `${s.nameNom} sāks pirmdien, viņa numurs ${s.phone}`, uses: ['nameNom', 'phone'] },
  ],
  et: [
    { text: (s) => `Tere! Palk ${s.amount} eurot, kannan üle kontole ${s.iban}`, uses: ['iban'] },
    { text: (s) => `Helista mulle ${s.phone} kui midagi`, uses: ['phone'] },
    { text: (s) => `Ütle ${s.nameDat} et homme kell seitse objektil`, uses: ['nameDat'] },
    { text: (s) => `${s.nameGen} pass jääb minu kätte`, uses: ['nameGen'] },
    { text: (s) => `Uus number on ${s.phone}, vana enam ei kasuta`, uses: ['phone'] },
    { text: (s) => `Korteri raha kanna ${s.iban} reedeks`, uses: ['iban'] },
    { text: (s) => `${s.nameNom} alustab esmaspäeval, tema number ${s.phone}`, uses: ['nameNom', 'phone'] },
  ],
  fi: [
    { text: (s) => `Moi! Palkka ${s.amount} euroa tulee tilille ${s.iban}`, uses: ['iban'] },
    { text: (s) => `Soita mulle ${s.phone} jos tulee jotain`, uses: ['phone'] },
    { text: (s) => `Sano ${s.nameDat} että huomenna seitsemältä työmaalla`, uses: ['nameDat'] },
    { text: (s) => `${s.nameGen} passi jää minulle`, uses: ['nameGen'] },
    { text: (s) => `Uusi numero on ${s.phone}, vanhaa en enää käytä`, uses: ['phone'] },
    { text: (s) => `Vuokrarahat tilille ${s.iban} perjantaihin mennessä`, uses: ['iban'] },
    { text: (s) => `${s.nameNom} aloittaa maanantaina, numero ${s.phone}`, uses: ['nameNom', 'phone'] },
  ],
  en: [
    { text: (s) => `Hi, salary this week ${s.amount} EUR, I send it to ${s.iban}`, uses: ['iban'] },
    { text: (s) => `Call me on ${s.phone} if anything`, uses: ['phone'] },
    { text: (s) => `Tell ${s.nameDat} to be at the site at seven tomorrow`, uses: ['nameDat'] },
    { text: (s) => `The passport of ${s.nameGen} stays with me`, uses: ['nameGen'] },
    { text: (s) => `New number is ${s.phone}, the old one is off`, uses: ['phone'] },
    { text: (s) => `Rent money to ${s.iban} by Friday`, uses: ['iban'] },
    { text: (s) => `${s.nameNom} starts on Monday, his number ${s.phone}`, uses: ['nameNom', 'phone'] },
  ],
};

export interface InnocentSlots {
  friend: string;
  phone: string;
  iban: string;
  amount: string;
  place: string;
  date: string;
}

/** What anyone writes: money lent, shifts, trips, a plumber's number, the rent; first names only. */
export const INNOCENT_MESSAGES: Readonly<
  Record<ChatLanguage, readonly { text: (s: InnocentSlots) => string; uses: ('phone' | 'iban')[] }[]>
> = {
  lv: [
    { text: (s) => `Vai vari aizdot ${s.amount} eiro līdz algai?`, uses: [] },
    { text: (s) => `Rīt strādāju līdz sešiem, tad brauksim uz ${s.place}`, uses: [] },
    { text: (s) => `Biļetes uz ${s.place} ${s.date} nopirktas, neaizmirsti pasi`, uses: [] },
    { text: (s) => `Santehniķa numurs ${s.phone}, zvani viņam pats`, uses: ['phone'] },
    { text: (s) => `Īri šomēnes maksā uz ${s.iban}, saimnieks prasīja`, uses: ['iban'] },
    { text: (s) => `${s.friend} sveicina, ļoti gaidām ciemos!`, uses: [] },
  ],
  et: [
    { text: (s) => `Kas saad laenata ${s.amount} eurot palgapäevani?`, uses: [] },
    { text: (s) => `Homme olen tööl kuueni, siis sõidame ${s.place}`, uses: [] },
    { text: (s) => `Piletid ${s.place} ${s.date} ostetud, ära unusta passi`, uses: [] },
    { text: (s) => `Torumehe number ${s.phone}, helista ise`, uses: ['phone'] },
    { text: (s) => `Üür sel kuul kontole ${s.iban}, omanik palus`, uses: ['iban'] },
    { text: (s) => `${s.friend} saadab tervisi, ootame külla!`, uses: [] },
  ],
  fi: [
    { text: (s) => `Voitko lainata ${s.amount} euroa palkkapäivään asti?`, uses: [] },
    { text: (s) => `Huomenna olen töissä kuuteen, sitten ajetaan ${s.place}`, uses: [] },
    { text: (s) => `Liput ${s.place} ${s.date} ostettu, muista passi`, uses: [] },
    { text: (s) => `Putkimiehen numero ${s.phone}, soita itse`, uses: ['phone'] },
    { text: (s) => `Vuokra tässä kuussa tilille ${s.iban}, vuokranantaja pyysi`, uses: ['iban'] },
    { text: (s) => `${s.friend} lähettää terveisiä, tulkaa kylään!`, uses: [] },
  ],
  en: [
    { text: (s) => `Can you lend me ${s.amount} euros until payday?`, uses: [] },
    { text: (s) => `Working until six tomorrow, then we drive to ${s.place}`, uses: [] },
    { text: (s) => `Tickets to ${s.place} on ${s.date} bought, do not forget your passport`, uses: [] },
    { text: (s) => `The plumber's number is ${s.phone}, call him yourself`, uses: ['phone'] },
    { text: (s) => `Rent this month to ${s.iban}, the landlord asked`, uses: ['iban'] },
    { text: (s) => `${s.friend} says hello, come and visit!`, uses: [] },
  ],
};
