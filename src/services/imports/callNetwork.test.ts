/**
 * Five subscribers' call records of one network, written here, imported in random orders with an
 * antenna file: one connected network of seven phones with each call once, however the numbers
 * are written; a file read again adds nothing; a changed row updates its call; antennas imported
 * after the records still give the calls their places.
 */
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { memoryInput } from '../../ingest/files.ts';
import { cellSiteId, importers, type CdrOptions } from '../../ingest/formats/index.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser, type Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { runImport } from './pipeline.ts';

/** Subscribers with a file of their own (S5 known only by a pseudonym), and two correspondents without. */
const SUBSCRIBERS = ['+37126123456', '+37129876543', '+37122334455', '+37128889900', 'S5'] as const;
const OTHERS = ['X1', 'X2'] as const;
const PHONES = [...SUBSCRIBERS, ...OTHERS];

/** A small deterministic generator, so each order is a fixed, repeatable one. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Event {
  from: string;
  to: string;
  kind: 'call' | 'text';
  at: number;
  duration: number;
}

function events(): Event[] {
  const r = random(7);
  const out: Event[] = [];
  for (let i = 0; i < 48; i++) {
    const from = PHONES[Math.floor(r() * PHONES.length)] ?? '';
    const others = PHONES.filter((p) => p !== from);
    const to = others[Math.floor(r() * others.length)] ?? '';
    // X1 and X2 only ever talk to subscribers.
    if (!SUBSCRIBERS.includes(from as never) && !SUBSCRIBERS.includes(to as never)) continue;
    out.push({ from, to, kind: r() < 0.3 ? 'text' : 'call', at: i * 900 + Math.floor(r() * 60), duration: 5 + i * 7 });
  }
  return out;
}

const stamp = (seconds: number) =>
  new Date(Date.UTC(2024, 4, 6, 8) + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** How each file writes a number: its own habits (national, 00-prefixed or as given). */
function written(number: string, habit: number): string {
  if (!number.startsWith('+371')) return number;
  if (habit === 1) return number.slice(4);
  if (habit === 2) return `00${number.slice(1)}`;
  return `+371 ${number.slice(4, 6)} ${number.slice(6)}`;
}

/** The record of one subscriber: its own rows, its operator's clock a little off. */
function fileOf(subscriber: string, index: number, all: Event[]): string {
  const lines = ['interaction,direction,correspondent_id,datetime,call_duration,antenna_id'];
  const skew = [0, 20, -15, 30, -25][index] ?? 0; // at most 55 s apart: within the window
  for (const e of all) {
    if (e.from !== subscriber && e.to !== subscriber) continue;
    const out = e.from === subscriber;
    const other = written(out ? e.to : e.from, index % 3);
    const duration = e.kind === 'call' ? String(e.duration + (out ? 0 : 1)) : '';
    lines.push(`${e.kind},${out ? 'out' : 'in'},${other},${stamp(e.at + skew)},${duration},c${index}${e.at % 3}`);
  }
  return `${lines.join('\n')}\n`;
}

const ANTENNAS = `antenna_id,tower_id,latitude,longitude\n${[0, 1, 2, 3, 4]
  .flatMap((i) => [0, 1, 2].map((j) => `c${i}${j},t${i},56.9${i}${j},24.1${j}${i}`))
  .join('\n')}\nc99,,,\n`;

const egoOptions = (subscriber: string): CdrOptions => ({
  mapping: {
    subscriber: written(subscriber, 0),
    type: 'interaction',
    direction: 'direction',
    correspondent: 'correspondent_id',
    start: 'datetime',
    duration: 'call_duration',
    cell: 'antenna_id',
  },
  dateFormat: '%Y-%m-%d %H:%M:%S',
  defaultCountry: 'LV',
});

describeEachDialect('five subscribers’ call records of one network', ({ store }) => {
  let actor: Actor;
  const all = events();
  const files = SUBSCRIBERS.map((s, i) => ({ name: `subscriber-${i + 1}.csv`, text: fileOf(s, i, all), s }));

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    actor = actorOf(await addUser(store(), { username: `cdr-${Date.now()}`, platformRole: 'investigator' }));
  });

  const importFileOf = (caseId: string, f: (typeof files)[number], text = f.text) =>
    runImport(store(), actor, caseId, importers.cdr, memoryInput(f.name, text), egoOptions(f.s));
  const importAntennas = (caseId: string) =>
    runImport(store(), actor, caseId, importers['cdr-antennas'], memoryInput('antennas.csv', ANTENNAS), {});

  async function network(s: Store, caseId: string) {
    const rows = await s.scope(caseId).selectFrom('entities').selectAll().execute();
    const phones = rows.filter((r) => r.schema === 'Phone');
    const calls = rows.filter((r) => r.schema === 'Call');
    // Connectivity over the links: every phone reaches every other through calls.
    const parent = new Map(phones.map((p) => [p.id, p.id]));
    const root = (id: string): string => {
      const up = parent.get(id) ?? id;
      return up === id ? id : root(up);
    };
    for (const c of calls) if (c.source_id && c.target_id) parent.set(root(c.source_id), root(c.target_id));
    const pieces = new Set(phones.map((p) => root(p.id))).size;
    return { phones, calls, pieces, props: calls.map((c) => JSON.parse(c.properties) as Record<string, string[]>) };
  }

  for (const seed of [1, 2, 3]) {
    itDb(`imported in random order ${seed}, antennas among them: one network, each call once`, async () => {
      const caseId = (await createCase(store(), actor, { title: `Network ${seed}`, country: 'LV' })).id;
      const r = random(seed);
      const steps = [...files.map((f) => () => importFileOf(caseId, f)), () => importAntennas(caseId)]
        .map((run) => ({ run, k: r() }))
        .sort((a, b) => a.k - b.k);
      const reports: Awaited<ReturnType<typeof importAntennas>>[] = [];
      for (const step of steps) reports.push(await step.run());

      const { phones, calls, pieces, props } = await network(store(), caseId);
      expect(phones.map((p) => p.caption).sort()).toEqual([...PHONES].sort());
      expect(calls).toHaveLength(all.length);
      expect(pieces).toBe(1);
      const bothEnds = all.filter((e) => SUBSCRIBERS.includes(e.from as never) && SUBSCRIBERS.includes(e.to as never));
      expect(props.filter((p) => p['recordId']?.length === 2)).toHaveLength(bothEnds.length);
      const sum = (k: 'added' | 'otherEnd' | 'rows') => reports.reduce((n, x) => n + (x.callRecords?.[k] ?? 0), 0);
      expect([sum('added'), sum('otherEnd'), sum('rows')]).toEqual([
        all.length,
        bothEnds.length,
        all.length + bothEnds.length,
      ]);
      // Every end of every call is placed, whether the antennas came before or after its file.
      for (const p of props)
        for (const end of ['caller', 'receiver'])
          if (p[`${end}Cell`]) expect(p[`${end}Place`]).toEqual([cellSiteId('', p[`${end}Cell`]?.[0] ?? '')]);
      const antennas = reports.find((x) => x.callRecords?.antennasAdded);
      expect(antennas?.callRecords?.antennasAdded).toBe(15);
      expect(antennas?.warnings).toEqual(['line 17: antenna c99 has no latitude; skipped']);
    });
  }

  itDb('a file read again adds nothing; a changed row updates its call, its history kept', async () => {
    const caseId = (await createCase(store(), actor, { title: 'Again', country: 'LV' })).id;
    for (const f of files) await importFileOf(caseId, f);
    await importAntennas(caseId);
    const before = await network(store(), caseId);
    const [first] = files;
    if (!first) throw new Error('no file');
    const again = await importFileOf(caseId, first);
    const rows = first.text.trim().split('\n').length - 1;
    expect(again.callRecords).toMatchObject({ rows, added: 0, otherEnd: 0, unchanged: rows, updated: 0 });
    expect(again.bySchema).toEqual({});
    expect((await importAntennas(caseId)).callRecords).toMatchObject({ antennasAdded: 0, antennasUnchanged: 15 });

    const lines = first.text.split('\n');
    lines[1] = (lines[1] ?? '').replace(/,c0(\d)$/, ',c01');
    const changed = await importFileOf(caseId, first, lines.join('\n'));
    expect(changed.callRecords).toMatchObject({ added: 0, updated: 1, unchanged: rows - 1 });
    const after = await network(store(), caseId);
    expect(after.calls).toHaveLength(before.calls.length);
    const moved = after.calls.filter((c) => c.version > 1 && JSON.parse(c.properties).recordId?.length === 1);
    expect(moved.length).toBeGreaterThan(0);
  });

  itDb('an operator file holding both ends of a call (MOC and MTC rows) gives one call with both cells', async () => {
    const caseId = (await createCase(store(), actor, { title: 'Operator', country: 'LV' })).id;
    const text =
      'type,a,b,start,seconds,cell\n' +
      'MOC,26123456,29876543,2024-05-06 10:00:00,61,A-1\n' +
      'MTC,26123456,29876543,2024-05-06 10:00:32,60,B-7\n' +
      'SMS-MO,29876543,26123456,2024-05-06 10:05:00,,B-7\n';
    const options: CdrOptions = {
      mapping: { type: 'type', caller: 'a', callee: 'b', start: 'start', duration: 'seconds', cell: 'cell' },
      defaultCountry: 'LV',
    };
    const report = await runImport(store(), actor, caseId, importers.cdr, memoryInput('op.csv', text), options);
    expect(report.callRecords).toMatchObject({ rows: 3, added: 2, otherEnd: 1 });
    const { props } = await network(store(), caseId);
    expect(props.find((p) => p['summary'] === undefined)).toMatchObject({
      startDate: ['2024-05-06T10:00:00'],
      duration: ['61'],
      callerCell: ['A-1'],
      receiverCell: ['B-7'],
    });
  });
});
