/**
 * What a bank export's column names say, in the languages of the banks around the Baltic and
 * North Sea: which field a header names ("Summa" is an amount, "Saaja/Maksja" a counterparty),
 * and which languages a header is written in (a hint for the encoding). The guess trusts the
 * values first (a column of dates is a date column whatever it is called); the names decide
 * between columns of one kind (booking or value date, own or counterparty account).
 */

export type Role =
  | 'date'
  | 'valueDate'
  | 'amount'
  | 'debit'
  | 'credit'
  | 'sign'
  | 'currency'
  | 'counterpartyName'
  | 'counterpartyAccount'
  | 'account'
  | 'text'
  | 'reference'
  | 'kind'
  | 'rowType'
  | 'balance'
  | 'id';

/** Role → language → names, `|`-separated, lower case. Earlier roles win when a name fits several. */
const NAMES: readonly [Role, Readonly<Record<string, string>>][] = [
  [
    'balance',
    {
      en: 'balance|running balance|booked balance',
      nl: 'saldo na trn|saldo',
      de: 'kontostand|saldo',
      lv: 'atlikums',
      lt: 'likutis',
      et: 'jääk|saldo',
      fi: 'saldo',
      sv: 'saldo|bokfört saldo',
      no: 'saldo',
      hu: 'egyenleg',
    },
  ],
  [
    'sign',
    {
      en: 'd/c|c/d|(d/c)|debit/credit|dr/cr',
      lv: 'debets/kredīts|d/k',
      lt: 'debetas/kreditas|d/k',
      et: 'deebet/kreedit|deebet/kreedit (d/c)',
      de: 'soll/haben|s/h',
    },
  ],
  [
    'rowType',
    { en: 'row type|record type|line type', lv: 'ieraksta tips', et: 'reatüüp|kirje tüüp', lt: 'įrašo tipas' },
  ],
  [
    'counterpartyAccount',
    {
      en: "counterparty account|beneficiary's account|beneficiary account|payee account|counter account",
      nl: 'tegenrekening|tegenrekening iban/bban',
      de: 'kontonummer|gegenkonto|iban zahlungsbeteiligter|empfänger iban',
      lv: 'saņēmēja konts|partnera konts',
      lt: 'gavėjo sąskaita|mokėtojo arba gavėjo sąskaita',
      et: 'saaja/maksja konto|saaja konto',
      fi: 'saajan tilinumero|tilinumero',
      sv: 'mottagarkonto',
      no: 'til konto|motkonto',
      cs: 'číslo protiúčtu|protiúčet',
      hu: 'partner számlaszáma',
    },
  ],
  [
    'account',
    {
      en: 'account no|account number|client account|account|own account|iban',
      nl: 'iban/bban|rekening|rekeningnummer',
      de: 'auftragskonto|konto',
      lv: 'klienta konts|konts',
      lt: 'sąskaitos nr|sąskaita|kliento sąskaita',
      et: 'kliendi konto|konto',
      sv: 'konto|kontonummer',
      no: 'kontonummer|konto',
      cs: 'číslo účtu',
      hu: 'számlaszám',
    },
  ],
  [
    'counterpartyName',
    {
      en: "beneficiary/payer|beneficiary|payee|payer|counterparty|beneficiary's name|name|payee name",
      nl: 'naam tegenpartij|tegenpartij|naam',
      de: 'beguenstigter/zahlungspflichtiger|begünstigter/zahlungspflichtiger|empfänger|auftraggeber|name',
      lv: 'saņēmējs/maksātājs|saņēmējs|maksātājs|partneris',
      lt: 'gavėjas|mokėtojas|mokėtojas arba gavėjas|mokėtojo arba gavėjo pavadinimas',
      et: 'saaja/maksja|saaja/maksja nimi|saaja|maksja',
      fi: 'saaja/maksaja|nimi|saaja|maksaja',
      sv: 'mottagare|betalningsmottagare|avsändare',
      no: 'mottaker|betaler',
      da: 'modtager|navn',
      cs: 'název protiúčtu|protistrana',
      hu: 'partner neve',
    },
  ],
  [
    'valueDate',
    {
      en: 'value date|valuation date',
      nl: 'rentedatum|valutadatum',
      de: 'valutadatum|valuta|wertstellung',
      lv: 'valutēšanas datums',
      lt: 'vertės data|valiutavimo data',
      et: 'väärtuspäev|valuutapäev',
      fi: 'arvopäivä',
      sv: 'valutadag|valutadatum',
      no: 'rentedato|valutadato',
      da: 'rentedato|valør',
      hu: 'értéknap',
    },
  ],
  [
    'date',
    {
      en: 'date|booking date|transaction date|posting date',
      nl: 'datum|boekdatum',
      de: 'buchungstag|buchungsdatum|datum',
      lv: 'datums|grāmatošanas datums',
      lt: 'data|operacijos data',
      et: 'kuupäev',
      fi: 'kirjauspäivä|päivämäärä|maksupäivä',
      sv: 'datum|bokföringsdag|bokföringsdatum|transaktionsdag',
      no: 'dato|bokført dato',
      da: 'dato|bogføringsdato',
      cs: 'datum zaúčtování|datum provedení|datum',
      hu: 'tranzakció dátuma|dátum|könyvelés dátuma',
    },
  ],
  [
    'debit',
    {
      en: 'debit|money out|paid out|withdrawal|withdrawals|outflow|out',
      nl: 'af',
      de: 'soll|ausgang',
      lv: 'debets|izdevumi',
      lt: 'debetas|išlaidos',
      et: 'deebet|väljaminek',
      fi: 'veloitus|pano',
      sv: 'uttag|ut',
      no: 'ut|uttak',
      da: 'ud|udbetaling',
    },
  ],
  [
    'credit',
    {
      en: 'credit|money in|paid in|deposit|deposits|inflow|in',
      nl: 'bij',
      de: 'haben|eingang',
      lv: 'kredīts|ienākumi',
      lt: 'kreditas|pajamos',
      et: 'kreedit|laekumine',
      fi: 'hyvitys|otto',
      sv: 'insättning|in',
      no: 'inn|innskudd',
      da: 'ind|indbetaling',
    },
  ],
  [
    'amount',
    {
      en: 'amount|sum|value',
      nl: 'bedrag',
      de: 'betrag|umsatz',
      lv: 'summa',
      lt: 'suma|suma sąskaitos valiuta',
      et: 'summa',
      fi: 'määrä|määrä euroa|summa',
      sv: 'belopp',
      no: 'beløp',
      da: 'beløb',
      cs: 'zaúčtovaná částka|částka',
      pl: 'kwota',
      hu: 'tranzakció összege|összeg',
    },
  ],
  [
    'currency',
    {
      en: 'currency|ccy',
      nl: 'munt|valuta',
      de: 'währung|waehrung',
      lv: 'valūta',
      lt: 'valiuta',
      et: 'valuuta',
      fi: 'valuutta',
      sv: 'valuta',
      no: 'valuta',
      da: 'valuta',
      cs: 'měna účtu|měna',
      hu: 'tranzakció devizaneme|devizanem',
    },
  ],
  [
    'reference',
    {
      en: 'reference number|reference no|reference no.|reference|ref',
      nl: 'betalingskenmerk|transactiereferentie|kenmerk',
      de: 'mandatsreferenz|kundenreferenz|referenz',
      lv: 'references numurs|refernces numurs',
      lt: 'įmokos kodas|nuoroda',
      et: 'viitenumber',
      fi: 'viite|viitenumero',
      sv: 'referens|ocr',
      no: 'referanse|kid',
      cs: 'vs|variabilní symbol',
    },
  ],
  [
    'text',
    {
      en: 'details|description|message|memo|narrative|purpose|text|payment details',
      nl: 'omschrijving|omschrijving-1|mededelingen',
      de: 'verwendungszweck|buchungsinformation|mitteilung',
      lv: 'informācija saņēmējam|informācija|maksājuma mērķis',
      lt: 'mokėjimo paskirtis|paskirtis|detalės',
      et: 'selgitus|kirjeldus',
      fi: 'viesti|otsikko|selite',
      sv: 'text|meddelande|beskrivning|text/mottagare',
      no: 'beskrivelse|tekst|forklaring',
      da: 'tekst|beskrivelse',
      cs: 'zpráva|poznámka',
      hu: 'közlemény|részletek',
    },
  ],
  [
    'kind',
    {
      en: 'transaction type|type|code',
      nl: 'code|mutatiesoort',
      de: 'buchungstext|umsatzart',
      lv: 'maksājuma veids',
      lt: 'operacijos tipas|kodas',
      et: 'tehingu tüüp|tüüp',
      fi: 'tapahtuma|laji|selitys|tapahtumalaji',
      sv: 'transaktionstyp',
      cs: 'typ transakce',
      hu: 'tranzakció típusa',
    },
  ],
  [
    'id',
    {
      en: 'record id|archive id|transfer reference|document number|doc. no|transaction id|id',
      nl: 'volgnr|batch id',
      lv: 'arhīva kods|dokumenta numurs',
      et: 'arhiveerimistunnus|dokumendi number',
      fi: 'arkistointitunnus|kuitti',
      sv: 'verifikationsnummer|radnummer',
      cs: 'id transakce',
    },
  ],
];

/** A header name as compared: lower case, single spaces, no quotes or trailing colon. */
export const normalName = (name: string): string =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/["']/g, (q) => (q === "'" ? "'" : ''))
    .replace(/\s+/g, ' ')
    .replace(/[:;]$/, '')
    .trim();

interface Entry {
  role: Role;
  lang: string;
  name: string;
}

const ENTRIES: readonly Entry[] = NAMES.flatMap(([role, byLang]) =>
  Object.entries(byLang).flatMap(([lang, names]) => names.split('|').map((name) => ({ role, lang, name }))),
);

export interface NameMatch {
  role: Role;
  /** 2: the whole name; 1: the name contains the word(s). */
  strength: 1 | 2;
  langs: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Roles a header name names, the strongest first (whole-name matches before contained words). */
export function rolesOf(header: string): NameMatch[] {
  const n = normalName(header);
  if (!n) return [];
  const out = new Map<Role, NameMatch>();
  const add = (e: Entry, strength: 1 | 2) => {
    const had = out.get(e.role);
    if (!had || had.strength < strength) out.set(e.role, { role: e.role, strength, langs: [e.lang] });
    else if (had.strength === strength && !had.langs.includes(e.lang)) had.langs.push(e.lang);
  };
  for (const e of ENTRIES) if (n === e.name) add(e, 2);
  for (const e of ENTRIES) {
    if (e.name.length < 4 || n === e.name) continue;
    if (new RegExp(`(^|[^\\p{L}])${escape(e.name)}($|[^\\p{L}])`, 'u').test(n)) add(e, 1);
  }
  const order = NAMES.map(([r]) => r);
  return [...out.values()].sort((a, b) => b.strength - a.strength || order.indexOf(a.role) - order.indexOf(b.role));
}

/** The languages most header names are in: a hint for the encoding (see csvGuessText.ts). */
export function headerLanguages(headers: readonly string[]): Set<string> {
  const tally = new Map<string, number>();
  for (const h of headers) {
    const n = normalName(h);
    if (n.length < 3) continue;
    for (const lang of new Set(ENTRIES.filter((e) => e.name === n).map((e) => e.lang)))
      tally.set(lang, (tally.get(lang) ?? 0) + 1);
  }
  const most = Math.max(0, ...tally.values());
  return new Set([...tally].filter(([, n]) => n === most && most > 0).map(([lang]) => lang));
}
