/**
 * The heavy-operation caps hold across server processes: two stores on one database (as two
 * processes see it), each with its own SharedWorkCaps, count the same slots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresProblem } from '../../../test/support/dialects.ts';
import { sharedStores } from '../../../test/support/sharedStores.ts';
import type { SharedStores } from '../../../test/support/sharedStores.ts';
import type { Store } from '../../store/store.ts';
import { SharedWorkCaps } from './sharedCaps.ts';

const limits = { perUser: 2, perDeployment: 3, maxWaitMs: 400, retryAfterSeconds: 1 };

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`heavy-operation caps across processes [${dialect}]`, () => {
    let shared: SharedStores | undefined;
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      if (dialect === 'postgres' && (await postgresProblem())) return;
      shared = await sharedStores(dialect);
      a = await shared.open();
      b = await shared.open();
    }, 60_000);
    afterAll(async () => shared?.dispose());

    it("a user's cap and the deployment's hold whichever process each request reaches", async (ctx) => {
      if (!shared) return ctx.skip();
      const capsA = new SharedWorkCaps(a, limits);
      const capsB = new SharedWorkCaps(b, limits);
      const first = await capsA.acquire('ana', 'report');
      const second = await capsB.acquire('ana', 'import');
      // Her third, on either process: refused at once, with a wait to try again after.
      await expect(capsA.acquire('ana', 'report')).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 1 });
      await expect(capsB.acquire('ana', 'report')).rejects.toMatchObject({ code: 'rate_limited' });
      const bob = await capsB.acquire('bob', 'report');
      // The deployment is full (3): another user waits, and is refused when the wait runs out…
      const t0 = Date.now();
      await expect(capsA.acquire('eve', 'rules')).rejects.toMatchObject({ code: 'rate_limited' });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
      // …or gets the slot another process gives back while she waits.
      const waiting = capsA.acquire('eve', 'rules');
      setTimeout(() => bob(), 100);
      const eve = await waiting;
      for (const r of [first, second, eve]) r();
    });

    it("a killed process's slots lapse and stop counting", async (ctx) => {
      if (!shared) return ctx.skip();
      const dying = new SharedWorkCaps(a, limits, 300);
      await dying.acquire('kim', 'import');
      await dying.acquire('kim', 'import');
      dying.stopRenewing(); // the process is killed holding both: nothing releases or renews them
      const other = new SharedWorkCaps(b, limits);
      await expect(other.acquire('kim', 'import')).rejects.toMatchObject({ code: 'rate_limited' });
      await new Promise((r) => setTimeout(r, 450));
      const again = await other.acquire('kim', 'import');
      again();
    });
  });
}
