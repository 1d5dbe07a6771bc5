/**
 * The database schema's types, kept here under their long-standing import path. The schema itself
 * lives in store/schema, one file per capability.
 */
export type * from './schema/index.ts';
export { caseScopedTables } from './schema/index.ts';
