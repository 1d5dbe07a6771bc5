/**
 * The platform's one way to write a PDF: pdf-lib with DejaVu Sans embedded (shipped in the
 * `dejavu-fonts-ttf` package; it covers Finnish, Estonian, Latvian, Lithuanian, Polish and
 * Cyrillic), A4 pages, text that wraps and flows onto new pages, and a footer on each page.
 * Certificates and the prosecutor's case report use it; figures (the chain view, link charts)
 * are drawn as vector graphics with `figure`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';

const require = createRequire(import.meta.url);
const fontDir = (): string => require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
const fontBytes = () =>
  (fonts ??= {
    regular: new Uint8Array(readFileSync(`${fontDir()}DejaVuSans.ttf`)),
    bold: new Uint8Array(readFileSync(`${fontDir()}DejaVuSans-Bold.ttf`)),
  });

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const A4_LANDSCAPE = { width: A4.height, height: A4.width } as const;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  align?: 'left' | 'center';
  /** Space after the paragraph, in points. */
  after?: number;
}

export interface PdfOptions {
  title: string;
  author?: string;
  subject?: string;
  page?: { width: number; height: number };
  margin?: number;
  /** Written at the bottom of every page (a watermark, a reference). */
  footer?: string;
}

/** A drawing area reserved on the page: origin at its top-left, y downwards, in points. */
export interface Figure {
  width: number;
  height: number;
  rect(x: number, y: number, w: number, h: number, style?: { fill?: RGB; border?: RGB; borderWidth?: number }): void;
  line(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    style?: { color?: RGB; thickness?: number; arrow?: boolean },
  ): void;
  /** Text at (x, y) — y is the baseline — cut with an ellipsis to `maxWidth` when given. */
  label(
    text: string,
    x: number,
    y: number,
    style?: { size?: number; bold?: boolean; color?: RGB; maxWidth?: number },
  ): void;
  /** The width of `text` at `size`, to fit labels before drawing them. */
  measure(text: string, size: number, bold?: boolean): number;
}

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly opts: Required<Pick<PdfOptions, 'page' | 'margin'>> & PdfOptions,
  ) {
    this.newPage();
  }

  static async create(opts: PdfOptions): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const { regular, bold } = fontBytes();
    const r = await doc.embedFont(regular, { subset: true });
    const b = await doc.embedFont(bold, { subset: true });
    doc.setTitle(opts.title);
    doc.setProducer('ELECT THB platform');
    doc.setCreator('ELECT THB platform');
    if (opts.author) doc.setAuthor(opts.author);
    if (opts.subject) doc.setSubject(opts.subject);
    // A fixed creation date would hide when it was made; the real one is the honest record.
    doc.setCreationDate(new Date());
    return new PdfWriter(doc, r, b, { page: A4, margin: 56, ...opts });
  }

  get width(): number {
    return this.opts.page.width - 2 * this.opts.margin;
  }

  newPage(): void {
    this.page = this.doc.addPage([this.opts.page.width, this.opts.page.height]);
    this.y = this.opts.page.height - this.opts.margin;
    if (this.opts.footer) {
      this.page.drawText(this.opts.footer, {
        x: this.opts.margin,
        y: this.opts.margin / 2,
        size: 8,
        font: this.regular,
        color: rgb(0.4, 0.42, 0.46),
      });
    }
  }

  /** Moves down; starts a new page when the space left is less than `points`. */
  space(points: number): void {
    this.y -= points;
    if (this.y < this.opts.margin) this.newPage();
  }

  /** Lines of `text` no wider than the writing area, breaking at spaces (and inside over-long words). */
  wrap(text: string, size: number, bold = false): string[] {
    const font = bold ? this.bold : this.regular;
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= this.width;
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      // Breaks at ordinary spaces only: no-break spaces keep an amount, a date or a sign together.
      for (const word of para.split(/[ \t]+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (fits(next)) {
          line = next;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (!fits(line) && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && !fits(line.slice(0, cut))) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 11;
    const font = style.bold ? this.bold : this.regular;
    for (const line of this.wrap(text, size, style.bold)) {
      this.space(size * 1.35);
      const x =
        style.align === 'center'
          ? this.opts.margin + (this.width - font.widthOfTextAtSize(line, size)) / 2
          : this.opts.margin;
      this.page.drawText(line, { x, y: this.y, size, font, color: style.color ?? rgb(0.11, 0.14, 0.19) });
    }
    if (style.after) this.space(style.after);
  }

  /** A horizontal rule across the writing area. */
  rule(color: RGB = rgb(0.18, 0.36, 0.6), thickness = 1.5): void {
    this.space(8);
    this.page.drawLine({
      start: { x: this.opts.margin, y: this.y },
      end: { x: this.opts.margin + this.width, y: this.y },
      thickness,
      color,
    });
    this.space(8);
  }

  /** A frame around the page (certificates). */
  frame(color: RGB = rgb(0.18, 0.36, 0.6)): void {
    const m = this.opts.margin / 2;
    this.page.drawRectangle({
      x: m,
      y: m,
      width: this.opts.page.width - 2 * m,
      height: this.opts.page.height - 2 * m,
      borderColor: color,
      borderWidth: 2,
    });
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  /** Starts a new page unless `points` still fit on this one (keeps a heading with what follows). */
  keep(points: number): void {
    if (this.y - points < this.opts.margin) this.newPage();
  }

  /** Reserves `height` points across the writing area (a new page when they do not fit) and draws in it. */
  figure(height: number, draw: (g: Figure) => void): void {
    const h = Math.min(height, this.opts.page.height - 2 * this.opts.margin);
    this.keep(h + 4);
    const top = this.y - 4;
    const left = this.opts.margin;
    const page = this.page;
    const fit = (text: string, font: PDFFont, size: number, max: number | undefined) => {
      if (max === undefined || font.widthOfTextAtSize(text, size) <= max) return text;
      let t = text;
      while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > max) t = t.slice(0, -1);
      return `${t}…`;
    };
    draw({
      width: this.width,
      height: h,
      rect: (x, y, w, hh, st = {}) =>
        page.drawRectangle({
          x: left + x,
          y: top - y - hh,
          width: w,
          height: hh,
          ...(st.fill ? { color: st.fill } : {}),
          ...(st.border ? { borderColor: st.border, borderWidth: st.borderWidth ?? 0.8 } : {}),
        }),
      line: (x1, y1, x2, y2, st = {}) => {
        const color = st.color ?? rgb(0.45, 0.5, 0.58);
        const thickness = st.thickness ?? 0.8;
        page.drawLine({ start: { x: left + x1, y: top - y1 }, end: { x: left + x2, y: top - y2 }, thickness, color });
        if (!st.arrow) return;
        const ang = Math.atan2(-(y2 - y1), x2 - x1);
        for (const d of [Math.PI * 0.85, -Math.PI * 0.85]) {
          page.drawLine({
            start: { x: left + x2, y: top - y2 },
            end: { x: left + x2 + 5 * Math.cos(ang + d), y: top - y2 + 5 * Math.sin(ang + d) },
            thickness,
            color,
          });
        }
      },
      label: (text, x, y, st = {}) => {
        const font = st.bold ? this.bold : this.regular;
        const size = st.size ?? 7;
        page.drawText(fit(text.replace(/[ \t\n]+/g, ' '), font, size, st.maxWidth), {
          x: left + x,
          y: top - y,
          size,
          font,
          color: st.color ?? rgb(0.11, 0.14, 0.19),
        });
      },
      measure: (text, size, bold) => (bold ? this.bold : this.regular).widthOfTextAtSize(text, size),
    });
    this.y = top - h;
    this.space(6);
  }

  async bytes(): Promise<Uint8Array> {
    // Without object streams: older readers and archiving tools read the file as it is.
    return this.doc.save({ useObjectStreams: false });
  }
}
