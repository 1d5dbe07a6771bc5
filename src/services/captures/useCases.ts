/**
 * What an investigator does with online captures: capture an ad or page, list and read captures
 * as they may see them, and see the ad networks they form. Each records itself once.
 */
import { MAX_CAPTURE_BYTES } from '../../ingest/captures/decode.ts';
import { canSee, visibilityOf } from '../access/index.ts';
import { assemblyDetail, type AssemblyReport } from '../assembly/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { captureFile, getCapture, listCaptures } from './captures.ts';
import { adNetworks } from './networks.ts';

/** The largest capture accepted, for the upload's spooling. */
export const CAPTURE_LIMIT = MAX_CAPTURE_BYTES;

export const captureAd = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'capture' },
  run: async (
    { store, actor, caseId, access, audit },
    input: { bytes: Buffer; fileName: string; url: string; capturedAt: string; siteCountry?: string | undefined },
  ) => {
    let assembled: AssemblyReport | undefined;
    const out = await captureFile(store, actor, caseId, {
      ...input,
      sharedWith: access.partial ? access.sharedAgencyId : null,
      onAssembly: (r) => (assembled = r),
    });
    audit.target(out.id);
    audit.detail({ sha256: out.sha256, size: out.size, adId: out.adId, ...assemblyDetail(assembled) });
    return out;
  },
});

export const caseCaptures = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'captures' },
  run: async ({ store, caseId, access, audit }) => {
    const v = await visibilityOf(store, access);
    const captures = await listCaptures(store, caseId, (id) => canSee(v, id));
    audit.returned(captures.map((c) => c.adId));
    return { captures };
  },
});

export const captureNetworks = caseUseCase({
  permission: 'case:read',
  audit: { action: 'combination', target: 'captures' },
  run: async ({ store, caseId, access, audit }) => {
    const out = await adNetworks(store, caseId, await visibilityOf(store, access));
    audit.returned([...out.ads.map((a) => a.adId), ...out.hits.flatMap((h) => h.holders.map((x) => x.entityId))]);
    return out;
  },
});

export const openCapture = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'capture', targetOf: (i: { captureId: string }) => i.captureId },
  run: async ({ store, caseId, access, audit }, { captureId }: { captureId: string }) => {
    const v = await visibilityOf(store, access);
    const out = await getCapture(store, caseId, captureId, (id) => canSee(v, id));
    audit.returned([out.adId]);
    return out;
  },
});
