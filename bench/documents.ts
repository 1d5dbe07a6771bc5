/**
 * Seized documents: an archive of PDFs imported as format `document` (pages per second; page
 * pictures off, then on), beside pdf.js reading the same PDFs' text alone, in the same run.
 * BENCH_DOCUMENT_PDFS sets how many PDFs (default 40, 5 pages each).
 */
import { readPdfText } from '../src/ingest/documents/pdf.ts';
import { documentImporter } from '../src/ingest/documents/importer.ts';
import { writePdf, writeZip } from '../src/ingest/documents/samples.testing.ts';
import { memoryInput } from '../src/ingest/files.ts';
import { createCase } from '../src/services/cases/index.ts';
import { runImport } from '../src/services/imports/index.ts';
import { Store } from '../src/store/store.ts';
import { testActor } from '../test/support/api.ts';
import { fmt, report, time } from './support.ts';

export async function documentsBench(): Promise<void> {
  const count = Number(process.env.BENCH_DOCUMENT_PDFS ?? 40);
  const perPdf = 5;
  const pdfs: Uint8Array[] = [];
  for (let i = 0; i < count; i++)
    pdfs.push(
      await writePdf(
        Array.from({ length: perPdf }, (_, p) =>
          Array.from({ length: 30 }, (_, l) => `Līgums ${i}, lapa ${p + 1}, rinda ${l + 1}: alga 450 EUR mēnesī`),
        ),
        10,
      ),
    );
  const zip = writeZip(Object.fromEntries(pdfs.map((b, i) => [`contracts/c${i}.pdf`, b])));
  const pages = count * perPdf;
  console.log(
    `\nSeized documents: ${fmt(count)} PDFs of ${perPdf} pages in one ZIP (${fmt(zip.length)} bytes, SQLite)`,
  );
  // Warm pdf.js up first, so the baseline does not pay for loading it.
  if (pdfs[0]) await readPdfText(pdfs[0]);
  const alone = await time(async () => {
    for (const b of pdfs) await readPdfText(b);
  });
  const store = await Store.open({ sqliteFile: ':memory:' });
  try {
    const actor = await testActor(store, 'bench-documents', 'investigator');
    const once = async (pageImages: boolean) => {
      const caseId = (await createCase(store, actor, { title: `bench ${String(pageImages)}`, country: 'LV' })).id;
      return time(() =>
        runImport(store, actor, caseId, documentImporter, memoryInput('seized.zip', Buffer.from(zip)), {
          ocr: false,
          pageImages,
        }),
      );
    };
    const text = await once(false);
    report(
      'PDF pages imported (text, entities, encrypted files), against pdf.js text alone',
      { label: 'import, no page pictures', rows: pages, ms: text.ms },
      { label: 'pdf.js getTextContent alone', rows: pages, ms: alone.ms },
    );
    const drawn = await once(true);
    report(
      'PDF pages imported with page pictures (pdftoppm, 100 dpi), against pdf.js text alone',
      { label: 'import with page pictures', rows: pages, ms: drawn.ms },
      { label: 'pdf.js getTextContent alone', rows: pages, ms: alone.ms },
    );
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await documentsBench();
