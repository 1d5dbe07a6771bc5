/**
 * The common shapes with the contracts that many routes and pages use together (cases, entities,
 * search, access). Every other capability's contracts are imported from their own file.
 */
export * from './common.ts';
export * from './cases.ts';
export * from './entities.ts';
export * from './search.ts';
export * from './access.ts';
