/**
 * Online captures: a captured ad or web page becomes evidence. The file is decoded strictly
 * (ingest/capture), its SHA-256 recorded with the URL and capture time, its bytes stored
 * encrypted as an evidence file, and what it says read out: an OnlineAd entity with the phones
 * and e-mails given in it as Phone and EmailAddress nodes (so ads sharing one meet at it in the chart),
 * and a link to every earlier ad carrying a near-identical photo. All in one transaction: a bad
 * capture leaves the case unchanged.
 */
import { assemble, assembles, Redirects, type AssemblyReport } from '../assembly/index.ts';
import { distinct, extractAll, phoneCountries } from '../../domain/captures/extract.ts';
import { hamming, nearIdentical } from '../../domain/captures/imageHash.ts';
import type { CaptureDetailOut, CaptureSummaryOut, ExtractionOut } from '../../shared/contracts/captures.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { decodeCapture } from '../../ingest/captures/decode.ts';
import type { CaptureImageRow, CaptureRow } from '../../store/repos/captures/captures.ts';
import {
  captureAdIds,
  entityIdsWithSelector,
  getCaptureRow,
  insertCapture,
  listCaptureImages,
  listCaptureRows,
  shareEntitiesWith,
} from '../../store/repos/captures/captures.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import { insertFile, sha256Hex } from '../../store/repos/files/files.ts';
import { insertSource } from '../../store/repos/cases/notes.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { requireCase } from '../cases/index.ts';
import { prepareAll, writePrepared } from '../entities/index.ts';
import type { EntityWrite } from '../entities/index.ts';

export interface CaptureInput {
  bytes: Buffer;
  fileName: string;
  url: string;
  capturedAt: string;
  /** The ad site's country, when the analyst states it (a .com site serving one country). */
  siteCountry?: string | null;
  /** A contributing agency with part of the case: what it adds joins its shared part. */
  sharedWith?: string | null;
  /** Told what assembly joined or raised (for the use case's one audit record). */
  onAssembly?: (r: AssemblyReport) => void;
}

/** ISO 639-1 (as pages declare it) → ISO 639-3 (as the OnlineAd `language` property holds it). */
const LANG3: Record<string, string> = {
  en: 'eng',
  fi: 'fin',
  et: 'est',
  lv: 'lav',
  lt: 'lit',
  ru: 'rus',
  uk: 'ukr',
  sv: 'swe',
  pl: 'pol',
  ro: 'ron',
  de: 'deu',
};
/** The OnlineAd's `text` keeps this much of the page (the whole text stays in the capture record). */
const AD_TEXT_CHARS = 20_000;

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    throw errors.validation('Not a URL', 'query.url');
  }
};

/** Existing Phone / EmailAddress nodes of the case for these values. */
async function nodesFor(
  scope: CaseScope,
  kind: 'phone' | 'email',
  values: readonly string[],
): Promise<Map<string, string>> {
  const hits = await entityIdsWithSelector(scope, kind, values);
  const schema = kind === 'phone' ? 'Phone' : 'EmailAddress';
  const rows = await getEntities(
    scope,
    hits.map((h) => h.entity_id),
  );
  const ofSchema = new Set(rows.filter((r) => r.schema === schema).map((r) => r.id));
  const out = new Map<string, string>();
  for (const h of hits) if (ofSchema.has(h.entity_id) && !out.has(h.value)) out.set(h.value, h.entity_id);
  return out;
}

const link = (subject: string, object: string, role: string): EntityWrite => ({
  schema: 'UnknownLink',
  properties: { subject: [subject], object: [object], role: [role] },
});

export function summaryOf(r: CaptureRow): CaptureSummaryOut {
  const x = JSON.parse(r.extraction) as ExtractionOut;
  return {
    id: r.id,
    adId: r.ad_entity_id,
    fileId: r.file_id,
    url: r.url,
    site: r.site,
    capturedAt: r.captured_at,
    sha256: r.sha256,
    size: r.size,
    kind: r.kind,
    title: r.title,
    phones: distinct(x.phones.flatMap((p) => (p.e164 ? [p.e164] : []))),
    emails: distinct(x.emails.map((e) => e.email)),
    redFlags: distinct(x.redFlags.map((f) => f.kind)),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function detailOf(r: CaptureRow, images: readonly CaptureImageRow[]): CaptureDetailOut {
  return {
    ...summaryOf(r),
    mimeType: r.mime_type,
    charset: r.charset,
    text: r.text,
    extraction: JSON.parse(r.extraction) as ExtractionOut,
    images: images.map((i) => ({
      sha256: i.sha256,
      mimeType: i.mime_type,
      width: i.width,
      height: i.height,
      dhash: i.dhash,
      phash: i.phash,
      origin: i.origin,
      note: i.note,
    })),
    warnings: JSON.parse(r.warnings) as string[],
  };
}

/** Imports one capture. Throws a 4xx AppError, having stored nothing, on anything it cannot read. */
export async function captureFile(
  store: Store,
  actor: Actor,
  caseId: string,
  input: CaptureInput,
): Promise<CaptureDetailOut> {
  const kase = await requireCase(store, caseId);
  const site = hostOf(input.url);
  const decoded = decodeCapture(input.bytes, input.fileName);
  const sha256 = sha256Hex(input.bytes);
  // Numbers without a country code: the site's country first, then the page language's, then the case's.
  const countries = phoneCountries({
    host: site,
    siteCountry: input.siteCountry ?? null,
    language: decoded.lang,
    caseCountry: kase.country,
  });
  const x = extractAll(decoded.text, countries, decoded.lang);
  const extraction: ExtractionOut = {
    phones: x.phones,
    emails: x.emails,
    handles: x.handles,
    prices: x.prices,
    ages: x.ages,
    places: x.places.map((p) => ({ name: p.name, country: p.country, raw: p.raw, start: p.start, end: p.end })),
    redFlags: x.redFlags,
  };
  // An ambiguous number (several countries read it, nothing prefers one) stays a fact with its
  // candidates and gives no Phone node: a guess would join or split networks on nothing.
  const phones = distinct([
    ...x.phones.flatMap((p) => (p.e164 ? [p.e164] : [])),
    ...x.handles.filter((h) => h.handle.startsWith('+')).map((h) => h.handle),
  ]);
  const emails = distinct(x.emails.map((e) => e.email));
  const at = new Date().toISOString();
  const captureId = uuidv7();
  const adId = uuidv7();
  const fileId = uuidv7();
  const sourceId = uuidv7();
  const firstLine = decoded.text.split('\n').find((l) => l.trim() !== '') ?? '';
  const title = (decoded.title || firstLine || site).slice(0, 500);
  const price = x.prices[0];
  const adProps: Record<string, string[]> = {
    title: [title],
    url: [input.url],
    site: [site],
    capturedAt: [input.capturedAt],
    captureSha256: [sha256],
    phone: phones,
    email: emails,
    ...(decoded.text ? { text: [decoded.text.slice(0, AD_TEXT_CHARS)] } : {}),
    ...(price ? { price: [String(price.amount)], currency: [price.currency] } : {}),
    ...(x.places[0] ? { location: [x.places[0].name] } : {}),
    ...(decoded.lang && LANG3[decoded.lang.slice(0, 2).toLowerCase()]
      ? { language: [LANG3[decoded.lang.slice(0, 2).toLowerCase()] ?? ''] }
      : {}),
  };
  const imageRows: CaptureImageRow[] = decoded.images.map((im, idx) => ({
    capture_id: captureId,
    idx,
    sha256: im.sha256,
    mime_type: im.mimeType,
    width: im.width,
    height: im.height,
    dhash: im.hashes?.dhash ?? null,
    phash: im.hashes?.phash ?? null,
    origin: im.origin,
    note: im.note,
  }));

  await store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    const items: EntityWrite[] = [{ id: adId, schema: 'OnlineAd', properties: adProps }];
    for (const [kind, values] of [
      ['phone', phones],
      ['email', emails],
    ] as const) {
      const known = await nodesFor(scope, kind, values);
      for (const v of values) {
        let node = known.get(v);
        if (!node) {
          node = uuidv7();
          items.push({
            id: node,
            schema: kind === 'phone' ? 'Phone' : 'EmailAddress',
            properties: kind === 'phone' ? { number: [v] } : { address: [v] },
          });
        }
        items.push(link(adId, node, kind === 'phone' ? 'phone given in the ad' : 'e-mail given in the ad'));
      }
    }
    // Near-identical photos in ads captured before: one link per earlier ad, naming the distance.
    const mine = imageRows.filter((i) => i.dhash && i.phash);
    if (mine.length) {
      const earlier = (await listCaptureImages(scope)).filter((i) => i.dhash && i.phash);
      const captures = await captureAdIds(scope);
      const linked = new Set<string>();
      for (const e of earlier) {
        const other = captures.get(e.capture_id);
        if (!other || linked.has(other)) continue;
        const m = mine.find((i) =>
          nearIdentical({ dhash: i.dhash ?? '', phash: i.phash ?? '' }, { dhash: e.dhash ?? '', phash: e.phash ?? '' }),
        );
        if (!m) continue;
        linked.add(other);
        items.push(
          link(
            adId,
            other,
            `near-identical photo (dHash ${hamming(m.dhash ?? '', e.dhash ?? '')}, pHash ${hamming(m.phash ?? '', e.phash ?? '')} bits of 64)`,
          ),
        );
      }
    }
    const prepared = prepareAll(items, kase.country, {
      sourceId,
      itemPath: (i) => (i === 0 ? 'capture' : `capture.links[${i}]`),
    });
    await insertSource(scope, {
      id: sourceId,
      kind: 'capture',
      label: input.url.slice(0, 500),
      sha256,
      file_name: input.fileName,
      created_by: actor.id,
      created_at: at,
    });
    await writePrepared(scope, prepared, { userId: actor.id, at, provenanceSourceId: sourceId }, {});
    if (input.sharedWith) {
      const agency = input.sharedWith;
      await shareEntitiesWith(
        scope,
        agency,
        prepared.map((p) => p.id),
      );
    }
    await insertFile(scope, {
      id: fileId,
      file_name: input.fileName,
      mime_type:
        decoded.kind === 'image'
          ? decoded.mimeType
          : decoded.kind === 'mhtml'
            ? 'multipart/related'
            : decoded.kind === 'html'
              ? 'text/html'
              : 'text/plain',
      content: input.bytes,
      entity_id: adId,
      source_id: sourceId,
      created_by: actor.id,
      created_at: at,
    });
    await insertCapture(
      scope,
      {
        id: captureId,
        ad_entity_id: adId,
        file_id: fileId,
        source_id: sourceId,
        url: input.url,
        site,
        captured_at: input.capturedAt,
        sha256,
        size: input.bytes.length,
        kind: decoded.kind,
        mime_type: decoded.mimeType,
        charset: decoded.charset,
        title,
        text: decoded.text,
        extraction: JSON.stringify(extraction),
        warnings: JSON.stringify(decoded.warnings),
        created_by: actor.id,
        created_at: at,
      },
      imageRows,
    );
    // Phones and e-mails the case holds under other nodes join them (services/assembly).
    const touched = prepared.filter((p) => assembles(p.schema)).map((p) => p.id);
    const by = { country: kase.country, by: actor.id, at, sourceId };
    input.onAssembly?.(await assemble(scope, await Redirects.load(scope), touched, by));
  });
  const row = await getCaptureRow(store.scope(caseId), captureId);
  if (!row) throw errors.notFound('Capture');
  return detailOf(row, imageRows);
}

export async function listCaptures(
  store: Store,
  caseId: string,
  visible: (adId: string) => boolean,
): Promise<CaptureSummaryOut[]> {
  return (await listCaptureRows(store.scope(caseId))).filter((r) => visible(r.ad_entity_id)).map(summaryOf);
}

export async function getCapture(
  store: Store,
  caseId: string,
  id: string,
  visible: (adId: string) => boolean,
): Promise<CaptureDetailOut> {
  const scope = store.scope(caseId);
  const row = await getCaptureRow(scope, id);
  if (!row || !visible(row.ad_entity_id)) throw errors.notFound('Capture');
  return detailOf(row, await listCaptureImages(scope, id));
}
