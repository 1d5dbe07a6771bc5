/**
 * Probes for load balancers and orchestrators, outside /api and answering JSON (never the web
 * app's page): `/healthz` says the process is up; `/readyz` whether it can serve now, 503 with
 * the failing check named (and Retry-After) while the database is unreachable or behind.
 */
import { z } from 'zod';
import { readiness, RETRY_AFTER_SECONDS } from '../../services/health/index.ts';
import type { Router } from './router.ts';

const CheckOut = z.object({ ok: z.boolean(), detail: z.string() });

export function healthRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/healthz',
    tag: 'platform',
    summary: 'Liveness: the process is up (no database query)',
    access: 'public',
    response: z.object({ ok: z.literal(true) }),
    handler: async () => ({ ok: true as const }),
  });

  r({
    method: 'GET',
    url: '/readyz',
    tag: 'platform',
    summary: 'Readiness: database reachable, migrations current, key folder readable; 503 naming what is not',
    access: 'public',
    response: z.object({
      ready: z.boolean(),
      checks: z.object({ database: CheckOut, migrations: CheckOut, keyFolder: CheckOut }),
    }),
    handler: async ({ store, reply }) => {
      const state = await readiness(store);
      if (!state.ready) void reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
      return state;
    },
  });
}
