/**
 * Networks of captured ads, and the people behind their phones. Ads that share a phone, an
 * e-mail or a near-identical photo are grouped (domain/capture/clusters.ts); a phone that is
 * also a bank-account holder's or a worker's in the case is surfaced as a hit. A phone several
 * members of one household give (same surname and address, or a Family link) is reported as such
 * and does not by itself join ads into one network, nor tie that family to one.
 */
import { clusterAds } from '../../domain/captures/clusters.ts';
import type { AdSignals } from '../../domain/captures/clusters.ts';
import { distinct } from '../../domain/captures/extract.ts';
import { familyKey, isOneHousehold, type HouseholdMember } from '../../domain/entity/households.ts';
import { foldAddress } from '../../domain/selectors/index.ts';
import type { ExtractionOut, NetworksOut, PhoneHitOut } from '../../shared/contracts/captures.ts';
import {
  entityIdsWithSelector,
  linksTouching,
  listCaptureImages,
  listCaptureRows,
} from '../../store/repos/captures/captures.ts';
import type { EntityRow } from '../../store/repos/entities/entities.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import type { Store } from '../../store/store.ts';
import { canSee, presentFor } from '../access/index.ts';
import type { Visibility } from '../access/index.ts';

/** Schemata that are people or organisations (who can hold a phone), not nodes or documents. */
const HOLDERS = new Set(['Person', 'Company', 'Organization', 'LegalEntity', 'PublicBody']);

const props = (r: Pick<EntityRow, 'properties'>): Record<string, string[]> =>
  JSON.parse(r.properties) as Record<string, string[]>;

/** A person row as the one household test (domain/entity/households.ts) reads it. */
export function householdMember(r: Pick<EntityRow, 'id' | 'properties'>): HouseholdMember {
  const p = props(r);
  return {
    id: r.id,
    firstName: p.firstName?.[0] ?? null,
    lastName: p.lastName?.[0] ?? null,
    name: p.name?.[0] ?? null,
    addresses: [...(p.addressEntity ?? []), ...(p.address ?? []).map((a) => `text:${foldAddress(a)}`)],
  };
}

/** Is this a household's phone: are the persons holding it one family (households.ts)? */
export function isHousehold(persons: readonly EntityRow[], family: ReadonlySet<string> = new Set()): boolean {
  return isOneHousehold(persons.filter((p) => p.schema === 'Person').map(householdMember), family);
}

/** Pairs of persons joined by a Family link, as "a b". */
async function familyPairs(scope: CaseScope, ids: readonly string[]): Promise<Set<string>> {
  const links = await linksTouching(scope, ['Family'], ids);
  return new Set(links.flatMap((l) => (l.source_id && l.target_id ? [familyKey(l.source_id, l.target_id)] : [])));
}

/** Who in the case holds each phone, with their roles (account holder, worker). */
async function holdersOf(scope: CaseScope, phones: readonly string[]): Promise<Map<string, EntityRow[]>> {
  const hits = await entityIdsWithSelector(scope, 'phone', phones);
  const rows = new Map(
    (
      await getEntities(
        scope,
        hits.map((h) => h.entity_id),
      )
    ).map((r) => [r.id, r]),
  );
  const out = new Map<string, EntityRow[]>();
  for (const h of hits) {
    const row = rows.get(h.entity_id);
    if (!row || !HOLDERS.has(row.schema)) continue;
    const list = out.get(h.value) ?? [];
    if (!list.some((x) => x.id === row.id)) list.push(row);
    out.set(h.value, list);
  }
  return out;
}

async function rolesOf(
  scope: CaseScope,
  ids: readonly string[],
): Promise<Map<string, Set<'accountHolder' | 'worker'>>> {
  const links = await linksTouching(scope, ['Ownership', 'Employment'], ids);
  const assets = new Map<string, string>();
  const assetIds = links.filter((l) => l.schema === 'Ownership').flatMap((l) => props(l).asset ?? []);
  for (const a of await getEntities(scope, assetIds)) assets.set(a.id, a.schema);
  const roles = new Map<string, Set<'accountHolder' | 'worker'>>();
  const add = (id: string, role: 'accountHolder' | 'worker') => roles.set(id, (roles.get(id) ?? new Set()).add(role));
  for (const l of links) {
    const p = props(l);
    if (l.schema === 'Ownership' && (p.asset ?? []).some((a) => assets.get(a) === 'BankAccount'))
      for (const o of p.owner ?? []) add(o, 'accountHolder');
    if (l.schema === 'Employment') for (const e of p.employee ?? []) add(e, 'worker');
  }
  return roles;
}

function why(kind: PhoneHitOut['kind'], n: number, roles: readonly string[]): string {
  if (kind === 'household') {
    return `The phone is given by ${n} people of one family (same surname and address, or recorded as family): a household's phone. It says nothing about which of them, if any, placed the ad, so it does not tie them to the ad network without another signal.`;
  }
  const what = roles.length
    ? ` (${distinct(roles)
        .map((r) => (r === 'accountHolder' ? 'bank-account holder' : r === 'worker' ? 'worker' : 'phone holder'))
        .join(', ')})`
    : '';
  if (kind === 'sharedByUnrelated')
    return `The phone is given by ${n} unrelated people${what}: one phone held for several people is a sign of a controller.`;
  return `The phone in the ad is the phone of one person in the case${what}.`;
}

export async function adNetworks(store: Store, caseId: string, v: Visibility): Promise<NetworksOut> {
  const scope = store.scope(caseId);
  const captures = (await listCaptureRows(scope)).filter((c) => canSee(v, c.ad_entity_id));
  const images = await listCaptureImages(scope);
  const byCapture = new Map<string, AdSignals>();
  const flags = new Map<string, string[]>();
  for (const c of captures) {
    const x = JSON.parse(c.extraction) as ExtractionOut;
    const phones = distinct([
      ...x.phones.flatMap((p) => (p.e164 ? [p.e164] : [])),
      ...x.handles.filter((h) => h.handle.startsWith('+')).map((h) => h.handle),
    ]);
    byCapture.set(c.id, { id: c.ad_entity_id, phones, emails: distinct(x.emails.map((e) => e.email)), images: [] });
    flags.set(c.ad_entity_id, distinct(x.redFlags.map((f) => f.kind)));
  }
  for (const im of images) {
    const s = byCapture.get(im.capture_id);
    if (s && im.dhash && im.phash)
      (s.images as { dhash: string; phash: string }[]).push({ dhash: im.dhash, phash: im.phash });
  }
  // One ad may have been captured more than once: merge its signals.
  const byAd = new Map<string, AdSignals>();
  for (const s of byCapture.values()) {
    const prev = byAd.get(s.id);
    byAd.set(
      s.id,
      prev
        ? {
            id: s.id,
            phones: distinct([...prev.phones, ...s.phones]),
            emails: distinct([...prev.emails, ...s.emails]),
            images: [...prev.images, ...s.images],
          }
        : s,
    );
  }
  const ads = [...byAd.values()];
  const allPhones = distinct(ads.flatMap((a) => a.phones));
  const holders = await holdersOf(scope, allPhones);
  const family = await familyPairs(scope, [...new Set([...holders.values()].flat().map((r) => r.id))]);
  const household = new Set([...holders].filter(([, rows]) => isHousehold(rows, family)).map(([phone]) => phone));
  const { links, clusters } = clusterAds(ads, household);

  const roles = await rolesOf(scope, [...new Set([...holders.values()].flat().map((r) => r.id))]);
  const hits: PhoneHitOut[] = [];
  for (const phone of allPhones) {
    const rows = (holders.get(phone) ?? []).filter((r) => canSee(v, r.id));
    if (!rows.length) continue;
    const kind: PhoneHitOut['kind'] = household.has(phone)
      ? 'household'
      : rows.length > 1
        ? 'sharedByUnrelated'
        : 'holder';
    const hs = rows.map((r) => {
      const rs = [...(roles.get(r.id) ?? [])];
      return {
        entityId: r.id,
        schema: r.schema,
        caption: presentFor(v, r).caption,
        roles: rs.length ? rs : (['phoneHolder'] as const).slice(),
      };
    });
    hits.push({
      phone,
      adIds: ads.filter((a) => a.phones.includes(phone)).map((a) => a.id),
      holders: hs,
      kind,
      why: why(
        kind,
        rows.length,
        hs.flatMap((h) => h.roles),
      ),
    });
  }
  const titles = new Map(captures.map((c) => [c.ad_entity_id, c]));
  return {
    ads: [...titles.values()].map((c) => ({ adId: c.ad_entity_id, captureId: c.id, title: c.title, site: c.site })),
    networks: clusters.map((cl) => {
      const members = cl.adIds.map((id) => byAd.get(id)).filter((a): a is AdSignals => !!a);
      return {
        id: cl.adIds[0] ?? '',
        adIds: cl.adIds,
        reasons: cl.reasons,
        peopleShown: cl.peopleShown,
        phones: distinct(members.flatMap((m) => m.phones)),
        emails: distinct(members.flatMap((m) => m.emails)),
        redFlags: distinct(cl.adIds.flatMap((id) => flags.get(id) ?? [])),
      };
    }),
    links,
    hits,
  };
}
