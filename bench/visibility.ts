/**
 * The visibility model per request on the demo case: what `visibilityOf` costs a member without
 * victim contact (the case's entities read and the persons the chain and identification protect
 * decided), beside a baseline measured in the same run — reading the case's entity facts alone,
 * the least any per-request model must do. Set BENCH_VISIBILITY_SCALE for a larger case.
 */
import { Store } from '../src/store/store.ts';
import { addAgency, addUser, actorOf } from '../src/services/access/users.ts';
import { visibilityOf } from '../src/services/access/index.ts';
import type { CaseAccess } from '../src/domain/access/policy.ts';
import { loadDemoCase } from '../src/services/demo/demo.ts';
import { entityFacts } from '../src/store/repos/entities/entities.ts';
import { fmt, time } from './support.ts';

const ROUNDS = 20;

export async function visibilityBench(): Promise<void> {
  const store = await Store.open({ sqliteFile: ':memory:' });
  try {
    const agency = await addAgency(store, { name: 'Bench police', country: 'FI', kind: 'police' });
    const lead = await addUser(store, {
      username: 'bench-lead',
      platformRole: 'investigator',
      agencyId: agency.id,
      password: 'bench password long enough',
    });
    const scale = Number(process.env.BENCH_VISIBILITY_SCALE ?? 1);
    const { caseId } = await loadDemoCase(store, actorOf(lead), { seed: 7, scale });
    const member: CaseAccess = {
      caseId,
      via: 'member',
      role: 'member',
      canWrite: true,
      canManage: false,
      victimContact: false,
      sharedAgencyId: null,
      partial: false,
      handlingCode: null,
      purpose: 'operational',
    };
    const facts = await entityFacts(store.scope(caseId));
    // The first request of a case decides whom the chain and identification protect; later ones
    // reuse that while the case's data stays the same (services/access/visibility.ts).
    const first = await time(() => visibilityOf(store, member));
    const ours = await time(async () => {
      let n = 0;
      for (let i = 0; i < ROUNDS; i++) n = (await visibilityOf(store, member)).protection.pseudonymous.size;
      return n;
    });
    const base = await time(async () => {
      for (let i = 0; i < ROUNDS; i++) await entityFacts(store.scope(caseId));
    });
    const per = (ms: number) => `${(ms / ROUNDS).toFixed(1).padStart(7)} ms`;
    console.log(`\nVisibility per request: demo case scale ${scale}, ${fmt(facts.length)} entities (SQLite)`);
    console.log(
      `  ${'visibilityOf, member without victim contact'.padEnd(52)} ${per(ours.ms)}  ${ours.value} shown by pseudonym`,
    );
    console.log(
      `  ${'  the first request of the case (protection decided)'.padEnd(52)} ${first.ms.toFixed(1).padStart(7)} ms`,
    );
    console.log(`  ${'baseline: reading the entity facts alone'.padEnd(52)} ${per(base.ms)}`);
    console.log(`  ratio (ours / baseline) ${(ours.ms / base.ms).toFixed(1)}`);
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await visibilityBench();
