import { describe, expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import { createHash } from 'node:crypto';
import type { EntityRecord } from '../../domain/records.ts';
import { ftmMappingImporter, type DiscardedValue, type FtmMappingOptions } from './ftmMapping.ts';
import { bytesInput, collectEntities, fixtureInput, fixtureText } from './inputs.testing.ts';

const donationsMapping = () => fixtureText('ftm/nomenklatura_donations.yml');
const CSV = 'ftm/nomenklatura_donations.csv';

/** (id, schema, property → sorted values) — the content two entity sets are compared on. */
function canonical(records: Iterable<{ id: string; schema: string; properties: Record<string, string[]> }>) {
  const out: Record<string, { schema: string; properties: Record<string, string[]> }> = {};
  for (const r of records) {
    const properties: Record<string, string[]> = {};
    for (const name of Object.keys(r.properties).sort()) properties[name] = [...(r.properties[name] ?? [])].sort();
    out[r.id] = { schema: r.schema, properties };
  }
  return out;
}

/** The fixture FtM produced, read straight from its JSON lines (not through our importer). */
function expectedFromFixture() {
  return canonical(
    fixtureText('ftm/nomenklatura_donations.ijson')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as EntityRecord),
  );
}

const run = (options: FtmMappingOptions, input = fixtureInput(CSV)) =>
  collectEntities(ftmMappingImporter.parse(input, options));

describeWithFixtures('FtM mapping: nomenklatura_donations.yml over nomenklatura_donations.csv', () => {
  it('produces the entities of the FtM fixture: same ids, schemata and property values', async () => {
    const items = await run({ mapping: donationsMapping() });
    const ours = canonical(items);
    const expected = expectedFromFixture();
    expect(Object.keys(ours).length).toBe(474);
    // Per-id comparison first, so a mismatch shows the entity rather than a 474-entry diff.
    for (const [id, entity] of Object.entries(expected)) expect({ id, ...ours[id] }).toEqual({ id, ...entity });
    expect(ours).toEqual(expected);
  });

  it('gives each entity the first CSV line it came from, each id once', async () => {
    const items = await run({ mapping: donationsMapping() });
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    const mlpd = items.find((e) => e.properties['name']?.[0] === 'MLPD');
    expect(mlpd?.line).toBe(2);
    expect(Math.max(...items.map((i) => i.line))).toBeLessThanOrEqual(293);
  });

  it('reports the values FtM cleaning drops (a misspelt country)', async () => {
    const dropped: DiscardedValue[] = [];
    await run({ mapping: donationsMapping(), onDiscard: (d) => dropped.push(d) });
    expect(dropped.some((d) => d.value === 'Niedlerlande' && d.property === 'country')).toBe(true);
  });

  it('finds the CSV by its csv_url file name among supplied files', async () => {
    const items = await run(
      { mapping: donationsMapping(), csvs: { 'donations.csv': fixtureInput(CSV) } },
      bytesInput('unused.csv', ''),
    );
    expect(items).toHaveLength(474);
  });

  it('seeds ids with the dataset name (a different name gives different ids)', async () => {
    const items = await run({ mapping: donationsMapping(), dataset: 'other' });
    const expected = expectedFromFixture();
    expect(items).toHaveLength(474);
    expect(items.filter((e) => e.id in expected)).toHaveLength(0);
  });
});

describe('FtM mapping language features', () => {
  const sha1 = (...parts: string[]) => createHash('sha1').update(parts.join('')).digest('hex');
  const csv = [
    'Id,First,Last,Born,Kind,Phones,Country,Ref',
    '1,Mari,Tamm,02.01.1990,P,+372 5123 4567;+372 5123 4568,Estonia,r1',
    '2, Jaan ,Kask,31.02.1990,P,,EE,r2',
    '3,,,,P,,,',
    '4,Acme,,,C,,,r4',
  ].join('\n');
  const mapping = `
people:
  queries:
    - csv_urls: [people.csv]
      filters_not: {Kind: C}
      entities:
        person:
          schema: Person
          keys: [Last, First]
          key_literal: person
          properties:
            name: {columns: [First, Last], join: " "}
            firstName: {column: First}
            birthDate: {column: Born, format: "%d.%m.%Y"}
            phone: {column: Phones, split: ";"}
            nationality: {column: Country}
            notes: {template: "record {{Id}} of {{Kind}}"}
            sourceUrl: {literal: "https://example.org/list"}
            proceduralStatus: {literals: [witness, bystander]}
        note:
          schema: Event
          id_column: Ref
          properties:
            name: {column: Ref, required: true}
            involved: {entity: person}
`;
  const parse = async () => {
    const items = await collectEntities(ftmMappingImporter.parse(bytesInput('people.csv', csv), { mapping }));
    return new Map(items.map((e) => [e.id, e]));
  };

  it('computes ids from the dataset name, key_literal and sorted trimmed key values', async () => {
    const byId = await parse();
    // Keys sort bytewise: "Mari" < "Tamm"; " Jaan " is trimmed before hashing.
    expect(byId.get(sha1('people', 'person', 'Mari', 'Tamm'))?.schema).toBe('Person');
    expect(byId.get(sha1('people', 'person', 'Jaan', 'Kask'))?.line).toBe(3);
    expect(byId.get('r1')?.schema).toBe('Event');
  });

  it('joins, splits, formats dates, fills templates and literals, cleans countries and phones', async () => {
    const mari = (await parse()).get(sha1('people', 'person', 'Mari', 'Tamm'));
    expect(mari?.properties).toEqual({
      nationality: ['ee'],
      name: ['Mari Tamm'],
      firstName: ['Mari'],
      birthDate: ['1990-01-02'],
      phone: ['+37251234567', '+37251234568'],
      notes: ['record 1 of P'],
      sourceUrl: ['https://example.org/list'],
      // A THB closed vocabulary keeps only its listed values.
      proceduralStatus: ['witness'],
    });
    // 31.02. is no date: dropped, as FtM drops unclean values.
    const jaan = (await parse()).get(sha1('people', 'person', 'Jaan', 'Kask'));
    expect(jaan?.properties['birthDate']).toBeUndefined();
    expect(jaan?.properties['name']).toEqual(['Jaan Kask']);
  });

  it('skips entities with empty keys, rows the filters drop, and rows missing a required value', async () => {
    const byId = await parse();
    // Row 3 has no key values and no Ref; row 4 is filtered out (Kind C).
    expect([...byId.keys()].sort()).toEqual(
      [sha1('people', 'person', 'Jaan', 'Kask'), sha1('people', 'person', 'Mari', 'Tamm'), 'r1', 'r2'].sort(),
    );
    expect(byId.get('r1')?.properties['involved']).toEqual([sha1('people', 'person', 'Mari', 'Tamm')]);
    // Event has namesMentioned: FtM inlines the names of the entities it refers to.
    expect(byId.get('r1')?.properties['namesMentioned']).toEqual(['Mari Tamm']);
  });
});
