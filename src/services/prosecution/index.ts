/**
 * The prosecution capability's public face: the case report and its jobs, the evidence register,
 * chart exchange with i2 Analyst's Notebook, and the victim's proceedings file — each a use case.
 */
export { caseEvidenceRegister, caseReportJob, caseReportPdf, reportProgress, startCaseReport } from './caseReport.ts';
export { chartExport, chartImport } from './chartExchange.ts';
export { reportJobKind } from './reportJobs.ts';
export type { ChartFile, ChartFormat } from './chartExchange.ts';
export {
  acknowledgeVictimReminder,
  caseVictims,
  saveVictimFileOf,
  victimClaim,
  victimFile,
} from './victimFileUseCases.ts';
