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
import {
  CAPTURE_LIMIT,
  captureAd,
  captureNetworks,
  caseCaptures,
  checkEvidence,
  openCapture,
} from '../../services/captures/index.ts';
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
    handler: async ({ store, caller, caseId, query, request }) => {
      const spooled = await spoolToFile(request.body, query.name, CAPTURE_LIMIT, caller.actor.id);
      try {
        const bytes = await readFile(spooled.path);
        return await captureAd(store, caller, caseId, {
          bytes,
          fileName: query.name,
          url: query.url,
          capturedAt: query.capturedAt,
          siteCountry: query.siteCountry,
        });
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
    handler: ({ store, caller, caseId }) => caseCaptures(store, caller, caseId),
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
    handler: ({ store, caller, caseId }) => captureNetworks(store, caller, caseId),
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
    handler: ({ store, caller, caseId, params }) => openCapture(store, caller, caseId, params),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/evidence/verify',
    tag: 'evidence',
    summary: 'Re-hash every evidence file of the case and compare with the SHA-256 recorded when it came in',
    params: CaseParams,
    response: EvidenceCheckOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId }) => checkEvidence(store, caller, caseId),
  });
}
