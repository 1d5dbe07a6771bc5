/**
 * A rules run as a job: its state (reading statements, storing, done or failed and why) in the
 * `jobs` table, so its owner follows it through any server process. The run reads the case's
 * statements and stores its findings in one transaction at the end, so a run stopped or killed
 * part-way leaves the case's findings as they were; one interrupted by a restart is run again
 * from its request (rules and parameters), with the owner's write access checked anew.
 */
import type { Actor, CaseAccess } from '../access/index.ts';
import { actorOf } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { jobRunner } from '../jobs/index.ts';
import type { JobContext, JobKind, JobOutcome } from '../jobs/index.ts';
import type { Caller } from '../useCase/index.ts';
import { openCase } from '../useCase/index.ts';
import { heavySlot } from '../workers/index.ts';
import { errors } from '../../shared/errors.ts';
import { getUser } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import { runFindings } from './findings.ts';
import type { RunOptions, RunSummary } from './findings.ts';

export const RULES_KIND = 'rules';
const KEEP_MS = 2 * 60 * 60 * 1000;

interface RulesInput {
  rules: readonly string[] | null;
  parameters: RunOptions['parameters'] | null;
  ip: string | null;
}

const failed = (error: string): JobOutcome => ({ state: 'failed', error });

async function runOnce(store: Store, ctx: JobContext): Promise<JobOutcome> {
  const { job, progress, signal } = ctx;
  const input = JSON.parse(job.input) as RulesInput;
  const user = await getUser(store.db, job.owner_id);
  if (!user) return failed('The user who started this rules run no longer exists');
  const actor = actorOf(user);
  // Access is decided again when the job runs (a resumed run's owner may have lost it since).
  const caller: Caller = { actor, ip: input.ip, origin: { via: 'job' }, audits: 0 };
  const access: CaseAccess = await openCase(store, caller, job.case_id, 'case:write');
  if (access.partial) throw errors.forbidden('Rules run over the whole case; a partial share cannot run them');
  const summary = await runFindings(store, actor, job.case_id, {
    ...(input.rules ? { rules: input.rules } : {}),
    ...(input.parameters ? { parameters: input.parameters } : {}),
    signal,
    onProgress: (transactions) => progress('reading statements', { transactions }),
  });
  // A resumed run's request ended with its process and recorded nothing: the run records itself.
  if (job.attempts > 1)
    await recordEntry(store, {
      caseId: job.case_id,
      userId: actor.id,
      action: 'combination',
      targetType: 'findings',
      targetId: summary.runId,
      ip: input.ip,
      detail: { findings: summary.findings, transactions: summary.transactions, jobId: job.id, via: 'job' },
    });
  progress('done', { transactions: summary.transactions });
  return { state: 'succeeded', result: summary };
}

export function rulesJobKind(store: Store): JobKind {
  return {
    kind: RULES_KIND,
    resumable: true,
    interrupted: 'The server stopped while the rules ran; nothing of that run was stored. Run the rules again.',
    keepMs: KEEP_MS,
    run: (ctx) => runOnce(store, ctx),
  };
}

function runnerFor(store: Store) {
  const runner = jobRunner(store);
  runner.register(rulesJobKind(store));
  return runner;
}

/**
 * Runs the rules as a job of the caller and waits for it; the summary and the job's id. The
 * user's heavy-work cap holds while it runs; an error of the run (an unknown rule, bad
 * parameters) is thrown as itself, so the request gets its 4xx naming the field.
 */
export async function runRulesJob(
  store: Store,
  caller: Caller,
  actor: Actor,
  caseId: string,
  opts: Pick<RunOptions, 'rules' | 'parameters'>,
): Promise<RunSummary & { jobId: string }> {
  const runner = runnerFor(store);
  const kind = rulesJobKind(store);
  const input: RulesInput = { rules: opts.rules ?? null, parameters: opts.parameters ?? null, ip: caller.ip };
  const release = await heavySlot(actor.id, 'rules');
  let thrown: unknown;
  try {
    const row = await runner.submit(
      caseId,
      { kind: RULES_KIND, ownerId: actor.id, input, step: 'starting', progress: { transactions: 0 } },
      async (ctx) => {
        try {
          return await kind.run(ctx);
        } catch (e) {
          thrown = e;
          throw e;
        }
      },
    );
    const done = await runner.wait(caseId, row.id);
    if (thrown) throw thrown;
    if (done?.state !== 'succeeded' || !done.result)
      throw errors.conflict(`The rules run ${done?.state ?? 'vanished'}: ${done?.error ?? 'no reason given'}`, 'job');
    return { ...(JSON.parse(done.result) as RunSummary), jobId: row.id };
  } finally {
    release();
  }
}
