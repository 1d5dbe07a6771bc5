import { describe, expect, it } from 'vitest';
import { describeWithFixtures, itWithFixtures } from '../../../test/support/fixtures.ts';
import { isAppError } from '../../shared/errors.ts';
import type { EntityRecord } from '../../domain/records.ts';
import { exportFtm, ftmJsonImporter } from './ftmJson.ts';
import { bytesInput, collect, collectEntities, fixtureBytes, fixtureInput, rejection } from './inputs.testing.ts';

const FIXTURE = 'ftm/nomenklatura_donations.ijson';

const parseAll = (input: ReturnType<typeof bytesInput>) => collect(ftmJsonImporter.parse(input, {}));

/** The fixture's lines as byte buffers (the file ends with a line break). */
function fixtureLines(): Buffer[] {
  const bytes = fixtureBytes(FIXTURE);
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, nl));
    start = nl + 1;
  }
  return lines;
}

const joinLines = (lines: Buffer[]) => Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));

async function expectLineError(content: Buffer | string, line: number, message?: RegExp): Promise<void> {
  const error = await rejection(parseAll(bytesInput('broken.ijson', content, 1000)));
  expect(isAppError(error)).toBe(true);
  if (!isAppError(error)) return;
  expect(error.code).toBe('import_failed');
  expect(error.path).toBe(`line ${line}`);
  expect(error.message).toContain(`Line ${line}`);
  if (message) expect(error.message).toMatch(message);
}

describeWithFixtures('FtM JSON lines import: the nomenklatura donations fixture', () => {
  it('parses into exactly 474 entities, each with the line it came from', async () => {
    const entities = await collectEntities(ftmJsonImporter.parse(fixtureInput(FIXTURE), {}));
    expect(entities).toHaveLength(474);
    expect(entities.map((e) => e.line)).toEqual(Array.from({ length: 474 }, (_, i) => i + 1));
    expect(new Set(entities.map((e) => e.id)).size).toBe(474);
  });

  it('gives every Payment a payer and a beneficiary that are entities of the same file', async () => {
    const entities = await collectEntities(ftmJsonImporter.parse(fixtureInput(FIXTURE), {}));
    const ids = new Set(entities.map((e) => e.id));
    const payments = entities.filter((e) => e.schema === 'Payment');
    expect(payments).toHaveLength(290);
    for (const record of payments) {
      const payer = record.properties['payer'] ?? [];
      const beneficiary = record.properties['beneficiary'] ?? [];
      expect(payer.length).toBeGreaterThan(0);
      expect(beneficiary.length).toBeGreaterThan(0);
      for (const id of [...payer, ...beneficiary]) expect(ids.has(id)).toBe(true);
    }
  });

  it('keeps ids, schemata and values exactly as written', async () => {
    const entities = await collectEntities(ftmJsonImporter.parse(fixtureInput(FIXTURE), {}));
    const secondLine = fixtureLines()[1]?.toString('utf8') ?? '';
    const expected = JSON.parse(secondLine) as EntityRecord;
    expect(entities[1]).toEqual({ line: 2, id: expected.id, schema: expected.schema, properties: expected.properties });
    expect(entities[1]).toMatchObject({
      schema: 'Address',
      properties: { full: ['Schillerstraße 19, 76135 Karlsruhe'] },
    });
  });

  it('accepts every schema and property the fixture uses (our model covers them)', async () => {
    // A property our model lacked would have failed the import above; this lists what was used.
    const entities = await collectEntities(ftmJsonImporter.parse(fixtureInput(FIXTURE), {}));
    const used = new Set(entities.flatMap((e) => Object.keys(e.properties).map((p) => `${e.schema}.${p}`)));
    expect([...used].sort()).toEqual([
      'Address.city',
      'Address.country',
      'Address.full',
      'Address.street',
      'Company.addressEntity',
      'Company.country',
      'Company.name',
      'Organization.addressEntity',
      'Organization.country',
      'Organization.name',
      'Payment.amountEur',
      'Payment.beneficiary',
      'Payment.date',
      'Payment.namesMentioned',
      'Payment.payer',
      'Person.addressEntity',
      'Person.country',
      'Person.name',
    ]);
  });
});

describe('FtM JSON lines import: broken files name the line', () => {
  itWithFixtures('refuses a file whose last line is cut off mid-JSON, naming that last line', async () => {
    const bytes = fixtureBytes(FIXTURE);
    const truncated = bytes.subarray(0, bytes.length - 40); // inside line 474, no final line break
    await expectLineError(truncated, 474, /truncated/);
  });

  itWithFixtures('refuses Latin-1 bytes inside a line, naming that line', async () => {
    const lines = fixtureLines();
    const line = lines[99] ?? Buffer.alloc(0);
    const at = line.indexOf('"name": ["') + 10;
    // 0xE4 is "ä" in Latin-1 and not valid UTF-8 on its own.
    lines[99] = Buffer.concat([line.subarray(0, at), Buffer.from([0xe4]), line.subarray(at)]);
    await expectLineError(joinLines(lines), 100, /UTF-8/);
  });

  itWithFixtures('refuses malformed JSON in the middle of the file, naming the line', async () => {
    const lines = fixtureLines();
    lines[4] = Buffer.from((lines[4] ?? Buffer.alloc(0)).toString('utf8').replace('"schema": ', '"schema" '));
    await expectLineError(joinLines(lines), 5, /not valid JSON/);
  });

  it('names the line of a missing id, a missing or abstract schema, bad values', async () => {
    const ok = '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}';
    const cases: Array<[string, RegExp]> = [
      ['{"schema": "Person", "properties": {}}', /no id/],
      ['{"id": "b", "properties": {}}', /no schema/],
      ['{"id": "b", "schema": "Thing", "properties": {}}', /abstract/],
      ['{"id": "b", "schema": "Person", "properties": ["x"]}', /object of string lists/],
      ['{"id": "b", "schema": "Person", "properties": {"name": "B"}}', /properties.name must be a list of strings/],
      ['{"id": "b", "schema": "Person", "properties": {"name": [1]}}', /list of strings/],
      ['{"id": "b", "schema": "Person", "properties": {"birthDate": ["yesterday"]}}', /birthDate.*not an ISO date/],
      ['[1, 2]', /JSON object/],
    ];
    for (const [bad, message] of cases) await expectLineError(`${ok}\n\n${bad}\n${ok}\n`, 3, message);
  });

  it('skips empty lines, reads CRLF files and ignores extra FtM keys', async () => {
    const text =
      '\r\n{"id": "x", "schema": "Company", "caption": "X", "datasets": ["d"], "properties": {"name": ["X"]}}\r\n\r\n';
    const items = await parseAll(bytesInput('crlf.ijson', text));
    expect(items).toEqual([
      { kind: 'entity', line: 2, record: { id: 'x', schema: 'Company', properties: { name: ['X'] } } },
    ]);
  });
});

describe('FtM JSON lines export', () => {
  const person: EntityRecord = {
    id: 'p1',
    schema: 'Person',
    properties: { name: ['Mari Tamm'], birthDate: ['1990-01-02'], proceduralStatus: ['victim'], alias: [] },
  };
  const phone: EntityRecord = { id: 'ph1', schema: 'Phone', properties: { number: ['+3725123456'] } };

  it('writes one JSON object per line with sorted property names and no empty properties', async () => {
    const lines = await collect2(exportFtm([person]));
    expect(lines).toEqual([
      '{"id":"p1","schema":"Person","properties":{"birthDate":["1990-01-02"],"name":["Mari Tamm"],"proceduralStatus":["victim"]}}\n',
    ]);
  });

  it('exports THB extension schemata; extension properties can be left out for outside tools', async () => {
    const lines = await collect2(
      exportFtm(
        (async function* () {
          yield person;
          yield phone;
        })(),
        { extensionProperties: false },
      ),
    );
    expect(lines[0]).not.toContain('proceduralStatus');
    expect(JSON.parse(lines[1] ?? '')).toEqual({ id: 'ph1', schema: 'Phone', properties: { number: ['+3725123456'] } });
  });

  itWithFixtures('round-trips the fixture: export then import gives the same entities', async () => {
    const records = (await collectEntities(ftmJsonImporter.parse(fixtureInput(FIXTURE), {}))).map(
      ({ line: _line, ...r }) => r,
    );
    const text = (await collect2(exportFtm(records))).join('');
    const again = await collectEntities(ftmJsonImporter.parse(bytesInput('again.ijson', text), {}));
    expect(again.map(({ line: _line, ...r }) => r)).toEqual(records);
  });
});

describe('FtM JSON lines: the e-mail address node', () => {
  const address: EntityRecord = {
    id: 'e1',
    schema: 'EmailAddress',
    properties: { address: ['recruit@example.com'], name: ['Recruitment inbox'] },
  };

  it('is exported as EmailAddress and read back as such', async () => {
    const lines = await collect2(exportFtm([address]));
    expect(JSON.parse(lines[0] ?? '')).toEqual(address);
    expect(await parseAll(bytesInput('again.ijson', lines.join('')))).toEqual([
      { kind: 'entity', line: 1, record: address },
    ]);
  });

  it('reads an `Email` with only address-node properties, as release 0.1 exported it, as EmailAddress', async () => {
    const legacy =
      '{"id":"e1","schema":"Email","properties":{"address":["recruit@example.com"],"name":["Recruitment inbox"]}}';
    expect(await parseAll(bytesInput('release-0.1.ijson', `${legacy}\n`))).toEqual([
      { kind: 'entity', line: 1, record: address },
    ]);
  });

  it('reads an FtM e-mail message (`Email` with message properties) as FtM writes it', async () => {
    const message = '{"id":"m1","schema":"Email","properties":{"subject":["Invoice"],"from":["a@example.com"]}}';
    expect(await parseAll(bytesInput('mail.ijson', `${message}\n`))).toEqual([
      {
        kind: 'entity',
        line: 1,
        record: { id: 'm1', schema: 'Email', properties: { subject: ['Invoice'], from: ['a@example.com'] } },
      },
    ]);
  });
});

async function collect2(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
}
