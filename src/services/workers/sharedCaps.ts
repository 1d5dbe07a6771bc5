/**
 * The heavy-operation caps counted in the database (`store/repos/workers/heavySlots.ts`), for a
 * deployment of several server processes: a user's slots and everyone's are the same numbers in
 * every process. A user at their own cap is refused at once (429 with Retry-After); a request
 * beyond the deployment cap waits — polling, in arrival order within each process — up to
 * `maxWaitMs`. Slots are renewed while held; a killed process's slots lapse after `ttlMs`.
 */
import { AppError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { releaseHeavySlot, renewHeavySlots, takeHeavySlot } from '../../store/repos/workers/heavySlots.ts';
import type { Store } from '../../store/store.ts';
import { defaultCapLimits } from './caps.ts';
import type { CapLimits, HeavyKind, Release, WorkCaps } from './caps.ts';

const busy = (message: string, seconds: number): AppError => {
  const e = new AppError('rate_limited', message);
  e.retryAfterSeconds = seconds;
  return e;
};

export class SharedWorkCaps implements WorkCaps {
  private readonly holder = `${process.pid}-${uuidv7()}`;
  private readonly held = new Set<string>();
  private renewer: NodeJS.Timeout | null = null;
  /** Releases still being written: this process's next acquire counts after them. */
  private releasing = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    readonly limits: CapLimits = defaultCapLimits(),
    private readonly ttlMs = 30_000,
    private readonly pollMs = 100,
  ) {}

  async acquire(userId: string, kind: HeavyKind): Promise<Release> {
    const giveUpAt = Date.now() + this.limits.maxWaitMs;
    await Promise.all(this.releasing);
    for (;;) {
      const now = Date.now();
      const id = uuidv7();
      const outcome = await takeHeavySlot(
        this.store.db,
        {
          id,
          user_id: userId,
          kind,
          holder: this.holder,
          acquired_at: new Date(now).toISOString(),
          held_until: new Date(now + this.ttlMs).toISOString(),
        },
        this.limits,
      );
      if (outcome === 'taken') return this.hold(id);
      if (outcome === 'user-full')
        throw busy(
          `You already have ${this.limits.perUser} heavy operations running (at most ${this.limits.perUser}); ` +
            `try the ${kind} again when one has finished`,
          this.limits.retryAfterSeconds,
        );
      if (Date.now() + this.pollMs > giveUpAt)
        throw busy(`The server is busy with other users' work; try the ${kind} again`, this.limits.retryAfterSeconds);
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }

  private hold(id: string): Release {
    this.held.add(id);
    this.renewSoon();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held.delete(id);
      const done = releaseHeavySlot(this.store.db, id)
        .catch(() => undefined) // else it lapses after ttlMs
        .finally(() => this.releasing.delete(done));
      this.releasing.add(done);
    };
  }

  /** Stops renewing: what this process still holds lapses after its lifetime, as when it is killed. */
  stopRenewing(): void {
    if (this.renewer) clearInterval(this.renewer);
    this.renewer = null;
    this.held.clear();
  }

  /** Renews held slots at a third of their lifetime while any is held. */
  private renewSoon(): void {
    if (this.renewer) return;
    this.renewer = setInterval(
      () => {
        if (!this.held.size) {
          if (this.renewer) clearInterval(this.renewer);
          this.renewer = null;
          return;
        }
        const until = new Date(Date.now() + this.ttlMs).toISOString();
        void renewHeavySlots(this.store.db, [...this.held], until).catch(() => undefined);
      },
      Math.max(10, Math.floor(this.ttlMs / 3)),
    );
    this.renewer.unref();
  }
}
