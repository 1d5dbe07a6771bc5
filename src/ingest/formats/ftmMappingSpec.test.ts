import { describe, expect, it } from 'vitest';
import { itWithFixtures } from '../../../test/support/fixtures.ts';
import { isAppError } from '../../shared/errors.ts';
import { ftmMappingImporter } from './ftmMapping.ts';
import { compileMapping } from './ftmMappingSpec.ts';
import { bytesInput, collect, fixtureInput, fixtureText, rejection } from './inputs.testing.ts';

const donationsMapping = () => fixtureText('ftm/nomenklatura_donations.yml');
const CSV = 'ftm/nomenklatura_donations.csv';

function failure(fn: () => unknown): { path: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) {
      expect(e.code).toBe('import_failed');
      return { path: e.path, message: e.message };
    }
    throw e;
  }
  throw new Error('expected the mapping to be refused');
}

const small = (entities: string) => `ds:\n  query:\n    csv_url: a.csv\n    entities:\n${entities}`;

describe('FtM mapping files are checked before any row is read', () => {
  itWithFixtures('reads the donations mapping: four queries, entities in dependency order', () => {
    const queries = compileMapping(donationsMapping());
    expect(queries.map((q) => q.path)).toEqual(['queries[0]', 'queries[1]', 'queries[2]', 'queries[3]']);
    const names = queries[0]?.entities.map((e) => e.name) ?? [];
    expect(names.indexOf('address')).toBeLessThan(names.indexOf('donor'));
    expect(names.indexOf('donor')).toBeLessThan(names.indexOf('donation'));
    expect(names.indexOf('party')).toBeLessThan(names.indexOf('donation'));
    expect(queries[1]?.filters).toEqual([
      { column: 'DonorType', path: 'queries[1].filters.DonorType', values: ['ORG'] },
    ]);
  });

  it('refuses text that is not YAML, naming the mapping line', () => {
    const f = failure(() => compileMapping('donations:\n  queries:\n    - csv_url: [a.csv\n'));
    expect(f.path).toMatch(/^mapping line \d+$/);
    expect(f.message).toMatch(/not valid YAML/);
  });

  itWithFixtures('names the key of an unknown schema, property or option', () => {
    expect(
      failure(() => compileMapping(donationsMapping().replace('schema: Organization', 'schema: Organisation'))).path,
    ).toBe('queries[0].entities.party.schema');
    const prop = failure(() =>
      compileMapping(
        donationsMapping().replace(
          '            name:\n              column: Donor',
          '            nme:\n              column: Donor',
        ),
      ),
    );
    expect(prop.path).toBe('queries[0].entities.donor.properties.nme');
    expect(prop.message).toMatch(/"LegalEntity" has no property "nme"/);
    expect(
      failure(() =>
        compileMapping(
          small(
            '      a:\n        schema: Person\n        key: K\n        properties:\n          name:\n            colum: N\n',
          ),
        ),
      ).path,
    ).toBe('query.entities.a.properties.name.colum');
    expect(failure(() => compileMapping(small('      a:\n        schema: Thing\n        key: K\n'))).message).toMatch(
      /abstract/,
    );
    const format = failure(() =>
      compileMapping(donationsMapping().replace('format: "%Y-%m-%d"', 'format: "%Y-%m-%Q"')),
    );
    expect(format.path).toBe('queries[0].entities.donation.properties.date.format');
    expect(format.message).toMatch(/%Q/);
  });

  itWithFixtures('refuses an SQL mapping (the kek fixture): only CSV sources are supported', () => {
    const f = failure(() => compileMapping(fixtureText('ftm/followthemoney_kek_sql_mapping.yml')));
    expect(f.path).toBe('database');
    expect(f.message).toMatch(/only CSV sources/);
    const nested = failure(() => compileMapping('ds:\n  queries:\n    - database: sqlite://x\n      entities: {}\n'));
    expect(nested.path).toBe('queries[0].database');
  });

  it('checks keys, entity references and their ranges, and cycles', () => {
    expect(failure(() => compileMapping(small('      a:\n        schema: Person\n'))).path).toBe('query.entities.a');
    expect(
      failure(() => compileMapping(small('      a:\n        schema: Person\n        key: K\n        id_column: I\n')))
        .path,
    ).toBe('query.entities.a.id_column');
    const ref = (target: string) =>
      small(
        `      p:\n        schema: Payment\n        key: K\n        properties:\n          payer:\n            entity: ${target}\n      v:\n        schema: Vehicle\n        key: V\n`,
      );
    expect(failure(() => compileMapping(ref('nobody'))).path).toBe('query.entities.p.properties.payer.entity');
    expect(failure(() => compileMapping(ref('v'))).message).toMatch(/needs a LegalEntity/);
    const cycle = small(
      '      a:\n        schema: Person\n        key: K\n        properties:\n          parent:\n            entity: b\n' +
        '      b:\n        schema: Company\n        key: K\n        properties:\n          parent:\n            entity: a\n',
    );
    expect(failure(() => compileMapping(cycle)).message).toMatch(/circular/);
    expect(
      failure(() => compileMapping('ds:\n  query:\n    entities:\n      a: {schema: Person, key: K}\n')).path,
    ).toBe('query');
  });
});

describe('FtM mapping: the e-mail address node', () => {
  const entity = (schema: string, prop: string) =>
    small(
      `      e:\n        schema: ${schema}\n        key: K\n        properties:\n          ${prop}:\n            column: A\n`,
    );

  it('maps EmailAddress, and a mapping written for release 0.1 (`Email` with address properties) to it', () => {
    for (const schema of ['EmailAddress', 'Email'])
      expect(compileMapping(entity(schema, 'address'))[0]?.entities.map((e) => e.schema)).toEqual(['EmailAddress']);
  });

  it('maps FtM e-mail messages (`Email` with message properties) to the FtM Email schema', () => {
    expect(compileMapping(entity('Email', 'subject'))[0]?.entities.map((e) => e.schema)).toEqual(['Email']);
  });

  it('refuses a reverse stub, naming the property to map instead', () => {
    const f = failure(() => compileMapping(entity('Person', 'ownershipOwner')));
    expect(f.path).toBe('query.entities.e.properties.ownershipOwner');
    expect(f.message).toMatch(/only lists the Ownership links pointing here; map "owner" on them/);
  });
});

describe('FtM mapping: columns and CSV problems name the key or the line', () => {
  const csvInput = (text: string) => bytesInput('a.csv', text);
  const mapping = small(
    '      a:\n        schema: Person\n        key: Id\n        properties:\n          name:\n            column: Name\n',
  );

  it('names the mapping key of a column the CSV lacks', async () => {
    const error = await rejection(collect(ftmMappingImporter.parse(csvInput('Id,Nom\n1,A\n'), { mapping })));
    expect(isAppError(error) && error.path).toBe('query.entities.a.properties.name.column');
    expect(error instanceof Error && error.message).toMatch(/column "Name" is not in a.csv/);
  });

  itWithFixtures('names the donations mapping key of a mistyped column', async () => {
    const error = await rejection(
      collect(
        ftmMappingImporter.parse(fixtureInput(CSV), {
          mapping: donationsMapping().replace('column: DonationEUR', 'column: DonationEuro'),
        }),
      ),
    );
    expect(isAppError(error) && error.path).toBe('queries[0].entities.donation.properties.amountEur.column');
  });

  it('names the line of an unterminated quote, a wrong field count, a bad byte', async () => {
    const cases: Array<[string | Buffer, string]> = [
      ['Id,Name\n1,A\n2,"B\n3,C\n', 'line 3'],
      ['Id,Name\n1,A\n2,B,extra\n', 'line 3'],
      [Buffer.concat([Buffer.from('Id,Name\n1,A\n2,'), Buffer.from([0xe4]), Buffer.from('\n')]), 'line 3'],
    ];
    for (const [text, path] of cases) {
      const error = await rejection(collect(ftmMappingImporter.parse(bytesInput('a.csv', text), { mapping })));
      expect(isAppError(error) && error.path).toBe(path);
      expect(error instanceof Error && error.message).toContain('3');
    }
  });

  it('names the csv_url key of a CSV that was not given', async () => {
    const two = 'ds:\n  query:\n    csv_urls: [a.csv, b.csv]\n    entities:\n      a: {schema: Person, key: Id}\n';
    const error = await rejection(collect(ftmMappingImporter.parse(csvInput('Id\n1\n'), { mapping: two })));
    expect(isAppError(error) && error.path).toBe('query.csv_urls[1]');
    expect(error instanceof Error && error.message).toMatch(/no CSV file named "b.csv"/);
  });

  it('refuses an entity mapped under two unrelated schemata, naming the line', async () => {
    const twice =
      'ds:\n  queries:\n    - csv_url: a.csv\n      entities:\n        a: {schema: Person, key: Id}\n' +
      '    - csv_url: a.csv\n      entities:\n        a: {schema: Company, key: Id}\n';
    const error = await rejection(collect(ftmMappingImporter.parse(csvInput('Id\n1\n'), { mapping: twice })));
    expect(isAppError(error) && error.path).toBe('line 2');
    expect(error instanceof Error && error.message).toMatch(/as Company here but as Person/);
  });
});
