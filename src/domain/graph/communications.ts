/**
 * Who wrote to or called whom: each seized message, e-mail or call joins its sender's end to each
 * recipient's end, aggregated per pair of ends with the number of messages and the first and last
 * day. Without this an e-mail joins its two addresses only through the Email node, and a chat
 * message joins nothing (DOMAIN.md §6: who talks to whom is how a network shows).
 *
 * Pure. An end is the entity the record names (Message.sender, Email.emitters, Call.caller…), or
 * the phone or e-mail node whose value a property writes ("Name <a@b.lv>", "+371 2…"), compared in
 * the selector's normal form; a selector that the chart joins to exactly one holder
 * (selectorLinks.ts) is lifted to that holder, so the edge joins the people. A chat message names
 * no recipients: it went to the chat's other writers (the senders of messages in the same Folder).
 * Values are read as recorded: who is shown by pseudonym is the visibility model's decision on the
 * nodes, and the edge carries ids, a count and dates only.
 */
import { normaliseSelector } from '../selectors/index.ts';
import { dateInPeriod, startDay, type Period } from '../time/period.ts';
import type { SelectorEntity, SelectorLink } from './selectorLinks.ts';

export interface CommunicationLink {
  id: string;
  /** The pair's ends in id order (a conversation goes both ways). */
  source: string;
  target: string;
  count: number;
  first: string | null;
  last: string | null;
}

type Ref = readonly [property: string, kind: 'entity' | 'email' | 'phone'];

/** Where each communication schema names its sender and its recipients, most specific end first. */
const ENDS: Record<string, { from: readonly Ref[]; to: readonly Ref[] }> = {
  Message: {
    from: [
      ['sender', 'entity'],
      ['senderAccount', 'entity'],
    ],
    to: [
      ['recipients', 'entity'],
      ['recipientAccount', 'entity'],
    ],
  },
  Email: {
    from: [
      ['emitters', 'entity'],
      ['from', 'email'],
      ['sender', 'email'],
    ],
    to: [
      ['recipients', 'entity'],
      ['to', 'email'],
      ['cc', 'email'],
      ['bcc', 'email'],
    ],
  },
  Call: {
    from: [
      ['caller', 'entity'],
      ['callerPhone', 'entity'],
      ['callerNumber', 'phone'],
    ],
    to: [
      ['receiver', 'entity'],
      ['receiverPhone', 'entity'],
      ['receiverNumber', 'phone'],
    ],
  },
};

const SELECTOR_NODES = { Phone: ['number', 'phone'], EmailAddress: ['address', 'email'] } as const;

export const communicationEdgeId = (a: string, b: string): string => `communication:${a}~${b}`;

export const isCommunicationSchema = (schema: string): boolean => schema in ENDS;

/** The address inside "Name <a@b.lv>", or the value itself. */
const addressOf = (v: string): string => /<([^<>]+)>\s*$/.exec(v)?.[1] ?? v;

const keyOf = (kind: 'email' | 'phone', raw: string): string | null => {
  const r = normaliseSelector(kind, kind === 'email' ? addressOf(raw) : raw);
  return r.ok ? `${kind}:${r.value}` : null;
};

/**
 * The pairs who communicated, over the entities the caller may see (`drawn` says which ids are
 * chart nodes: an end that is not drawn leaves its pair out). With a period, only records dated in
 * it count; without one, an undated record counts with no dates.
 */
export function communicationLinks(
  entities: readonly SelectorEntity[],
  selectors: readonly SelectorLink[],
  drawn: (id: string) => boolean,
  period: Period | null = null,
): CommunicationLink[] {
  const records = entities.filter((e) => e.sourceId === null && e.targetId === null && e.schema in ENDS);
  if (records.length === 0) return [];
  const bySelector = new Map<string, string>();
  for (const e of entities) {
    const spec = SELECTOR_NODES[e.schema as keyof typeof SELECTOR_NODES];
    if (!spec || e.sourceId !== null) continue;
    for (const v of e.properties[spec[0]] ?? []) {
      const k = keyOf(spec[1], v);
      if (k && !bySelector.has(k)) bySelector.set(k, e.id);
    }
  }
  const holders = new Map<string, Set<string>>();
  // A call naming a phone node by id is that phone's "holder" to selectorLinks; not a person to lift to.
  const recordIds = new Set(records.map((e) => e.id));
  for (const l of selectors) {
    if (!drawn(l.holder) || recordIds.has(l.holder)) continue;
    const s = holders.get(l.selector) ?? new Set<string>();
    s.add(l.holder);
    holders.set(l.selector, s);
  }
  // A mailbox writes the same few addresses on every message: each is normalised once.
  const seen = new Map<string, string | null>();
  const valueKey = (kind: 'email' | 'phone', v: string): string | null => {
    const k = `${kind}|${v}`;
    if (!seen.has(k)) seen.set(k, keyOf(kind, v));
    return seen.get(k) ?? null;
  };
  const sole = new Map<string, string>();
  for (const [selector, h] of holders) if (h.size === 1) for (const only of h) sole.set(selector, only);
  const lift = (id: string): string => sole.get(id) ?? id;
  // Senders: the first property that names a drawn end (an e-mail's From before its Sender);
  // recipients: all of them (To, Cc and Bcc alike).
  const endsOf = (e: SelectorEntity, refs: readonly Ref[], firstOnly: boolean): Set<string> => {
    const out = new Set<string>();
    for (const [prop, kind] of refs) {
      if (firstOnly && out.size > 0) break;
      for (const v of e.properties[prop] ?? []) {
        const id = kind === 'entity' ? v : bySelector.get(valueKey(kind, v) ?? '');
        if (id !== undefined && drawn(id)) out.add(lift(id));
      }
    }
    return out;
  };
  // A chat's writers: the ends of every message's sender in the same folder.
  const writers = new Map<string, Set<string>>();
  const senders = new Map<string, Set<string>>();
  for (const e of records) {
    const from = endsOf(e, ENDS[e.schema]?.from ?? [], true);
    senders.set(e.id, from);
    const folder = e.schema === 'Message' ? e.properties.parent?.[0] : undefined;
    if (folder === undefined) continue;
    const w = writers.get(folder) ?? new Set<string>();
    for (const s of from) w.add(s);
    writers.set(folder, w);
  }
  const pairs = new Map<string, CommunicationLink>();
  for (const e of records) {
    const day = (e.properties.date ?? e.properties.startDate ?? []).map(startDay).find((d) => d !== null) ?? null;
    if (period && (day === null || !dateInPeriod(day, period))) continue;
    const from = senders.get(e.id) ?? new Set<string>();
    let to = endsOf(e, ENDS[e.schema]?.to ?? [], false);
    const folder = e.properties.parent?.[0];
    if (to.size === 0 && e.schema === 'Message' && folder !== undefined) to = writers.get(folder) ?? to;
    for (const a of from)
      for (const b of to) {
        if (a === b) continue;
        const [source, target] = a < b ? [a, b] : [b, a];
        const id = communicationEdgeId(source, target);
        let p = pairs.get(id);
        if (!p) pairs.set(id, (p = { id, source, target, count: 0, first: null, last: null }));
        p.count += 1;
        if (day !== null && (p.first === null || day < p.first)) p.first = day;
        if (day !== null && (p.last === null || day > p.last)) p.last = day;
      }
  }
  return [...pairs.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
