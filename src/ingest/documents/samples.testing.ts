/**
 * Small seized-file samples written in the tests, so each test shows what its file holds: PDFs
 * through pdf-lib with DejaVu Sans (Latvian and Cyrillic letters), DOCX and ODT as the minimal
 * XML parts zipped with fflate, XLSX through the bank tests' writer, pictures of printed lines
 * drawn as a PDF and rasterised with pdftoppm. Not used by the importers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { PDFDocument } from 'pdf-lib';

export { writeXlsx } from '../bank/xlsx.testing.ts';

const require = createRequire(import.meta.url);
const font = (): Uint8Array =>
  new Uint8Array(
    readFileSync(require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/DejaVuSans.ttf')),
  );

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A PDF with one page per entry, each page's lines printed top down; an empty entry is a blank page. */
export async function writePdf(pages: readonly (readonly string[])[], size = 14): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const f = await doc.embedFont(font(), { subset: true });
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((text, i) => page.drawText(text, { x: 50, y: 780 - i * size * 2, size, font: f }));
  }
  return doc.save();
}

/** A picture of printed lines (drawn as a PDF page, rasterised by pdftoppm at 300 dpi): PNG, JPEG or TIFF. */
export async function writePicture(lines: readonly string[], format: 'png' | 'jpeg' | 'tiff' = 'png'): Promise<Buffer> {
  const pdf = await writePdf([lines], 18);
  const dir = mkdtempSync(join(tmpdir(), 'elect-sample-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '300', `-${format}`, '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
    return readFileSync(join(dir, `out.${format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : 'png'}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const writePng = (lines: readonly string[]): Promise<Buffer> => writePicture(lines, 'png');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A DOCX whose body holds one paragraph per entry. */
export function writeDocx(paragraphs: readonly string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

/** An ODT whose text holds one paragraph per entry (the mimetype part first and stored, as ODF asks). */
export function writeOdt(paragraphs: readonly string[]): Uint8Array {
  const body = paragraphs.map((p) => `<text:p>${esc(p)}</text:p>`).join('');
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'META-INF/manifest.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ),
    'content.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content ' +
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
        `<office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  });
}

/** A ZIP of the given files (paths with folders as `a/b.txt`). */
export const writeZip = (files: Record<string, Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level }]])) as Zippable);

/** An archive nested `depth` deep: each level holds the next and one text file. */
export function nestedZip(depth: number): Uint8Array {
  let inner = writeZip({ 'deepest.txt': strToU8('the bottom') });
  for (let d = depth - 1; d >= 1; d--)
    inner = writeZip({ [`level${d + 1}.zip`]: inner, [`note${d}.txt`]: strToU8(`level ${d}`) });
  return inner;
}

/** A classic bomb: 10 MB of zeros compressed to a few kilobytes, zipped once more. */
export const zipBomb = (): Uint8Array =>
  writeZip({
    'inner.zip': writeZip({ 'zeros.bin': new Uint8Array(10 * 1024 * 1024) }, 9),
    'readme.txt': strToU8('hi'),
  });
