/** The demo capability's public face: what routes, the CLI and other capabilities may use. */
export * from './demo.ts';
export * from './fromSources.ts';
export * from './setup.ts';
export * from './sources.ts';
