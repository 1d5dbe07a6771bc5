import { strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryInput } from '../files.ts';
import type { ImportItem } from '../types.ts';
import { documentImporter, type DocumentOptions } from './importer.ts';
import { writePdf, writeZip } from './samples.testing.ts';

const collect = async (name: string, bytes: Uint8Array, options: DocumentOptions = { ocr: false }) => {
  const items: ImportItem[] = [];
  for await (const item of documentImporter.parse(memoryInput(name, Buffer.from(bytes)), options)) items.push(item);
  return items;
};
const entities = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'entity' ? [i] : []));
const files = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'file' ? [i.file] : []));

describe('seized documents as import items', () => {
  const saved = process.env.ELECT_PDFTOPPM;
  afterEach(() => {
    if (saved === undefined) delete process.env.ELECT_PDFTOPPM;
    else process.env.ELECT_PDFTOPPM = saved;
  });

  it('keeps a PDF with its text when its pages cannot be drawn, and says why', async () => {
    process.env.ELECT_PDFTOPPM = '/nonexistent/pdftoppm';
    const items = await collect('c.pdf', await writePdf([['one'], ['two']]));
    const [pages] = entities(items);
    expect(pages?.warnings).toEqual(['c.pdf: page pictures were not drawn: the PDF renderer is not installed']);
    expect(entities(items).map((e) => [e.record.schema, e.record.properties.bodyText?.[0]])).toEqual([
      ['Pages', undefined],
      ['Page', 'one'],
      ['Page', 'two'],
    ]);
    expect(files(items).map((f) => f.fileName)).toEqual(['c.pdf']);
  });

  it('cuts text longer than one value holds, saying so, and keeps the whole file', async () => {
    const long = 'Läbirääkimised. '.repeat(6000);
    const items = await collect('long.txt', strToU8(long));
    const [text] = entities(items);
    const kept = text?.record.properties.bodyText?.[0] ?? '';
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(64 * 1024);
    expect(long.startsWith(kept)).toBe(true);
    expect(text?.warnings?.[0]).toMatch(
      /^long\.txt: its text is longer than one value holds; the first \d+ characters/,
    );
    expect(files(items)[0]?.content.length).toBe(Buffer.byteLength(long));
  });

  it("gives an archive's folders as Folder entities, each in the one above, and ids that do not depend on the name", async () => {
    const zip = writeZip({ 'a/b/c.txt': strToU8('deep'), 'a/d.txt': strToU8('shallow') });
    const first = entities(await collect('one.zip', zip));
    const again = entities(await collect('renamed.zip', zip));
    const byName = (n: string) => first.find((e) => e.record.properties.fileName?.[0] === n)?.record;
    expect(first.map((e) => e.record.schema)).toEqual(['Package', 'Folder', 'Folder', 'PlainText', 'PlainText']);
    expect(byName('b')?.properties.parent).toEqual([byName('a')?.id]);
    expect(byName('c.txt')?.properties.parent).toEqual([byName('b')?.id]);
    expect(byName('d.txt')?.properties.parent).toEqual([byName('a')?.id]);
    expect(again.map((e) => e.record.id)).toEqual(first.map((e) => e.record.id));
  });
});
