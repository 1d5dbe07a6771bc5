/**
 * The timeline: events, trips, employment and posting periods, recruitments, housing, ads'
 * lifetimes, companies' lives and contracts, each with the extent domain/time gives it, and the
 * case's statement lines aggregated per day and currency (a case may hold millions of lines;
 * the page draws the aggregate).
 */
import { isA } from '../../domain/schema/index.ts';
import { extentOf } from '../../domain/time/period.ts';
import type { TimelineItemOut, TimelineOut, ViewRef } from '../../shared/contracts/views.ts';
import type { Store } from '../../store/store.ts';
import { dailyTotals } from '../../store/repos/views/views.ts';
import type { CaseAccess } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { loadViewEntities, type ViewEntity } from './data.ts';

/** Row of the timeline per schema (first match wins); schemata not listed are not drawn. */
const ROWS: readonly [string, string][] = [
  ['Trip', 'trip'],
  ['Event', 'event'],
  ['Recruitment', 'recruitment'],
  ['Employment', 'employment'],
  ['Posting', 'posting'],
  ['Accommodation', 'accommodation'],
  ['OnlineAd', 'ad'],
  ['Subcontract', 'contract'],
  ['Payment', 'payment'],
  ['Identification', 'document'],
  ['Organization', 'company'],
  ['Succession', 'company'],
  ['Directorship', 'company'],
  ['Control', 'other'],
  ['Debt', 'other'],
  // Communications: calls, chat messages and e-mails, between whoever sent and received them.
  ['Call', 'communication'],
  ['Message', 'communication'],
  ['Email', 'communication'],
];
const MESSAGE_SCHEMATA = new Set(['Message', 'Email']);
const LIFETIME_ROWS = new Set(['company', 'document', 'other']);
export const TIMELINE_ROWS: readonly string[] = [...new Set(ROWS.map(([, row]) => row))];

/** Items kept at most; the rest are left out (the page says so through `items.length`). */
export const MAX_ITEMS = 20_000;

const ref = (e: ViewEntity): ViewRef => ({
  id: e.id,
  schema: e.schema,
  caption: e.caption,
  ...(e.pseudonymised ? { pseudonymised: true } : {}),
});

/**
 * Whom each message concerns: its sender, the addresses linked to it (an e-mail's sender and
 * recipients), and the entities accepted mentions link it to (Documentation links).
 */
function messageParties(entities: readonly ViewEntity[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (message: string, id: string | null | undefined) => {
    if (!id || id === message) return;
    const set = out.get(message) ?? new Set<string>();
    set.add(id);
    out.set(message, set);
  };
  const messages = new Set(entities.filter((e) => MESSAGE_SCHEMATA.has(e.schema)).map((e) => e.id));
  for (const e of entities) {
    if (messages.has(e.id)) add(e.id, e.properties['sender']?.[0]);
    if (e.sourceId && messages.has(e.sourceId)) add(e.sourceId, e.targetId);
    else if (e.targetId && messages.has(e.targetId)) add(e.targetId, e.sourceId);
  }
  return out;
}

export async function timelineView(store: Store, access: CaseAccess): Promise<TimelineOut> {
  const data = await loadViewEntities(store, access);
  const items: TimelineItemOut[] = [];
  let lo: string | null = null;
  let hi: string | null = null;
  const widen = (d: string | null) => {
    if (!d) return;
    if (!lo || d < lo) lo = d;
    if (!hi || d > hi) hi = d;
  };
  const parties = messageParties(data.entities);
  for (const e of data.entities) {
    const row = ROWS.find(([schema]) => isA(e.schema, schema))?.[1];
    if (!row) continue;
    const extent = extentOf(e);
    if (!extent) continue;
    const endIds = MESSAGE_SCHEMATA.has(e.schema) ? [...(parties.get(e.id) ?? [])] : [e.sourceId, e.targetId];
    const ends = endIds.flatMap((id) => {
      const x = id ? data.byId.get(id) : undefined;
      return x ? [ref(x)] : [];
    });
    items.push({ ...ref(e), kind: row, from: extent.from, to: extent.to, ends });
    if (items.length >= MAX_ITEMS) break;
  }
  const daily = await dailyTotals(store.scope(access.caseId), data.v.only);
  const transactions = daily.map((d) => ({
    date: d.booking_date,
    currency: d.currency,
    count: Number(d.n),
    inMinor: Number(d.in_sum ?? 0),
    outMinor: Number(d.out_sum ?? 0),
  }));
  // The range the page opens on: the statement period when there is one (the months the case is
  // about), else the activity; companies' lives and old employments run for years and would
  // squeeze the case into a sliver. Zooming out shows them whole.
  for (const t of transactions) widen(t.date);
  if (!transactions.length) {
    for (const i of items) {
      if (LIFETIME_ROWS.has(i.kind)) continue;
      widen(i.from);
      widen(i.to);
    }
  }
  const range = lo && hi ? { from: lo as string, to: hi as string } : null;
  items.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '') || a.id.localeCompare(b.id));
  return { range, items, transactions };
}

export const openTimeline = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'timeline' },
  run: async ({ store, access, audit }) => {
    const out = await timelineView(store, access);
    audit.returned(out.items.map((i) => i.id));
    return out;
  },
});
