import { Readable } from 'node:stream';
import { z } from 'zod';
import { exportCase } from '../../../services/entities/index.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

/** Exports: streamed, watermarked, obeying pseudonyms and handling codes. */
export function exportRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/export',
    tag: 'export',
    summary: 'The case as FollowTheMoney entity JSON lines (watermarked)',
    params: CaseParams,
    query: z.object({
      format: z.enum(['ftm']).default('ftm'),
      victimIdentities: z
        .enum(['true', 'false'])
        .default('false')
        .describe("Let victims' identities out: case lead only, and logged"),
      ftmOnly: z.enum(['true', 'false']).default('false').describe('Leave out THB extension properties'),
    }),
    access: { case: 'case:read' },
    handler: async ({ store, caller, caseId, query, reply }) => {
      const lines = await exportCase(store, caller, caseId, {
        format: query.format,
        victimIdentities: query.victimIdentities === 'true',
        extensionProperties: query.ftmOnly !== 'true',
      });
      void reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="case-${caseId}.ftm.ijson"`);
      return Readable.from(lines);
    },
  });
}
