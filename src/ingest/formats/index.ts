/**
 * Import formats and the registry the CLI and API pick them from by `format` id. Each importer
 * only parses (see ../types.ts); the shared pipeline validates and writes.
 */
import { documentImporter, type DocumentOptions } from '../documents/importer.ts';
import type { Importer } from '../types.ts';
import { anxImporter, type AnxOptions } from './anx.ts';
import { antennaImporter, type AntennaOptions } from './antennas.ts';
import { cdrImporter, type CdrOptions } from './cdr.ts';
import { companyRegisterImporter, type CompanyRegisterOptions } from './companyRegister.ts';
import { ftmJsonImporter, type FtmJsonOptions } from './ftmJson.ts';
import { ftmMappingImporter, type FtmMappingOptions } from './ftmMapping.ts';
import { chatImporter, type ChatOptions } from '../documents/chatItems.ts';
import { mailImporter, type MailOptions } from '../documents/mailItems.ts';

export { cdrImporter, parseDuration, type CdrMapping, type CdrOptions } from './cdr.ts';
export { antennaImporter, cellSiteId, type AntennaMapping, type AntennaOptions } from './antennas.ts';
export { bandicootEgo, cdrMappings, withSubscriber, type CdrPreset } from './cdrMappings.ts';
export { exportFtm, ftmJsonImporter, type ExportFtmOptions, type FtmJsonOptions } from './ftmJson.ts';
export { ftmMappingImporter, type DiscardedValue, type FtmMappingOptions } from './ftmMapping.ts';
export { compileMapping, type QuerySpec } from './ftmMappingSpec.ts';
export { lookupCountry } from './countries.ts';
export {
  COMPANY_COLUMNS,
  companyRegisterImporter,
  registerNumber,
  type CompanyMapping,
  type CompanyRegisterOptions,
} from './companyRegister.ts';
export { parseIsoPrefix, parseWithFormat } from './dates.ts';
export { anxImporter, type AnxOptions } from './anx.ts';

/** Options of each format, by format id. */
export interface ImporterOptions {
  ftm: FtmJsonOptions;
  'ftm-mapping': FtmMappingOptions;
  cdr: CdrOptions;
  'cdr-antennas': AntennaOptions;
  'company-register': CompanyRegisterOptions;
  anx: AnxOptions;
  document: DocumentOptions;
  mail: MailOptions;
  chat: ChatOptions;
}

export type ImportFormat = keyof ImporterOptions;

/** Every importer by its `format` id, typed with its own options. */
export const importers: { readonly [F in ImportFormat]: Importer<ImporterOptions[F]> } = {
  ftm: ftmJsonImporter,
  'ftm-mapping': ftmMappingImporter,
  cdr: cdrImporter,
  'cdr-antennas': antennaImporter,
  'company-register': companyRegisterImporter,
  anx: anxImporter,
  document: documentImporter,
  mail: mailImporter,
  chat: chatImporter,
};

export const isImportFormat = (format: string): format is ImportFormat => Object.hasOwn(importers, format);
