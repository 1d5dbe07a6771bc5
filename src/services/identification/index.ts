/** The identification capability's public face: what routes, the CLI and other capabilities may use. */
export * from './assessments.ts';
export * from './catalogueCsv.ts';
export * from './catalogues.ts';
export * from './fill.ts';
export * from './legalMatrix.ts';
