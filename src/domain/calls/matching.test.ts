import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameProperties } from '../entity/merge.ts';
import type { Properties } from '../schema/types.ts';
import {
  absorb,
  durationsAgree,
  matchSighting,
  parseRecordId,
  recordIdOf,
  type CallEnd,
  type CallKind,
  type KnownCall,
} from './matching.ts';

const iso = (seconds: number) => new Date(Date.UTC(2024, 2, 1) + seconds * 1000).toISOString().slice(0, 19);

interface Row {
  caller: string;
  receiver: string;
  end: CallEnd;
  kind: CallKind;
  at: number;
  duration: number | null;
  cell?: string;
}

/** A row as the CDR importer gives it: one end's sighting of a call. */
function sighting(r: Row): Properties {
  const start = iso(r.at);
  return {
    callerPhone: [r.caller],
    receiverPhone: [r.receiver],
    date: [start],
    startDate: [start],
    recordId: [recordIdOf({ dataset: '', end: r.end, kind: r.kind, start, occurrence: 1 })],
    ...(r.duration === null ? {} : { duration: [String(r.duration)] }),
    ...(r.kind === 'sms' ? { summary: ['SMS'] } : {}),
    ...(r.cell ? { [`${r.end}Cell`]: [r.cell] } : {}),
  };
}

/** Imports rows the way the call gate does, into calls kept per ordered pair of phones. */
function importRows(known: Map<string, KnownCall[]>, rows: readonly Row[], window = 60): void {
  for (const r of rows) {
    const key = `${r.caller}>${r.receiver}`;
    const list = known.get(key) ?? [];
    known.set(key, list);
    const p = sighting(r);
    const m = matchSighting(list, p, window);
    if (!m) list.push({ id: `${key}#${list.length}`, properties: p });
    else m.call.properties = absorb(m.call.properties, p);
  }
}

const allCalls = (known: Map<string, KnownCall[]>) => [...known.values()].flat();

describe('record ids', () => {
  it('name the end, kind, start and repeat, and read back', () => {
    const r = { dataset: 'operator X', end: 'receiver' as const, kind: 'sms' as const, start: iso(5), occurrence: 2 };
    expect(recordIdOf(r)).toBe('operator X: receiver sms 2024-03-01T00:00:05 #2');
    expect(parseRecordId(recordIdOf(r))).toEqual(r);
    expect(parseRecordId(recordIdOf({ ...r, dataset: '', occurrence: 1 }))).toEqual({
      ...r,
      dataset: '',
      occurrence: 1,
    });
    expect(parseRecordId('something else')).toBeNull();
  });
});

describe('a call seen from both ends', () => {
  const out: Row = { caller: 'A', receiver: 'B', end: 'caller', kind: 'call', at: 100, duration: 75, cell: 'a1' };
  const inn: Row = { ...out, end: 'receiver', at: 131, duration: 73, cell: 'b9' };

  it('is one call with the caller’s times and both cells, whichever end came first', () => {
    for (const order of [
      [out, inn],
      [inn, out],
    ]) {
      const known = new Map<string, KnownCall[]>();
      importRows(known, order);
      const calls = allCalls(known);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.properties).toMatchObject({
        startDate: [iso(100)],
        duration: ['75'],
        callerCell: ['a1'],
        receiverCell: ['b9'],
      });
      expect(calls[0]?.properties['recordId']).toHaveLength(2);
    }
  });

  it('is not joined to a text, to a call outside the window, or to one of another length', () => {
    for (const other of [
      { ...inn, kind: 'sms' as const, duration: null },
      { ...inn, at: 100 + 61 },
      { ...inn, duration: 120 },
    ]) {
      const known = new Map<string, KnownCall[]>();
      importRows(known, [out, other]);
      expect(allCalls(known)).toHaveLength(2);
    }
    expect([durationsAgree(60, 64), durationsAgree(600, 655), durationsAgree(60, 70), durationsAgree(null, 9)]).toEqual(
      [true, true, false, true],
    );
  });

  it('tells two calls a few seconds apart by their durations', () => {
    const second: Row = { ...out, at: 130, duration: 10, cell: 'a1' };
    const known = new Map<string, KnownCall[]>();
    importRows(known, [out, second, { ...second, end: 'receiver', at: 112, duration: 11 }, inn]);
    const calls = allCalls(known);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.properties['duration'])).toEqual([['75'], ['10']]);
    expect(calls.every((c) => c.properties['recordId']?.length === 2)).toBe(true);
  });

  it('read again is the same call, unchanged, or updated when its end now says otherwise', () => {
    const known = new Map<string, KnownCall[]>();
    importRows(known, [out, inn]);
    const [call] = allCalls(known);
    if (!call) throw new Error('no call');
    const again = matchSighting([call], sighting(out), 60);
    expect(again?.how).toBe('same');
    expect(sameProperties(absorb(call.properties, sighting(out)), call.properties)).toBe(true);
    const moved = absorb(call.properties, sighting({ ...out, cell: 'a2' }));
    expect(moved['callerCell']).toEqual(['a2']);
    expect(moved['receiverCell']).toEqual(['b9']);
  });
});

/** A network of calls among a few phones, each seen from the caller's end, the receiver's, or both. */
const network = fc
  .record({
    phones: fc.integer({ min: 2, max: 8 }),
    calls: fc.array(
      fc.record({
        from: fc.nat(7),
        to: fc.nat(7),
        kind: fc.constantFrom<CallKind>('call', 'sms'),
        offset: fc.integer({ min: 0, max: 60 }),
        duration: fc.integer({ min: 0, max: 3600 }),
        seen: fc.constantFrom<'caller' | 'receiver' | 'both'>('caller', 'receiver', 'both'),
        jitter: fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -2, max: 2 })),
      }),
      { minLength: 1, maxLength: 30 },
    ),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    repeat: fc.option(fc.nat(7), { nil: undefined }),
  })
  .map(({ phones, calls, order, repeat }) => {
    const phone = (n: number) => `P${n % phones}`;
    const truth = calls
      .map((c, i) => ({ ...c, caller: phone(c.from), receiver: phone(c.from + 1 + (c.to % (phones - 1))), i }))
      // Calls start at least nine minutes apart: two rows of one call never fit another call's window.
      .map((c) => ({ ...c, at: c.i * 600 + c.offset }));
    const rows: (Row & { owner: string; call: number })[] = [];
    for (const c of truth) {
      const duration = c.kind === 'sms' ? null : c.duration;
      if (c.seen !== 'receiver')
        rows.push({ ...c, end: 'caller', duration, owner: c.caller, call: c.i, cell: `${c.caller}-cell` });
      if (c.seen !== 'caller')
        rows.push({
          ...c,
          end: 'receiver',
          at: c.at + c.jitter[0],
          duration: duration === null ? null : Math.max(0, duration + c.jitter[1]),
          owner: c.receiver,
          call: c.i,
          cell: `${c.receiver}-cell`,
        });
    }
    const owners = [...new Set(rows.map((r) => r.owner))];
    const files = owners.map((o) => rows.filter((r) => r.owner === o));
    const shuffled = files
      .map((f, i) => ({ f, k: order[i % order.length] ?? 0, i }))
      .sort((a, b) => a.k - b.k || a.i - b.i)
      .map((x) => x.f);
    const again = repeat === undefined ? [] : [shuffled[repeat % shuffled.length] ?? []];
    return { truth, files: [...shuffled, ...again], inOrder: files };
  });

const canonical = (known: Map<string, KnownCall[]>) =>
  allCalls(known)
    .map((c) => JSON.stringify(Object.entries(c.properties).sort(([a], [b]) => a.localeCompare(b))))
    .sort();

describe('property: a call seen from either end or both, in any file order, is one call', () => {
  it('gives one call per call made, holding all its rows, the same whatever the order', () => {
    fc.assert(
      fc.property(network, ({ truth, files, inOrder }) => {
        const known = new Map<string, KnownCall[]>();
        for (const f of files) importRows(known, f);
        const calls = allCalls(known);
        expect(calls).toHaveLength(truth.length);
        const callOf = new Map(
          calls.flatMap((c) =>
            (c.properties['recordId'] ?? []).map((r) => [`${c.id} ${r}`.slice(c.id.length + 1), c.id]),
          ),
        );
        const recordOf = (r: Row) => sighting(r)['recordId']?.[0] ?? '';
        for (const c of truth) {
          const own = files.flat().filter((r) => r.call === c.i);
          expect(new Set(own.map((r) => callOf.get(recordOf(r)))).size).toBe(1);
          expect(own.every((r) => callOf.has(recordOf(r)))).toBe(true);
        }
        const reference = new Map<string, KnownCall[]>();
        for (const f of inOrder) importRows(reference, f);
        expect(canonical(known)).toEqual(canonical(reference));
      }),
      { numRuns: 300 },
    );
  });
});
