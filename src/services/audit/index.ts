/** The audit capability: writing records (record.ts) and reading, exporting and verifying them (log.ts). */
export * from './record.ts';
export * from './log.ts';
