/**
 * The one pool of worker threads for heavy work (validating large batches, drawing report PDFs),
 * so the request loop only reads bytes, authorises and writes results. A task is a module whose
 * default export takes structured-clonable input and returns structured-clonable output; errors
 * come back as values (a thread cannot throw the platform's error type across) and are thrown
 * here as the same `AppError`.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../../shared/errors.ts';
import type { ErrorCode } from '../../shared/errors.ts';

/** What a task sends back: its result, or the error it met, as plain data. */
export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; path?: string };

/** Runs `fn` and turns an `AppError` into an outcome; any other error stays an error. */
export async function asOutcome<T>(fn: () => T | Promise<T>): Promise<TaskOutcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof AppError)
      return { ok: false, code: e.code, message: e.message, ...(e.path ? { path: e.path } : {}) };
    throw e;
  }
}

let pool: Piscina | undefined;

/** Threads: ELECT_WORKERS, or one fewer than the cores (at least one). */
export function poolThreads(): number {
  const asked = Number(process.env.ELECT_WORKERS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.max(1, availableParallelism() - 1);
}

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./bootstrap.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: poolThreads(),
    idleTimeout: 60_000,
  });
  return pool;
}

let ran = 0;
/** How many tasks the pool has finished in this process (tests prove work went to the pool). */
export const tasksRun = (): number => ran;

/** Runs the task module (`new URL('./x.task.ts', import.meta.url)`) on a pool thread. */
export async function runTask<I, O>(module: URL, input: I, opts: { signal?: AbortSignal } = {}): Promise<O> {
  const run = opts.signal ? { signal: opts.signal } : {};
  const outcome = (await thePool().run({ module: module.href, input }, run)) as TaskOutcome<O>;
  ran++;
  if (outcome.ok) return outcome.value;
  throw new AppError(outcome.code, outcome.message, outcome.path);
}

/** Stops the threads (server shutdown, end of a test file). */
export async function closePool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
