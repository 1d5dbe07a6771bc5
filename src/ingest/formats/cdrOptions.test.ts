/**
 * Call-record options beyond the presets: end times, time zones, the owner's IMEI/IMSI, data
 * sets, and antenna files (alone or with the records), on samples written here and on the two
 * antenna files of the corpus.
 */
import { describe, expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import { isAppError } from '../../shared/errors.ts';
import type { ImportItem } from '../types.ts';
import { antennaImporter, cellSiteId } from './antennas.ts';
import { cdrImporter, type CdrOptions } from './cdr.ts';
import { zonedToUtc } from './timeZones.ts';
import { bytesInput, collect, fixtureInput, rejection } from './inputs.testing.ts';

const entities = (items: ImportItem[]) =>
  items.flatMap((i) => (i.kind === 'entity' ? [{ ...i.record, line: i.line }] : []));
const warningsOf = (items: ImportItem[]) =>
  items.flatMap((i) => (i.kind === 'skipped' ? i.warnings.map((w) => `line ${i.line}: ${w}`) : []));

const pair: CdrOptions = {
  mapping: { caller: 'from', callee: 'to', start: 'begin', end: 'until', cell: 'cell', imei: 'imei', imsi: 'imsi' },
  dateFormat: '%d.%m.%Y %H:%M:%S',
};
const CSV =
  'from,to,begin,until,cell,imei,imsi\n' +
  '+37126123456,+37129876543,30.03.2024 01:59:00,30.03.2024 02:01:30,LV-7,356938035643809,247010000000001\n';

describe('call-record options', () => {
  it('takes the duration from start and end, and refuses an end before the start', async () => {
    const [call] = entities(await collect(cdrImporter.parse(bytesInput('c.csv', CSV), pair))).filter(
      (e) => e.schema === 'Call',
    );
    expect(call?.properties).toMatchObject({ duration: ['150'], endDate: ['2024-03-30T02:01:30'] });
    const back = CSV.replace('02:01:30', '01:58:00');
    const error = await rejection(collect(cdrImporter.parse(bytesInput('c.csv', back), pair)));
    expect(isAppError(error) && error.path).toBe('line 2');
    expect(String(error)).toMatch(/ends .* before it starts/);
  });

  it('reads local times of a zone as UTC, across a summer-time change', async () => {
    // Riga moves from +02:00 to +03:00 at 03:00 local time on 31 March 2024.
    expect(zonedToUtc('2024-03-31T02:30:00', 'Europe/Riga')).toBe('2024-03-31T00:30:00');
    expect(zonedToUtc('2024-03-31T04:30:00', 'Europe/Riga')).toBe('2024-03-31T01:30:00');
    expect(zonedToUtc('2024-03-31T04:30', '+02:00')).toBe('2024-03-31T02:30');
    expect(zonedToUtc('2024-03-31', 'Europe/Riga')).toBe('2024-03-31');
    const items = await collect(cdrImporter.parse(bytesInput('c.csv', CSV), { ...pair, timeZone: 'Europe/Riga' }));
    const call = entities(items).find((e) => e.schema === 'Call');
    expect(call?.properties['startDate']).toEqual(['2024-03-29T23:59:00']);
    expect(call?.properties['recordId']).toEqual(['caller call 2024-03-29T23:59:00']);
    const bad = await rejection(
      collect(cdrImporter.parse(bytesInput('c.csv', CSV), { ...pair, timeZone: 'Mars/Base' })),
    );
    expect(isAppError(bad) && bad.path).toBe('timeZone');
  });

  it("puts IMEI and IMSI on the record owner's phone, and the cell on the owner's end", async () => {
    const list = entities(await collect(cdrImporter.parse(bytesInput('c.csv', CSV), pair)));
    const phones = list.filter((e) => e.schema === 'Phone');
    expect(phones.map((p) => p.properties)).toEqual([
      { number: ['+37126123456'], imei: ['356938035643809'], imsi: ['247010000000001'] },
      { number: ['+37129876543'] },
    ]);
    expect(list.find((e) => e.schema === 'Call')?.properties).toMatchObject({ callerCell: ['LV-7'] });
  });

  it('keeps pseudonyms of different data sets apart, and real numbers together', async () => {
    const ego = 'interaction,direction,correspondent_id,datetime\ncall,out,A,2014-03-02 09:00:00\n';
    const options = (dataset?: string): CdrOptions => ({
      mapping: {
        subscriber: '+37126123456',
        correspondent: 'correspondent_id',
        direction: 'direction',
        start: 'datetime',
      },
      ...(dataset ? { dataset } : {}),
    });
    const ids = async (dataset?: string) =>
      entities(await collect(cdrImporter.parse(bytesInput('e.csv', ego), options(dataset))))
        .filter((e) => e.schema === 'Phone')
        .map((p) => p.id);
    const [ownX, aX] = await ids('operator X');
    const [ownY, aY] = await ids('operator Y');
    expect(ownX).toBe(ownY);
    expect(aX).not.toBe(aY);
    const [, aCase] = await ids();
    expect(aCase).not.toBe(aX);
  });

  it('reads an antenna file given with the records first, naming it in its warnings and errors', async () => {
    const antennas = bytesInput('cells.csv', 'cell_id,lat,lon\nLV-7,56.95,24.11\nLV-8,,\n');
    const items = await collect(cdrImporter.parse(bytesInput('c.csv', CSV), { ...pair, antennaFile: antennas }));
    expect(items[0]).toMatchObject({
      kind: 'entity',
      record: { id: cellSiteId('', 'LV-7'), schema: 'Address', properties: { latitude: ['56.95'] } },
    });
    expect(warningsOf(items)).toEqual(['line 3: cells.csv: antenna LV-8 has no latitude; skipped']);
    const broken = bytesInput('cells.csv', 'cell_id,lat,lon\nLV-7,95.1,24.11\n');
    const error = await rejection(
      collect(cdrImporter.parse(bytesInput('c.csv', CSV), { ...pair, antennaFile: broken })),
    );
    expect(isAppError(error) && error.path).toBe('cells.csv: line 2');
  });

  it('refuses antenna files that place one antenna twice or lack a column', async () => {
    const twice = 'antenna_id,latitude,longitude\n1,1.5,2.5\n1,1.6,2.5\n';
    const e1 = await rejection(collect(antennaImporter.parse(bytesInput('a.csv', twice), {})));
    expect(String(e1)).toMatch(/placed differently on line 2/);
    const e2 = await rejection(collect(antennaImporter.parse(bytesInput('a.csv', 'antenna_id,x,y\n1,2,3\n'), {})));
    expect(isAppError(e2) && e2.path).toBe('antennas.mapping.latitude');
    const named = await collect(
      antennaImporter.parse(bytesInput('a.csv', 'Zelle;Breite;Länge\n4711;52,5;13,4\n'), {
        delimiter: ';',
        mapping: { id: 'Zelle', latitude: 'Breite', longitude: 'Länge' },
      }),
    );
    expect(entities(named)[0]?.properties).toMatchObject({
      name: ['Cell 4711'],
      latitude: ['52.5'],
      longitude: ['13.4'],
    });
  });
});

describeWithFixtures('antenna files of the corpus', () => {
  it('cider_antennas.csv: 287 cell sites on their towers, the 10 without coordinates skipped with a warning', async () => {
    const items = await collect(antennaImporter.parse(fixtureInput('cdr/cider_antennas.csv'), {}));
    const sites = entities(items);
    expect(sites).toHaveLength(287);
    expect(new Set(sites.map((s) => s.id)).size).toBe(287);
    expect(sites[0]?.properties).toMatchObject({
      name: ['Cell a0'],
      latitude: ['7.511789872908362'],
      description: ['Antenna a0 on tower t0'],
    });
    const warnings = warningsOf(items);
    expect(warnings).toHaveLength(10);
    expect(warnings[0]).toBe('line 289: antenna a287 has no latitude; skipped');
    for (const s of sites) {
      expect(Number(s.properties['latitude']?.[0])).toBeGreaterThanOrEqual(6.18);
      expect(Number(s.properties['latitude']?.[0])).toBeLessThanOrEqual(11.04);
    }
  });

  it('bandicoot_demo_antennas.csv: 27 cell sites, the ego record’s antennas among them', async () => {
    const sites = entities(await collect(antennaImporter.parse(fixtureInput('cdr/bandicoot_demo_antennas.csv'), {})));
    expect(sites).toHaveLength(27);
    expect(sites.map((s) => s.id)).toContain(cellSiteId('', '10'));
  });
});
