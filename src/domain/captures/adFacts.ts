/**
 * Prices and stated ages in ad text. Prices: an amount with a currency before or after it
 * ("150 €", "EUR 150", "150e/h", "2000 руб", "1500 грн") and, when written, the time it buys
 * ("/h", "1 h", "30 min", "tunti", "час"). Ages: "23v", "23-vuotias", "23 y.o.", "age 23",
 * "23 aastane", "23 gadi", "23 года", "23 роки". An age under 18 is a red flag of its own.
 */

export interface FoundPrice {
  amount: number;
  currency: string;
  /** Minutes bought, when the ad says. */
  minutes: number | null;
  raw: string;
  start: number;
  end: number;
}

export interface FoundAge {
  age: number;
  raw: string;
  start: number;
  end: number;
}

const CURRENCIES: readonly [RegExp, string][] = [
  [/^(?:€|eur|euro|euros|euroa|eurot|eiro|евро|євро|e)$/iu, 'EUR'],
  [/^(?:₽|руб|руб\.|рублей|rub)$/iu, 'RUB'],
  [/^(?:₴|грн|грн\.|uah)$/iu, 'UAH'],
  [/^(?:£|gbp)$/iu, 'GBP'],
  [/^(?:\$|usd)$/iu, 'USD'],
  [/^(?:sek|kr)$/iu, 'SEK'],
  [/^(?:pln|zł|zl)$/iu, 'PLN'],
];
const CUR = '€|eur(?:o|os|oa|ot)?|eiro|евро|євро|e|₽|руб\\.?|рублей|rub|₴|грн\\.?|uah|£|gbp|\\$|usd|sek|kr|pln|zł|zl';
const AMOUNT = '\\d{1,3}(?:[ .,]\\d{3})*(?:[.,]\\d{1,2})?|\\d{1,6}(?:[.,]\\d{1,2})?';
const UNIT =
  '(?:\\s*(?:/|per|за|kohta|par|eest)?\\s*(?:(\\d{1,3})\\s*)?(h|t|tunti|tunnin|tund|stunda|час|часа|година|hour|hr|min|minutes|minuuttia|minutit|минут|хв|night|yö|ночь|ніч))?';
const PRICE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${CUR})\\s*(${AMOUNT})|(${AMOUNT})\\s*(${CUR}))(?![\\p{L}])${UNIT}(?![\\p{L}])`,
  'giu',
);

function currencyOf(s: string): string | null {
  for (const [re, code] of CURRENCIES) if (re.test(s.trim())) return code;
  return null;
}

function amountOf(s: string): number {
  const t = s.replace(/\s/g, '');
  const m = /^(\d{1,3}(?:[.,]\d{3})+)$/.exec(t);
  if (m) return Number((m[1] ?? '').replace(/[.,]/g, ''));
  return Number(t.replace(',', '.'));
}

function minutesOf(n: string | undefined, unit: string | undefined): number | null {
  if (!unit) return null;
  const k = Number(n ?? '1') || 1;
  const u = unit.toLowerCase();
  if (/^(?:min|minutes|minuuttia|minutit|минут|хв)$/.test(u)) return k;
  if (/^(?:night|yö|ночь|ніч)$/.test(u)) return k * 12 * 60;
  return k * 60;
}

export function extractPrices(text: string): FoundPrice[] {
  const out: FoundPrice[] = [];
  for (const m of text.matchAll(PRICE)) {
    const curText = m[1] ?? m[4] ?? '';
    const amountText = m[2] ?? m[3] ?? '';
    // A lone "e" is a currency only right after the amount ("150e"), not "e 150".
    if (/^e$/i.test(curText) && m[1] !== undefined) continue;
    const currency = currencyOf(curText);
    const amount = amountOf(amountText);
    if (!currency || !Number.isFinite(amount) || amount <= 0) continue;
    out.push({
      amount,
      currency,
      minutes: minutesOf(m[5], m[6]),
      raw: m[0].trim(),
      start: m.index,
      end: m.index + m[0].trimEnd().length,
    });
  }
  return out;
}

const AGE_AFTER =
  '(?:v\\.?|-?vuotias|vuotta|v\\.\\s?|y\\.?\\s?o\\.?|yo|yrs?|years?(?:\\s+old)?|-?aastane|aastat|a\\.|gadi|gadus|g\\.|года|год|лет|роки|років|рік|metai|metų|m\\.)';
const AGE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(\\d{2})\\s*${AGE_AFTER}(?![\\p{L}])|(?:age|ikä|vanus|vecums|amžius|возраст|вік)\\s*[:\\-]?\\s*(\\d{2})(?![\\p{N}]))`,
  'giu',
);

export function extractAges(text: string): FoundAge[] {
  const out: FoundAge[] = [];
  for (const m of text.matchAll(AGE)) {
    const age = Number(m[1] ?? m[2]);
    if (!Number.isInteger(age) || age < 12 || age > 80) continue;
    out.push({ age, raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
