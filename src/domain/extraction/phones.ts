/**
 * Phone numbers in free text, however they are written: "+371 2612 3456", "00358 40 123 4567",
 * "040-123 45 67", "(040) 123.45.67", "8 (916) 123-45-67", "O4O l23 4567" (letters for digits),
 * "nolla neljä nolla 123 4567" or "040 dot 123 dot 4567" (words for or between digits).
 *
 * The text is read as a row of atoms — digit groups (with O/o read as 0 and I/l as 1 inside a
 * group that has a real digit, or a number word), a "+" (or "plus"), separators (spaces,
 * . - / ( ) and filler words) and anything else, which breaks a run. Each run of digit groups is
 * then cut into the longest pieces that libphonenumber (through `normalisePhone`) accepts as a
 * valid number, international first, then national in each hinted country in turn (the ad site's
 * or document's country first, then its language's, then the case's: the caller orders them).
 * When no hinted country accepts the digits, every other country of the region is tried; if
 * several accept them (mobiles before fixed lines) and nothing prefers one, the number is
 * reported as ambiguous — no E.164, the readings as candidates — rather than guessed. Number
 * words are read in every language, and the local forms of the page's own language too
 * (numberWords.ts). Dates ("14.05.2023") and runs shorter than 7 digits are never numbers.
 */
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { normalisePhone } from '../selectors/phone.ts';
import { FILLER_WORDS, numberWordsFor, PLUS_WORDS } from './numberWords.ts';

export interface FoundPhone {
  /** E.164, e.g. "+37126123456"; null when several countries read the digits and nothing prefers one. */
  e164: string | null;
  /** The E.164 readings of an ambiguous number (two or more); empty otherwise. */
  candidates: string[];
  /** The text as written, from the first to the last digit. */
  raw: string;
  /** UTF-16 offsets of `raw` in the text. */
  start: number;
  end: number;
  /** Set when the number was written without a country code and read as this country's. */
  assumedCountry: string | null;
}

export interface PhoneOptions {
  /**
   * ISO 3166-1 alpha-2 countries to try, strongest first, for numbers written without a country
   * code: the first that accepts the digits wins.
   */
  countries?: readonly string[];
  /** The page's ISO 639-1 language: its local number words are read too. */
  language?: string | null | undefined;
}

/** Tried after the hints: the region's countries, where THB cases in the Baltic Sea area lead. */
export const DEFAULT_PHONE_COUNTRIES: readonly string[] = [
  'FI',
  'EE',
  'LV',
  'LT',
  'SE',
  'NO',
  'PL',
  'RU',
  'UA',
  'BY',
  'RO',
  'GB',
];

type Atom =
  | { t: 'dig'; digits: string; start: number; end: number }
  /** Letters that read as digits ("OOO", "l"): digits only right after a digit group. */
  | { t: 'maybe'; digits: string; start: number; end: number }
  | { t: 'plus'; start: number; end: number }
  | { t: 'sep' }
  | { t: 'break' };

const WORD = /[\p{L}\p{N}\p{M}ʼ'’]+/uy;
const SPACE = /\s+/uy;
const SEP_CHARS = new Set(['.', '-', '–', '—', '‐', '/', '(', ')', '[', ']', '_', '·', '•', '\\']);
const CONFUSABLE_GROUP = /^[0-9OoIl]+$/u;
const MAX_SEPARATORS = 3;
/** A number has at most 15 digits, so at most 15 groups (digits spelt one word each). */
const MAX_GROUPS = 15;

function wordAtom(word: string, start: number, end: number, words: Readonly<Record<string, string>>): Atom {
  if (/^[0-9]+$/.test(word)) return { t: 'dig', digits: word, start, end };
  if (CONFUSABLE_GROUP.test(word) && /[0-9]/.test(word)) {
    return { t: 'dig', digits: word.replace(/[Oo]/g, '0').replace(/[Il]/g, '1'), start, end };
  }
  if (/^[OoIl]{1,4}$/u.test(word))
    return { t: 'maybe', digits: word.replace(/[Oo]/g, '0').replace(/[Il]/g, '1'), start, end };
  const lower = word.toLowerCase().replace(/[’ʼ]/g, "'");
  const digit = words[lower];
  if (digit !== undefined) return { t: 'dig', digits: digit, start, end };
  if (FILLER_WORDS.has(lower)) return { t: 'sep' };
  if (PLUS_WORDS.has(lower)) return { t: 'plus', start, end };
  return { t: 'break' };
}

function atomsOf(text: string, words: Readonly<Record<string, string>>): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    SPACE.lastIndex = i;
    const sp = SPACE.exec(text);
    if (sp) {
      atoms.push({ t: 'sep' });
      i += sp[0].length;
      continue;
    }
    if (ch === '+') {
      atoms.push({ t: 'plus', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (SEP_CHARS.has(ch)) {
      atoms.push({ t: 'sep' });
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const w = WORD.exec(text);
    if (w) {
      atoms.push(wordAtom(w[0], i, i + w[0].length, words));
      i += w[0].length;
      continue;
    }
    atoms.push({ t: 'break' });
    i += ch.length || 1;
  }
  return atoms;
}

interface Group {
  digits: string;
  start: number;
  end: number;
}
interface Run {
  plus: { start: number } | null;
  groups: Group[];
}

/** Runs of digit groups joined by at most a few separators; a "+" opens a new run. */
function runsOf(atoms: readonly Atom[]): Run[] {
  const runs: Run[] = [];
  let cur: Run = { plus: null, groups: [] };
  let seps = 0;
  const close = () => {
    if (cur.groups.length) runs.push(cur);
    cur = { plus: null, groups: [] };
    seps = 0;
  };
  for (const a of atoms) {
    if (a.t === 'maybe') {
      if (cur.groups.length && seps <= MAX_SEPARATORS) {
        cur.groups.push({ digits: a.digits, start: a.start, end: a.end });
        seps = 0;
      } else close();
    } else if (a.t === 'dig') {
      if (seps > MAX_SEPARATORS) close();
      cur.groups.push({ digits: a.digits, start: a.start, end: a.end });
      seps = 0;
    } else if (a.t === 'sep') {
      seps++;
    } else if (a.t === 'plus') {
      close();
      cur.plus = { start: a.start };
    } else {
      close();
    }
  }
  close();
  return runs;
}

/**
 * Dates and clock times, masked before reading numbers: "14.05.2023", "2023-05-14", "10:00" — but
 * not when part of a longer dotted run ("26.12.34.56" is a number), and only real calendar
 * values, so a number grouped like a date ("2123-40-00") is still read as a number.
 */
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d{2}';
const DATES_AND_TIMES = new RegExp(
  `(?<![\\p{N}]|[\\p{N}][./-])(?:${DAY}[./]${MONTH}[./](?:${YEAR}|\\d{2})|${YEAR}-${MONTH}-${DAY}|(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?)(?![\\p{N}]|[./-][\\p{N}])`,
  'gu',
);
const maskDates = (text: string): string => text.replace(DATES_AND_TIMES, (m) => '#'.repeat(m.length));

interface Candidate {
  i: number;
  j: number;
  e164: string | null;
  candidates: string[];
  country: string | null;
  /** Lower is better: international, then each hinted country (mobile before fixed), then the region's. */
  rank: number;
}

/** Ads give mobiles: a mobile reading of a national number beats a fixed-line one. */
function isMobile(e164: string): boolean {
  try {
    const t = parsePhoneNumberWithError(e164).getType();
    return t === 'MOBILE' || t === 'FIXED_LINE_OR_MOBILE';
  } catch {
    return false;
  }
}

interface Countries {
  /** The caller's, strongest first. */
  hinted: readonly string[];
  /** The region's others, none preferred over another. */
  rest: readonly string[];
}

function candidate(run: Run, i: number, j: number, countries: Countries): Candidate | null {
  const g = run.groups;
  const digits = g
    .slice(i, j)
    .map((x) => x.digits)
    .join('');
  if (digits.length < 7 || digits.length > 15) return null;
  const one = (e164: string, country: string | null, rank: number): Candidate => ({
    i,
    j,
    e164,
    candidates: [],
    country,
    rank,
  });
  if ((i === 0 && run.plus !== null) || digits.startsWith('00')) {
    const r = normalisePhone(i === 0 && run.plus !== null ? `+${digits}` : digits);
    return r.ok ? one(r.value, null, 0) : null;
  }
  for (const [k, c] of countries.hinted.entries()) {
    const r = normalisePhone(digits, c);
    if (r.ok) return one(r.value, c, 1 + 2 * k + (isMobile(r.value) ? 0 : 1));
  }
  const readings: { e164: string; country: string; mobile: boolean }[] = [];
  for (const c of countries.rest) {
    const r = normalisePhone(digits, c);
    if (r.ok) readings.push({ e164: r.value, country: c, mobile: isMobile(r.value) });
  }
  const best = readings.some((r) => r.mobile) ? readings.filter((r) => r.mobile) : readings;
  const base = 1 + 2 * countries.hinted.length;
  const values = [...new Set(best.map((r) => r.e164))];
  const [only] = best;
  if (!only) return null;
  if (values.length === 1) return one(only.e164, only.country, base + (only.mobile ? 0 : 1));
  return { i, j, e164: null, candidates: values, country: null, rank: base + 2 };
}

/**
 * The numbers of one run: among every valid piece, the best (international, then the earliest
 * country, then the longest, then the first) wins; pieces overlapping it are dropped; repeat.
 * So an age or a house number just before a national number is not glued onto it.
 */
function phonesOfRun(text: string, run: Run, countries: Countries): FoundPhone[] {
  const all: Candidate[] = [];
  for (let i = 0; i < run.groups.length; i++) {
    for (let j = i + 1; j <= Math.min(run.groups.length, i + MAX_GROUPS); j++) {
      const c = candidate(run, i, j, countries);
      if (c) all.push(c);
    }
  }
  all.sort((a, b) => a.rank - b.rank || b.j - b.i - (a.j - a.i) || a.i - b.i);
  const taken: Candidate[] = [];
  for (const c of all) if (taken.every((t) => c.j <= t.i || c.i >= t.j)) taken.push(c);
  taken.sort((a, b) => a.i - b.i);
  return taken.flatMap((c) => {
    const first = run.groups[c.i];
    const last = run.groups[c.j - 1];
    if (!first || !last) return [];
    let start = c.i === 0 && run.plus ? run.plus.start : first.start;
    if (text[start - 1] === '(') start--;
    return [
      {
        e164: c.e164,
        candidates: c.candidates,
        raw: text.slice(start, last.end),
        start,
        end: last.end,
        assumedCountry: c.country,
      },
    ];
  });
}

/** Longest text read for numbers: an ad or a profile page is far shorter. */
export const MAX_PHONE_TEXT = 500_000;

/** Every phone number in `text`, in order of appearance. Never throws. */
export function extractPhones(text: string, opts: PhoneOptions = {}): FoundPhone[] {
  const hinted = [...new Set((opts.countries ?? []).map((c) => c.toUpperCase()))];
  const countries = { hinted, rest: DEFAULT_PHONE_COUNTRIES.filter((c) => !hinted.includes(c)) };
  const body = text.length > MAX_PHONE_TEXT ? text.slice(0, MAX_PHONE_TEXT) : text;
  return runsOf(atomsOf(maskDates(body), numberWordsFor(opts.language))).flatMap((run) =>
    phonesOfRun(body, run, countries),
  );
}
