/**
 * The text of office files: DOCX through mammoth (its raw text: paragraphs on lines), XLSX
 * through read-excel-file (each sheet a table of cells written as the spreadsheet shows them,
 * the same cell writing the bank XLSX reader uses) and ODT by reading `content.xml` out of the
 * ZIP container (fflate) with the platform's one XML reader (ingest/bank/xml.ts).
 */
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import readXlsxFile from 'read-excel-file/node';
import { errors } from '../../shared/errors.ts';
import { dateText, numberText } from '../bank/sheetRows.ts';
import { XmlTokenizer } from '../bank/xml.ts';

const unreadable = (what: string, e: unknown) =>
  errors.importFailed(`Not a readable ${what}: ${e instanceof Error ? e.message : String(e)}`, 'file');

export async function readDocxText(bytes: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value.replace(/\n{3,}/g, '\n\n').trim();
  } catch (e) {
    throw unreadable('DOCX document', e);
  }
}

export interface SheetText {
  name: string;
  /** Rows of cells as text, empty rows left out. */
  rows: string[][];
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateText(v, 'YYYY-MM-DD');
  if (typeof v === 'number') return numberText(String(v), '.');
  return typeof v === 'string' ? v : String(v as boolean);
};

export async function readXlsxSheets(bytes: Uint8Array): Promise<SheetText[]> {
  try {
    const sheets = await readXlsxFile(Buffer.from(bytes));
    return sheets.map((s) => ({
      name: s.sheet,
      rows: s.data.map((row) => row.map(cellText)).filter((row) => row.some((c) => c !== '')),
    }));
  } catch (e) {
    throw unreadable('XLSX workbook', e);
  }
}

/** A sheet as text: one line per row, cells separated by tabs. */
export const sheetText = (s: SheetText): string => s.rows.map((r) => r.join('\t')).join('\n');

/** ODF text elements that end a line, and those that stand for white space. */
const LINE_ENDS = new Set(['text:p', 'text:h', 'text:list-item', 'table:table-row']);
const SPACES: Readonly<Record<string, string>> = { 'text:s': ' ', 'text:tab': '\t', 'text:line-break': '\n' };

export function readOdtText(bytes: Uint8Array): string {
  let content: Uint8Array | undefined;
  try {
    content = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' })['content.xml'];
  } catch (e) {
    throw unreadable('ODT document', e);
  }
  if (!content) throw errors.importFailed('Not a readable ODT document: it has no content.xml', 'file');
  let text = '';
  let inBody = 0;
  const reader = new XmlTokenizer({
    open: (name, attrs) => {
      if (name === 'office:body') inBody++;
      else if (inBody && name === 'text:s') text += ' '.repeat(Math.max(1, Number(attrs['text:c'] ?? 1) || 1));
      else if (inBody && SPACES[name]) text += SPACES[name];
    },
    close: (name) => {
      if (name === 'office:body') inBody--;
      else if (inBody && LINE_ENDS.has(name) && !text.endsWith('\n')) text += '\n';
      else if (inBody && name === 'table:table-cell') text += '\t';
    },
    text: (t) => {
      if (inBody) text += t;
    },
  });
  reader.write(Buffer.from(content));
  reader.end();
  return text
    .replace(/\t+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
