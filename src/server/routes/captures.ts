/**
 * Online captures: upload a captured ad or web page (HTML, MHTML, text, PNG/JPEG screenshot)
 * with the URL and time of capture, list and read captures with what was extracted, the ad
 * networks they form, and a check of every evidence file against its recorded SHA-256.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CaptureDetailOut,
  CaptureSummaryOut,
  CaptureUploadQuery,
  EvidenceCheckOut,
  NetworksOut,
} from '../../shared/contracts/captures.ts';
import { MAX_CAPTURE_BYTES } from '../../ingest/captures/decode.ts';
import { adNetworks } from '../../services/captures/networks.ts';
import { captureFile, getCapture, listCaptures, verifyEvidence } from '../../services/captures/captures.ts';
import { canSee, visibilityOf } from '../../services/access/visibility.ts';
import { spoolToFile, UPLOAD_TYPE } from '../http/upload.ts';
import { CaseParams } from './cases/cases.ts';
import { ensureUploads } from './files.ts';
import type { Router } from './router.ts';

const CaptureParams = CaseParams.extend({ captureId: z.string().min(1).max(200) });

export function captureRoutes(r: Router, app: FastifyInstance): void {
  ensureUploads(app);

  r({
    method: 'POST',
    url: '/api/cases/:caseId/captures',
    tag: 'captures',
    status: 201,
    summary: `Capture an ad or web page: the file as the body (Content-Type: ${UPLOAD_TYPE}), its URL and capture time in the query; its SHA-256 is recorded and its selectors and red flags read`,
    params: CaseParams,
    query: CaptureUploadQuery,
    response: CaptureDetailOut,
    access: { case: 'case:write' },
    audit: { action: 'collection', target: 'capture' },
    handler: async ({ store, caseId, actor, access, query, request, setAuditTarget, auditDetail }) => {
      const spooled = await spoolToFile(request.body, query.name, MAX_CAPTURE_BYTES);
      try {
        const bytes = await readFile(spooled.path);
        const out = await captureFile(store, actor, caseId, {
          bytes,
          fileName: query.name,
          url: query.url,
          capturedAt: query.capturedAt,
          sharedWith: access.partial ? access.sharedAgencyId : null,
        });
        setAuditTarget(out.id);
        Object.assign(auditDetail, { sha256: out.sha256, size: out.size, adId: out.adId });
        return out;
      } finally {
        await spooled.dispose();
      }
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/captures',
    tag: 'captures',
    summary: 'Captures of the case, newest capture first, with their phones, e-mails and red flags',
    params: CaseParams,
    response: z.object({ captures: z.array(CaptureSummaryOut) }),
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'captures' },
    handler: async ({ store, caseId, access, auditIds }) => {
      const v = await visibilityOf(store, access);
      const captures = await listCaptures(store, caseId, (id) => canSee(v, id));
      auditIds(captures.map((c) => c.adId));
      return { captures };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/captures/networks',
    tag: 'captures',
    summary:
      'Networks of captured ads linked by a shared phone, e-mail or near-identical photo, with the reason for each link, and ad phones that are an account holder’s or a worker’s',
    params: CaseParams,
    response: NetworksOut,
    access: { case: 'case:read' },
    audit: { action: 'combination', target: 'captures' },
    handler: async ({ store, caseId, access, auditIds }) => {
      const out = await adNetworks(store, caseId, await visibilityOf(store, access));
      auditIds([...out.ads.map((a) => a.adId), ...out.hits.flatMap((h) => h.holders.map((x) => x.entityId))]);
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/captures/:captureId',
    tag: 'captures',
    summary:
      'One capture: its visible text, what was extracted (with positions in the text), its pictures’ fingerprints',
    params: CaptureParams,
    response: CaptureDetailOut,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'capture', targetParam: 'captureId' },
    handler: async ({ store, caseId, access, params, auditIds }) => {
      const v = await visibilityOf(store, access);
      const out = await getCapture(store, caseId, params.captureId, (id) => canSee(v, id));
      auditIds([out.adId]);
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/evidence/verify',
    tag: 'evidence',
    summary: 'Re-hash every evidence file of the case and compare with the SHA-256 recorded when it came in',
    params: CaseParams,
    response: EvidenceCheckOut,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'evidence' },
    handler: async ({ store, caseId, access, auditDetail }) => {
      const out = await verifyEvidence(store, caseId);
      const v = await visibilityOf(store, access);
      // A partial share sees only the files of its entities; the overall verdict stays the case's.
      const files = out.files.filter((f) => (f.entityId ? canSee(v, f.entityId) : !v.only));
      Object.assign(auditDetail, { checked: out.checked, ok: out.ok });
      return { ...out, files };
    },
  });
}
