/**
 * Place names in ad text, from a gazetteer of the towns where the three countries' cases and
 * their neighbours' meet: the largest towns of Finland, Estonia, Latvia and Lithuania, with
 * their Swedish, Russian and Ukrainian names where ads use them.
 *
 * Sources: Statistics Finland, municipalities by population 2023; Statistics Estonia, RV0291
 * population by settlement 2023; Official Statistics Portal of Latvia, IRS030 population of
 * cities 2023; Statistics Lithuania, population of towns 2023. Exonyms: the towns' articles in
 * the Finnish, Estonian, Latvian, Russian and Ukrainian Wikipedias.
 */
import { foldText } from '../../shared/names/index.ts';

export interface Place {
  name: string;
  country: 'FI' | 'EE' | 'LV' | 'LT';
  /** Other spellings found in ads: another official language, Russian, Ukrainian, no diacritics. */
  aliases: readonly string[];
}

const p = (country: Place['country'], name: string, ...aliases: string[]): Place => ({ name, country, aliases });

export const GAZETTEER: readonly Place[] = [
  p('FI', 'Helsinki', 'Helsingfors', 'Хельсинки', 'Гельсінкі'),
  p('FI', 'Espoo', 'Esbo', 'Эспоо'),
  p('FI', 'Tampere', 'Tammerfors', 'Тампере'),
  p('FI', 'Vantaa', 'Vanda', 'Вантаа'),
  p('FI', 'Oulu', 'Uleåborg', 'Оулу'),
  p('FI', 'Turku', 'Åbo', 'Турку'),
  p('FI', 'Jyväskylä', 'Йювяскюля'),
  p('FI', 'Lahti', 'Lahtis', 'Лахти'),
  p('FI', 'Kuopio', 'Куопио'),
  p('FI', 'Pori', 'Björneborg'),
  p('FI', 'Kouvola'),
  p('FI', 'Joensuu'),
  p('FI', 'Lappeenranta', 'Villmanstrand', 'Лаппеенранта'),
  p('FI', 'Hämeenlinna', 'Tavastehus'),
  p('FI', 'Vaasa', 'Vasa'),
  p('FI', 'Seinäjoki'),
  p('FI', 'Rovaniemi', 'Рованиеми'),
  p('FI', 'Mikkeli', 'S:t Michel'),
  p('FI', 'Kotka', 'Котка'),
  p('FI', 'Porvoo', 'Borgå'),
  p('FI', 'Kokkola', 'Karleby'),
  p('FI', 'Hyvinkää', 'Hyvinge'),
  p('FI', 'Lohja', 'Lojo'),
  p('FI', 'Järvenpää', 'Träskända'),
  p('FI', 'Rauma', 'Raumo'),
  p('FI', 'Kajaani', 'Kajana'),
  p('FI', 'Kerava', 'Kervo'),
  p('FI', 'Savonlinna', 'Nyslott'),
  p('FI', 'Imatra', 'Иматра'),
  p('FI', 'Tornio', 'Torneå'),
  p('EE', 'Tallinn', 'Tallin', 'Таллин', 'Таллинн'),
  p('EE', 'Tartu', 'Тарту'),
  p('EE', 'Narva', 'Нарва'),
  p('EE', 'Pärnu', 'Пярну'),
  p('EE', 'Kohtla-Järve', 'Кохтла-Ярве'),
  p('EE', 'Viljandi', 'Вильянди'),
  p('EE', 'Maardu', 'Маарду'),
  p('EE', 'Rakvere', 'Раквере'),
  p('EE', 'Kuressaare'),
  p('EE', 'Sillamäe', 'Силламяэ'),
  p('EE', 'Valga'),
  p('EE', 'Võru'),
  p('EE', 'Jõhvi', 'Йыхви'),
  p('EE', 'Haapsalu'),
  p('EE', 'Keila'),
  p('EE', 'Paide'),
  p('LV', 'Rīga', 'Riika', 'Riia', 'Рига'),
  p('LV', 'Daugavpils', 'Даугавпилс'),
  p('LV', 'Liepāja', 'Лиепая', 'Лієпая'),
  p('LV', 'Jelgava', 'Елгава'),
  p('LV', 'Jūrmala', 'Юрмала'),
  p('LV', 'Ventspils', 'Вентспилс'),
  p('LV', 'Rēzekne', 'Резекне'),
  p('LV', 'Valmiera'),
  p('LV', 'Ogre'),
  p('LV', 'Jēkabpils'),
  p('LV', 'Tukums'),
  p('LV', 'Cēsis'),
  p('LV', 'Salaspils'),
  p('LT', 'Vilnius', 'Вильнюс', 'Вільнюс'),
  p('LT', 'Kaunas', 'Каунас'),
  p('LT', 'Klaipėda', 'Клайпеда'),
  p('LT', 'Šiauliai', 'Шяуляй'),
  p('LT', 'Panevėžys'),
  p('LT', 'Alytus'),
  p('LT', 'Marijampolė'),
];

export interface FoundPlace {
  name: string;
  country: Place['country'];
  raw: string;
  start: number;
  end: number;
}

/** Folded spelling (see foldText) → place. Names of four letters or more only. */
const INDEX: ReadonlyMap<string, Place> = new Map(
  GAZETTEER.flatMap((pl) => [pl.name, ...pl.aliases].map((n) => [foldText(n), pl] as const)).filter(
    ([k]) => k.length >= 4,
  ),
);
const MAX_WORDS = Math.max(...[...INDEX.keys()].map((k) => k.split(' ').length));

/**
 * Place names, matched on folded words (case, diacritics and Cyrillic spelling do not matter).
 * A word that begins with a name and goes on for at most four letters also counts, so Finnish
 * and Estonian case endings are found ("Tampereella", "Tallinnas", "Oulussa").
 */
export function extractPlaces(text: string): FoundPlace[] {
  const out: FoundPlace[] = [];
  const words = [...text.matchAll(/[\p{L}\p{M}]+(?:[-:][\p{L}\p{M}]+)*/gu)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
      const last = words[i + n - 1];
      if (!last) continue;
      const raw = text.slice(w.index, last.index + last[0].length);
      const key = foldText(raw);
      let place = INDEX.get(key);
      if (!place && n === 1) {
        for (let cut = 1; cut <= 4 && !place && key.length - cut >= 4; cut++) place = INDEX.get(key.slice(0, -cut));
      }
      if (place) {
        out.push({ name: place.name, country: place.country, raw, start: w.index, end: w.index + raw.length });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}
