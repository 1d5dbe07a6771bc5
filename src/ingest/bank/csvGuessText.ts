/**
 * The text of a bank export whose options are to be guessed: the first megabyte and the last
 * lines of the file (a footer is at the end), and its encoding. UTF-8 is taken when every byte
 * of the file reads as UTF-8; otherwise the single-byte encoding is chosen by the letters it
 * yields: the one whose non-ASCII letters spell words of one Baltic, Nordic or other European
 * alphabet, preferring the language the header's words are in, then the Baltic encodings.
 */
import iconv from 'iconv-lite';
import type { ImportInput } from '../types.ts';

const HEAD_BYTES = 1024 * 1024;
const TAIL_BYTES = 64 * 1024;

export interface Sample {
  head: Buffer;
  /** The file's last bytes when the head does not hold all of it, starting at a line. */
  tail: Buffer | null;
  /** Line number of the tail's first line. */
  tailLine: number;
  /** Every byte of the file reads as UTF-8 (including plain ASCII). */
  utf8: boolean;
  /** No byte above 0x7F. */
  ascii: boolean;
  size: number;
}

/** Reads the head and tail of the input once, checking the whole file as UTF-8 on the way. */
export async function readSample(input: ImportInput): Promise<Sample> {
  const headParts: Buffer[] = [];
  let headLength = 0;
  let tail = Buffer.alloc(0);
  let newlines = 0;
  let size = 0;
  let utf8 = true;
  let ascii = true;
  let last = 10;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of input.open() as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (!buf.length) continue;
    if (utf8)
      try {
        decoder.decode(buf, { stream: true });
      } catch {
        utf8 = false;
      }
    if (ascii && buf.some((b) => b > 0x7f)) ascii = false;
    const intoHead = Math.min(buf.length, HEAD_BYTES + TAIL_BYTES - headLength);
    if (intoHead > 0) {
      headParts.push(buf.subarray(0, intoHead));
      headLength += intoHead;
    }
    tail = Buffer.concat([tail, buf]);
    if (tail.length > TAIL_BYTES * 2) tail = tail.subarray(tail.length - TAIL_BYTES);
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) newlines++;
    last = buf[buf.length - 1] ?? last;
    size += buf.length;
  }
  if (utf8)
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  const all = Buffer.concat(headParts);
  if (size <= HEAD_BYTES + TAIL_BYTES) return { head: all, tail: null, tailLine: 0, utf8, ascii, size };
  const end = tail.subarray(Math.max(0, tail.length - TAIL_BYTES));
  const tailBytes = end.subarray(end.indexOf(10) + 1);
  let tailBreaks = 0;
  for (let i = tailBytes.indexOf(10); i !== -1; i = tailBytes.indexOf(10, i + 1)) tailBreaks++;
  const totalLines = newlines + (last === 10 ? 0 : 1);
  const tailLines = tailBreaks + (last === 10 ? 0 : 1);
  return {
    head: cutAtLine(all.subarray(0, HEAD_BYTES)),
    tail: tailBytes,
    tailLine: totalLines - tailLines + 1,
    utf8,
    ascii,
    size,
  };
}

/** The bytes up to the last line break (a partial last line is left out). */
function cutAtLine(bytes: Buffer): Buffer {
  const end = bytes.lastIndexOf(10);
  return end === -1 ? bytes : bytes.subarray(0, end + 1);
}

/** Lines of decoded text, without line ends (CR LF, or the CR CR LF some exports write). */
export function linesOf(bytes: Buffer, encoding: string): string[] {
  let text = /^utf-?8$/.test(encoding) ? bytes.toString('utf8') : iconv.decode(bytes, encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n').map((l) => l.replace(/\r+$/, ''));
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Lower-case letters of the languages bank exports around the Baltic Sea are written in. */
export const ALPHABETS: Readonly<Record<string, string>> = {
  lv: 'āčēģīķļņšūž',
  lt: 'ąčęėįšųūž',
  et: 'äõöüšž',
  fi: 'äöåšž',
  sv: 'åäöé',
  no: 'æøåéèóô',
  da: 'æøåé',
  de: 'äöüß',
  nl: 'éèëïêçôàáâöü',
  fr: 'éèêëàâçîïôûùüÿœ',
  pl: 'ąćęłńóśźż',
  cs: 'áčďéěíňóřšťúůýž',
  hu: 'áéíóöőúüű',
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
};

/** Single-byte encodings tried, Baltic first: on a tie the earlier one is taken. */
export const SINGLE_BYTE = [
  'windows-1257',
  'iso-8859-13',
  'iso-8859-4',
  'windows-1252',
  'iso-8859-15',
  'windows-1250',
  'iso-8859-2',
  'windows-1251',
] as const;

const PLAUSIBLE_SIGNS = new Set([...'€£$¥§°–—‘’‚“”„«»… \u00a0']);

export interface EncodingChoice {
  encoding: string;
  why: string;
}

/**
 * The encoding of the sample's bytes. `hints`: languages the header's plain-ASCII words are in
 * (Dutch "Bedrag", Danish "Tekst"), which decide between encodings that spell the words equally well.
 */
export function chooseEncoding(sample: Sample, hints: ReadonlySet<string>): EncodingChoice {
  if (sample.ascii) return { encoding: 'utf-8', why: 'the file is plain ASCII: every encoding reads it alike' };
  if (sample.utf8) return { encoding: 'utf-8', why: 'every byte of the file reads as UTF-8' };
  const bytes = sample.tail ? Buffer.concat([sample.head, sample.tail]) : sample.head;
  const scored = SINGLE_BYTE.map((encoding) => ({ encoding, ...scoreEncoding(iconv.decode(bytes, encoding)) }));
  const top = Math.max(...scored.map((s) => s.score));
  const tied = scored.filter((s) => s.score >= top - 1e-9);
  // Encodings that spell the words equally well: the one of the header's language, else the first.
  const chosen = [...hints]
    .map((l) => tied.find((s) => s.encoding === NATURAL[l] && s.languages.includes(l)))
    .find((s) => s) ??
    tied.find((s) => s.languages.some((l) => hints.has(l))) ??
    tied[0] ?? { encoding: 'windows-1252', score: 0, languages: [] };
  return {
    encoding: chosen.encoding,
    why:
      `not UTF-8; read as ${chosen.encoding}, whose letters spell the file's words` +
      (chosen.languages.length ? ` as ${chosen.languages.join('/')} words` : '') +
      (hints.size ? ` (header words: ${[...hints].join(', ')})` : ''),
  };
}

/** The single-byte encoding a language's exports are usually in. */
const NATURAL: Readonly<Record<string, string>> = {
  lv: 'windows-1257',
  lt: 'windows-1257',
  et: 'windows-1257',
  fi: 'windows-1252',
  sv: 'windows-1252',
  no: 'windows-1252',
  da: 'windows-1252',
  de: 'windows-1252',
  nl: 'windows-1252',
  fr: 'windows-1252',
  pl: 'windows-1250',
  cs: 'windows-1250',
  hu: 'windows-1250',
  ru: 'windows-1251',
};

/** How well decoded text reads: the share of its non-ASCII words one alphabet spells, less odd signs. */
function scoreEncoding(text: string): { score: number; languages: string[] } {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => [...w].some((c) => c.charCodeAt(0) >= 0x80));
  let odd = 0;
  let nonAscii = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (!/\p{L}/u.test(ch) && !PLAUSIBLE_SIGNS.has(ch)) odd++;
  }
  if (!words.length) return { score: -odd / Math.max(1, nonAscii), languages: [] };
  let top = 0;
  let languages: string[] = [];
  for (const [lang, letters] of Object.entries(ALPHABETS)) {
    const spelled = words.filter((w) => [...w].every((c) => c.charCodeAt(0) < 0x80 || letters.includes(c))).length;
    if (spelled > top) [top, languages] = [spelled, [lang]];
    else if (spelled === top && top > 0) languages.push(lang);
  }
  return { score: top / words.length - odd / Math.max(1, nonAscii), languages };
}
