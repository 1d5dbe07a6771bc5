/** The entities capability's public face: what routes, the CLI and other capabilities may use. */
export * from './entities.ts';
export * from './exports.ts';
export * from './records.ts';
export * from './rows.ts';
export * from './schemata.ts';
