/**
 * The language a short message is written in, when it shows: letters only one of the region's
 * alphabets has, then the commonest short words. A chat message carries no language of its own,
 * and a number written without its country code is read in the country of its language first
 * (the preference ads use), so "zvani 26 123 456" is a Latvian number and "soita 040 123 4567" a
 * Finnish one. Returns null when nothing decides.
 *
 * Sources (facts only): the alphabets as their orthographies define them — Latvian (ā č ē ģ ī ķ
 * ļ ņ š ū ž), Lithuanian (ą č ę ė į š ų ū ž), Estonian (õ ä ö ü š ž), Finnish (ä ö, å; no õ or ü), Ukrainian
 * Cyrillic (є і ї ґ) against Russian (ё ы э ъ); the words are the most frequent function words of
 * each language's frequency lists (Leipzig Corpora Collection, news corpora 2020).
 */

const LETTERS: readonly (readonly [string, RegExp])[] = [
  ['uk', /[єіїґ]/iu],
  ['ru', /[ёыэъ]/iu],
  ['lv', /[āēīķļņģ]/iu],
  ['lt', /[ąęėįų]/iu],
  // Estonian writes õ and ü; Finnish neither.
  ['et', /[õü]/iu],
];

const WORDS: Readonly<Record<string, readonly string[]>> = {
  lv: ['un', 'ir', 'uz', 'ar', 'kas', 'tev', 'man', 'nav', 'vai', 'lūdzu', 'paldies', 'rīt', 'šodien', 'zvani', 'tu'],
  lt: ['ir', 'kad', 'su', 'tau', 'man', 'nėra', 'ar', 'ačiū', 'rytoj', 'šiandien', 'skambink', 'labas'],
  et: [
    'ja',
    'on',
    'ei',
    'see',
    'mul',
    'sul',
    'homme',
    'täna',
    'palun',
    'aitäh',
    'helista',
    'kas',
    'et',
    'uus',
    'vana',
    'enam',
    'tema',
    'ma',
    'sa',
    'kui',
    'aga',
    'nüüd',
    'veel',
    'siis',
  ],
  fi: ['ja', 'on', 'ei', 'että', 'huomenna', 'tänään', 'kiitos', 'minä', 'sinä', 'soita', 'mä', 'sä', 'se'],
  en: ['the', 'and', 'is', 'you', 'to', 'call', 'tomorrow', 'today', 'please', 'thanks', 'me'],
  ru: ['и', 'не', 'на', 'что', 'ты', 'завтра', 'сегодня', 'позвони', 'спасибо'],
};

export function guessLanguage(text: string): string | null {
  for (const [lang, re] of LETTERS) if (re.test(text)) return lang;
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [lang, list] of Object.entries(WORDS)) {
    const n = words.filter((w) => list.includes(w)).length;
    if (n > bestCount) [best, bestCount, tie] = [lang, n, false];
    else if (n === bestCount && n > 0) tie = true;
  }
  // Finnish and Estonian share letters (ä, ö) and words (ja, on, ei): Finnish has no õ.
  return tie || bestCount === 0 ? null : best;
}
