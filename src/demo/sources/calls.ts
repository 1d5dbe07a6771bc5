/**
 * Call records as one operator delivers them: one file per subscriber whose records were asked
 * for (the suspects' phones, and — as happens — some innocent subscribers who came up in the
 * inquiry), in the operator's own layout, with every number written the same way in every file.
 * A call between two subscribers appears in both files (outgoing in one, incoming in the other,
 * the receiver's clock a second or two later). Innocent calls are there too: suspects call family
 * and friends, families call each other much as a controller calls his workers, a landlord calls
 * his tenants, and everyone calls numbers abroad that no other source knows.
 */
import type { EntityRecord } from '../../domain/records.ts';
import { normalisePhone } from '../../domain/selectors/phone.ts';
import { csvText } from '../../shared/csv.ts';
import type { GroundTruth } from '../groundTruth.ts';
import { deriveSeed, Rng } from '../prng.ts';
import { first } from './keys.ts';

/** The operator's export layout, as the saved call-record mapping reads it (one-subscriber layout). */
export const CALL_HEADER = ['Suunta', 'Vastapuoli', 'Alkuaika', 'Kesto', 'Tyyppi', 'Solu', 'IMEI'] as const;
export const callRecordOptions = {
  mapping: {
    direction: 'Suunta',
    correspondent: 'Vastapuoli',
    start: 'Alkuaika',
    duration: 'Kesto',
    type: 'Tyyppi',
    cell: 'Solu',
    imei: 'IMEI',
  },
  dateFormat: '%d.%m.%Y %H:%M:%S',
  timeZone: 'Europe/Helsinki',
  defaultCountry: 'FI',
  delimiter: ';',
};

export interface CallFile {
  /** The subscriber's number, E.164: the file does not say whose record it is. */
  subscriber: string;
  csv: string;
  rows: number;
}

interface Event {
  caller: string;
  receiver: string;
  /** Seconds since the epoch, local wall clock. */
  start: number;
  duration: number;
  sms: boolean;
}

function e164(raw: string): string {
  const r = normalisePhone(raw);
  return r.ok ? r.value : '';
}
/** How this operator writes a number: international, with 00 in place of +. */
const written = (n: string) => `00${n.slice(1)}`;
const pad = (n: number) => String(n).padStart(2, '0');
function wallClock(t: number): string {
  const d = new Date(t * 1000);
  return (
    `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/**
 * The call-record files of a scenario. `period` bounds the calls (ISO dates, the statements'
 * span); `seed` makes the same scenario give the same files.
 */
export function callRecordFiles(
  seed: number,
  entities: readonly EntityRecord[],
  truth: GroundTruth,
  period: { from: string; to: string },
): CallFile[] {
  const rng = new Rng(deriveSeed(seed, 'call-records'));
  const phoneOf = new Map<string, string>();
  for (const e of entities)
    if (e.schema === 'Person') {
      const n = e164(first(e, 'phone'));
      if (n) phoneOf.set(e.id, n);
    }
  const phones = (ids: readonly string[]) => [...new Set(ids.map((id) => phoneOf.get(id) ?? '').filter(Boolean))];
  const inTruth = new Set(truth.persons.map((p) => p.id));
  const background = phones([...phoneOf.keys()].filter((id) => !inTruth.has(id))).sort();

  // Whose records were asked for, and whom each of them knows.
  const contacts = new Map<string, Set<string>>();
  const know = (a: string, b: string) => {
    if (a === b) return;
    contacts.set(a, (contacts.get(a) ?? new Set()).add(b));
  };
  const networks = new Map<string, string[]>();
  for (const p of truth.persons)
    if (p.networkId) networks.set(p.networkId, [...(networks.get(p.networkId) ?? []), p.id]);
  const subscribers = new Set<string>();
  for (const p of truth.persons) {
    const own = phoneOf.get(p.id);
    if (!own || p.proceduralStatus !== 'suspect') continue;
    subscribers.add(own);
    for (const other of phones(networks.get(p.networkId ?? '') ?? [])) know(own, other);
  }
  for (const c of truth.confounders) {
    const group = phones(c.entityIds);
    if (group.length < 2) continue;
    for (const a of group) for (const b of group) know(a, b);
    // Some innocent subscribers' records came in too (one in three groups, by the group's first phone).
    if (rng.chance(1 / 3) && group[0]) subscribers.add(group[0]);
  }
  const foreign = () => `+${rng.pick(['7', '380', '48', '40', '370'])}${rng.digits(9)}`;
  for (const s of subscribers) {
    for (const b of rng.sample(background, Math.min(background.length, rng.int(2, 4)))) know(s, b);
    for (let i = rng.int(1, 2); i > 0; i--) know(s, foreign());
  }

  const from = Date.parse(`${period.from}T00:00:00Z`) / 1000;
  const days = Math.max(1, Math.round((Date.parse(`${period.to}T00:00:00Z`) / 1000 - from) / 86_400));
  const events: Event[] = [];
  const seen = new Set<string>();
  for (const a of [...contacts.keys()].sort())
    for (const b of [...(contacts.get(a) ?? [])].sort()) {
      const key = a < b ? `${a} ${b}` : `${b} ${a}`;
      if (seen.has(key) || !(subscribers.has(a) || subscribers.has(b))) continue;
      seen.add(key);
      for (let i = rng.int(2, 9); i > 0; i--) {
        const out = rng.chance(0.6);
        const sms = rng.chance(0.3);
        events.push({
          caller: out ? a : b,
          receiver: out ? b : a,
          start: from + rng.int(0, days - 1) * 86_400 + rng.int(7 * 3600, 23 * 3600),
          duration: sms ? 0 : rng.int(8, 900),
          sms,
        });
      }
    }
  events.sort((x, y) => x.start - y.start);

  const out: CallFile[] = [];
  for (const s of [...subscribers].sort()) {
    // Cells of the network the subscriber mostly uses at home (mobile country code by the number's country).
    const mcc = s.startsWith('+372') ? '248-01' : s.startsWith('+371') ? '247-01' : '244-91';
    const cells = Array.from({ length: rng.int(2, 4) }, () => `${mcc}-${rng.int(1000, 9999)}-${rng.int(10, 99999)}`);
    const imei = `35${rng.digits(13)}`;
    const rows: string[][] = [];
    for (const e of events) {
      if (e.caller !== s && e.receiver !== s) continue;
      const outgoing = e.caller === s;
      // The receiving end's switch logs the call a moment later and a little shorter.
      const lag = outgoing ? 0 : rng.int(0, 3);
      const duration = e.sms ? '' : String(Math.max(1, e.duration - (outgoing ? 0 : rng.int(0, 2))));
      rows.push([
        outgoing ? 'MO' : 'MT',
        written(outgoing ? e.receiver : e.caller),
        wallClock(e.start + lag),
        duration,
        e.sms ? 'SMS' : 'Voice',
        rng.pick(cells),
        imei,
      ]);
    }
    if (rows.length)
      out.push({
        subscriber: s,
        csv: csvText(CALL_HEADER, rows, { delimiter: ';', defuse: false }),
        rows: rows.length,
      });
  }
  return out;
}
