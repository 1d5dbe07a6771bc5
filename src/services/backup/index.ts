/** The backup capability's public face: what routes, the CLI and other capabilities may use. */
export * from './archive.ts';
export * from './backup.ts';
export * from './evidence.ts';
