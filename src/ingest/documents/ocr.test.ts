import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithPrograms } from '../../../test/support/programs.ts';
import { memoryInput } from '../files.ts';
import type { ImportItem } from '../types.ts';
import { documentImporter } from './importer.ts';
import { DEFAULT_TESSDATA, ocrImage, ocrLanguages, ocrSettings } from './ocr.ts';
import { writePdf, writePicture, writePng } from './samples.testing.ts';

const LATVIAN = 'Darba līgums ar ārzemju strādnieku';
const ENGLISH = 'Employment contract for a foreign worker';

const collect = async (name: string, bytes: Uint8Array, options = {}) => {
  const items: ImportItem[] = [];
  for await (const item of documentImporter.parse(memoryInput(name, Buffer.from(bytes)), options)) items.push(item);
  return items;
};
const entities = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'entity' ? [i] : []));

describeWithPrograms(['tesseract', 'pdftoppm'], 'OCR of pictures and scanned pages', () => {
  it('says which languages it has', () => {
    expect(ocrLanguages(DEFAULT_TESSDATA)).toEqual(expect.arrayContaining(['eng', 'est', 'fin', 'lav', 'rus', 'ukr']));
    expect(ocrLanguages(DEFAULT_TESSDATA)).not.toContain('osd');
  });

  it('reads a Latvian and an English printed line from a picture', async () => {
    const r = await ocrImage(await writePng([LATVIAN, ENGLISH]), ocrSettings());
    expect(r.notes).toEqual([]);
    expect(r.text.split('\n').filter(Boolean)).toEqual([LATVIAN, ENGLISH]);
  }, 60_000);

  it('imports a picture named as text as an Image with its text, and says which languages it read with', async () => {
    const items = await collect('notes.txt', await writePng([LATVIAN, ENGLISH]), { languages: ['lav', 'eng'] });
    const [image] = entities(items);
    expect(image?.record.schema).toBe('Image');
    expect(image?.record.properties.mimeType).toEqual(['image/png']);
    expect(image?.record.properties.bodyText?.[0]).toBe(`${LATVIAN}\n\n${ENGLISH}`);
    expect(image?.warnings).toEqual([expect.stringMatching(/^OCR languages available: .*lav.*; read with: lav, eng$/)]);
  }, 60_000);

  it('reads JPEG and TIFF pictures by their bytes, whatever their names', async () => {
    for (const [format, mime] of [
      ['jpeg', 'image/jpeg'],
      ['tiff', 'image/tiff'],
    ] as const) {
      const items = await collect('photo.png', await writePicture([ENGLISH], format), { languages: ['eng'] });
      const [image] = entities(items);
      expect(image?.record.properties.mimeType).toEqual([mime]);
      expect(image?.record.properties.bodyText).toEqual([ENGLISH]);
    }
  }, 60_000);

  it('reads a PDF page without a text layer by OCR', async () => {
    // A scanned page: the picture of printed lines, placed in a PDF with no text of its own.
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    const png = await doc.embedPng(await writePng([LATVIAN, ENGLISH]));
    doc.addPage([595, 842]).drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
    const text = await writePdf([['A typed first page']]);
    const first = await PDFDocument.load(text);
    const [typed] = await doc.copyPages(first, [0]);
    if (typed) doc.insertPage(0, typed);
    const items = await collect('scan.pdf', await doc.save(), { languages: ['lav', 'eng'] });
    const pages = entities(items).filter((e) => e.record.schema === 'Page');
    expect(pages.map((p) => p.record.properties.bodyText?.[0])).toEqual([
      'A typed first page',
      `${LATVIAN}\n\n${ENGLISH}`,
    ]);
  }, 90_000);

  it('without the language data, says which is missing and that the picture was not read', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'elect-no-tessdata-'));
    const saved = process.env.ELECT_TESSDATA;
    process.env.ELECT_TESSDATA = empty;
    try {
      const [image] = entities(await collect('scan.png', await writePng([ENGLISH]), { languages: ['lav', 'eng'] }));
      expect(image?.record.properties.bodyText).toBeUndefined();
      expect(image?.record.properties.processingError).toEqual(['scan.png could not be read: no language data']);
      expect(image?.warnings).toEqual([
        'OCR languages available: none; read with: lav, eng',
        `OCR language data missing in ${empty}: lav, eng`,
        'scan.png could not be read: no language data',
      ]);
    } finally {
      if (saved === undefined) delete process.env.ELECT_TESSDATA;
      else process.env.ELECT_TESSDATA = saved;
    }
  }, 60_000);
});
