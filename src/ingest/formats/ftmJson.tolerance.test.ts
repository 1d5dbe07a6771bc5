/**
 * What the FtM import takes from files other tools write: unknown schemata and properties are
 * skipped with a warning naming the line, FtM's extra keys are ignored, entities embedded in
 * references (network diagrams, API output) become entities of their own.
 */
import { describe, expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import type { ImportItem } from '../types.ts';
import { ftmJsonImporter } from './ftmJson.ts';
import { bytesInput, collect, fixtureInput, fixtureText } from './inputs.testing.ts';

const parseText = (text: string) => collect(ftmJsonImporter.parse(bytesInput('x.ijson', text, 7), {}));
const line = (o: unknown) => `${JSON.stringify(o)}\n`;
const entities = (items: ImportItem[]) => items.filter((i) => i.kind === 'entity').map((i) => i.record);
const warningsOf = (items: ImportItem[]) =>
  items.flatMap((i) => (i.kind !== 'file' && i.warnings ? i.warnings.map((w) => `${i.line}: ${w}`) : []));

describe('FtM JSON import: what other tools write', () => {
  it('skips an entity of an unknown schema with a warning, and imports the rest', async () => {
    const items = await parseText(
      line({ id: 'a', schema: 'Person', properties: { name: ['Ann'] } }) +
        line({ id: 's1', schema: 'Sanctioned', properties: { program: ['EU'] } }) +
        line({ id: 'b', schema: 'Company', properties: { name: ['Acme'] } }),
    );
    expect(entities(items).map((e) => e.id)).toEqual(['a', 'b']);
    expect(items[1]).toEqual({
      kind: 'skipped',
      line: 2,
      id: 's1',
      warnings: ['unknown schema "Sanctioned": entity s1 is skipped'],
    });
  });

  it('takes every schema of the FtM model, the newer ones such as Sanction included', async () => {
    const sanction = { id: 's', schema: 'Sanction', properties: { entity: ['a'], program: ['EU 269/2014'] } };
    expect(entities(await parseText(line(sanction)))).toEqual([sanction]);
  });

  it('skips unknown properties and reverse stubs with a warning, keeping the entity', async () => {
    const items = await parseText(
      line({ id: 'a', schema: 'Person', properties: { name: ['Ann'], nmae: ['B'], ownershipOwner: ['o1'] } }),
    );
    expect(entities(items)).toEqual([{ id: 'a', schema: 'Person', properties: { name: ['Ann'] } }]);
    expect(warningsOf(items)).toEqual([
      '1: "Person" has no property "nmae"; the values of a are skipped',
      '1: "ownershipOwner" of a only lists the links pointing at it; its values are skipped',
    ]);
  });

  it("accepts FtM's extra keys (caption, referents, datasets, first/last seen, target, origin)", async () => {
    const record = { id: 'x', schema: 'Company', properties: { name: ['X'] } };
    const written = {
      ...record,
      caption: 'X',
      referents: ['old-x'],
      datasets: ['sanctions'],
      first_seen: '2021-01-01T00:00:00',
      last_seen: '2024-01-01T00:00:00',
      last_change: '2023-06-01T00:00:00',
      target: true,
      origin: ['crawl'],
    };
    expect(await parseText(line(written))).toEqual([{ kind: 'entity', line: 1, record }]);
  });

  it('drops references to an entity skipped earlier in the file, with a warning', async () => {
    const items = await parseText(
      line({ id: 'u', schema: 'Starship', properties: {} }) +
        line({ id: 'p', schema: 'Person', properties: { name: ['P'] } }) +
        line({ id: 'l', schema: 'UnknownLink', properties: { subject: ['p'], object: ['u'] } }),
    );
    expect(entities(items).at(-1)).toEqual({
      id: 'l',
      schema: 'UnknownLink',
      properties: { subject: ['p'], object: [] },
    });
    expect(warningsOf(items)).toContain('3: l.object refers to u, skipped on line 1; left out');
  });

  it('turns embedded entities into entities of their own, once, referred to by id', async () => {
    const ann = { id: 'ann', schema: 'Person', properties: { name: ['Ann'] } };
    const bob = { id: 'bob', schema: 'Person', properties: { name: ['Bob'] } };
    const items = await parseText(
      line({ id: 'f1', schema: 'Family', properties: { person: [ann], relative: [bob], relationship: ['sister'] } }) +
        line({ id: 'f2', schema: 'Family', properties: { person: [bob], relative: [ann] } }) +
        line(ann),
    );
    expect(items.map((i) => (i.kind === 'entity' ? [i.line, i.record.id, i.merge ?? false] : i.kind))).toEqual([
      [1, 'ann', true],
      [1, 'bob', true],
      [1, 'f1', false],
      [2, 'f2', false],
      // Written on its own after being embedded: the same entity, so its values merge.
      [3, 'ann', true],
    ]);
    expect(entities(items)[2]?.properties).toEqual({ person: ['ann'], relative: ['bob'], relationship: ['sister'] });
  });

  it('reads a JSON document holding a list of entities, or an object with `entities`', async () => {
    const a = { id: 'a', schema: 'Person', properties: { name: ['A'] } };
    const b = { id: 'b', schema: 'Company', properties: { name: ['B'] } };
    const pretty = JSON.stringify([a, b], null, 2);
    const items = await parseText(pretty);
    expect(items.map((i) => [i.line, i.kind === 'entity' && i.record.id])).toEqual([
      [3, 'a'],
      [12, 'b'],
    ]);
    expect(entities(await parseText(JSON.stringify({ entities: [a, b] })))).toEqual([a, b]);
  });

  it('still names the first line of a file that is neither JSON lines nor a JSON document', async () => {
    await expect(parseText('{"id": "a", \n"schema": "Person"\n')).rejects.toThrow(/Line 1: not valid JSON/);
    await expect(parseText('{"layout": {}}\n')).rejects.toThrow(/Line 1: the entity has no id/);
  });
});

describeWithFixtures('FtM JSON import: an Aleph network diagram (aleph_royal-family.vis)', () => {
  const FIXTURE = 'ftm/aleph_royal-family.vis';

  it('gives its 7 entities (3 Person, 3 Family, 1 Succession), embedded persons once, by id', async () => {
    const items = await collect(ftmJsonImporter.parse(fixtureInput(FIXTURE), {}));
    const records = entities(items);
    expect(records).toHaveLength(7);
    const count = (schema: string) => records.filter((r) => r.schema === schema).length;
    expect([count('Person'), count('Family'), count('Succession')]).toEqual([3, 3, 1]);
    expect(new Set(records.map((r) => r.id)).size).toBe(7);
    expect(warningsOf(items)).toEqual([]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const name = (id: string | undefined) => byId.get(id ?? '')?.properties['name']?.[0];
    const families = records.filter((r) => r.schema === 'Family');
    expect(families.map((f) => f.properties['relationship']).sort()).toEqual([['Husband'], ['Son'], ['Son']]);
    for (const f of families)
      for (const end of ['person', 'relative']) expect(name(f.properties[end]?.[0])).toBeDefined();
    const succession = records.find((r) => r.schema === 'Succession');
    expect(name(succession?.properties['predecessor']?.[0])).toBe('Queen Elizabeth II');
    expect(name(succession?.properties['successor']?.[0])).toBe('Prince Charles');
  });

  it('numbers each entity by the line its id is written on', async () => {
    const items = await collect(ftmJsonImporter.parse(fixtureInput(FIXTURE), {}));
    const lines = fixtureText(FIXTURE).split('\n');
    for (const i of items) {
      if (i.kind !== 'entity' || i.merge) continue;
      expect(lines[i.line - 1], i.record.id).toContain(`"${i.record.id}"`);
    }
  });
});
