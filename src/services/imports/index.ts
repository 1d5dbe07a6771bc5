/** The imports capability's public face: what routes, the CLI and other capabilities may use. */
export * from './pipeline.ts';
export * from './fileImports.ts';
