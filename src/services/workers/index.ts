export { asOutcome, closePool, poolThreads, runTask, tasksRun } from './pool.ts';
export type { TaskOutcome } from './pool.ts';
