/** The prosecution capability's public face: what routes, the CLI and other capabilities may use. */
export * from './anx.ts';
export * from './evidenceRegister.ts';
export * from './figures.ts';
export * from './report.ts';
export * from './reportJobs.ts';
export * from './reportPdf.ts';
export * from './victimFile.ts';
