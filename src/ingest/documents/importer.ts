/**
 * Seized files as case entities (format `document`): whatever the file is by its bytes — a PDF,
 * DOCX, XLSX or ODT, a ZIP archive (unpacked, each member read the same way), a picture (read by
 * OCR) or text — becomes FtM document entities with their text, and every file, the imported one
 * and each member, is kept as an evidence file beside its entity. A file of a type not known is
 * kept with a note and not read. Items only: the pipeline hashes, encrypts and writes.
 *
 * Entities: PDF → `Pages` with one `Page` per page (`document`, `index`, `bodyText`; a page
 * without a text layer read by OCR) and the page pictures as files of their pages; DOCX, ODT →
 * `Document`; XLSX → `Workbook` with one `Table` per sheet; ZIP → `Package`, its folders `Folder`;
 * pictures → `Image`; text → `PlainText`. Members name their container in `parent`. Ids derive
 * from the imported file's SHA-256 and the member's path, so importing the file again (under any
 * name) changes nothing. An item's "line" is the file's number in reading order: 1 for the
 * imported file, then its members depth first.
 */
import { createHash } from 'node:crypto';
import type { EntityRecord } from '../../domain/records.ts';
import { MAX_VALUE_BYTES } from '../../domain/schema/validate.ts';
import { errors } from '../../shared/errors.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { ArchiveBudget, DEFAULT_ARCHIVE_LIMITS, unpackZip, type ArchiveLimits } from './archive.ts';
import { detectDocument, type Detected } from './detect.ts';
import { readDocxText, readOdtText, readXlsxSheets, sheetText } from './office.ts';
import { ocrImage, ocrLanguages, ocrSettings, renderPdfPages, type OcrSettings } from './ocr.ts';
import { readPdfText } from './pdf.ts';

export interface DocumentOptions {
  /** OCR languages (tesseract codes: eng, lav, est, fin, rus, ukr); the region's when not given. */
  languages?: string[] | undefined;
  /** `false`: pictures and scanned pages are kept without reading them. */
  ocr?: boolean | undefined;
  /** `false`: PDF pages are not drawn as pictures. */
  pageImages?: boolean | undefined;
  /** Limits against archive bombs (archive.ts); the defaults when not given. */
  limits?: Partial<ArchiveLimits> | undefined;
}

/** Pages drawn as pictures per PDF; a longer PDF keeps its text and the original only. */
const MAX_PAGE_IMAGES = 200;
const PAGE_DPI = 100;
const OCR_DPI = 300;

interface Context {
  rootHash: string;
  /** The imported file's name, which paths start with; ids leave it out, so a renamed copy is the same file. */
  rootName: string;
  budget: ArchiveBudget;
  ocr: OcrSettings | null;
  pageImages: boolean;
  line: number;
  /** Said once per import: the OCR languages the platform has. */
  ocrAnnounced: boolean;
}

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const idOf = (ctx: Context, path: string): string =>
  `doc-${sha256(`${ctx.rootHash}\n${path.slice(ctx.rootName.length)}`).slice(0, 32)}`;
const baseName = (path: string): string => path.replace(/\/+$/, '').split('/').pop() ?? path;

/** Text cut to what one property value may hold, with a note when it was cut. */
function fitted(text: string, what: string, warnings: string[]): string {
  const max = MAX_VALUE_BYTES - 1024;
  if (Buffer.byteLength(text) <= max) return text;
  let cut = text.slice(0, max);
  while (Buffer.byteLength(cut) > max) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  warnings.push(`${what}: its text is longer than one value holds; the first ${cut.length} characters are kept`);
  return cut;
}

async function allBytes(input: ImportInput, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input.open() as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > max)
      throw errors.validation(`The file is larger than the limit of ${max} bytes`, 'limits.maxTotalBytes');
    parts.push(b);
  }
  return Buffer.concat(parts);
}

interface Member {
  path: string;
  bytes: Uint8Array;
  parent?: string | undefined;
  /** Archives this file is inside. */
  depth: number;
}

function entity(line: number, record: EntityRecord, warnings: string[]): ImportItem {
  return { kind: 'entity', line, record, ...(warnings.length ? { warnings } : {}) };
}

/** The same bytes seen as a Buffer, not a copy: an archive's members are held once. */
const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

function fileItem(line: number, fileName: string, mimeType: string, content: Uint8Array, entityId: string): ImportItem {
  return { kind: 'file', line, file: { fileName, mimeType, content: asBuffer(content), entityId } };
}

/** FtM properties every document entity has: its name, type, hash, size and container. */
function fileProps(m: Member, d: Detected): Record<string, string[]> {
  return {
    fileName: [baseName(m.path)],
    mimeType: [d.mimeType],
    contentHash: [sha256(m.bytes)],
    fileSize: [String(m.bytes.length)],
    ...(d.extension ? { extension: [d.extension] } : {}),
    ...(m.parent ? { parent: [m.parent] } : {}),
  };
}

async function ocrOf(ctx: Context, image: Uint8Array, what: string, warnings: string[]): Promise<string> {
  if (!ctx.ocr) return '';
  if (!ctx.ocrAnnounced) {
    ctx.ocrAnnounced = true;
    const have = ocrLanguages(ctx.ocr.dir);
    warnings.push(`OCR languages available: ${have.join(', ') || 'none'}; read with: ${ctx.ocr.languages.join(', ')}`);
  }
  const r = await ocrImage(image, ctx.ocr, what);
  warnings.push(...r.notes);
  return r.text;
}

async function* readPdf(ctx: Context, m: Member, d: Detected, id: string): AsyncGenerator<ImportItem> {
  const line = ctx.line;
  const warnings: string[] = [];
  const pdf = await readPdfText(m.bytes);
  const name = baseName(m.path);
  const n = pdf.pages.length;
  const drawn = ctx.pageImages && n > 0 ? Math.min(n, MAX_PAGE_IMAGES) : 0;
  const pictures = drawn
    ? await renderPdfPages(m.bytes, { dpi: PAGE_DPI, first: 1, last: drawn, timeoutMs: 30_000 + 2_000 * drawn })
    : { images: [] };
  if (!pictures.images) warnings.push(`${name}: page pictures were not drawn: ${pictures.reason}`);
  else if (drawn < n) warnings.push(`${name}: pictures of the first ${drawn} of ${n} pages were drawn`);
  const props = {
    ...fileProps(m, d),
    pdfHash: [sha256(m.bytes)],
    ...(pdf.title ? { title: [pdf.title] } : {}),
    ...(pdf.author ? { author: [pdf.author] } : {}),
  };
  yield entity(line, { id, schema: 'Pages', properties: props }, warnings);
  yield fileItem(line, name, d.mimeType, m.bytes, id);
  for (const [i, found] of pdf.pages.entries()) {
    const pageId = `${id}-p${i + 1}`;
    const notes: string[] = [];
    let text = found;
    if (!text && ctx.ocr) {
      const scan = await renderPdfPages(m.bytes, { dpi: OCR_DPI, first: i + 1, last: i + 1, timeoutMs: 60_000 });
      if (scan.images?.[0]) text = await ocrOf(ctx, scan.images[0], `${name} page ${i + 1}`, notes);
      else notes.push(`${name} page ${i + 1} has no text layer and could not be drawn for OCR`);
    }
    const page = {
      document: [id],
      index: [String(i + 1)],
      ...(text ? { bodyText: [fitted(text, `page ${i + 1}`, notes)] } : {}),
    };
    yield entity(line, { id: pageId, schema: 'Page', properties: page }, notes);
    const picture = pictures.images?.[i];
    if (picture) yield fileItem(line, `${name} page ${i + 1}.png`, 'image/png', picture, pageId);
  }
}

async function* readXlsx(ctx: Context, m: Member, d: Detected, id: string): AsyncGenerator<ImportItem> {
  const line = ctx.line;
  const sheets = await readXlsxSheets(m.bytes);
  yield entity(line, { id, schema: 'Workbook', properties: fileProps(m, d) }, []);
  yield fileItem(line, baseName(m.path), d.mimeType, m.bytes, id);
  for (const [i, sheet] of sheets.entries()) {
    const warnings: string[] = [];
    const columns = Math.max(0, ...sheet.rows.map((r) => r.length));
    const props = {
      fileName: [baseName(m.path)],
      title: [sheet.name],
      parent: [id],
      rowCount: [String(sheet.rows.length)],
      ...(columns && sheet.rows[0] ? { columns: sheet.rows[0].filter(Boolean) } : {}),
      ...(sheet.rows.length ? { bodyText: [fitted(sheetText(sheet), `sheet ${sheet.name}`, warnings)] } : {}),
    };
    yield entity(line, { id: `${id}-s${i + 1}`, schema: 'Table', properties: props }, warnings);
  }
}

/** One file, and for an archive every file in it. */
async function* readFile(ctx: Context, m: Member): AsyncGenerator<ImportItem> {
  ctx.line++;
  const line = ctx.line;
  const d = await detectDocument(m.bytes);
  const id = idOf(ctx, m.path);
  const name = baseName(m.path);
  const warnings: string[] = [];
  const one = (schema: string, text?: string) => {
    // What kept the file from being read (no language data, an unknown type) stays on the entity too.
    // Without the path, which names the imported file: importing it under another name changes nothing.
    const unread = warnings
      .filter((w) => / could not be read| not recognised/.test(w))
      .map((w) => (w.startsWith(`${m.path}: `) ? w.slice(m.path.length + 2) : w));
    const props = {
      ...fileProps(m, d),
      ...(text ? { bodyText: [fitted(text, name, warnings)] } : {}),
      ...(unread.length ? { processingError: unread } : {}),
    };
    return [entity(line, { id, schema, properties: props }, warnings), fileItem(line, name, d.mimeType, m.bytes, id)];
  };
  if (d.kind === 'pdf') yield* readPdf(ctx, m, d, id);
  else if (d.kind === 'xlsx') yield* readXlsx(ctx, m, d, id);
  else if (d.kind === 'docx') yield* one('Document', await readDocxText(m.bytes));
  else if (d.kind === 'odt') yield* one('Document', readOdtText(m.bytes));
  else if (d.kind === 'text') yield* one('PlainText', new TextDecoder().decode(m.bytes));
  else if (d.kind === 'image') yield* one('Image', await ocrOf(ctx, m.bytes, name, warnings));
  else if (d.kind === 'zip') yield* readArchive(ctx, m, d, id);
  else {
    warnings.push(`${m.path}: type not recognised (${d.mimeType}); kept as an evidence file without reading it`);
    yield* one('Document');
  }
}

async function* readArchive(ctx: Context, m: Member, d: Detected, id: string): AsyncGenerator<ImportItem> {
  const line = ctx.line;
  const members = unpackZip(m.bytes, ctx.budget, m.depth + 1, m.path);
  yield entity(line, { id, schema: 'Package', properties: fileProps(m, d) }, []);
  yield fileItem(line, baseName(m.path), d.mimeType, m.bytes, id);
  // Folders inside the archive become Folder entities, each in the one above it.
  const folders = new Map<string, string>();
  const folderOf = function* (dir: string): Generator<ImportItem, string> {
    if (!dir) return id;
    const known = folders.get(dir);
    if (known) return known;
    const slash = dir.lastIndexOf('/');
    const parent = yield* folderOf(slash < 0 ? '' : dir.slice(0, slash));
    const folderId = idOf(ctx, `${m.path}/${dir}/`);
    folders.set(dir, folderId);
    const props = { fileName: [baseName(dir)], parent: [parent] };
    yield entity(line, { id: folderId, schema: 'Folder', properties: props }, []);
    return folderId;
  };
  for (const member of members) {
    const slash = member.name.lastIndexOf('/');
    const parent = yield* folderOf(slash < 0 ? '' : member.name.slice(0, slash));
    yield* readFile(ctx, { path: `${m.path}/${member.name}`, bytes: member.bytes, parent, depth: m.depth + 1 });
  }
}

export const documentImporter: Importer<DocumentOptions> = {
  format: 'document',
  label: 'Seized document (PDF, office file, archive, picture)',
  async *parse(input, options) {
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
    const bytes = await allBytes(input, limits.maxTotalBytes);
    const ctx: Context = {
      rootHash: sha256(bytes),
      rootName: input.fileName,
      budget: new ArchiveBudget(limits),
      ocr: options.ocr === false ? null : ocrSettings(options.languages),
      pageImages: options.pageImages !== false,
      line: 0,
      ocrAnnounced: false,
    };
    yield* readFile(ctx, { path: input.fileName, bytes, depth: 0 });
  },
};
