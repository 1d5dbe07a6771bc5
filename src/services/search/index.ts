/** The search capability's public face: what routes, the CLI and other capabilities may use. */
export * from './global.ts';
export * from './search.ts';
export * from './transactions.ts';
