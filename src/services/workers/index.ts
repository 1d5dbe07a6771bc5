export { asOutcome, closePool, poolThreads, runTask, tasksRun } from './pool.ts';
export type { TaskOutcome } from './pool.ts';
export { defaultCapLimits, heavySlot, LocalWorkCaps, useWorkCaps, withHeavySlot } from './caps.ts';
export type { CapLimits, HeavyKind, Release, WorkCaps } from './caps.ts';
export { SharedWorkCaps } from './sharedCaps.ts';
