/** The captures capability's public face: what routes, the CLI and other capabilities may use. */
export * from './captures.ts';
export * from './evidence.ts';
export * from './networks.ts';
export * from './useCases.ts';
