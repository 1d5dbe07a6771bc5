/**
 * Identifier-like selectors that have no checksum we can verify: other account numbers,
 * vehicle registration plates and identity-document numbers. Normalising them means only
 * removing the formatting people add (spaces, dashes, …) and case, so that a value typed from a
 * photo matches the same value exported from a register.
 */
import { fail, ok } from './result.ts';
import type { SelectorResult } from './result.ts';
import { stripMarks, untilStable, upperNfkc } from './text.ts';

/**
 * Cyrillic and Greek capitals that look exactly like Latin ones. Russian, Ukrainian,
 * Belarusian, Bulgarian and Greek plates use only such letters precisely so that they read as
 * Latin abroad, and document numbers get typed on whichever keyboard is at hand. Folding them
 * makes "АВ 1234 ВХ" (Cyrillic) and "AB 1234 BX" (Latin) one selector. Only visually identical
 * letters are folded; others (Б, Д, Ж, Ю, …) stay as they are.
 */
const homoglyphs: Readonly<Record<string, string>> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ү: 'Y',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const homoglyphPattern = new RegExp(`[${Object.keys(homoglyphs).join('')}]`, 'gu');

/** Upper-case Latin lookalikes for Cyrillic/Greek capitals (input must already be upper case). */
export function foldHomoglyphs(upper: string): string {
  return upper.replace(homoglyphPattern, (c) => homoglyphs[c] ?? c);
}

const alnumCount = (s: string): number => s.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
const onlyAlnum = /^[\p{L}\p{N}]*$/u;

/**
 * Bank account numbers that are not IBANs (national formats, card-less wallets, crypto
 * addresses typed by hand). Spaces, dashes and dots are formatting; other characters (such as
 * the "/" before a Czech bank code) are kept because they may carry meaning. An IBAN given
 * here normalises to the same string as normaliseIban, so the two kinds still meet.
 *
 * Upper-casing is deliberate even though some crypto addresses (base58) are case-sensitive:
 * hand-copied values lose case far more often than two real addresses differ only in case.
 */
export function normaliseAccount(raw: string): SelectorResult {
  const account = untilStable((s) => upperNfkc(s).replace(/[\s\p{Pd}.]/gu, ''), raw);
  if (account === '') return fail('empty account number');
  if (alnumCount(account) < 4) return fail('account number needs at least 4 letters or digits');
  return ok(account);
}

/**
 * Vehicle registration plates: "abc-123", "ABC 123" and "ABC·123" are one plate. Diacritics
 * are folded ("ÖHR" → "OHR") because foreign plates are routinely recorded without them.
 * Characters other than letters, digits and separators are rejected rather than dropped, so
 * that "ABC 123 (LV)" is not silently read as plate "ABC123LV".
 */
export function normalisePlate(raw: string): SelectorResult {
  const plate = untilStable((s) => foldHomoglyphs(stripMarks(upperNfkc(s))).replace(/[\s\p{Pd}.·•]/gu, ''), raw);
  if (plate === '') return fail('empty plate');
  if (!onlyAlnum.test(plate)) return fail('plate may only contain letters, digits, spaces and dashes');
  if (plate.length < 2) return fail('plate needs at least 2 letters or digits');
  return ok(plate);
}

/**
 * Identity-document numbers (passport, ID card, residence permit, driving licence). Besides
 * spaces, dashes and slashes we drop dots, "#"/"№" labels and "<", the filler of
 * machine-readable zones: a number copied from an MRZ ("L898902C<") is the same document.
 * Diacritics are kept: unlike plates, document numbers are not written without them.
 */
export function normaliseDocument(raw: string): SelectorResult {
  // "№" is removed before NFKC, which would otherwise turn it into the letters "No".
  const doc = untilStable(
    (s) => foldHomoglyphs(upperNfkc(s.replace(/[№#]/gu, ''))).replace(/[\s\p{Pd}/.<]/gu, ''),
    raw,
  );
  if (doc === '') return fail('empty document number');
  if (!onlyAlnum.test(doc)) return fail('document number may only contain letters, digits and separators');
  if (doc.length < 2) return fail('document number needs at least 2 letters or digits');
  return ok(doc);
}
