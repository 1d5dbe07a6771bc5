/** The access capability's public face: what routes, the CLI and other capabilities may use. */
export * from './account.ts';
export * from './actor.ts';
export * from './admin.ts';
export * from './handlingCodes.ts';
export * from './passwords.ts';
export * from './policy.ts';
export * from './sessions.ts';
export * from './totp.ts';
export * from './users.ts';
export * from './visibility.ts';
export * from './ownership.ts';
