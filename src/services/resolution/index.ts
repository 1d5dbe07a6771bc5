/** The resolution capability's public face: what routes, the CLI and other capabilities may use. */
export * from './merge.ts';
export * from './resolution.ts';
