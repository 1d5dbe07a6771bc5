/**
 * Character tables for folding names to a plain Latin key (see names.ts for the pipeline and
 * the reasoning). Everything here works on lower-case input.
 *
 * Cyrillic is transliterated in the Latvian/Lithuanian/Czech style: one Latin letter per
 * Cyrillic letter wherever the Baltic spelling has a letter with a diacritic (ш → š, ч → č,
 * ж → ž, ц → c), written here already folded (š → s), so that "Берзиньш" and "Bērziņš" both
 * become "berzins". English/ICAO/Polish/German spellings ("sh", "ch", "zh", "kh", "ts", "sz",
 * "cz", "sch") are collapsed to the same single letters later, on the Latin side, so they meet
 * as well.
 */

/** Russian, Ukrainian, Belarusian, Serbian and Macedonian letters. */
const cyrillic: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  // ё is usually printed as е in Russian text, and ICAO passports write it "E": using "e"
  // makes "Фёдор", "Федор" and "Fedor" one key (the English "Fyodor" is the price).
  ё: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  // й is "j" in Latvian/Lithuanian/scientific spelling ("Andrejs"); English "y" and ICAO "i"
  // are mapped to "j" on the Latin side (see names.ts).
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  // х: "h" as in Latvian ("Hruščovs"); English/ICAO "kh" is collapsed to "h".
  х: 'h',
  ц: 'c',
  ч: 'c',
  ш: 's',
  // щ: Latvian "šč"; English "shch", German "schtsch" and Polish "szcz" collapse to "sc".
  щ: 'sc',
  // Hard and soft signs are dropped: Latvian and most Latin spellings do not write them
  // ("Берзиньш" → "Bērziņš"), and apostrophes for ь are dropped on the Latin side too.
  ъ: '',
  ь: '',
  // ы: "i" as in Latvian ("Krilovs"); English "y" between consonants also becomes "i".
  ы: 'i',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  // Ukrainian and Belarusian.
  і: 'i',
  ї: 'ji',
  є: 'je',
  ґ: 'g',
  ў: 'u',
  // Serbian and Macedonian, by their Latin alphabets (đ, lj, nj, ć, dž, ǵ, ḱ, dz), folded.
  ђ: 'd',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'g',
  ќ: 'k',
  ѕ: 'dz',
};

/**
 * Ukrainian and Belarusian г is a voiced "h" and is romanised "h" ("Ігор" → "Ihor",
 * "Олег" → "Oleh"), while Russian г is "g" ("Игорь" → "Igor").
 * The letter alone cannot tell us the language, so we look for letters only Ukrainian or
 * Belarusian have anywhere in the name. A Ukrainian name without them ("Олег Шевченко") folds
 * the Russian way; a name cannot tell us more than it contains.
 */
export const usesUkrainianG = (lower: string): boolean => /[іїєґў]/u.test(lower);

const cyrillicLetter = /[\u0400-\u04ff]/gu;

/**
 * Transliterate the Cyrillic letters in lower-case text; other characters pass through.
 * `ukrainianG` (from usesUkrainianG on the whole name) makes г "h".
 */
export function transliterateCyrillic(lower: string, ukrainianG: boolean): string {
  return lower
    .replace(finnicJa, 'ja')
    .replace(cyrillicLetter, (c, at: number) =>
      ukrainianG && c === 'г' && !digraphBefore.test(lower.charAt(at - 1)) ? 'h' : (cyrillic[c] ?? c),
    );
}

/**
 * Letters after which an "h" would make a Latin digraph the fold reads as another letter (зг → "zh"
 * = ж, кг → "kh" = х): Ukrainian romanisation writes such a г "gh" (Згурський → Zghurskyi), so it stays g.
 */
const digraphBefore = /[зкстцчш]/u;

/**
 * Russian never writes йэ (its "je" is е); Finnish and Estonian names written by sound do, for
 * "jä" (Järvinen → Йэрвинен, as ä → э in Мэкелэ). Read letter by letter it would be "je", which
 * the Latin side folds to "e" (Jelena = Елена), losing the Й; as "ja" it meets "Järvinen".
 */
const finnicJa = /йэ/gu;

/**
 * Letters that carry no combining mark, so Unicode decomposition (NFKD) leaves them
 * alone. Applied after NFKD, so a decomposed "ǿ" (ø + acute) is caught too.
 */
const latinSpecials: Readonly<Record<string, string>> = {
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ȷ: 'j',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ƒ: 'f',
  ɨ: 'i',
  ƀ: 'b',
  ɗ: 'd',
  ƙ: 'k',
  ʉ: 'u',
  // Not Latin, but the same kind of problem: Greek final sigma has no upper case of its own
  // ("ς" → "Σ" → "σ"), so without this a Greek name would fold differently in capitals.
  ς: 'σ',
};
const latinSpecialPattern = new RegExp(`[${Object.keys(latinSpecials).join('')}]`, 'gu');

export function foldLatinSpecials(lower: string): string {
  return lower.replace(latinSpecialPattern, (c) => latinSpecials[c] ?? c);
}
