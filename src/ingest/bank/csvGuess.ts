/**
 * Proposes bank CSV options for a file nobody has described yet (`elect import-statements
 * --guess`, the import form's "guess" button): the encoding, delimiter, header row, footer, date
 * format, decimal mark, the amount columns and their sign, balance rows, currency, accounts and
 * texts, or a preset whose layout the header shows. Every choice carries its reason, and the
 * proposal is tried on the whole file, so what is proposed is known to read (or the error is
 * shown): a guess is a start for a person to check, never imported unseen.
 */
import { errors } from '../../shared/errors.ts';
import type { ImportInput } from '../types.ts';
import { accountRef } from './accounts.ts';
import { bankCsvImporter } from './bankCsv.ts';
import { BANK_CSV_PRESETS, type BankCsvPreset } from './bankCsvPresets.ts';
import { chooseColumns, type ColumnChoice, type Explained, type MappingField } from './csvGuessColumns.ts';
import { chooseDelimiter, findFrame, needsLenientQuotes, splitRows, type Frame } from './csvGuessLayout.ts';
import { chooseEncoding, linesOf, readSample, type Sample } from './csvGuessText.ts';
import { headerLanguages, normalName } from './csvGuessWords.ts';

export interface GuessNote {
  option: string;
  value: string;
  why: string;
}

export interface BankCsvGuess {
  /** Options as `--options` takes them (a preset and what differs from it, or everything). */
  options: Record<string, unknown>;
  notes: GuessNote[];
  preset: string | null;
  /** The options tried on the whole file: what they read, or why they do not. */
  check: { ok: true; transactions: number; statements: number } | { ok: false; error: string };
}

interface Text {
  encoding: string;
  delimiter: string;
  frame: Frame;
  lines: string[];
  notes: GuessNote[];
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Decodes the sample, finds delimiter, header and footer; redone once the encoding is known. */
function readText(sample: Sample): Text {
  const layout = (encoding: string) => {
    const lines = linesOf(sample.head, encoding);
    const { delimiter, why } = chooseDelimiter(lines);
    const tail = sample.tail ? splitRows(linesOf(sample.tail, encoding), sample.tailLine, delimiter) : null;
    try {
      return { lines, delimiter, why, frame: findFrame(splitRows(lines, 1, delimiter), tail) };
    } catch (e) {
      throw errors.validation(`Cannot guess the options: ${e instanceof Error ? e.message : String(e)}`, 'file');
    }
  };
  let encoding = sample.utf8 ? 'utf-8' : 'windows-1252';
  let t = layout(encoding);
  const chosen = chooseEncoding(sample, headerLanguages(t.frame.header.fields));
  if (chosen.encoding !== encoding) t = layout((encoding = chosen.encoding));
  return {
    encoding,
    delimiter: t.delimiter,
    frame: t.frame,
    lines: t.lines,
    notes: [
      { option: 'encoding', value: encoding, why: chosen.why },
      { option: 'delimiter', value: t.delimiter, why: t.why },
    ],
  };
}

const CURRENCY_BY_COUNTRY: Readonly<Record<string, string>> = {
  NO: 'NOK',
  SE: 'SEK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  CH: 'CHF',
  GB: 'GBP',
  IS: 'ISK',
};
const CURRENCY_BY_LANGUAGE: Readonly<Record<string, string>> = {
  no: 'NOK',
  sv: 'SEK',
  da: 'DKK',
  pl: 'PLN',
  cs: 'CZK',
  hu: 'HUF',
};

/** The currency of a file without a currency column: named in a header, or the account's country's. */
function fixedCurrency(header: readonly string[], account: string | undefined): Explained & { code: string } {
  for (const h of header) {
    const m = /\b(EUR|EURO|EUROA|NOK|SEK|DKK|PLN|CZK|HUF|USD|GBP|CHF)\b/i.exec(h);
    if (m?.[1]) {
      const code = m[1].toUpperCase().startsWith('EUR') ? 'EUR' : m[1].toUpperCase();
      return { option: 'mapping.fixedCurrency', code, why: `the column "${h}" names it` };
    }
  }
  const country = account ? accountRef(account)?.iban?.slice(0, 2) : undefined;
  if (country)
    return {
      option: 'mapping.fixedCurrency',
      code: CURRENCY_BY_COUNTRY[country] ?? 'EUR',
      why: `no currency column; the account is a ${country} IBAN`,
    };
  const langs = [...headerLanguages(header)];
  const byLang = langs.map((l) => CURRENCY_BY_LANGUAGE[l]).find((c) => c);
  if (byLang)
    return {
      option: 'mapping.fixedCurrency',
      code: byLang,
      why: `no currency column; the header is ${langs.join('/')}`,
    };
  return { option: 'mapping.fixedCurrency', code: 'EUR', why: 'no currency column and no hint: assumed, check it' };
}

/** The statement's account when no column holds it: above the header, or in the file's name. */
function fixedAccount(frame: Frame, fileName: string): (Explained & { value: string }) | null {
  for (const row of frame.preamble)
    for (const f of row.fields) {
      const ref = accountRef(f.trim());
      if (ref?.iban) return { option: 'mapping.fixedAccount', value: ref.iban, why: `line ${row.line} names it` };
    }
  const iban = /[A-Z]{2}\d{2}[A-Z0-9]{11,30}/.exec(fileName.toUpperCase())?.[0];
  if (iban && accountRef(iban)?.iban) return { option: 'mapping.fixedAccount', value: iban, why: 'the file name' };
  const digits = /\d{8,20}/.exec(fileName.replace(/(?<!\d)(?:19|20)\d{2}-?\d{2}-?\d{2}(?!\d)/g, ''))?.[0];
  if (digits)
    return {
      option: 'mapping.fixedAccount',
      value: digits,
      why: 'digits in the file name: check that they are the account',
    };
  return null;
}

function columnRef(frame: Frame, index: number): string | number {
  const names = frame.header.fields.map((h) => h.trim().toLowerCase());
  const name = frame.header.fields[index]?.trim() ?? '';
  const unique = name !== '' && names.filter((n) => n === name.toLowerCase()).length === 1;
  return frame.byPosition || !unique ? index + 1 : name;
}

/** The options the columns found make, with every note. */
function genericOptions(
  text: Text,
  choice: ColumnChoice,
  fileName: string,
): { options: Record<string, unknown>; notes: GuessNote[] } {
  const { frame } = text;
  const mapping: Record<string, unknown> = {};
  for (const [field, index] of Object.entries(choice.columns) as [MappingField, number][])
    mapping[field] = columnRef(frame, index);
  const notes: GuessNote[] = [...text.notes];
  const add = (n: Explained, value: unknown) => notes.push({ option: n.option, value: show(value), why: n.why });
  if (mapping['account'] === undefined) {
    const found = choice.fixedAccount ? null : fixedAccount(frame, fileName);
    const value = choice.fixedAccount ?? found?.value;
    if (value) mapping['fixedAccount'] = value;
    if (found) add(found, found.value);
    if (!value)
      notes.push({
        option: 'mapping.fixedAccount',
        value: '',
        why: "no column or line names the statement's account: add it (mapping.fixedAccount) before importing",
      });
  }
  if (mapping['currency'] === undefined) {
    const accountValue =
      typeof mapping['fixedAccount'] === 'string'
        ? mapping['fixedAccount']
        : frame.data[0]?.fields[choice.columns.account ?? -1];
    const c = fixedCurrency(frame.header.fields, accountValue);
    mapping['fixedCurrency'] = c.code;
    add(c, c.code);
  }
  for (const n of choice.notes) {
    const [, field] = /^mapping\.(\w+)$/.exec(n.option) ?? [];
    const value = field ? mapping[field] : (choice as unknown as Record<string, unknown>)[n.option];
    const name = typeof value === 'number' ? frame.header.fields[value - 1]?.trim() : '';
    add(name ? { ...n, why: `"${name}": ${n.why}` } : n, value ?? '');
  }
  const options: Record<string, unknown> = {
    mapping,
    encoding: text.encoding,
    delimiter: text.delimiter,
    decimal: choice.decimal,
    dateFormat: choice.dateFormat,
    ...(choice.thousandsSeparator !== undefined ? { thousandsSeparator: choice.thousandsSeparator } : {}),
    ...(choice.rowTypes ? { rowTypes: choice.rowTypes } : {}),
    ...(choice.signMarks ? { signMarks: choice.signMarks } : {}),
  };
  layoutOptions(text, options, notes);
  return { options, notes };
}

/** Header lines, footer lines and lenient quotes: facts of the file, whatever the columns. */
function layoutOptions(text: Text, options: Record<string, unknown>, notes: GuessNote[]): void {
  const { frame } = text;
  if (frame.skipRows) {
    options['skipRows'] = frame.skipRows;
    notes.push({
      option: 'skipRows',
      value: String(frame.skipRows),
      why: `the header row is line ${frame.header.line}`,
    });
  }
  if (frame.skipFooterRows) {
    options['skipFooterRows'] = frame.skipFooterRows;
    notes.push({
      option: 'skipFooterRows',
      value: String(frame.skipFooterRows),
      why: 'lines after the last row with a date and an amount',
    });
  }
  if (needsLenientQuotes(text.lines.slice(frame.skipRows), text.delimiter)) {
    options['lenientQuotes'] = true;
    notes.push({ option: 'lenientQuotes', value: 'true', why: 'a line has a quote inside an unquoted field' });
  }
  if (frame.byPosition)
    notes.push({
      option: 'mapping',
      value: 'positions',
      why: 'the header has a different number of fields than the rows: columns go by position (1 = first)',
    });
}

function presetOf(header: readonly string[]): BankCsvPreset | null {
  const names = new Set(header.map(normalName));
  for (const p of BANK_CSV_PRESETS.values()) if (p.headers.every((h) => names.has(normalName(h)))) return p;
  return null;
}

/** The preset with what the file shows differently (layout facts, the account it needs). */
function presetOptions(
  text: Text,
  p: BankCsvPreset,
  generic: { options: Record<string, unknown>; notes: GuessNote[] } | null,
): { options: Record<string, unknown>; notes: GuessNote[] } {
  const options: Record<string, unknown> = { preset: p.name };
  const layout: GuessNote[] = [];
  layoutOptions(text, options, layout);
  const own = p.options;
  const plain = text.lines.every((l) => [...l].every((c) => c.charCodeAt(0) < 0x80));
  if (text.encoding !== (own.encoding ?? 'utf-8') && !plain) options['encoding'] = text.encoding;
  if (text.delimiter !== own.delimiter) options['delimiter'] = text.delimiter;
  if ((own.skipRows ?? 0) === (options['skipRows'] ?? 0)) delete options['skipRows'];
  else options['skipRows'] ??= 0;
  const mapping = (generic?.options['mapping'] ?? {}) as Record<string, unknown>;
  if (p.needs.includes('mapping.fixedAccount') && typeof mapping['fixedAccount'] === 'string')
    options['mapping'] = { fixedAccount: mapping['fixedAccount'] };
  const reasons = [...text.notes, ...layout, ...(generic?.notes ?? [])];
  const notes: GuessNote[] = [];
  for (const key of Object.keys(options)) {
    if (key === 'preset') continue;
    const option = key === 'mapping' ? 'mapping.fixedAccount' : key;
    const why = reasons.find((n) => n.option === option)?.why ?? 'differs from the preset in this file';
    notes.push({ option, value: show(key === 'mapping' ? mapping['fixedAccount'] : options[key]), why });
  }
  return { options, notes };
}

/** Imports nothing: reads the whole file with `options` as the importer would. */
async function tryOptions(input: ImportInput, options: Record<string, unknown>): Promise<BankCsvGuess['check']> {
  let transactions = 0;
  let statements = 0;
  try {
    for await (const item of bankCsvImporter.parse(input, options as never)) {
      if (item.kind === 'transaction') transactions++;
      if (item.kind === 'statement') statements++;
    }
    return { ok: true, transactions, statements };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** `presets: false` proposes the options column by column even where a preset fits. */
export async function guessBankCsv(input: ImportInput, how: { presets?: boolean } = {}): Promise<BankCsvGuess> {
  const sample = await readSample(input);
  if (!sample.size) throw errors.validation('Cannot guess the options: the file is empty', 'file');
  const text = readText(sample);
  let generic: { options: Record<string, unknown>; notes: GuessNote[] } | null = null;
  let columnsError: string | null = null;
  try {
    generic = genericOptions(
      text,
      chooseColumns(text.frame.header.fields, text.frame.data).picker.choice,
      input.fileName,
    );
  } catch (e) {
    columnsError = e instanceof Error ? e.message : String(e);
  }
  const preset = how.presets === false ? null : presetOf(text.frame.header.fields);
  if (preset) {
    const base = presetOptions(text, preset, generic);
    const variants = [base];
    // The preset's decimal mark or date format may not be this file's (another country's export).
    if (generic)
      for (const key of ['decimal', 'dateFormat'] as const)
        if (generic.options[key] !== preset.options[key]) {
          const last = variants[variants.length - 1] ?? base;
          const why = generic.notes.find((n) => n.option === key)?.why ?? '';
          variants.push({
            options: { ...last.options, [key]: generic.options[key] },
            notes: [...last.notes, { option: key, value: show(generic.options[key]), why }],
          });
        }
    const withPreset = (v: (typeof variants)[number], check: BankCsvGuess['check']): BankCsvGuess => {
      const why = `the header names the columns of the ${preset.bank} layout`;
      const notes = [{ option: 'preset', value: preset.name, why }, ...text.notes, ...v.notes];
      for (const need of preset.needs)
        if (!notes.some((n) => n.option === need))
          notes.push({ option: need, value: '', why: 'this layout does not say it: add it before importing' });
      const seen = new Set<string>();
      const unique = notes.filter((n) => !seen.has(n.option) && !!seen.add(n.option));
      return { options: v.options, notes: unique, preset: preset.name, check };
    };
    let first: BankCsvGuess | null = null;
    for (const v of variants) {
      const check = await tryOptions(input, v.options);
      if (check.ok) return withPreset(v, check);
      first ??= withPreset(v, check);
    }
    // The preset does not read the file: the options found column by column, if they do.
    const own = generic ? await tryOptions(input, generic.options) : null;
    if (generic && own?.ok) return { ...generic, preset: null, check: own };
    if (first) return first;
  }
  if (!generic) throw errors.validation(`Cannot guess the options: ${columnsError ?? 'no columns found'}`, 'file');
  return { ...generic, preset: null, check: await tryOptions(input, generic.options) };
}
