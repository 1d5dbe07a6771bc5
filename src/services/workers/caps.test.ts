import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { LocalWorkCaps } from './caps.ts';

const limits = { perUser: 2, perDeployment: 3, maxWaitMs: 200, retryAfterSeconds: 7 };

describe('heavy-operation caps', () => {
  it('refuses a user past their own cap with a retry time, and frees the slot on release', async () => {
    const caps = new LocalWorkCaps(limits);
    const a = await caps.acquire('ann', 'report');
    await caps.acquire('ann', 'report');
    const third = await caps.acquire('ann', 'report').catch((e: unknown) => e);
    expect(third).toBeInstanceOf(AppError);
    expect(third).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7 });
    a();
    a(); // a second call gives nothing more back
    await caps.acquire('ann', 'report');
    await expect(caps.acquire('ann', 'report')).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('queues past the deployment cap and lets waiting users take turns', async () => {
    const caps = new LocalWorkCaps({ ...limits, perDeployment: 2, maxWaitMs: 5_000 });
    const held = [await caps.acquire('ann', 'import'), await caps.acquire('ann', 'import')];
    const order: string[] = [];
    const bob = caps.acquire('bob', 'report').then((r) => (order.push('bob'), r));
    const cy = caps.acquire('cy', 'report').then((r) => (order.push('cy'), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    held[0]?.();
    (await bob)();
    held[1]?.();
    await cy;
    expect(order).toEqual(['bob', 'cy']);
  });

  it('refuses a request that waited too long for a deployment slot', async () => {
    const caps = new LocalWorkCaps({ ...limits, perDeployment: 1, maxWaitMs: 50 });
    await caps.acquire('ann', 'report');
    const started = performance.now();
    await expect(caps.acquire('bob', 'report')).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });
});
