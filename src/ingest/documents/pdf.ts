/**
 * A PDF's text, page by page, through pdfjs-dist's build for Node: no worker thread of its own
 * (pdf.js runs its worker code in this thread), no script evaluation, and the standard fonts read
 * from the package's own folder, so nothing is fetched. A page with no text layer (a scan) comes
 * back empty for OCR to read from its image.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { errors } from '../../shared/errors.ts';

const require = createRequire(import.meta.url);
const FONTS = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export interface PdfText {
  /** One entry per page, in order: the page's text with its lines. */
  pages: string[];
  title?: string | undefined;
  author?: string | undefined;
}

interface TextPiece {
  str?: string;
  hasEOL?: boolean;
}

export async function readPdfText(bytes: Uint8Array, maxPages = 2000): Promise<PdfText> {
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    standardFontDataUrl: FONTS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw errors.importFailed(`Not a readable PDF: ${e instanceof Error ? e.message : String(e)}`, 'file');
    });
    if (doc.numPages > maxPages)
      throw errors.importFailed(`The PDF has ${doc.numPages} pages; at most ${maxPages} are read`, 'file');
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextPiece[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n').trim());
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: unknown; Author?: unknown };
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return { pages, title: str(info.Title), author: str(info.Author) };
  } finally {
    await task.destroy();
  }
}
