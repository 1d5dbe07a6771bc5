/** What every section of the case report draws with, shared by the page frame and the sections. */
import { rgb } from 'pdf-lib';
import type { ReportLabels } from '../../domain/prosecution/labels.ts';
import type { ReportSection } from '../../domain/prosecution/report.ts';
import type { LocaleFormat } from '../../shared/locale.ts';
import type { PdfWriter } from '../pdf/index.ts';
import type { ReportData } from './report.ts';
import type { ReportWords } from './reportWords.ts';

export const MUTED = rgb(0.4, 0.42, 0.46);
export const ALERT = rgb(0.7, 0.1, 0.1);

/** What every section draws with. */
export interface Page {
  d: ReportData;
  L: ReportLabels;
  w: ReportWords;
  f: LocaleFormat;
  pdf: PdfWriter;
  /** A section heading kept on one page with the first `next` points of what follows it. */
  heading(s: ReportSection | string, next?: number): void;
  sub(t: string, next?: number): void;
  line(t: string, opts?: { color?: ReturnType<typeof rgb>; size?: number }): void;
  capped<T>(xs: readonly T[], each: (x: T) => void): void;
}
