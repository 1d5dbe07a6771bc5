/**
 * The audit capability: writing records (record.ts), reading, exporting and verifying them (log.ts)
 * and the use cases that do so for the people who check the trail (trail.ts).
 */
export * from './record.ts';
export * from './log.ts';
export * from './trail.ts';
