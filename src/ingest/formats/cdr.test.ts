import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { itWithFixtures } from '../../../test/support/fixtures.ts';
import { isAppError } from '../../shared/errors.ts';
import { cellSiteId } from './antennas.ts';
import { cdrImporter, parseDuration, type CdrOptions } from './cdr.ts';
import { bandicootEgo, cdrMappings, withSubscriber } from './cdrMappings.ts';
import { bytesInput, collectEntities, fixtureInput, fixtureText, rejection } from './inputs.testing.ts';

const EGO = 'cdr/bandicoot_demo_ego.csv';

/** The ego file read by hand (no quoting in it), independently of the importer's CSV reader. */
function egoRows(): Array<Record<string, string>> {
  const [header, ...lines] = fixtureText(EGO)
    .split('\n')
    .filter((l) => l.trim() !== '');
  const names = (header ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i] ?? '', v])));
}

const sha1 = (n: string) => createHash('sha1').update(n).digest('hex');
const phoneId = (n: string) => `phone-${sha1(n)}`;
/** A pseudonym's phone: one across the files of its data set (the case's by default). */
const pseudonymId = (n: string, dataset = '') => `phone-${sha1(`pseudonym\u0000${dataset}\u0000${n}`)}`;

describe('CDR import of bandicoot_demo_ego.csv with the saved bandicoot mapping', () => {
  const options = withSubscriber(bandicootEgo, 'ego');

  it('is a saved mapping, listed by name', () => {
    expect(cdrMappings.bandicootEgo.mapping.correspondent).toBe('correspondent_id');
    expect(options.mapping.subscriber).toBe('ego');
  });

  itWithFixtures('makes one Call per call or text record', async () => {
    const rows = egoRows();
    const records = rows.filter((r) => r['interaction'] === 'call' || r['interaction'] === 'text');
    expect(records.length).toBe(314);
    const entities = await collectEntities(cdrImporter.parse(fixtureInput(EGO), options));
    const calls = entities.filter((e) => e.schema === 'Call');
    expect(calls).toHaveLength(records.length);
    expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
    expect(calls.filter((c) => c.properties['summary']?.[0] === 'SMS')).toHaveLength(
      records.filter((r) => r['interaction'] === 'text').length,
    );
  });

  itWithFixtures('makes one Phone per distinct correspondent, plus the subscriber', async () => {
    const correspondents = new Set(egoRows().map((r) => r['correspondent_id']));
    const entities = await collectEntities(cdrImporter.parse(fixtureInput(EGO), options));
    const phones = entities.filter((e) => e.schema === 'Phone');
    expect(phones).toHaveLength(correspondents.size + 1);
    expect(new Set(phones.map((p) => p.properties['number']?.[0]))).toEqual(new Set([...correspondents, 'ego']));
    // A pseudonym is one phone across the files of its data set: "A" here is "A" in another subscriber's file.
    expect(phones.find((p) => p.properties['number']?.[0] === 'A')?.id).toBe(pseudonymId('A'));
  });

  itWithFixtures('maps direction, time, duration and antenna of each record', async () => {
    const entities = await collectEntities(cdrImporter.parse(fixtureInput(EGO), options));
    const first = entities.find((e) => e.schema === 'Call');
    // text,in,A,2014-03-02 07:13:30,,1
    expect(first).toMatchObject({
      line: 2,
      properties: {
        callerNumber: ['A'],
        receiverNumber: ['ego'],
        date: ['2014-03-02T07:13:30'],
        startDate: ['2014-03-02T07:13:30'],
        summary: ['SMS'],
        // An incoming text: the subscriber received it, so the cell is the receiver's.
        receiverCell: ['1'],
        receiverPlace: [cellSiteId('', '1')],
        recordId: ['receiver sms 2014-03-02T07:13:30'],
        callerPhone: [pseudonymId('A')],
        receiverPhone: [pseudonymId('ego')],
      },
    });
    const call = entities.find((e) => e.schema === 'Call' && e.properties['duration']);
    const row = egoRows()[(call?.line ?? 0) - 2] ?? {};
    expect(call?.properties['duration']).toEqual([row['call_duration']]);
    const outgoing = entities.find((e) => e.schema === 'Call' && e.properties['callerNumber']?.[0] === 'ego');
    expect(egoRows()[(outgoing?.line ?? 0) - 2]?.['direction']).toBe('out');
  });
});

describe('CDR import with caller and callee columns', () => {
  const options: CdrOptions = {
    mapping: { caller: 'A-Nummer', callee: 'B-Nummer', start: 'Beginn', duration: 'Dauer', cell: 'Zelle' },
    delimiter: ';',
    dateFormat: '%d.%m.%Y %H:%M:%S',
    defaultCountry: 'DE',
  };
  const csv =
    'A-Nummer;B-Nummer;Beginn;Dauer;Zelle\n0151 23456789;+49 30 1234567;02.03.2014 07:13:30;0:01:15;262-01-4711\n+4915123456789;004930 1234567;02.03.2014 08:00:00;5;\n';

  it('normalises numbers to E.164 so differently written numbers meet', async () => {
    const entities = await collectEntities(cdrImporter.parse(bytesInput('tkü.csv', csv), options));
    expect(entities.filter((e) => e.schema === 'Phone').map((p) => p.properties['number']?.[0])).toEqual([
      '+4915123456789',
      '+49301234567',
    ]);
    const calls = entities.filter((e) => e.schema === 'Call');
    expect(calls[0]?.properties).toEqual({
      callerPhone: [phoneId('+4915123456789')],
      receiverPhone: [phoneId('+49301234567')],
      callerNumber: ['+4915123456789'],
      receiverNumber: ['+49301234567'],
      date: ['2014-03-02T07:13:30'],
      startDate: ['2014-03-02T07:13:30'],
      endDate: ['2014-03-02T07:14:45'],
      duration: ['75'],
      recordId: ['caller call 2014-03-02T07:13:30'],
      callerCell: ['262-01-4711'],
      callerPlace: [cellSiteId('', '262-01-4711')],
    });
    expect(calls[1]?.properties['duration']).toEqual(['5']);
    expect(calls[0]?.id).toMatch(/^call-[0-9a-f]{40}$/);
  });

  it('gives identical rows distinct ids and the same file the same ids again', async () => {
    const twice = `A;B;T\n1;2;2014-01-01 10:00:00\n1;2;2014-01-01 10:00:00\n`;
    const opts: CdrOptions = { mapping: { caller: 'A', callee: 'B', start: 'T' }, delimiter: ';' };
    const first = await collectEntities(cdrImporter.parse(bytesInput('x.csv', twice), opts));
    const again = await collectEntities(cdrImporter.parse(bytesInput('x.csv', twice), opts));
    const ids = first.filter((e) => e.schema === 'Call').map((e) => e.id);
    expect(new Set(ids).size).toBe(2);
    expect(again.map((e) => e.id)).toEqual(first.map((e) => e.id));
  });
});

describe('CDR import: broken files and mappings name the line or the key', () => {
  const options = withSubscriber(bandicootEgo, 'ego');
  const header = 'interaction,direction,correspondent_id,datetime,call_duration,antenna_id\n';
  const good = 'call,out,B,2014-03-02 09:00:00,60,2\n';

  async function expectError(text: string | Buffer, path: string, message: RegExp, opts: CdrOptions = options) {
    const error = await rejection(collectEntities(cdrImporter.parse(bytesInput('ego.csv', text), opts)));
    expect(isAppError(error) && { code: error.code, path: error.path }).toEqual({ code: 'import_failed', path });
    expect(error instanceof Error && error.message).toMatch(message);
  }

  it('names the line of a bad date, direction, kind, duration or an empty number', async () => {
    await expectError(
      `${header}${good}call,out,B,2014-03-32 09:00:00,60,2\n`,
      'line 3',
      /not a date and time in the format/,
    );
    await expectError(`${header}${good}call,sideways,B,2014-03-02 09:00:00,60,2\n`, 'line 3', /not a direction/);
    await expectError(`${header}${good}fax,in,B,2014-03-02 09:00:00,,2\n`, 'line 3', /neither a call nor a text/);
    await expectError(`${header}${good}call,in,B,2014-03-02 09:00:00,long,2\n`, 'line 3', /not a duration/);
    await expectError(
      `${header}${good}call,in,,2014-03-02 09:00:00,1,2\n`,
      'line 3',
      /correspondent column "correspondent_id" is empty/,
    );
  });

  it('names the line of a truncated last row, a wrong field count, an unterminated quote, a bad byte', async () => {
    await expectError(`${header}${good}call,out,B,2014-03-0`, 'line 3', /has 4 fields; the header has 6|not a date/);
    await expectError(
      `${header}${good}call,out,B,2014-03-02 09:00:00,60\n`,
      'line 3',
      /has 5 fields; the header has 6/,
    );
    await expectError(`${header}${good}call,out,"B,2014-03-02 09:00:00,60,2\n`, 'line 3', /never closed/);
    const bytes = Buffer.concat([
      Buffer.from(`${header}${good}call,out,`),
      Buffer.from([0xe4]),
      Buffer.from(',2014-03-02 09:00:00,60,2\n'),
    ]);
    await expectError(bytes, 'line 3', /not valid UTF-8/);
  });

  it('refuses incomplete mappings and columns the file lacks, naming the mapping key', async () => {
    await expectError(`${header}${good}`, 'mapping.subscriber', /subscriber's own number/, bandicootEgo);
    const typo = { ...options, mapping: { ...options.mapping, start: 'date_time' } };
    await expectError(`${header}${good}`, 'mapping.start', /column "date_time" is not in ego.csv/, typo);
    const mixed = { mapping: { caller: 'a', callee: 'b', subscriber: 'x', start: 't' } };
    await expectError(`${header}${good}`, 'mapping.subscriber', /either caller\/callee or subscriber/, mixed);
  });

  it('reads durations in seconds and clock form', () => {
    expect([
      parseDuration('75'),
      parseDuration('1:15'),
      parseDuration('1:00:01'),
      parseDuration('1:75'),
      parseDuration('x'),
    ]).toEqual([75, 75, 3601, null, null]);
  });
});
