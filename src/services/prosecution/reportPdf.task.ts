/** Pool task: draws a gathered report as a PDF on a worker thread (fonts, layout, figures). */
import { asOutcome } from '../workers/index.ts';
import type { TaskOutcome } from '../workers/index.ts';
import type { ReportData } from './report.ts';
import { renderReport } from './reportPdf.ts';

export default function renderReportTask(data: ReportData): Promise<TaskOutcome<{ bytes: Uint8Array; pages: number }>> {
  return asOutcome(() => renderReport(data));
}
