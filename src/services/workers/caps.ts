/**
 * Caps on heavy operations (reports, imports, large batches, chart imports): at most `perUser`
 * at once for one user and `perDeployment` for everyone. A user at their own cap is refused at
 * once (429 with Retry-After); below it, a request beyond the deployment cap waits in a fair
 * queue — users take turns, so one user's many requests do not starve another's one — and is
 * refused when it has waited `maxWaitMs`. The cap sits behind `WorkCaps` so a deployment of
 * several processes can put a shared one in its place (`useWorkCaps`).
 */
import { AppError } from '../../shared/errors.ts';

export type HeavyKind = 'report' | 'import' | 'batch' | 'chart-import' | 'rules';

/** Gives back the slot; calling it twice gives back one slot. */
export type Release = () => void;

export interface WorkCaps {
  /** A slot for `userId`, or an `AppError` `rate_limited` carrying `retryAfterSeconds`. */
  acquire(userId: string, kind: HeavyKind): Promise<Release>;
}

export interface CapLimits {
  perUser: number;
  perDeployment: number;
  /** How long a request may wait for a deployment slot. */
  maxWaitMs: number;
  /** Seconds a refused client is told to wait. */
  retryAfterSeconds: number;
}

const envNumber = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export const defaultCapLimits = (): CapLimits => ({
  perUser: envNumber('ELECT_HEAVY_PER_USER', 2),
  perDeployment: envNumber('ELECT_HEAVY_PER_DEPLOYMENT', 8),
  maxWaitMs: envNumber('ELECT_HEAVY_MAX_WAIT_MS', 30_000),
  retryAfterSeconds: envNumber('ELECT_HEAVY_RETRY_AFTER_S', 5),
});

const busy = (message: string, seconds: number): AppError => {
  const e = new AppError('rate_limited', message);
  e.retryAfterSeconds = seconds;
  return e;
};

interface Waiter {
  userId: string;
  grant: () => void;
}

/** The caps of this one process. */
export class LocalWorkCaps implements WorkCaps {
  private readonly running = new Map<string, number>();
  private total = 0;
  /** Waiting requests per user, and the order in which users take turns. */
  private readonly queues = new Map<string, Waiter[]>();
  private turn: string[] = [];

  constructor(readonly limits: CapLimits = defaultCapLimits()) {}

  async acquire(userId: string, kind: HeavyKind): Promise<Release> {
    const mine = (this.running.get(userId) ?? 0) + (this.queues.get(userId)?.length ?? 0);
    if (mine >= this.limits.perUser)
      throw busy(
        `You already have ${mine} heavy operations running (at most ${this.limits.perUser}); ` +
          `try the ${kind} again when one has finished`,
        this.limits.retryAfterSeconds,
      );
    if (this.total < this.limits.perDeployment && this.turn.length === 0) return this.take(userId);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { userId, grant: () => resolve(this.take(userId)) };
      const queue = this.queues.get(userId) ?? [];
      if (!queue.length) this.turn.push(userId);
      queue.push(waiter);
      this.queues.set(userId, queue);
      setTimeout(() => {
        if (!this.dequeue(waiter)) return;
        reject(busy(`The server is busy with other users' work; try the ${kind} again`, this.limits.retryAfterSeconds));
      }, this.limits.maxWaitMs).unref();
    });
  }

  private take(userId: string): Release {
    this.total++;
    this.running.set(userId, (this.running.get(userId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
      this.next();
    };
  }

  /** Grants free slots to waiting users in turn. */
  private next(): void {
    while (this.total < this.limits.perDeployment && this.turn.length) {
      const userId = this.turn.shift() ?? '';
      const queue = this.queues.get(userId) ?? [];
      const waiter = queue.shift();
      if (queue.length) this.turn.push(userId);
      else this.queues.delete(userId);
      waiter?.grant();
    }
  }

  private dequeue(waiter: Waiter): boolean {
    const queue = this.queues.get(waiter.userId);
    const at = queue?.indexOf(waiter) ?? -1;
    if (!queue || at < 0) return false;
    queue.splice(at, 1);
    if (!queue.length) {
      this.queues.delete(waiter.userId);
      this.turn = this.turn.filter((u) => u !== waiter.userId);
    }
    return true;
  }
}

let caps: WorkCaps = new LocalWorkCaps();

/** Puts another implementation (or other limits) in place. */
export function useWorkCaps(next: WorkCaps): void {
  caps = next;
}

/** Runs `work` holding one of the user's heavy-operation slots. */
export async function withHeavySlot<T>(userId: string, kind: HeavyKind, work: () => Promise<T>): Promise<T> {
  const release = await caps.acquire(userId, kind);
  try {
    return await work();
  } finally {
    release();
  }
}

/** A slot held past the request (a background job), released by the job. */
export const heavySlot = (userId: string, kind: HeavyKind): Promise<Release> => caps.acquire(userId, kind);
