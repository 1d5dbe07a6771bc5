/**
 * The job runner: runs work that outlives a request (reports, imports) with its state in the
 * `jobs` table, so any process can report on any job and a restart finds what was in flight.
 *
 * - A job is started by the process that received the request: it is inserted already claimed by
 *   that process's runner and runs at once. Queued jobs (resumed after a restart) are claimed
 *   from the table by whichever runner gets there first (`claimJob`: SKIP LOCKED on PostgreSQL).
 * - While a job runs, its progress is kept in memory and written to the table at most once a
 *   second on PostgreSQL; on embedded SQLite an import's transaction holds the one connection, so
 *   only state changes are written there and the process that runs the job answers its progress.
 * - A runner says it is alive (`heartbeat_at`) every few seconds; a PostgreSQL runner finding a
 *   running job whose runner went silent, or an SQLite runner at start (one process), resumes
 *   it when its kind can be run again from its input, and otherwise marks it failed with why.
 * - How a job's work is computed is the kind's own business (`JobKind.run`); this file owns
 *   where its state lives and who runs it.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../shared/ids.ts';
import {
  claimJob,
  findJob,
  FINISHED_STATES,
  getJob,
  heartbeat,
  insertJob,
  orphanedJobs,
  queuedJobs,
  updateClaimedJob,
  updateJob,
} from '../../store/repos/jobs/jobs.ts';
import type { JobPatch, JobRow } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';
import { sweepExpired } from './files.ts';

export interface JobOutcome {
  state: 'succeeded' | 'failed' | 'cancelled';
  result?: unknown;
  resultFile?: string | null;
  error?: string | null;
}

export interface JobContext {
  /** The job as claimed; `progress` and `step` change as it runs. */
  job: JobRow;
  signal: AbortSignal;
  /** Live progress (JSON-able); reaches the table at most once a second on PostgreSQL. */
  progress: (step: string | null, progress: unknown) => void;
  /** A change of state, written at once (an import going from checking to writing). */
  save: (patch: Pick<JobPatch, 'step' | 'progress' | 'result'>) => Promise<void>;
}

export interface JobKind {
  kind: string;
  /** Run again from its input after a restart; otherwise an interrupted job fails with `interrupted`. */
  resumable: boolean;
  interrupted: string;
  /** How long a finished job and its file are kept. */
  keepMs: number;
  run: (ctx: JobContext) => Promise<JobOutcome>;
  /**
   * Undoes what an interrupted, non-resumable job left outside its transaction (an exchange's
   * open query with its secret), when it is marked failed after a restart or a stop.
   */
  abandon?: (job: JobRow) => Promise<void>;
}

interface LiveJob {
  row: JobRow;
  controller: AbortController;
  done: Promise<void>;
}

export interface RunnerOptions {
  heartbeatMs?: number;
  /** A running job whose runner has been silent this long is taken as orphaned (PostgreSQL). */
  staleAfterMs?: number;
  pollMs?: number;
  sweepMs?: number;
}

const PROGRESS_WRITE_MS = 1000;
const iso = (ms = Date.now()) => new Date(ms).toISOString();
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class JobRunner {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly kinds = new Map<string, JobKind>();
  private readonly live = new Map<string, LiveJob>();
  private timers: NodeJS.Timeout[] = [];
  private started = false;
  private stopping = false;
  private readonly opts: Required<RunnerOptions>;

  constructor(
    private readonly store: Store,
    opts: RunnerOptions = {},
  ) {
    this.opts = { heartbeatMs: 5000, staleAfterMs: 30_000, pollMs: 2000, sweepMs: 10 * 60_000, ...opts };
  }

  register(kind: JobKind): void {
    this.kinds.set(kind.kind, kind);
  }

  private kindOf(name: string): JobKind {
    const k = this.kinds.get(name);
    if (!k) throw new Error(`No runner for jobs of kind ${name}`);
    return k;
  }

  /** Inserts a job claimed by this runner and starts it now; the row as inserted. */
  async submit(
    caseId: string,
    job: { kind: string; ownerId: string; input: unknown; step: string | null; progress: unknown; ticketHash?: string },
    /** The work itself, when it needs what only this process holds (a non-resumable kind's closure). */
    work?: (ctx: JobContext) => Promise<JobOutcome>,
  ): Promise<JobRow> {
    const kind = this.kindOf(job.kind);
    const now = Date.now();
    const row: JobRow = {
      case_id: caseId,
      id: uuidv7(),
      kind: job.kind,
      owner_id: job.ownerId,
      state: 'running',
      step: job.step,
      progress: JSON.stringify(job.progress),
      error: null,
      input: JSON.stringify(job.input),
      result: null,
      result_file: null,
      ticket_hash: job.ticketHash ?? null,
      cancel_requested: 0,
      claimed_by: this.id,
      heartbeat_at: iso(now),
      attempts: 1,
      created_at: iso(now),
      updated_at: iso(now),
      finished_at: null,
      expires_at: iso(now + kind.keepMs),
    };
    const { case_id: _c, ...rest } = row;
    await insertJob(this.store.scope(caseId), rest);
    this.execute(row, work);
    return { ...row };
  }

  /** The job as this process sees it running, else as the table holds it (any process's job). */
  async state(caseId: string | null, id: string): Promise<JobRow | undefined> {
    const here = this.live.get(id);
    if (here && (caseId === null || here.row.case_id === caseId)) return { ...here.row };
    return caseId === null ? findJob(this.store.db, id) : getJob(this.store.scope(caseId), id);
  }

  /** Waits until the job has finished (here or in another process); its final row. */
  async wait(caseId: string, id: string, pollMs = 200): Promise<JobRow | undefined> {
    for (;;) {
      const here = this.live.get(id);
      if (here) await here.done;
      const row = await getJob(this.store.scope(caseId), id);
      if (!row || (FINISHED_STATES as readonly string[]).includes(row.state)) return row;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Asks a job to stop: at once when it runs here, else through the table for its runner. */
  async cancel(row: JobRow): Promise<void> {
    const here = this.live.get(row.id);
    if (here) return void here.controller.abort();
    const scope = this.store.scope(row.case_id);
    const now = iso();
    if (row.state === 'queued')
      await updateJob(
        scope,
        row.id,
        { state: 'cancelled', step: 'cancelled', finished_at: now, updated_at: now },
        'queued',
      );
    else await updateJob(scope, row.id, { cancel_requested: 1, updated_at: now }, 'running');
  }

  private execute(row: JobRow, work?: (ctx: JobContext) => Promise<JobOutcome>): void {
    const kind = this.kindOf(row.kind);
    const run = work ?? kind.run;
    const scope = this.store.scope(row.case_id);
    const controller = new AbortController();
    const live: LiveJob = { row: { ...row }, controller, done: Promise.resolve() };
    this.live.set(row.id, live);
    let lastWrite = 0;
    let writing = false;
    const ctx: JobContext = {
      job: live.row,
      signal: controller.signal,
      progress: (step, progress) => {
        live.row.step = step;
        live.row.progress = JSON.stringify(progress);
        const now = Date.now();
        if (this.store.dialect !== 'postgres' || writing || now - lastWrite < PROGRESS_WRITE_MS) return;
        writing = true;
        lastWrite = now;
        const patch = { step, progress: live.row.progress, updated_at: iso(now) };
        void updateClaimedJob(scope, row.id, this.id, patch)
          .then((held) => held || controller.abort())
          .catch(() => undefined)
          .finally(() => (writing = false));
      },
      save: async (patch) => {
        Object.assign(live.row, patch);
        await updateClaimedJob(scope, row.id, this.id, { ...patch, updated_at: iso() });
      },
    };
    live.done = (async () => {
      let outcome: JobOutcome;
      try {
        outcome = await run(ctx);
      } catch (e) {
        outcome = controller.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error: messageOf(e) };
      }
      // A runner stopping hands its jobs back itself (see stop).
      if (this.stopping && controller.signal.aborted) return;
      const now = Date.now();
      const patch: JobPatch = {
        state: outcome.state,
        step: outcome.state,
        error: outcome.error ?? null,
        result: outcome.result === undefined ? live.row.result : JSON.stringify(outcome.result),
        result_file: outcome.resultFile ?? null,
        progress: live.row.progress,
        finished_at: iso(now),
        updated_at: iso(now),
        expires_at: iso(now + kind.keepMs),
      };
      Object.assign(live.row, patch);
      await updateClaimedJob(scope, row.id, this.id, patch).catch(() => undefined);
    })().finally(() => this.live.delete(row.id));
  }

  /**
   * Jobs whose runner is gone: resumed (queued again) when their kind allows, otherwise failed
   * with their kind's reason. On SQLite every running job not this runner's is such a job.
   */
  async recover(): Promise<{ resumed: string[]; failed: string[] }> {
    const before = this.store.dialect === 'postgres' ? iso(Date.now() - this.opts.staleAfterMs) : null;
    const out = { resumed: [] as string[], failed: [] as string[] };
    for (const job of await orphanedJobs(this.store.db, this.id, before)) {
      const kind = this.kinds.get(job.kind);
      const scope = this.store.scope(job.case_id);
      const now = iso();
      // Only the runner that finds it first changes it (state still running, same runner as read).
      const same = job.claimed_by ?? '';
      if (kind?.resumable && job.cancel_requested === 0) {
        if (await updateClaimedJob(scope, job.id, same, { state: 'queued', claimed_by: null, updated_at: now }))
          out.resumed.push(job.id);
      } else {
        const reason = kind?.interrupted ?? 'The server stopped while this job ran';
        const patch: JobPatch = { state: 'failed', step: 'failed', error: reason, finished_at: now, updated_at: now };
        if (await updateClaimedJob(scope, job.id, same, patch)) {
          out.failed.push(job.id);
          await kind?.abandon?.(job).catch(() => undefined);
        }
      }
    }
    await this.claimQueued();
    return out;
  }

  /** Claims and runs queued jobs of the kinds this runner knows. */
  async claimQueued(): Promise<void> {
    for (const key of await queuedJobs(this.store.db, [...this.kinds.keys()], 10)) {
      if (this.stopping) return;
      if (!(await claimJob(this.store, key, this.id, iso()))) continue;
      const row = await getJob(this.store.scope(key.case_id), key.id);
      if (row) this.execute(row);
    }
  }

  private async beat(): Promise<void> {
    for (const key of await heartbeat(this.store.db, this.id, iso())) this.live.get(key.id)?.controller.abort();
  }

  /** Recovers orphaned jobs, then keeps claiming, beating and sweeping until `stop`. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.recover();
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const t = setInterval(() => void fn().catch(() => undefined), ms);
      t.unref();
      this.timers.push(t);
    };
    if (this.store.dialect === 'postgres') {
      every(this.opts.heartbeatMs, () => this.beat());
      every(this.opts.staleAfterMs, () => this.recover());
    }
    every(this.opts.pollMs, () => this.claimQueued());
    every(this.opts.sweepMs, () => sweepExpired(this.store));
  }

  /**
   * Graceful stop: its running jobs are handed back — queued again when their kind can be
   * resumed, otherwise cancelled (an import rolls back) and failed with their kind's reason.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    const running = [...this.live.values()];
    for (const j of running) j.controller.abort();
    await Promise.all(running.map((j) => j.done.catch(() => undefined)));
    for (const j of running) {
      const kind = this.kindOf(j.row.kind);
      const now = iso();
      const patch: JobPatch = kind.resumable
        ? { state: 'queued', claimed_by: null, updated_at: now }
        : { state: 'failed', step: 'failed', error: kind.interrupted, finished_at: now, updated_at: now };
      await updateClaimedJob(this.store.scope(j.row.case_id), j.row.id, this.id, patch).catch(() => undefined);
      if (!kind.resumable) await kind.abandon?.(j.row).catch(() => undefined);
    }
    this.stopping = false;
    this.started = false;
  }
}

const runners = new WeakMap<Store, JobRunner>();

/** This process's runner for the store (one per open store). */
export function jobRunner(store: Store): JobRunner {
  let r = runners.get(store);
  if (!r) {
    r = new JobRunner(store);
    runners.set(store, r);
  }
  return r;
}
