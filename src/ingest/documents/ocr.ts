/**
 * Optical character recognition through Debian's `tesseract` program, run as a child process
 * (execFile: no shell) with a time limit, and page images of PDFs through poppler's `pdftoppm`.
 * The language data is read from one folder (`ELECT_TESSDATA`, else Debian's); the platform says
 * which languages it has, and a read that asks for others says which data is missing instead
 * of failing. Nothing here reaches the network.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
/**
 * The languages asked for when an import names none: the region's. Tesseract leans on the first,
 * so those written with diacritics lead (English first reads `līgums` as `ligums`).
 */
export const DEFAULT_OCR_LANGUAGES = ['lav', 'est', 'fin', 'eng', 'rus', 'ukr'] as const;

export const tessdataDir = (): string => process.env.ELECT_TESSDATA ?? DEFAULT_TESSDATA;
const tesseractProgram = (): string => process.env.ELECT_TESSERACT ?? 'tesseract';
const pdftoppmProgram = (): string => process.env.ELECT_PDFTOPPM ?? 'pdftoppm';

/** The OCR languages whose data the folder holds (`osd`, script detection, is no language). */
export function ocrLanguages(dir = tessdataDir()): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.traineddata'))
      .map((f) => f.slice(0, -'.traineddata'.length))
      .filter((l) => l !== 'osd')
      .sort();
  } catch {
    return [];
  }
}

export interface OcrSettings {
  languages: readonly string[];
  dir: string;
  /** Per image, in milliseconds. */
  timeoutMs: number;
}

export const ocrSettings = (languages?: readonly string[], timeoutMs = 60_000): OcrSettings => ({
  languages: languages?.length ? languages : DEFAULT_OCR_LANGUAGES,
  dir: tessdataDir(),
  timeoutMs,
});

export interface OcrResult {
  text: string;
  /** The languages read with. */
  languages: string[];
  /** What a person should know: language data missing, the program absent, a page not read. */
  notes: string[];
}

function run(program: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, out) =>
      err ? reject(err) : resolve(out),
    );
  });
}

const why = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException & { killed?: boolean };
  if (err.code === 'ENOENT') return 'the OCR program is not installed';
  if (err.killed) return 'the OCR program ran out of time';
  return (err.message || String(e)).split('\n')[0] ?? 'unknown error';
};

/** Whether the OCR program can be run at all. */
export async function ocrAvailable(): Promise<boolean> {
  try {
    await run(tesseractProgram(), ['--version'], 10_000);
    return true;
  } catch {
    return false;
  }
}

async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'elect-ocr-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads the text of one PNG, JPEG or TIFF picture. Never throws: what went wrong is a note. */
export async function ocrImage(image: Uint8Array, s: OcrSettings, what = 'the image'): Promise<OcrResult> {
  const have = new Set(ocrLanguages(s.dir));
  const languages = s.languages.filter((l) => have.has(l));
  const missing = s.languages.filter((l) => !have.has(l));
  const notes = missing.length ? [`OCR language data missing in ${s.dir}: ${missing.join(', ')}`] : [];
  if (!languages.length)
    return { text: '', languages, notes: [...notes, `${what} could not be read: no language data`] };
  return inTempDir(async (tmp) => {
    const file = join(tmp, 'image');
    await writeFile(file, image);
    try {
      const out = await run(
        tesseractProgram(),
        [file, 'stdout', '--tessdata-dir', s.dir, '-l', languages.join('+')],
        s.timeoutMs,
      );
      const text = out
        .replace(/\f/g, '')
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
      if (!text) notes.push(`${what}: OCR found no text`);
      return { text, languages, notes };
    } catch (e) {
      return { text: '', languages, notes: [...notes, `${what} could not be read: ${why(e)}`] };
    }
  });
}

/**
 * The pages of a PDF as PNG pictures at `dpi`, in page order (pages `first`…`last`, 1-based);
 * null with the reason when they cannot be drawn (the program absent, out of time).
 */
export async function renderPdfPages(
  pdf: Uint8Array,
  opts: { dpi: number; first: number; last: number; timeoutMs: number },
): Promise<{ images: Buffer[] } | { images: null; reason: string }> {
  return inTempDir(async (tmp) => {
    const file = join(tmp, 'doc.pdf');
    await writeFile(file, pdf);
    try {
      const args = ['-r', String(opts.dpi), '-f', String(opts.first), '-l', String(opts.last), '-png'];
      await run(pdftoppmProgram(), [...args, file, join(tmp, 'page')], opts.timeoutMs);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the PDF renderer is not installed' : why(e);
      return { images: null, reason };
    }
    // pdftoppm numbers pages with as many digits as the last page needs: sorting by the number keeps the order.
    const names = (await readdir(tmp)).filter((f) => /^page-\d+\.png$/.test(f));
    names.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
    return { images: await Promise.all(names.map((n) => readFile(join(tmp, n)))) };
  });
}
