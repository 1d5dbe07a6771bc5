/** The identification capability's public face: what routes, the CLI and other capabilities may use. */
export * from './assessments.ts';
export * from './catalogueCsv.ts';
export * from './catalogues.ts';
export * from './fill.ts';
export * from './legalMatrix.ts';
export * from './useCases.ts';
/** How the CLI prints a catalogue's text in the language asked for. */
export { textIn } from '../../domain/indicators/index.ts';
export * from './fromData.ts';
