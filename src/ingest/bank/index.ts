/**
 * Bank statement importers: ISO 20022 camt.053, SWIFT MT940, OFX/QFX and mapped CSV exports. All
 * yield the statement's BankAccount, counterparty accounts with their named holders, and one
 * transaction per statement line, with ids derived from account numbers so that overlapping
 * statements meet the same entities (accounts.ts), and skip entities the case already has
 * when given `known` (emit.ts).
 */
import type { Importer } from '../types.ts';
import { bankCsvImporter, type BankCsvImportOptions } from './bankCsv.ts';
import { camt053Importer, type Camt053ImportOptions } from './camt053.ts';
import { mt940Importer, type Mt940ImportOptions } from './mt940.ts';
import { ofxImporter, type OfxImportOptions } from './ofx.ts';

export { bankCsvImporter, type BankCsvImportOptions } from './bankCsv.ts';
export {
  BankCsvMapping,
  BankCsvOptions,
  type BankCsvMappingInput,
  type BankCsvOptionsInput,
  type BankCsvOptionsParsed,
} from './bankCsvOptions.ts';
export {
  BANK_CSV_PRESETS,
  bankCsvPresetNames,
  withPreset,
  type BankCsvPreset,
  type BankCsvPresetInput,
} from './bankCsvPresets.ts';
export { guessBankCsv, type BankCsvGuess, type GuessNote } from './csvGuess.ts';
export { camt053Importer, Camt053Options, type Camt053ImportOptions } from './camt053.ts';
export { mt940Importer, Mt940Options, type Mt940ImportOptions } from './mt940.ts';
export { ofxImporter, OfxOptions, type OfxImportOptions } from './ofx.ts';
export type { BankImportOptions, KnownIds } from './emit.ts';
export { accountEntityId, accountRef, type AccountRef } from './accounts.ts';
export { parseLocaleAmount, type AmountStyle } from './amounts.ts';

/** Options of each bank format, by format id. */
export interface BankImporterOptions {
  camt053: Camt053ImportOptions;
  mt940: Mt940ImportOptions;
  'bank-csv': BankCsvImportOptions;
  ofx: OfxImportOptions;
}

export type BankFormat = keyof BankImporterOptions;

/** Every bank importer by its `format` id, typed with its own options. */
export const bankImporters: { readonly [F in BankFormat]: Importer<BankImporterOptions[F]> } = {
  camt053: camt053Importer,
  mt940: mt940Importer,
  'bank-csv': bankCsvImporter,
  ofx: ofxImporter,
};

export const isBankFormat = (format: string): format is BankFormat => Object.hasOwn(bankImporters, format);
