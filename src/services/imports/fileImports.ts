/**
 * Importing a file from disk into a case (the CLI's `import` and `import-statements`): the format
 * chosen by its id, the options built from the command's flags, the whole file or nothing.
 */
import { importRulesFor } from './ownership.ts';
import { bankImporters, isBankFormat } from '../../ingest/bank/index.ts';
import { fileInput } from '../../ingest/files.ts';
import { cdrMappings, importers, isImportFormat, withSubscriber } from '../../ingest/formats/index.ts';
import type { ImportFormat } from '../../ingest/formats/index.ts';
import type { ImportInput, Importer } from '../../ingest/types.ts';
import { errors, isAppError } from '../../shared/errors.ts';
import { textEncodings, TextEncodingOption, type TextEncodingName } from '../../shared/textEncodings.ts';
import { atPath } from '../entities/index.ts';
import { assemblyDetail } from '../assembly/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { checkOptions } from './formats.ts';
import { runImport } from './pipeline.ts';
import type { ImportProgress } from './pipeline.ts';

export const bankFormatIds = Object.keys(bankImporters);
export const importFormatIds = Object.keys(importers);
export const cdrMappingNames = Object.keys(cdrMappings);

/** What the general formats take from the command line. */
export interface ImportFlags {
  /** The mapping file named by `--mapping`; `mappingText` is what it holds. */
  mapping?: string | undefined;
  mappingText?: string | undefined;
  /** `--cdr-mapping`: a saved call-record mapping's name, or an options file (its text in `cdrMappingText`). */
  cdrMapping?: string | undefined;
  cdrMappingText?: string | undefined;
  subscriber?: string | undefined;
  /** An antenna file read with the call records. */
  antennas?: string | undefined;
  /** One of `textEncodings` (shared/textEncodings.ts); the format's options check it. */
  encoding?: string | undefined;
  delimiter?: string | undefined;
  /** `--ocr-languages`: documents' OCR languages, comma-separated. */
  ocrLanguages?: string | undefined;
}

type Flag = Exclude<keyof ImportFlags, 'mappingText' | 'cdrMappingText'>;
const flagNames: Record<Flag, string> = {
  mapping: '--mapping',
  cdrMapping: '--cdr-mapping',
  subscriber: '--subscriber',
  antennas: '--antennas',
  encoding: '--encoding',
  delimiter: '--delimiter',
  ocrLanguages: '--ocr-languages',
};

/** The flags each general format reads; any other is refused rather than silently ignored. */
const formatFlags: Record<ImportFormat, readonly Flag[]> = {
  ftm: ['encoding'],
  'ftm-mapping': ['mapping', 'encoding', 'delimiter'],
  cdr: ['cdrMapping', 'subscriber', 'antennas', 'encoding', 'delimiter'],
  'cdr-antennas': ['cdrMapping', 'encoding', 'delimiter'],
  'company-register': [],
  anx: [],
  document: ['ocrLanguages'],
  mail: [],
  chat: [],
};

function refuseForeignFlags(format: ImportFormat, o: ImportFlags): void {
  for (const flag of Object.keys(flagNames) as Flag[]) {
    if (o[flag] === undefined || formatFlags[format].includes(flag)) continue;
    const owners = importFormatIds.filter((f) => formatFlags[f as ImportFormat].includes(flag));
    throw errors.validation(
      `${flagNames[flag]} belongs to ${owners.map((f) => `--format ${f}`).join(' or ')}, not --format ${format}`,
      flagNames[flag],
    );
  }
}

/** `--encoding`: one of the shared encodings, refused as the flag's error otherwise. */
export function encodingFlag(value: string): TextEncodingName {
  const r = TextEncodingOption.safeParse(value);
  if (!r.success)
    throw errors.validation(`--encoding "${value}": use one of ${textEncodings.join(', ')}`, '--encoding');
  return r.data;
}

/** Builds a general format's options from the flags; the importer validates the rest. */
export function optionsFor(format: string, o: ImportFlags): Record<string, unknown> {
  if (!isImportFormat(format))
    throw errors.validation(`Unknown format "${format}"; use one of ${importFormatIds.join(', ')}`, '--format');
  refuseForeignFlags(format, o);
  const common = {
    ...(o.encoding ? { encoding: encodingFlag(o.encoding) } : {}),
    ...(o.delimiter ? { delimiter: o.delimiter } : {}),
  };
  if (format === 'ftm' || format === 'anx' || format === 'mail' || format === 'chat') return common;
  if (format === 'document') return documentOptions(o);
  if (format === 'company-register')
    throw errors.validation(
      'A company-register extract needs its column mapping: import it with `elect companies import --options <file.json>`',
      '--format',
    );
  if (format === 'ftm-mapping') {
    if (o.mappingText === undefined)
      throw errors.validation('An FtM mapping import needs --mapping <file.yml>', '--mapping');
    return { ...common, mapping: o.mappingText };
  }
  if (format === 'cdr-antennas') return checkCallOptions(format, { ...optionsFile(o), ...common });
  if (o.cdrMappingText !== undefined) {
    const file = optionsFile(o) as { mapping?: Record<string, unknown> };
    const mapping = { ...file.mapping, ...(o.subscriber !== undefined ? { subscriber: o.subscriber } : {}) };
    return checkCallOptions(format, { ...file, mapping, ...common });
  }
  const preset = cdrMappings[(o.cdrMapping ?? 'bandicootEgo') as keyof typeof cdrMappings];
  if (!preset)
    throw errors.validation(
      `"${o.cdrMapping ?? ''}" is neither a saved call-record mapping (${cdrMappingNames.join(', ')}) nor an options file`,
      '--cdr-mapping',
    );
  if (o.subscriber === undefined)
    throw errors.validation("Give the subscriber's own number with --subscriber", '--subscriber');
  return checkCallOptions(format, { ...withSubscriber(preset, o.subscriber), ...common });
}

/** A document's options: the OCR languages named by `--ocr-languages`, checked as the API checks them. */
function documentOptions(o: ImportFlags): Record<string, unknown> {
  const languages = o.ocrLanguages
    ?.split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  try {
    return checkOptions('document', languages ? { languages } : {});
  } catch (e) {
    if (!isAppError(e)) throw e;
    throw errors.validation(e.message.replace(/^options\.languages(\.\d+)?: /, ''), '--ocr-languages');
  }
}

/** The call-record options file (JSON) named by --cdr-mapping; an empty object without one. */
function optionsFile(o: ImportFlags): Record<string, unknown> {
  if (o.cdrMappingText === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(o.cdrMappingText);
  } catch (e) {
    throw errors.validation(
      `${o.cdrMapping ?? 'the options file'} is not JSON: ${e instanceof Error ? e.message : String(e)}`,
      '--cdr-mapping',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw errors.validation(`${o.cdrMapping ?? 'the options file'} must hold one JSON object`, '--cdr-mapping');
  return value as Record<string, unknown>;
}

/**
 * Checks call-record options with the schema the API uses, naming the flag at fault: the
 * subscriber's `--subscriber`, anything else the options file's key.
 */
function checkCallOptions(format: 'cdr' | 'cdr-antennas', options: Record<string, unknown>): Record<string, unknown> {
  try {
    return checkOptions(format, options);
  } catch (e) {
    if (!isAppError(e)) throw e;
    const key = (e.path ?? '').replace(/^options\.?/, '');
    if (key === 'mapping.subscriber')
      throw errors.validation(e.message.replace(/^options\.mapping\.subscriber: /, ''), '--subscriber');
    throw errors.validation(e.message.replace(/^options\./, ''), '--cdr-mapping');
  }
}

/** Refuses an unknown bank format before anything is read. */
export function checkBankFormat(format: string): void {
  if (!isBankFormat(format))
    throw errors.validation(`Unknown format "${format}"; use one of ${bankFormatIds.join(', ')}`, '--format');
}

export interface FileImport {
  path: string;
  format: string;
  /** Bank statements (their record names the format) or any other format (it names the file). */
  bank: boolean;
  options: Record<string, unknown>;
  /** Call records: an antenna file read with them, in the same transaction. */
  antennas?: string | undefined;
  onProgress?: (p: ImportProgress) => void;
  chunkSize?: number;
  /** Import bank statements that do not reconcile (each recorded as unbalanced) instead of refusing the file. */
  acceptUnbalanced?: boolean;
  /** Read and validate the whole file as an import would, then keep nothing. */
  checkOnly?: boolean;
}

export const importFile = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'import' },
  run: async ({ store, actor, access, caseId, audit }, i: FileImport) => {
    const ownership = await importRulesFor(store, access);
    const importer = (i.bank ? bankImporters : importers)[i.format as never] as Importer<unknown> | undefined;
    if (!importer) throw errors.validation(`Unknown format "${i.format}"`, '--format');
    let input: ImportInput;
    let antennaFile: ImportInput | undefined;
    try {
      input = fileInput(i.path);
    } catch {
      throw errors.validation(`Cannot read ${i.path}`, 'file');
    }
    try {
      if (i.antennas !== undefined) antennaFile = fileInput(i.antennas);
    } catch {
      throw errors.validation(`Cannot read ${i.antennas ?? ''}`, '--antennas');
    }
    const options = antennaFile ? { ...i.options, antennaFile } : i.options;
    try {
      const report = await runImport(store, actor, caseId, importer, input, options, {
        ...ownership,
        ...(i.onProgress ? { onProgress: i.onProgress } : {}),
        ...(i.chunkSize ? { chunkSize: i.chunkSize } : {}),
        ...(i.acceptUnbalanced ? { acceptUnbalanced: true } : {}),
        ...(i.checkOnly ? { checkOnly: true } : {}),
      });
      if (!i.checkOnly) audit.target(report.sourceId);
      audit.detail({
        ...(i.bank ? { format: i.format } : { file: input.fileName }),
        ...(antennaFile ? { antennas: antennaFile.fileName } : {}),
        sha256: report.sha256,
        ...(i.checkOnly ? { checkedOnly: true } : {}),
        ...assemblyDetail(report.assembly),
      });
      return { fileName: input.fileName, report };
    } catch (e) {
      // Errors name the file and then the line: `donations.csv: line 17: …`.
      throw atPath(e, `${input.fileName}:`);
    }
  },
});
