import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { AccountHistory } from '../../domain/finance/types.ts';
import { Store } from '../../store/store.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { dataVersionOf, loadFinanceContext, recordedFee, streamHistories } from './data.ts';
import { actorOf, addUser } from '../access/index.ts';

async function collect(gen: AsyncGenerator<AccountHistory>): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for await (const h of gen) {
    expect(out.has(h.accountId), `account ${h.accountId} streamed twice`).toBe(false);
    expect(h.txs.every((t, i) => i === 0 || (h.txs[i - 1]?.day ?? 0) <= t.day)).toBe(true);
    out.set(h.accountId, h.txs.map((t) => t.id).sort());
  }
  return out;
}

it('streams a whole file-backed case exactly as in small batches of the accounts given', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'elect-fin-data-'));
  const store = await Store.open({ sqliteFile: join(dir, 'case.sqlite') });
  try {
    const actor = actorOf(await addUser(store, { username: 'fin-data', platformRole: 'analyst' }));
    const { caseId, report } = await loadDemoCase(store, actor, { seed: 77, scale: 1 });
    const scope = store.scope(caseId);
    const ctx = await loadFinanceContext(scope);
    const reader = await collect(streamHistories(scope));
    const batches = await collect(streamHistories(scope, { accountIds: [...ctx.accounts.keys()], batchRows: 500 }));
    expect(reader).toEqual(batches);
    expect([...reader.values()].reduce((a, ids) => a + ids.length, 0)).toBe(report.transactionsAdded);
    // The connection stays usable between batches while the case streams.
    for await (const _ of streamHistories(scope)) {
      expect(await dataVersionOf(scope)).toMatch(/^t\d+\./);
      break;
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('reads the fee a Recruitment record gives: plain amounts only, zero or none naming no fee', () => {
  expect(recordedFee({ fee: ['600'], currency: ['eur'] })).toEqual({ amountMinor: 60_000, currency: 'EUR' });
  expect(recordedFee({ fee: ['1 200,5'] })).toEqual({ amountMinor: 120_050, currency: 'XXX' });
  for (const fee of [['0'], [''], ['a lot'], undefined]) expect(recordedFee({ fee })).toBeNull();
});
