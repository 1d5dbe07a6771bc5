/**
 * One call, however many records tell of it. A call from A to B appears in A's call record (an
 * outgoing row) and in B's (an incoming row); the two operators' clocks and rounding differ, so
 * the rows agree on the parties and the kind but only roughly on the time and the duration.
 *
 * A row is a *sighting*: the call as one end logged it. Its record id (`recordIdOf`) names the
 * end, the kind and the start time as that end wrote it, so the same row read again is
 * recognised exactly. A sighting joins a known call between the same two phones when the call
 * has no sighting from that end yet, the kinds agree, the starts lie within the window and the
 * durations agree (`durationsAgree`); of several such calls the nearest in time is taken.
 *
 * A call keeps the caller's times when the caller's end has been seen (the originating network
 * bills the call), else the receiver's; each end's cell and cell site are kept apart. So a call
 * reads the same whatever order its records were imported in.
 */
import type { Properties } from '../schema/types.ts';

export type CallEnd = 'caller' | 'receiver';
export type CallKind = 'call' | 'sms';

/** A call as stored: its id and FtM properties (Call schema). */
export interface KnownCall {
  id: string;
  properties: Properties;
}

export interface ParsedRecordId {
  dataset: string;
  end: CallEnd;
  kind: CallKind;
  start: string;
  occurrence: number;
}

/** Default matching window: clocks of two operators rarely differ by more than a minute. */
export const DEFAULT_WINDOW_SECONDS = 60;

const RECORD_ID = /^(?:(.+): )?(caller|receiver) (call|sms) (\S+?)(?: #(\d+))?$/;

/**
 * `[dataset: ]end kind start[ #n]`; `occurrence` counts identical rows of one file (two texts in
 * the same second are two texts).
 */
export function recordIdOf(r: ParsedRecordId): string {
  const head = r.dataset ? `${r.dataset}: ` : '';
  return `${head}${r.end} ${r.kind} ${r.start}${r.occurrence > 1 ? ` #${r.occurrence}` : ''}`;
}

export function parseRecordId(id: string): ParsedRecordId | null {
  const m = RECORD_ID.exec(id);
  if (!m) return null;
  const [, dataset, end, kind, start, n] = m;
  return {
    dataset: dataset ?? '',
    end: end as CallEnd,
    kind: kind as CallKind,
    start: start ?? '',
    occurrence: n ? Number(n) : 1,
  };
}

/** Milliseconds of an ISO date or date-time prefix read as UTC; NaN when unreadable. */
export function instantOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?/.exec(iso);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map((v) => (v === undefined ? 0 : Number(v))) as number[];
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
}

/** Durations in seconds agree within 5 s or a tenth of the longer; a missing one agrees with any. */
export function durationsAgree(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return true;
  return Math.abs(a - b) <= Math.max(5, Math.max(a, b) / 10);
}

export const kindOfCall = (p: Properties): CallKind => (p['summary']?.includes('SMS') ? 'sms' : 'call');

const durationOf = (p: Properties): number | null => {
  const v = p['duration']?.[0];
  return v === undefined || v === '' ? null : Number(v);
};

/** The ends a call has been seen from, by its record ids. */
export function endsOf(p: Properties): Set<CallEnd> {
  const ends = new Set<CallEnd>();
  for (const r of p['recordId'] ?? []) {
    const parsed = parseRecordId(r);
    if (parsed) ends.add(parsed.end);
  }
  return ends;
}

/** The end and record id of a sighting (a Call as one row gives it). */
export function sightingOf(p: Properties): ParsedRecordId & { recordId: string } {
  const recordId = p['recordId']?.[0] ?? '';
  const parsed = parseRecordId(recordId);
  if (!parsed) throw new Error(`Not a call record id: "${recordId}"`);
  return { ...parsed, recordId };
}

export type Match = { how: 'same' | 'otherEnd'; call: KnownCall } | null;

/**
 * The known call this sighting belongs to: the one holding its record id (`same`), else the
 * nearest call between the same phones it can complete (`otherEnd`), else none. `candidates`
 * are calls between the sighting's two phones.
 */
export function matchSighting(candidates: readonly KnownCall[], sighting: Properties, windowSeconds: number): Match {
  const s = sightingOf(sighting);
  const same = candidates.find((c) => c.properties['recordId']?.includes(s.recordId));
  if (same) return { how: 'same', call: same };
  const at = instantOf(sighting['startDate']?.[0] ?? '');
  const duration = durationOf(sighting);
  let best: { call: KnownCall; gap: number; spread: number } | null = null;
  for (const c of candidates) {
    const p = c.properties;
    if (kindOfCall(p) !== s.kind || endsOf(p).has(s.end)) continue;
    const gap = Math.abs(instantOf(p['startDate']?.[0] ?? '') - at) / 1000;
    if (!(gap <= windowSeconds) || !durationsAgree(durationOf(p), duration)) continue;
    const spread = Math.abs((durationOf(p) ?? 0) - (duration ?? 0));
    const better =
      !best ||
      gap < best.gap ||
      (gap === best.gap && (spread < best.spread || (spread === best.spread && c.id < best.call.id)));
    if (better) best = { call: c, gap, spread };
  }
  return best ? { how: 'otherEnd', call: best.call } : null;
}

/** Properties a sighting's end owns: its cell and cell site. */
const endKeys = (end: CallEnd) => [`${end}Cell`, `${end}Place`];
/** Properties the end that sets the call's times owns. */
const TIME_KEYS = ['date', 'startDate', 'endDate', 'duration', 'summary'];

/**
 * The call after taking in a sighting: the sighting's record id, its end's cell and site, and
 * its times when its end sets them (the caller's end, or the only end seen). A sighting read
 * again (`same`) replaces what its end said before.
 */
export function absorb(call: Properties, sighting: Properties): Properties {
  const s = sightingOf(sighting);
  const out: Properties = {};
  for (const [k, v] of Object.entries(call)) out[k] = [...v];
  const ids = out['recordId'] ?? [];
  // Sorted, so the call reads the same whichever end's record came first.
  if (!ids.includes(s.recordId)) out['recordId'] = [...ids, s.recordId].sort();
  for (const k of endKeys(s.end)) {
    const v = sighting[k];
    if (v?.length) out[k] = [...v];
    else delete out[k];
  }
  const ends = endsOf(call);
  const setsTimes = s.end === 'caller' || !ends.has('caller');
  if (setsTimes) {
    for (const k of TIME_KEYS) {
      const v = sighting[k];
      if (v?.length) out[k] = [...v];
      else delete out[k];
    }
  }
  return out;
}
