/**
 * The text encodings every line-based importer offers (bank CSV, MT940,
 * FtM, call records, company registers), in one list so the API, the CLI, the web form and the
 * importers accept the same names. UTF-8, and the single-byte code pages banks and registries
 * still export in: Windows (Central European 1250, Cyrillic 1251, Western 1252, Baltic 1257…),
 * ISO 8859 (Latin-2 for Polish and Czech, Latin-4/-13 for the Baltics, Latin-9…), KOI8 and the
 * DOS code pages. Multi-byte legacy encodings are not in it: a line of them cannot be split at
 * a byte safely.
 */
import { z } from 'zod';

export const textEncodings = [
  'utf-8',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-9',
  'iso-8859-10',
  'iso-8859-11',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'iso-8859-16',
  'koi8-r',
  'koi8-u',
  'cp437',
  'cp850',
  'cp852',
  'cp866',
] as const;

export type TextEncodingName = (typeof textEncodings)[number];

const ALIASES: Readonly<Record<string, TextEncodingName>> = {
  utf8: 'utf-8',
  latin1: 'iso-8859-1',
  latin2: 'iso-8859-2',
  'iso8859-2': 'iso-8859-2',
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
  cp1252: 'windows-1252',
  cp1257: 'windows-1257',
};

/** An encoding option: one of `textEncodings`, case and a few common spellings (utf8, latin2, cp1257) forgiven. */
export const TextEncodingOption = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => ALIASES[s] ?? s)
  .pipe(z.enum(textEncodings, { message: `one of ${textEncodings.join(', ')}` }));
