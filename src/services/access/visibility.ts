/**
 * What of a case an actor may see, by the one visibility model (domain/access/visibility.ts):
 * protected persons and the selectors identifying them behind pseudonyms for anyone without
 * the victim-contact permission, and only the shared entities for an agency given part of a
 * case. Every read path (pages, search, views, exports, reports) goes through here.
 */
import { isVictim, redactVictim } from '../../domain/access/victims.ts';
import { namedIn, noProtection, protectionOf, pseudonymIn, redactText } from '../../domain/access/visibility.ts';
import { isA } from '../../domain/schema/index.ts';
import type { Protection } from '../../domain/access/visibility.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { EntityOut } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { protectionStamp, sharedEntityIds } from '../../store/repos/access/caseAccess.ts';
import type { EntityRow } from '../../store/repos/entities/entities.ts';
import { entityFacts, getEntity } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { Grading } from '../../domain/records.ts';
import type { CaseAccess } from './policy.ts';

export interface Visibility {
  /** Entity ids shared with the actor's agency, when only part of the case is. */
  only: ReadonlySet<string> | null;
  victimContact: boolean;
  /** Who and what is protected from this actor. */
  protection: Protection;
}

/** Everything of the case, as a lead sees it (internal jobs that present nothing to a person). */
export const fullVisibility: Visibility = { only: null, victimContact: true, protection: noProtection };

/**
 * Who a case treats as a victim though no entity records it, as another capability decides it:
 * persons the chain counts as exploited (views), persons assessed or named by an observation
 * (identification). Each source reads the whole case (it is given the access of someone who sees
 * all of it), so what protects a person does not depend on who asks.
 */
export type ProtectionSource = (store: Store, whole: CaseAccess) => Promise<Iterable<string>>;
const protectionSources = new Map<string, ProtectionSource>();

/** A capability adds its source when its module loads (the server and the CLI load them all). */
export function protectPersonsFrom(name: string, source: ProtectionSource): void {
  protectionSources.set(name, source);
}

/** The names of the sources in use (the crawl checks that the chain's and identification's are). */
export const protectionSourceNames = (): string[] => [...protectionSources.keys()].sort();

/** Decided protections by case, kept while the case's protection stamp stays the same. */
const decided = new Map<string, { stamp: string; ids: ReadonlySet<string> }>();
const DECIDED_CASES = 200;

async function alsoProtected(store: Store, access: CaseAccess): Promise<ReadonlySet<string>> {
  // The chain placement behind one source costs far more than reading the stamp, and the
  // answer changes only when the case's data does.
  const stamp = await protectionStamp(store.scope(access.caseId));
  const known = decided.get(access.caseId);
  if (known?.stamp === stamp) return known.ids;
  const whole: CaseAccess = { ...access, victimContact: true, partial: false, sharedAgencyId: null };
  const out = new Set<string>();
  for (const source of protectionSources.values()) for (const id of await source(store, whole)) out.add(id);
  decided.delete(access.caseId);
  if (decided.size >= DECIDED_CASES) decided.delete(decided.keys().next().value ?? '');
  decided.set(access.caseId, { stamp, ids: out });
  return out;
}

/** The protection as the model decides it on the case's entities. */
async function protectionFor(store: Store, access: CaseAccess, only: ReadonlySet<string> | null): Promise<Protection> {
  if (access.victimContact && !only) return noProtection;
  const facts = (await entityFacts(store.scope(access.caseId))).map((r) => ({
    id: r.id,
    schema: r.schema,
    properties: JSON.parse(r.properties) as Properties,
    sourceId: r.source_id,
    targetId: r.target_id,
  }));
  return protectionOf(facts, {
    victimContact: access.victimContact,
    shared: only,
    alsoProtected: access.victimContact ? [] : await alsoProtected(store, access),
    today: new Date().toISOString().slice(0, 10),
  });
}

/** The entity ids of a partial share the actor's agency holds; null when it reaches the whole case. */
export async function sharedPart(store: Store, access: CaseAccess): Promise<ReadonlySet<string> | null> {
  return access.partial && access.sharedAgencyId
    ? new Set(await sharedEntityIds(store.scope(access.caseId), access.sharedAgencyId))
    : null;
}

export async function visibilityOf(store: Store, access: CaseAccess): Promise<Visibility> {
  const only = await sharedPart(store, access);
  return { only, victimContact: access.victimContact, protection: await protectionFor(store, access, only) };
}

export const canSee = (v: Visibility, id: string | null | undefined): boolean => !!id && (!v.only || v.only.has(id));

/** Whether the row is a protected person, or a selector identifying one, that the actor may not identify. */
export function hiddenVictim(v: Visibility, row: Pick<EntityRow, 'id' | 'schema' | 'properties'>): boolean {
  if (v.victimContact) return false;
  return v.protection.pseudonymous.has(row.id) || isVictim(row.schema, JSON.parse(row.properties) as Properties);
}

/** The caption this actor sees: a pseudonym for a protected person or a selector identifying one. */
export const captionFor = (v: Visibility, row: { id: string; caption: string; schema?: string }): string =>
  v.protection.pseudonymous.has(row.id) ? pseudonymIn(v.protection, row.id) : seizedCaption(v, row);

/** A seized message's or document's caption (an e-mail's subject) with protected persons by pseudonym. */
function seizedCaption(v: Visibility, row: { caption: string; schema?: string }): string {
  if (v.victimContact || row.schema === undefined || !carriesSeizedText(row.schema)) return row.caption;
  return redactText(v.protection, row.caption).text;
}

/** A stored entity as the API shows it, before the visibility rules. */
export const presentEntity = (r: EntityRow): EntityOut => ({
  id: r.id,
  schema: r.schema,
  caption: r.caption,
  properties: JSON.parse(r.properties) as Record<string, string[]>,
  sourceId: r.source_id,
  targetId: r.target_id,
  provenance: { sourceId: r.provenance_source_id, recordedBy: r.recorded_by, recordedAt: r.recorded_at },
  grading: {
    reliability: r.reliability as Grading['reliability'],
    information: r.information as Grading['information'],
  },
  version: r.version,
  updatedAt: r.updated_at,
});

/**
 * Seized text (documents, messages, pages) and the parties chat exports name (a LegalEntity
 * called by a name or a number): what names a protected person in them is shown by pseudonym.
 */
function carriesSeizedText(schema: string): boolean {
  return isA(schema, 'Document') || schema === 'Page' || schema === 'LegalEntity';
}

/** Properties of seized text as this actor may read them (for the record and its history alike). */
export function seizedPropertiesFor(
  v: Visibility,
  schema: string,
  properties: Record<string, string[]>,
): { properties: Record<string, string[]>; changed: boolean } {
  if (v.victimContact || !carriesSeizedText(schema)) return { properties, changed: false };
  let changed = false;
  const out = Object.fromEntries(
    Object.entries(properties).map(([k, list]) => [
      k,
      list.map((t) => {
        const r = redactText(v.protection, t);
        if (r.named.length) changed = true;
        return r.text;
      }),
    ]),
  );
  return { properties: changed ? out : properties, changed };
}

function redactSeizedText(v: Visibility, out: EntityOut): EntityOut {
  const { properties, changed } = seizedPropertiesFor(v, out.schema, out.properties);
  const caption = seizedPropertiesFor(v, out.schema, { caption: [out.caption] }).properties['caption']?.[0];
  if (!changed && caption === out.caption) return out;
  return { ...out, caption: caption ?? out.caption, properties };
}

/** The entity as this actor may see it. */
export function presentFor(v: Visibility, row: EntityRow): EntityOut {
  const out = presentEntity(row);
  if (!hiddenVictim(v, row)) return redactSeizedText(v, out);
  return {
    ...out,
    caption: pseudonymIn(v.protection, row.id),
    properties: redactVictim(out.properties),
    pseudonymised: true,
  };
}

export async function requireVisibleEntity(
  store: Store,
  access: CaseAccess,
  v: Visibility,
  id: string,
): Promise<EntityRow> {
  const row = canSee(v, id) ? await getEntity(store.scope(access.caseId), id) : undefined;
  if (!row) throw errors.notFound('Entity');
  return row;
}

/**
 * An evidence file (or what names it) as this actor may see it: null outside a partial share
 * (a file of no entity concerns the whole case), its name withheld when it documents a protected
 * person or a selector of one, or when the name itself names one ("<name>_passport.jpg").
 */
export function fileFor<T extends { entityId: string | null; fileName: string }>(
  v: Visibility,
  id: string,
  f: T,
): T | null {
  if (f.entityId ? !canSee(v, f.entityId) : !!v.only) return null;
  const hidden =
    (!!f.entityId && v.protection.pseudonymous.has(f.entityId)) || namedIn(v.protection, f.fileName) !== null;
  return hidden ? { ...f, fileName: `withheld-${id.slice(-8)}` } : f;
}
