/**
 * IBANs → electronic format ("LV80BANK0000435195001"): upper case, no separators, checked
 * against the country's length and BBAN format, the ISO 7064 mod-97 check digits and, where
 * ibantools knows one, the national account checksum.
 */
import { ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { fail, ok } from './result.ts';
import type { SelectorResult } from './result.ts';

const reasons: Readonly<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'empty IBAN',
  [ValidationErrorsIBAN.NoIBANCountry]: 'unknown IBAN country code',
  [ValidationErrorsIBAN.WrongBBANLength]: 'wrong IBAN length for the country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'account part does not match the country format',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'check digits (characters 3–4) are not numbers',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'bad IBAN checksum (mistyped character?)',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'bad national account checksum',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'QR-IBAN not allowed',
};

/**
 * Separators people and bank statements put in IBANs: any whitespace (including no-break
 * spaces from PDFs), any dash, dots. ibantools' own electronicFormatIBAN only strips ASCII
 * spaces and hyphens.
 */
const separators = /[\s\p{Pd}.]/gu;

/** A leading "IBAN" / "IBAN:" label. Safe to drop: no country code is "IB". */
const label = /^IBAN:?/;

export function normaliseIban(raw: string): SelectorResult {
  // NFKC folds full-width letters/digits to ASCII before upper-casing.
  const iban = raw.normalize('NFKC').toUpperCase().replace(separators, '').replace(label, '');
  if (iban === '') return fail('empty IBAN');
  if (!/^[A-Z0-9]+$/.test(iban)) return fail('IBAN may only contain letters and digits');

  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return ok(iban);
  // ibantools reports several codes at once (a short IBAN is also "wrong format" and "bad
  // checksum"); the first is the root cause.
  const first = errorCodes[0];
  return fail(first === undefined ? 'invalid IBAN' : reasons[first]);
}
