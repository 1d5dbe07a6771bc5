/**
 * What the pipeline does with call records before they are written, so that several subscribers'
 * files of one network become one network with each call once:
 * - a phone is the case's phone with that number (found by its normalised number, whatever
 *   import or capture made it), not a new one per file;
 * - each row is one end's sighting of a call (domain/calls/matching.ts): it joins the call the
 *   case already holds from the other end, is recognised when read again (unchanged, or updated
 *   when its end now says something else), or becomes a new call;
 * - cell sites (antennas with a position) are added, or updated when their position changed;
 *   calls name the site of their cell when the case knows it, and a site added later is
 *   attached to the calls already in the case that name its cell.
 * Updates go through the entity history (versioned), in the import's transaction.
 */
import {
  absorb,
  DEFAULT_WINDOW_SECONDS,
  matchSighting,
  parseRecordId,
  type CallEnd,
  type KnownCall,
} from '../../domain/calls/matching.ts';
import { sameProperties } from '../../domain/entity/merge.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { errors } from '../../shared/errors.ts';
import { cellSiteId } from '../../ingest/formats/antennas.ts';
import type { ImportItem } from '../../ingest/types.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { callPage, callsBetween, phonesByNumber } from '../../store/repos/entities/calls.ts';
import { existingIds, getEntities, getEntity, updateEntity } from '../../store/repos/entities/entities.ts';
import type { Recording } from '../../store/repos/entities/entities.ts';
import { prepareAll } from '../entities/index.ts';

/** Formats whose items pass the call gate. */
const CALL_FORMATS: ReadonlySet<string> = new Set(['cdr', 'cdr-antennas']);

export interface CallRecordReport {
  /** Call and text rows read. */
  rows: number;
  added: number;
  /** Rows that completed a call the case held from the other end. */
  otherEnd: number;
  /** Rows read before, with nothing new. */
  unchanged: number;
  /** Rows read before whose end now says something else (the call is updated, its history kept). */
  updated: number;
  antennasAdded: number;
  antennasUnchanged: number;
  antennasUpdated: number;
  /** Calls already in the case given the place of their cell by this import's antennas. */
  placesAttached: number;
}

type Entity = Extract<ImportItem, { kind: 'entity' }>;

const ENDS: readonly CallEnd[] = ['caller', 'receiver'];
const SITE_KEYS = ['name', 'latitude', 'longitude', 'description', 'publisher'];
const pairKey = (a: string, b: string) => `${a}\u0000${b}`;
const isSite = (e: Entity) => e.record.schema === 'Address' && e.record.id.startsWith('cell-');
const isSighting = (e: Entity) =>
  e.record.schema === 'Call' && !!parseRecordId(e.record.properties['recordId']?.[0] ?? '');

export class CallGate {
  readonly report: CallRecordReport = {
    rows: 0,
    added: 0,
    otherEnd: 0,
    unchanged: 0,
    updated: 0,
    antennasAdded: 0,
    antennasUnchanged: 0,
    antennasUpdated: 0,
    placesAttached: 0,
  };
  /** Phone id as the file derives it → the case's phone. */
  private readonly phones = new Map<string, string>();
  /** Calls between each ordered pair of phones: the case's, and this import's so far. */
  private readonly calls = new Map<string, KnownCall[]>();
  /** Calls to rewrite once everything is written, by id. */
  private readonly dirty = new Map<string, KnownCall>();
  /** Cell sites: known to the case or added by this import (true), or unknown (false). */
  private readonly sites = new Map<string, boolean>();
  private readonly newSites = new Set<string>();
  private readonly siteUpdates = new Map<string, Properties>();

  constructor(
    private readonly scope: CaseScope,
    private readonly country: string,
    private readonly rec: Recording,
    private readonly windowSeconds: number,
  ) {}

  /** The items as they should be written, decided a chunk at a time. */
  async *pass(items: AsyncIterable<ImportItem>, chunkSize: number): AsyncGenerator<ImportItem> {
    let buffer: ImportItem[] = [];
    for await (const item of items) {
      buffer.push(item);
      if (buffer.length >= chunkSize) {
        yield* await this.decide(buffer);
        buffer = [];
      }
    }
    yield* await this.decide(buffer);
  }

  private async decide(buffer: ImportItem[]): Promise<ImportItem[]> {
    const entities = buffer.filter((i): i is Entity => i.kind === 'entity');
    await this.resolvePhones(entities.filter((e) => e.record.schema === 'Phone'));
    // What each site and sighting becomes; one left out of the map is not written.
    const decided = new Map<ImportItem, ImportItem>([
      ...(await this.admitSites(entities.filter(isSite))),
      ...(await this.admitCalls(entities.filter(isSighting))),
    ]);
    return buffer.flatMap((i) => {
      if (i.kind !== 'entity') return [i];
      if (isSite(i) || isSighting(i)) return decided.has(i) ? [decided.get(i) as ImportItem] : [];
      if (i.record.schema !== 'Phone') return [i];
      return [{ ...i, record: { ...i.record, id: this.phones.get(i.record.id) ?? i.record.id } }];
    });
  }

  /** Each phone of the file to the case's phone with its number (the oldest, if several). */
  private async resolvePhones(items: Entity[]): Promise<void> {
    const open = items.filter((p) => !this.phones.has(p.record.id));
    const numbers = open.map((p) => p.record.properties['number']?.[0] ?? '').filter((n) => n.startsWith('+'));
    const found = numbers.length ? await phonesByNumber(this.scope, numbers) : new Map<string, string[]>();
    for (const p of open) {
      const ids = found.get(p.record.properties['number']?.[0] ?? '') ?? [];
      this.phones.set(p.record.id, ids.includes(p.record.id) ? p.record.id : (ids[0] ?? p.record.id));
    }
  }

  /** New cell sites pass; known ones are left out, or updated when their position changed. */
  private async admitSites(items: Entity[]): Promise<[Entity, Entity][]> {
    const open = items.filter((s) => !this.newSites.has(s.record.id) && !this.siteUpdates.has(s.record.id));
    const rows = new Map(
      (
        await getEntities(
          this.scope,
          open.map((s) => s.record.id),
        )
      ).map((r) => [r.id, r]),
    );
    const out: [Entity, Entity][] = [];
    for (const s of open) {
      const id = s.record.id;
      const row = rows.get(id);
      if (this.newSites.has(id)) continue;
      if (!row) {
        this.sites.set(id, true);
        this.newSites.add(id);
        this.report.antennasAdded++;
        out.push([s, { ...s, merge: false }]);
        continue;
      }
      this.sites.set(id, true);
      const current = JSON.parse(row.properties) as Properties;
      const next: Properties = { ...current };
      for (const k of SITE_KEYS) {
        const v = s.record.properties[k];
        if (v?.length) next[k] = v;
        else delete next[k];
      }
      if (sameProperties(current, next)) this.report.antennasUnchanged++;
      else {
        this.siteUpdates.set(id, next);
        this.report.antennasUpdated++;
      }
    }
    return out;
  }

  /** Sightings as new calls; those joining or repeating a known call are taken into it. */
  private async admitCalls(items: Entity[]): Promise<[Entity, Entity][]> {
    const phone = (id: string | undefined) => (id ? (this.phones.get(id) ?? id) : '');
    const sightings = items.map((c) => {
      const p: Properties = { ...c.record.properties };
      p['callerPhone'] = [phone(p['callerPhone']?.[0])];
      p['receiverPhone'] = [phone(p['receiverPhone']?.[0])];
      return { item: c, properties: p };
    });
    await this.knowSites(sightings.flatMap((s) => ENDS.flatMap((end) => s.properties[`${end}Place`] ?? [])));
    const pairs = new Map<string, [string, string]>();
    for (const { properties: p } of sightings) {
      const pair: [string, string] = [p['callerPhone']?.[0] ?? '', p['receiverPhone']?.[0] ?? ''];
      if (!this.calls.has(pairKey(...pair))) pairs.set(pairKey(...pair), pair);
    }
    for (const key of pairs.keys()) this.calls.set(key, []);
    for (const r of await callsBetween(this.scope, [...pairs.values()]))
      this.calls.get(pairKey(r.source_id ?? '', r.target_id ?? ''))?.push({
        id: r.id,
        properties: JSON.parse(r.properties) as Properties,
      });

    const out: [Entity, Entity][] = [];
    for (const { item, properties: p } of sightings) {
      for (const end of ENDS) {
        const site = p[`${end}Place`]?.[0];
        if (site && !this.sites.get(site)) delete p[`${end}Place`];
      }
      this.report.rows++;
      const known = this.calls.get(pairKey(p['callerPhone']?.[0] ?? '', p['receiverPhone']?.[0] ?? '')) ?? [];
      const match = matchSighting(known, p, this.windowSeconds);
      if (!match) {
        known.push({ id: item.record.id, properties: p });
        out.push([item, { ...item, record: { ...item.record, properties: p } }]);
        this.report.added++;
        continue;
      }
      const next = absorb(match.call.properties, p);
      if (match.how === 'same' && sameProperties(next, match.call.properties)) {
        this.report.unchanged++;
        continue;
      }
      match.call.properties = next;
      this.dirty.set(match.call.id, match.call);
      if (match.how === 'same') this.report.updated++;
      else this.report.otherEnd++;
    }
    return out;
  }

  /** Whether each cell site is in the case or this import. */
  private async knowSites(ids: string[]): Promise<void> {
    const open = [...new Set(ids)].filter((id) => !this.sites.has(id));
    if (!open.length) return;
    const present = await existingIds(this.scope, open);
    for (const id of open) this.sites.set(id, present.has(id));
  }

  /**
   * After everything new is written: rewrites the calls and sites that changed, and gives the
   * sites this import added to the calls of the case that name their cell without a site.
   */
  async finish(): Promise<void> {
    for (const [id, properties] of this.siteUpdates) await this.rewrite(id, properties);
    for (const call of this.dirty.values()) await this.rewrite(call.id, call.properties);
    if (!this.newSites.size) return;
    for (let after = ''; ;) {
      const page = await callPage(this.scope, after, 500);
      if (!page.length) break;
      after = page[page.length - 1]?.id ?? after;
      for (const row of page) {
        const current = (this.dirty.get(row.id)?.properties ?? JSON.parse(row.properties)) as Properties;
        const next = this.placed(current);
        if (next && (await this.rewrite(row.id, next))) this.report.placesAttached++;
      }
    }
  }

  /** The call with the sites of its cells that this import added, or undefined when none applies. */
  private placed(p: Properties): Properties | undefined {
    let next: Properties | undefined;
    for (const end of ENDS) {
      const cell = p[`${end}Cell`]?.[0];
      if (!cell || p[`${end}Place`]?.length) continue;
      const own = (p['recordId'] ?? []).map(parseRecordId).find((r) => r?.end === end);
      const site = cellSiteId(own?.dataset ?? '', cell);
      if (this.newSites.has(site)) next = { ...(next ?? p), [`${end}Place`]: [site] };
    }
    return next;
  }

  /** Writes new properties over an entity of the case (a new version); false when nothing changed. */
  private async rewrite(id: string, properties: Properties): Promise<boolean> {
    const row = await getEntity(this.scope, id);
    if (!row || sameProperties(JSON.parse(row.properties) as Properties, properties)) return false;
    const [next] = prepareAll([{ id, schema: row.schema, properties }], this.country, {
      strictSelectors: false,
      skipRequired: true,
    });
    if (!next) return false;
    const grading = { reliability: row.reliability, information: row.information } as typeof next.grading;
    const written = await updateEntity(this.scope, { ...next, grading }, row.version, {
      ...this.rec,
      provenanceSourceId: row.provenance_source_id,
    });
    // A version written by someone else meanwhile: refuse the import (rolled back) rather than count it.
    if (!written) throw errors.conflict(`${id} changed while it was being imported; import the file again`);
    return true;
  }
}

/** The gate for a call-record format, or null for any other. */
export function callGateFor(
  format: string,
  scope: CaseScope,
  country: string,
  rec: Recording,
  options: unknown,
): CallGate | null {
  if (!CALL_FORMATS.has(format)) return null;
  const window = (options as { matchWindowSeconds?: unknown } | null)?.matchWindowSeconds;
  return new CallGate(scope, country, rec, typeof window === 'number' ? window : DEFAULT_WINDOW_SECONDS);
}
