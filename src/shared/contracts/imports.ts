/**
 * Contracts of imports through the web: staged uploads, the options each format takes (the
 * same schemas check the wizard's fields as the user types and the server's input), preview,
 * import jobs with progress and cancel, and mappings saved for reuse.
 */
import { z } from 'zod';
import { TextEncodingOption } from '../textEncodings.ts';

export { textEncodings, TextEncodingOption, type TextEncodingName } from '../textEncodings.ts';
export const csvDelimiters = [',', ';', '\t', '|'] as const;

const column = z.string().trim().min(1, 'choose a column').max(200);
const optionalColumn = column.optional();

/** `ftm`: FollowTheMoney entity files, one JSON object a line. */
export const FtmJsonOptionsIn = z.strictObject({ encoding: TextEncodingOption.optional() });

/** `ftm-mapping`: an FtM mapping (YAML; JSON is YAML too) run over the uploaded CSV. */
export const FtmMappingOptionsIn = z.strictObject({
  mapping: z.string().trim().min(1, 'the mapping is empty').max(200_000),
  dataset: z.string().trim().min(1).max(200).optional(),
  delimiter: z.enum(csvDelimiters).optional(),
  encoding: TextEncodingOption.optional(),
});

/** IANA zone (`Europe/Riga`), `UTC` or a fixed offset (`+02:00`), as the runtime's Intl knows them. */
export function isTimeZone(zone: string): boolean {
  const fixed = /^[+-](\d{2}):?(\d{2})$/.exec(zone);
  if (fixed) return Number(fixed[1]) <= 14 && Number(fixed[2]) < 60;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const noControl = (s: string) => !/\p{Cc}/u.test(s);

/**
 * A subscriber's own number or label (`+37126123456`, `ego`, `A`): what one subscriber's record
 * belongs to. The CLI's `--subscriber` and the API's `mapping.subscriber` are checked by this.
 */
export const SubscriberLabel = z
  .string()
  .trim()
  .min(1, "give the subscriber's own number or label")
  .max(100, 'at most 100 characters')
  .refine(noControl, 'no control characters');

/** A data set's name: pseudonyms and antenna ids are one phone or cell within it. */
export const DatasetLabel = z
  .string()
  .trim()
  .min(1, 'name the data set')
  .max(60, 'at most 60 characters')
  .refine((s) => noControl(s) && !s.includes(':'), 'no colons or control characters');

const TimeZone = z.string().trim().min(1).max(60).refine(isTimeZone, 'a time zone such as Europe/Riga, UTC or +02:00');

/** `cdr`: call-detail records; either caller and callee columns, or one subscriber's record. */
export const CdrMappingIn = z
  .strictObject({
    caller: optionalColumn,
    callee: optionalColumn,
    subscriber: SubscriberLabel.optional(),
    correspondent: optionalColumn,
    direction: optionalColumn,
    start: column,
    end: optionalColumn,
    duration: optionalColumn,
    cell: optionalColumn,
    type: optionalColumn,
    imei: optionalColumn,
    imsi: optionalColumn,
  })
  .superRefine((m, ctx) => {
    const pair = m.caller !== undefined || m.callee !== undefined;
    const need = (key: keyof typeof m, message: string) => {
      if (m[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message });
    };
    if (pair) {
      need('caller', 'choose the caller column');
      need('callee', 'choose the callee column');
      for (const key of ['subscriber', 'correspondent', 'direction'] as const)
        if (m[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: 'use either caller/callee or subscriber' });
    } else {
      need('subscriber', "give the subscriber's own number, or choose caller and callee columns");
      need('correspondent', 'choose the correspondent column');
      need('direction', 'choose the direction (in/out) column');
    }
  });

/** Columns of an antenna file; without them the usual names are looked for. */
export const AntennaMappingIn = z.strictObject({
  id: optionalColumn,
  latitude: optionalColumn,
  longitude: optionalColumn,
  tower: optionalColumn,
});

/** `cdr-antennas`: cell and antenna positions, giving places to calls. */
export const CdrAntennaOptionsIn = z.strictObject({
  mapping: AntennaMappingIn.optional(),
  dataset: DatasetLabel.optional(),
  delimiter: z.enum(csvDelimiters).optional(),
  encoding: TextEncodingOption.optional(),
});

export const CdrOptionsIn = z.strictObject({
  mapping: CdrMappingIn,
  delimiter: z.enum(csvDelimiters).optional(),
  encoding: TextEncodingOption.optional(),
  dateFormat: z.string().trim().min(2).max(100).optional(),
  /** Zone of times written without an offset; stored in UTC. */
  timeZone: TimeZone.optional(),
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'two capital letters, e.g. FI')
    .optional(),
  dataset: DatasetLabel.optional(),
  /** How far apart the two ends' records of one call may start. */
  matchWindowSeconds: z.number().int().min(0).max(3600).optional(),
  /** Columns of an antenna file given with the records (the CLI's --antennas). */
  antennas: CdrAntennaOptionsIn.omit({ dataset: true }).optional(),
});
export type CdrOptionsIn = z.output<typeof CdrOptionsIn>;

/** `document`: seized files (PDF, office files, archives, pictures), read by their bytes. */
export const DocumentOptionsIn = z.strictObject({
  /** OCR languages as tesseract names them (eng, lav, est, fin, rus, ukr); the region's when not given. */
  languages: z
    .array(z.string().regex(/^[a-z]{3}(_[a-z]+)?$/, 'a tesseract language name, e.g. lav'))
    .max(12)
    .optional(),
  /** `false`: keep pictures and scanned pages without reading them. */
  ocr: z.boolean().optional(),
  /** `false`: do not draw PDF pages as pictures. */
  pageImages: z.boolean().optional(),
});
export type DocumentOptionsIn = z.output<typeof DocumentOptionsIn>;

/** Per-format option schemas the server knows; formats without one check their own options. */
export const importOptionSchemas: Record<string, z.ZodType> = {
  document: DocumentOptionsIn,
  ftm: FtmJsonOptionsIn,
  'ftm-mapping': FtmMappingOptionsIn,
  cdr: CdrOptionsIn,
  'cdr-antennas': CdrAntennaOptionsIn,
};

/** A form field of a format's mapping, as the wizard draws it. */
export const FormatField = z.object({
  /** Dotted path in the options, e.g. `mapping.start`, `decimal`. */
  name: z.string(),
  /** `list`: several values, typed comma-separated (row types, debit/credit marks). */
  kind: z.enum(['column', 'text', 'enum', 'boolean', 'number', 'list']),
  required: z.boolean(),
  values: z.array(z.string()).optional(),
  /** Fields of one group are alternatives (amount | debit + credit). */
  group: z.string().optional(),
});
export type FormatField = z.infer<typeof FormatField>;

export const ImportFormatOut = z.object({
  format: z.string(),
  label: z.string(),
  /** File name endings the format usually comes in. */
  extensions: z.array(z.string()),
  /** `entities`: the column → entity/link mapper (FtM mapping); `fields`: a form of `fields`. */
  mapper: z.enum(['entities', 'fields', 'none']),
  fields: z.array(FormatField),
  /** The import desk can propose this format's options for an upload (POST …/imports/guess). */
  guess: z.boolean().optional(),
});
export type ImportFormatOut = z.infer<typeof ImportFormatOut>;

export const UploadOut = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  /** The first lines as text, and a CSV reading of them when they look like one. */
  sniff: z.object({
    lines: z.array(z.string()),
    delimiter: z.string().nullable(),
    headers: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
});
export type UploadOut = z.infer<typeof UploadOut>;

const Options = z.record(z.string(), z.unknown());

export const ImportPreviewBody = z.strictObject({
  uploadId: z.string().min(1).max(200),
  format: z.string().min(1).max(50),
  options: Options.default({}),
  limit: z.number().int().min(1).max(200).default(50),
});

export const LineMessage = z.object({
  line: z.number().nullable(),
  /** The option or field at fault (`mapping.start`), when it is not a line of the file. */
  path: z.string().nullable(),
  message: z.string(),
});
export type LineMessage = z.infer<typeof LineMessage>;

export const PreviewItem = z.object({
  line: z.number(),
  kind: z.enum(['entity', 'transaction', 'file', 'statement']),
  schema: z.string().nullable(),
  caption: z.string(),
  properties: z.record(z.string(), z.array(z.string())),
  error: z.string().nullable(),
});
export type PreviewItem = z.infer<typeof PreviewItem>;

export const ImportPreviewOut = z.object({
  items: z.array(PreviewItem),
  /** Problems that stop the file from being read at all (bad mapping, unreadable line). */
  errors: z.array(LineMessage),
  warnings: z.array(LineMessage),
  /** True when the preview read only the beginning of the file. */
  partial: z.boolean(),
});
export type ImportPreviewOut = z.infer<typeof ImportPreviewOut>;

/** Proposed options for an uploaded bank CSV export: what each choice rests on, and what they read. */
export const ImportGuessBody = z.strictObject({
  uploadId: z.string().min(1).max(200),
  format: z.literal('bank-csv'),
});

export const ImportGuessOut = z.object({
  /** The options, as the import form and `--options` take them (a preset and what differs from it). */
  options: Options,
  preset: z.string().nullable(),
  notes: z.array(z.object({ option: z.string(), value: z.string(), why: z.string() })),
  /** The options tried on the whole file. */
  check: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), transactions: z.number(), statements: z.number() }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]),
});
export type ImportGuessOut = z.infer<typeof ImportGuessOut>;

export const ImportStartBody = z.strictObject({
  uploadId: z.string().min(1).max(200),
  format: z.string().min(1).max(50),
  options: Options.default({}),
  /** Bank statements: import statements whose entries do not add up to their closing balance, each with a warning. */
  acceptUnbalanced: z.boolean().default(false),
});

export const importStatuses = ['checking', 'writing', 'succeeded', 'failed', 'cancelled'] as const;

export const ImportReportOut = z.object({
  sourceId: z.string(),
  format: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  entitiesAdded: z.number(),
  entitiesMerged: z.number(),
  /** A re-import: entities the case held exactly so (left alone), and those the file changed (new versions). */
  entitiesUnchanged: z.number(),
  entitiesUpdated: z.number(),
  bySchema: z.record(z.string(), z.number()),
  transactionsReceived: z.number(),
  transactionsAdded: z.number(),
  transactionsAlreadyPresent: z.number(),
  filesAdded: z.number(),
  /** Bank statements new to the case; absent when the file had none. */
  statementsAdded: z.number().optional(),
  /** Statements skipped whole with their lines: already in the case, or repeated in the file. */
  statementsSkipped: z
    .array(
      z.object({
        line: z.number(),
        reference: z.string(),
        account: z.string(),
        period: z.string(),
        reason: z.enum(['already in the case', 'earlier in this file']),
        message: z.string(),
      }),
    )
    .optional(),
  /** Statements that do not reconcile, imported because the user accepted that. */
  unbalancedStatements: z
    .array(
      z.object({
        line: z.number(),
        accountId: z.string(),
        reference: z.string(),
        openingDate: z.string(),
        closingDate: z.string(),
        currency: z.string(),
        differenceMinor: z.number(),
        warning: z.string(),
      }),
    )
    .optional(),
  /** What the importer assumed to read the file ("line N: …"), each once, capped with a count of the rest. */
  warnings: z.array(z.string()).optional(),
  /** Call records: how each row and antenna met what the case held. */
  callRecords: z
    .object({
      rows: z.number(),
      added: z.number(),
      /** Rows completing a call already known from the other end. */
      otherEnd: z.number(),
      unchanged: z.number(),
      updated: z.number(),
      antennasAdded: z.number(),
      antennasUnchanged: z.number(),
      antennasUpdated: z.number(),
      /** Calls already in the case given the place of their cell by this import's antennas. */
      placesAttached: z.number(),
    })
    .optional(),
  durationMs: z.number(),
});
export type ImportReportOut = z.infer<typeof ImportReportOut>;

export const ImportJobOut = z.object({
  id: z.string(),
  status: z.enum(importStatuses),
  format: z.string(),
  fileName: z.string(),
  progress: z.object({
    bytesRead: z.number(),
    totalBytes: z.number().nullable(),
    entities: z.number(),
    transactions: z.number(),
  }),
  report: ImportReportOut.nullable(),
  errors: z.array(LineMessage),
  warnings: z.array(LineMessage),
  /** More problems were found than are listed. */
  truncated: z.boolean(),
});
export type ImportJobOut = z.infer<typeof ImportJobOut>;

export const SavedMappingCreate = z.strictObject({
  name: z.string().trim().min(1, 'give the mapping a name').max(200),
  format: z.string().min(1).max(50),
  options: Options,
});

export const SavedMappingOut = z.object({
  id: z.string(),
  name: z.string(),
  format: z.string(),
  options: Options,
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SavedMappingOut = z.infer<typeof SavedMappingOut>;
