/**
 * The evidence register: every evidence file of the case with its SHA-256, where it came from,
 * when it was captured or taken into the case, who handled it and when (the chain of custody,
 * read from the case's audit chain: collection, consultation and disclosure of the file, its
 * capture and the register itself) and — when asked — the verification of every hash now
 * (services/captures.ts verifyEvidence: decrypt, authenticate, re-hash, compare with the hash
 * recorded at capture).
 */
import type { RegisterItemOut, RegisterOut } from '../../shared/contracts/prosecution.ts';
import { listFiles } from '../../store/repos/files/files.ts';
import { captureOrigins, custodyEvents, sourceLabels } from '../../store/repos/prosecution/report.ts';
import type { Store } from '../../store/store.ts';
import { requireCase } from '../cases/index.ts';
import { verifyEvidence } from '../captures/index.ts';
import { fileFor, type Visibility } from '../access/index.ts';

const CUSTODY_TARGETS = ['file', 'files', 'capture', 'captures', 'evidence', 'evidence-register'];

export async function evidenceRegister(
  store: Store,
  caseId: string,
  opts: { verify: boolean; clock?: () => Date },
): Promise<RegisterOut> {
  await requireCase(store, caseId);
  const scope = store.scope(caseId);
  const files = await listFiles(scope);
  const captures = new Map((await captureOrigins(scope)).map((c) => [c.file_id, c]));
  const sources = new Map((await sourceLabels(scope)).map((s) => [s.id, s]));
  const events = await custodyEvents(scope, CUSTODY_TARGETS);
  const custodyOf = new Map<string, RegisterItemOut['custody']>();
  const add = (id: string, e: (typeof events)[number]) => {
    const list = custodyOf.get(id) ?? [];
    if (!list.some((x) => x.seq === e.seq))
      list.push({ at: e.at, userId: e.user_id, action: e.action, seq: Number(e.seq), auditId: e.id });
    custodyOf.set(id, list);
  };
  const fileOfCapture = new Map([...captures.values()].map((c) => [c.id, c.file_id]));
  for (const e of events) {
    const ids = [e.target_id, ...(e.returned_ids ? (JSON.parse(e.returned_ids) as string[]) : [])].filter(
      (x): x is string => !!x,
    );
    for (const id of ids) {
      const fileId = fileOfCapture.get(id) ?? id;
      if (files.some((f) => f.id === fileId)) add(fileId, e);
    }
  }
  const check = opts.verify ? await verifyEvidence(store, caseId) : null;
  const statusOf = new Map((check?.files ?? []).map((f) => [f.fileId, f]));
  const items: RegisterItemOut[] = files.map((f) => {
    const cap = captures.get(f.id);
    const src = f.source_id ? sources.get(f.source_id) : undefined;
    const v = statusOf.get(f.id);
    // The file row itself records who took it in and when: the first link of the chain.
    const custody = [
      { at: f.created_at, userId: f.created_by, action: 'received', seq: 0, auditId: '' },
      ...(custodyOf.get(f.id) ?? []),
    ];
    return {
      fileId: f.id,
      fileName: f.file_name,
      mimeType: f.mime_type,
      size: f.size,
      sha256: f.sha256,
      entityId: f.entity_id,
      source: cap ? cap.url : (src?.label ?? 'uploaded to the case'),
      obtainedAt: cap?.captured_at ?? f.created_at,
      obtainedHow: cap ? 'capture' : src?.kind === 'import' ? 'import' : 'upload',
      custody,
      status: v ? v.status : 'notChecked',
      detail: v?.detail ?? null,
    };
  });
  const failed = items.filter((i) => i.status !== 'ok' && i.status !== 'notChecked').map((i) => i.fileName);
  return {
    checkedAt: check ? (opts.clock ?? (() => new Date()))().toISOString() : null,
    ok: check ? check.ok : null,
    items,
    failed,
  };
}

/** The register as the caller may see it: files of the share only, protected names withheld. */
export function registerFor(v: Visibility, out: RegisterOut): RegisterOut {
  const items = out.items.flatMap((i) => {
    const shown = fileFor(v, i.fileId, i);
    if (!shown) return [];
    // An upload's source is its file name: withheld with it.
    return shown.fileName !== i.fileName && shown.source === i.fileName
      ? [{ ...shown, source: shown.fileName }]
      : [shown];
  });
  const failed = items.filter((i) => i.status !== 'ok' && i.status !== 'notChecked').map((i) => i.fileName);
  return { ...out, items, failed };
}
