/** The imports capability's public face: what routes, the CLI and other capabilities may use. */
export * from './pipeline.ts';
export * from './fileImports.ts';
export { ImportDesk, MAX_MESSAGES } from './desk.ts';
export type { SpooledFile, StagedUpload } from './desk.ts';
export { allImporters, checkOptions, describeFormats, importerFor } from './formats.ts';
export * from './savedMappings.ts';
export * from './wizard.ts';
export * from './statementFiles.ts';
export * from './guess.ts';
export { importJobKind } from './importJob.ts';
export { ocrLanguages } from '../../ingest/documents/ocr.ts';
export { importRulesFor } from './ownership.ts';
