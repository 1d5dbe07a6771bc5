import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testActor } from '../../../test/support/api.ts';
import { listJournal } from '../../store/repos/cases/notes.ts';
import type { Actor } from '../access/index.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { decideFinding, findingsState, listFindings, refreshFindings, runFindings } from './findings.ts';
import { importTransactions } from './ledger.ts';

describeEachDialect('financial findings: runs, decisions, reruns', ({ store }) => {
  let caseId = '';
  let actor: Actor;

  beforeAllWithStore(
    store,
    async (s) => {
      actor = await testActor(s, 'fin-find', 'analyst');
      caseId = (await loadDemoCase(s, actor, { seed: 31, scale: 1 })).caseId;
    },
    120_000,
  );

  itDb(
    'keeps analysts’ decisions across reruns and marks findings stale when the data changes',
    async () => {
      const s = store();
      expect((await findingsState(s, caseId)).stale).toBe(true);
      const first = await runFindings(s, actor, caseId);
      expect(first.findings).toBeGreaterThan(5);
      expect((await findingsState(s, caseId)).stale).toBe(false);
      expect(await refreshFindings(s, actor, caseId)).toBeNull();

      const [a, b] = await listFindings(s, caseId, { limit: 2 });
      if (!a || !b) throw new Error('expected findings');
      await decideFinding(s, actor, caseId, a.id, { status: 'confirmed', note: 'matches the interviews' });
      await decideFinding(s, actor, caseId, b.id, { status: 'dismissed' });
      const journal = await listJournal(s.scope(caseId));
      expect(journal.filter((j) => j.kind === 'decision' && j.text.includes(a.id))).toHaveLength(1);

      // Same data, same findings: ids are stable and decisions stay.
      const again = await runFindings(s, actor, caseId);
      expect(again.findings).toBe(first.findings);
      const byId = new Map((await listFindings(s, caseId, { limit: 1000 })).map((r) => [r.id, r]));
      expect(byId.get(a.id)).toMatchObject({
        status: 'confirmed',
        decided_by: actor.id,
        decision_note: 'matches the interviews',
        run_id: again.runId,
      });
      expect(byId.get(b.id)?.status).toBe('dismissed');
      expect(await listFindings(s, caseId, { status: 'open', limit: 1000 })).toHaveLength(first.findings - 2);

      // New statement lines make the findings stale; a refresh reruns with the last run's choices.
      const account = (
        await s.scope(caseId).selectFrom('transactions').select('account_id').limit(1).executeTakeFirstOrThrow()
      ).account_id;
      await importTransactions(
        s,
        caseId,
        [{ accountId: account, amountMinor: 12_345, currency: 'EUR', bookingDate: '2025-06-01', text: 'late line' }],
        null,
      );
      expect((await findingsState(s, caseId)).stale).toBe(true);
      const refreshed = await refreshFindings(s, actor, caseId);
      expect(refreshed?.rules.map((r) => r.id)).toEqual(first.rules.map((r) => r.id));
      expect((await findingsState(s, caseId)).stale).toBe(false);

      // A decided finding the rules no longer report is kept, marked as not current.
      const other = first.rules.map((r) => r.id).filter((id) => id !== a.rule);
      const partial = await runFindings(s, actor, caseId, { rules: other });
      expect(partial.noLongerReported).toBeGreaterThanOrEqual(1);
      expect((await listFindings(s, caseId, { limit: 1000 })).some((r) => r.id === a.id)).toBe(false);
      const old = (await listFindings(s, caseId, { limit: 1000, includeOld: true })).find((r) => r.id === a.id);
      expect(old).toMatchObject({ status: 'confirmed', current: 0 });
      // Reopened, and not reported by a run: it goes.
      await decideFinding(s, actor, caseId, a.id, { status: 'open' });
      await runFindings(s, actor, caseId, { rules: other });
      expect((await listFindings(s, caseId, { limit: 1000, includeOld: true })).some((r) => r.id === a.id)).toBe(false);
    },
    120_000,
  );

  itDb('refuses unknown rules and bad parameters, naming them', async () => {
    await expect(runFindings(store(), actor, caseId, { rules: ['noSuchRule'] })).rejects.toMatchObject({
      code: 'validation_failed',
      path: 'rules[0]',
    });
    await expect(
      runFindings(store(), actor, caseId, { parameters: { wageKickback: { minShare: 7 } } }),
    ).rejects.toMatchObject({ path: 'parameters.wageKickback.minShare' });
  });
});
