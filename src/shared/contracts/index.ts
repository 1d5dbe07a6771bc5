export * from './common.ts';
export * from './cases.ts';
export * from './entities.ts';
export * from './search.ts';
export * from './access.ts';
