/**
 * A hit/no-hit exchange over HTTPS as a job: its state (blinding, waiting for the partner,
 * finished, or failed and why) in the `jobs` table, so its owner follows it through any server
 * process. The exchange runs where it was asked (the partner's answer comes back on that
 * connection), so one interrupted by a restart is not resumed: it is marked failed with its
 * reason and its open query is closed, its secret dropped. The hit notice is written in one
 * transaction at the end, so a killed exchange leaves the case's notices as they were; the query
 * it sent stays in the query log, as the blinded selectors did leave.
 */
import { errors } from '../../shared/errors.ts';
import { closePsiSession, getPsiSession } from '../../store/repos/cooperation/psi.ts';
import type { JobRow } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';
import { jobRunner } from '../jobs/index.ts';
import type { JobContext, JobKind } from '../jobs/index.ts';

export const EXCHANGE_KIND = 'exchange';
const KEEP_MS = 2 * 60 * 60 * 1000;

interface ExchangeInput {
  agreementId: string;
  transport: 'https';
  ip: string | null;
}
/** What the job keeps once the query is sent: enough to close it if the job is cut short. */
export interface ExchangeSent {
  queryNonce: string;
}

export function exchangeJobKind(store: Store): JobKind {
  const kind: JobKind = {
    kind: EXCHANGE_KIND,
    resumable: false,
    interrupted:
      'The server stopped during this hit/no-hit exchange; no hit notice was written and the query sent was ' +
      'closed (it stays in the query log). Run the exchange again.',
    keepMs: KEEP_MS,
    // Only the process that asked runs an exchange (see runExchangeJob): one found queued was cut short.
    run: async () => ({ state: 'failed', error: kind.interrupted }),
    abandon: (job) => closeOpenQuery(store, job),
  };
  return kind;
}

async function closeOpenQuery(store: Store, job: JobRow): Promise<void> {
  const sent = job.result ? (JSON.parse(job.result) as Partial<ExchangeSent>) : {};
  const input = JSON.parse(job.input) as ExchangeInput;
  if (!sent.queryNonce) return;
  const scope = store.scope(job.case_id);
  const session = await getPsiSession(scope, sent.queryNonce, input.agreementId);
  if (session?.secret) await closePsiSession(scope, session.id, new Date().toISOString());
}

/** The exchange's steps as the job's progress (0–1). */
export type ExchangeStep = (
  step: 'blinding' | 'waiting for the partner' | 'matching',
  sent?: ExchangeSent,
) => Promise<void>;

/**
 * Runs `exchange` as a job of `ownerId` in the case and waits for it; its value. An error of the
 * exchange (no selectors, the partner refused) is thrown as itself, so the request gets its 4xx.
 */
export async function runExchangeJob<T>(
  store: Store,
  caseId: string,
  owner: { id: string; ip: string | null },
  agreementId: string,
  exchange: (step: ExchangeStep, signal: AbortSignal) => Promise<T>,
): Promise<T & { jobId: string }> {
  const runner = jobRunner(store);
  runner.register(exchangeJobKind(store));
  const input: ExchangeInput = { agreementId, transport: 'https', ip: owner.ip };
  let value: T | undefined;
  let thrown: unknown;
  const work = async (ctx: JobContext) => {
    const step: ExchangeStep = async (name, sent) => {
      const at = name === 'blinding' ? 0.1 : name === 'waiting for the partner' ? 0.4 : 0.8;
      if (sent) await ctx.save({ step: name, progress: JSON.stringify(at), result: JSON.stringify(sent) });
      else ctx.progress(name, at);
    };
    try {
      value = await exchange(step, ctx.signal);
      // Its result stays what `step` saved: the query's nonce (the notice is the case's own record).
      return { state: 'succeeded' as const };
    } catch (e) {
      thrown = e;
      throw e;
    }
  };
  const row = await runner.submit(
    caseId,
    { kind: EXCHANGE_KIND, ownerId: owner.id, input, step: 'starting', progress: 0 },
    work,
  );
  const done = await runner.wait(caseId, row.id);
  if (thrown) throw thrown;
  if (done?.state !== 'succeeded' || value === undefined)
    throw errors.conflict(`The exchange ${done?.state ?? 'vanished'}: ${done?.error ?? 'no reason given'}`, 'job');
  return { ...value, jobId: row.id };
}
