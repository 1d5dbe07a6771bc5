/** The cases capability's public face: what routes, the CLI and other capabilities may use. */
export * from './cases.ts';
export * from './members.ts';
export * from './notes.ts';
export * from './retention.ts';
export * from './sharing.ts';
