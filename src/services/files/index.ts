/** The files capability's public face: what routes, the CLI and other capabilities may use. */
export * from './evidence.ts';
