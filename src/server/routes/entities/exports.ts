import { Readable } from 'node:stream';
import { z } from 'zod';
import { exportCaseFtm } from '../../../services/entities/exports.ts';
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
    audit: { action: 'disclosure', target: 'export' },
    handler: async ({ store, actor, access, query, reply, auditDetail }) => {
      const victimIdentities = query.victimIdentities === 'true';
      const lines = await exportCaseFtm(store, actor, access, {
        victimIdentities,
        extensionProperties: query.ftmOnly !== 'true',
      });
      auditDetail.format = query.format;
      auditDetail.victimIdentities = victimIdentities;
      void reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="case-${access.caseId}.ftm.ijson"`);
      return Readable.from(lines);
    },
  });
}
