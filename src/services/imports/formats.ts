/**
 * Every importer the platform has, as the web wizard sees it: its id, label, the file endings
 * it takes and the form its options need. Importers registered later without a description
 * here still appear (no mapping form; their own option checks apply).
 */
import { bankCsvPresetNames, bankImporters } from '../../ingest/bank/index.ts';
import { COMPANY_COLUMNS } from '../../ingest/formats/companyRegister.ts';
import { ocrLanguages } from '../../ingest/documents/ocr.ts';
import { importers } from '../../ingest/formats/index.ts';
import type { Importer } from '../../ingest/types.ts';
import { csvDelimiters, importOptionSchemas, textEncodings } from '../../shared/contracts/imports.ts';
import type { FormatField, ImportFormatOut } from '../../shared/contracts/imports.ts';
import { AppError, errors } from '../../shared/errors.ts';

type AnyImporter = Importer<unknown>;

/** The registry: the general formats and the bank statement formats, by format id. */
export const allImporters: ReadonlyMap<string, AnyImporter> = new Map(
  Object.entries({ ...bankImporters, ...importers }).map(([id, imp]) => [id, imp as unknown as AnyImporter]),
);

const col = (name: string, required = false, group?: string): FormatField => ({
  name: `mapping.${name}`,
  kind: 'column',
  required,
  ...(group ? { group } : {}),
});
const text = (name: string, required = false, group?: string): FormatField => ({
  name,
  kind: 'text',
  required,
  ...(group ? { group } : {}),
});
const choice = (name: string, values: readonly string[], required = false): FormatField => ({
  name,
  kind: 'enum',
  values: [...values],
  required,
});
/** Several values, typed comma-separated. */
const list = (name: string): FormatField => ({ name, kind: 'list', required: false });
const encoding = choice('encoding', textEncodings);
const delimiter = choice('delimiter', csvDelimiters);

const described: Record<string, Omit<ImportFormatOut, 'format' | 'label'>> = {
  ftm: { extensions: ['.json', '.jsonl', '.ftm'], mapper: 'none', fields: [encoding] },
  'ftm-mapping': { extensions: ['.csv', '.tsv', '.txt'], mapper: 'entities', fields: [delimiter, encoding] },
  cdr: {
    extensions: ['.csv', '.tsv', '.txt'],
    mapper: 'fields',
    fields: [
      col('start', true),
      col('caller', false, 'pair'),
      col('callee', false, 'pair'),
      text('mapping.subscriber', false, 'subscriber'),
      col('correspondent', false, 'subscriber'),
      col('direction', false, 'subscriber'),
      col('end'),
      col('duration'),
      col('cell'),
      col('type'),
      col('imei'),
      col('imsi'),
      text('dateFormat'),
      text('timeZone'),
      text('defaultCountry'),
      text('dataset'),
      { name: 'matchWindowSeconds', kind: 'number', required: false },
      delimiter,
      encoding,
    ],
  },
  'cdr-antennas': {
    extensions: ['.csv', '.tsv', '.txt'],
    mapper: 'fields',
    fields: [col('id'), col('latitude'), col('longitude'), col('tower'), text('dataset'), delimiter, encoding],
  },
  'bank-csv': {
    extensions: ['.csv', '.tsv', '.txt', '.xlsx', '.xls'],
    mapper: 'fields',
    guess: true,
    fields: [
      choice('preset', bankCsvPresetNames),
      col('date', true),
      col('valueDate'),
      col('amount', false, 'amount'),
      col('sign'),
      list('signMarks.debit'),
      list('signMarks.credit'),
      col('debit', false, 'debitCredit'),
      col('credit', false, 'debitCredit'),
      col('currency', false, 'currency'),
      text('mapping.fixedCurrency', false, 'currency'),
      col('account', false, 'account'),
      text('mapping.fixedAccount', false, 'account'),
      col('counterpartyName'),
      col('counterpartyAccount'),
      col('counterpartyId'),
      col('holderName'),
      col('holderId'),
      col('text'),
      col('reference'),
      col('kind'),
      col('place'),
      col('rowType'),
      list('rowTypes.keep'),
      list('rowTypes.opening'),
      list('rowTypes.closing'),
      list('rowTypes.skip'),
      choice('decimal', [',', '.'], true),
      text('dateFormat', true),
      choice('thousandsSeparator', ['.', ',', ' ', "'", '']),
      { name: 'skipRows', kind: 'number', required: false },
      { name: 'skipFooterRows', kind: 'number', required: false },
      { name: 'lenientQuotes', kind: 'boolean', required: false },
      text('sheet'),
      delimiter,
      encoding,
    ],
  },
  'company-register': {
    extensions: ['.csv', '.tsv', '.txt'],
    mapper: 'fields',
    fields: [
      col('name', true),
      ...COMPANY_COLUMNS.filter((c) => c !== 'name').map((c) => col(c)),
      text('dateFormat'),
      text('country'),
      delimiter,
      encoding,
    ],
  },
  anx: { extensions: ['.anx', '.xml'], mapper: 'none', fields: [] },
  document: {
    extensions: ['.pdf', '.docx', '.xlsx', '.odt', '.zip', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.txt'],
    mapper: 'none',
    // The OCR languages this installation has data for (the only ones worth choosing), read when asked.
    get fields(): FormatField[] {
      return [
        { name: 'languages', kind: 'list', required: false, values: ocrLanguages() },
        { name: 'ocr', kind: 'boolean', required: false },
        { name: 'pageImages', kind: 'boolean', required: false },
      ];
    },
  },
  mail: { extensions: ['.eml', '.mbox', '.mbx'], mapper: 'none', fields: [] },
  chat: { extensions: ['.txt', '.json'], mapper: 'none', fields: [] },
  camt053: {
    extensions: ['.xml'],
    mapper: 'none',
    fields: [{ name: 'includePending', kind: 'boolean', required: false }],
  },
  mt940: { extensions: ['.sta', '.mt940', '.txt'], mapper: 'none', fields: [encoding] },
  ofx: { extensions: ['.ofx', '.qfx'], mapper: 'none', fields: [encoding] },
};

export function describeFormats(): ImportFormatOut[] {
  return [...allImporters.entries()].map(([format, imp]) => ({
    format,
    label: imp.label,
    ...(described[format] ?? { extensions: [], mapper: 'none' as const, fields: [] }),
  }));
}

/** The importer for `format`, refusing unknown ones as a field error. */
export function importerFor(format: string): AnyImporter {
  const imp = allImporters.get(format);
  if (!imp)
    throw errors.validation(
      `Unknown import format "${format}"; one of ${[...allImporters.keys()].join(', ')}`,
      'format',
    );
  return imp;
}

/** Checks options with the format's shared schema when there is one (bank formats check their own). */
export function checkOptions(format: string, options: Record<string, unknown>): Record<string, unknown> {
  const schema = importOptionSchemas[format];
  if (!schema) return options;
  const r = schema.safeParse(options);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = ['options', ...(issue?.path ?? []).map(String)].join('.');
    throw new AppError('validation_failed', `${path}: ${issue?.message ?? 'invalid'}`, path);
  }
  return r.data as Record<string, unknown>;
}
