/**
 * Time in the analysis views: the ONE definition of an entity's or link's time extent and of
 * "visible in period P". The link chart, chain view, timeline, map and money flow all filter
 * through these functions, so brushing a period on the timeline hides the same things everywhere.
 *
 * API (kept small on purpose; other modules import it):
 * - `Period` — inclusive ISO dates, `null` for an open end.
 * - `extentOf(record)` — the record's own extent from its date-typed schema properties, or null
 *   when it has none (undated).
 * - `overlaps(extent, period)` — inclusive overlap test.
 * - `visibleInPeriod({nodes, links, transactions}, period)` — which node ids and link ids stay
 *   visible: a node is visible when its own extent overlaps P, or when it is an end of a dated
 *   link or transaction overlapping P; undated nodes without such links are hidden while a
 *   period is active. A dated link is visible when it overlaps P; an undated one when both its
 *   ends are visible. With no period, everything is visible.
 *
 * Which date properties make an extent is data (DATE_ROLES below): a person's birth date says
 * nothing about when they were active in the case, so it is not part of any extent.
 */
import { getSchema, propertiesOf } from '../schema/index.ts';

/** Inclusive period: ISO dates (YYYY-MM-DD) or timestamps (compared by their date); null = open. */
export interface Period {
  from: string | null;
  to: string | null;
}

/** A time extent, inclusive, as YYYY-MM-DD; a null end is open (ongoing or unknown start). */
export interface Extent {
  from: string | null;
  to: string | null;
}

export interface DatedRecord {
  schema: string;
  properties: Readonly<Record<string, readonly string[]>>;
}

/**
 * How each date-typed property counts. `start`/`end` open and close the extent; `point` is a
 * moment inside it; `ignore` does not place the thing in time (biographical or bookkeeping
 * dates). Property names are FollowTheMoney's (src/domain/schema) plus the THB extensions.
 * A date property not listed here counts as a `point`: a new date property is an event until
 * someone decides otherwise.
 */
export const DATE_ROLES: Readonly<Record<string, 'start' | 'end' | 'point' | 'ignore'>> = {
  // Interval (every FtM link, Event, Trip, Identification…) and THB links.
  startDate: 'start',
  endDate: 'end',
  date: 'point',
  // LegalEntity: existence of a company.
  incorporationDate: 'start',
  dissolutionDate: 'end',
  // BankAccount.
  openingDate: 'start',
  closingDate: 'end',
  balanceDate: 'point',
  maxBalanceDate: 'point',
  // Vehicle registration.
  registrationDate: 'start',
  deregistrationDate: 'end',
  // OnlineAd: online from publication; the capture is a sighting while it was online.
  publishedAt: 'start',
  capturedAt: 'point',
  // Not activity in the case.
  birthDate: 'ignore',
  deathDate: 'ignore',
  buildDate: 'ignore',
  createdAt: 'ignore',
  modifiedAt: 'ignore',
  retrievedAt: 'ignore',
};

const PREFIX_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** First day covered by an ISO date or prefix ("2023-05" → "2023-05-01"); null if not a date. */
export function startDay(value: string): string | null {
  const m = PREFIX_RE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${mo ?? '01'}-${d ?? '01'}`;
}

/** Last day covered by an ISO date or prefix ("2023-02" → "2023-02-28"); null if not a date. */
export function endDay(value: string): string | null {
  const m = PREFIX_RE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d !== undefined) return `${y}-${mo}-${d}`;
  if (mo === undefined) return `${y}-12-31`;
  const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  return `${y}-${mo}-${String(last).padStart(2, '0')}`;
}

const minOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const maxOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * The record's own extent, or null when no date property that counts has a value.
 * Several values of one property widen the extent. With a start and no end the extent is open
 * towards the future (an employment still running); with an end and no start, towards the past.
 */
export function extentOf(record: DatedRecord): Extent | null {
  if (!getSchema(record.schema)) return null;
  const props = propertiesOf(record.schema);
  let starts: string | null = null;
  let ends: string | null = null;
  let pointMin: string | null = null;
  let pointMax: string | null = null;
  for (const [name, values] of Object.entries(record.properties)) {
    if (props[name]?.type !== 'date') continue;
    const role = DATE_ROLES[name] ?? 'point';
    if (role === 'ignore') continue;
    for (const v of values) {
      const lo = startDay(v);
      const hi = endDay(v);
      if (lo === null || hi === null) continue;
      if (role === 'start') starts = minOf(starts, lo);
      else if (role === 'end') ends = maxOf(ends, hi);
      else {
        pointMin = minOf(pointMin, lo);
        pointMax = maxOf(pointMax, hi);
      }
    }
  }
  if (starts === null && ends === null && pointMin === null) return null;
  // An open side stays open unless a point closes it: a start alone runs on, a point alone is a moment.
  const from = starts !== null ? minOf(starts, pointMin) : ends !== null && pointMin === null ? null : pointMin;
  const to = ends !== null ? maxOf(ends, pointMax) : starts !== null ? null : pointMax;
  return { from, to };
}

/** Inclusive overlap of an extent and a period (timestamps compare by their date). */
export function overlaps(extent: Extent, period: Period): boolean {
  const pFrom = period.from === null ? null : startDay(period.from);
  const pTo = period.to === null ? null : endDay(period.to);
  if (pFrom !== null && extent.to !== null && extent.to < pFrom) return false;
  if (pTo !== null && extent.from !== null && extent.from > pTo) return false;
  return true;
}

/** True when the ISO date (or timestamp) falls inside the period, ends included. */
export function dateInPeriod(date: string, period: Period): boolean {
  const lo = startDay(date);
  const hi = endDay(date);
  return lo !== null && hi !== null && overlaps({ from: lo, to: hi }, period);
}

export interface PeriodNode extends DatedRecord {
  id: string;
}

export interface PeriodLink extends DatedRecord {
  id: string;
  sourceId: string | null;
  targetId: string | null;
}

/** A bank transaction as it bears on visibility: its account, counterparty account, booking date. */
export interface PeriodTransaction {
  accountId: string;
  counterpartyAccountId?: string | null;
  bookingDate: string;
}

export interface PeriodGraph {
  nodes: readonly PeriodNode[];
  links: readonly PeriodLink[];
  transactions?: readonly PeriodTransaction[];
}

export interface Visible {
  nodeIds: Set<string>;
  linkIds: Set<string>;
}

/** Which nodes and links stay visible in `period` (everything when period is null). */
export function visibleInPeriod(graph: PeriodGraph, period: Period | null): Visible {
  if (period === null || (period.from === null && period.to === null)) {
    return { nodeIds: new Set(graph.nodes.map((n) => n.id)), linkIds: new Set(graph.links.map((l) => l.id)) };
  }
  const nodeIds = new Set<string>();
  for (const n of graph.nodes) {
    const e = extentOf(n);
    if (e && overlaps(e, period)) nodeIds.add(n.id);
  }
  const known = new Set(graph.nodes.map((n) => n.id));
  const show = (id: string | null | undefined) => {
    if (id && known.has(id)) nodeIds.add(id);
  };
  const linkIds = new Set<string>();
  const undated: PeriodLink[] = [];
  for (const l of graph.links) {
    const e = extentOf(l);
    if (e === null) undated.push(l);
    else if (overlaps(e, period)) {
      linkIds.add(l.id);
      show(l.sourceId);
      show(l.targetId);
    }
  }
  for (const t of graph.transactions ?? []) {
    if (!dateInPeriod(t.bookingDate, period)) continue;
    show(t.accountId);
    show(t.counterpartyAccountId);
  }
  for (const l of undated) {
    if (l.sourceId && l.targetId && nodeIds.has(l.sourceId) && nodeIds.has(l.targetId)) linkIds.add(l.id);
  }
  return { nodeIds, linkIds };
}
