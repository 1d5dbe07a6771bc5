import { describe, expect, it } from 'vitest';
import { Model, defaultModel } from '@alephdata/followthemoney';
import {
  CRIME_SCRIPT_FUNCTIONS,
  ancestorsOf,
  captionOf,
  descendantsOf,
  edgeOf,
  getProperty,
  getSchema,
  isA,
  isEdge,
  listSchemata,
  propertiesOf,
  requireSchema,
  selectorKindOf,
} from './index.ts';
import { AppError } from '../../shared/errors.ts';

const REQUESTED = [
  'Thing',
  'LegalEntity',
  'Interval',
  'Asset',
  'Value',
  'Interest',
  'Person',
  'Company',
  'Organization',
  'Address',
  'BankAccount',
  'Vehicle',
  'Passport',
  'Identification',
  'UserAccount',
  'Document',
  'Event',
  'Trip',
  'Call',
  'Message',
  'Ownership',
  'Directorship',
  'Employment',
  'Membership',
  'Payment',
  'Debt',
  'Representation',
  'Succession',
  'Family',
  'Associate',
  'UnknownLink',
];
const THB = ['Phone', 'EmailAddress', 'OnlineAd', 'Subcontract', 'Posting', 'Recruitment', 'Accommodation', 'Control'];

describe('schema tables', () => {
  it('include every requested FtM schema and the THB extensions', () => {
    const names = new Set(listSchemata().map((s) => s.name));
    for (const n of [...REQUESTED, ...THB]) expect(names, n).toContain(n);
    expect(names.size).toBe(listSchemata().length);
  });

  it('hold every schema of the FtM package model, with the properties its own Model class resolves', () => {
    const ftm = new Model(defaultModel);
    expect(Object.keys(defaultModel.schemata).length).toBeGreaterThanOrEqual(70);
    for (const name of Object.keys(defaultModel.schemata)) {
      const theirs = ftm.getSchema(name);
      const ours = requireSchema(name);
      expect(ours.label, name).toBe(theirs.label);
      expect(Boolean(ours.abstract), name).toBe(theirs.abstract);
      expect(ours.caption, name).toEqual(theirs.caption);
      expect([...(ours.required ?? [])].sort(), name).toEqual([...theirs.required].sort());
      expect(ours.featured, name).toEqual(theirs.featured);
      // Every FtM property is known; every property not marked as an extension is FtM's.
      const all = propertiesOf(name);
      const ftmOnly = Object.entries(all).filter(([, d]) => !d.extension);
      expect(Object.keys(all), name).toEqual(expect.arrayContaining([...theirs.getProperties().keys()]));
      expect(
        ftmOnly.filter(([p]) => !theirs.hasProperty(p)).map(([p]) => p),
        name,
      ).toEqual([]);
      for (const [p, def] of ftmOnly) {
        const prop = theirs.getProperty(p);
        expect(def.type, `${name}.${p}`).toBe(prop.type.name);
        expect(def.range ?? null, `${name}.${p}`).toBe(prop.hasRange ? prop.getRange().name : null);
        expect(def.reverse ?? null, `${name}.${p}`).toBe(prop.hasReverse ? prop.getReverse().name : null);
        expect(Boolean(def.stub), `${name}.${p}`).toBe(prop.stub);
        expect(def.matchable, `${name}.${p}`).toBe(prop.matchable);
      }
      expect([...ancestorsOf(name)].sort(), name).toEqual([...theirs.schemata].sort());
    }
  });

  it('mark THB schemata, and only them, as extensions', () => {
    for (const s of listSchemata()) expect(Boolean(s.extension), s.name).toBe(THB.includes(s.name));
  });

  it('have parents, ranges, captions and required properties that resolve', () => {
    const names = new Set(listSchemata().map((s) => s.name));
    for (const s of listSchemata()) {
      for (const parent of s.extends ?? []) expect(names, `${s.name} extends ${parent}`).toContain(parent);
      const props = propertiesOf(s.name);
      for (const c of s.caption) expect(props[c], `${s.name} caption ${c}`).toBeDefined();
      for (const r of s.required ?? []) expect(props[r], `${s.name} required ${r}`).toBeDefined();
      for (const [name, def] of Object.entries(props)) {
        if (def.type === 'entity') expect(names, `${s.name}.${name} range`).toContain(def.range);
        else expect(def.range, `${s.name}.${name}`).toBeUndefined();
        if (def.type === 'enum') expect(def.values?.length, `${s.name}.${name}`).toBeGreaterThan(0);
        expect(def.label, `${s.name}.${name}`).not.toBe('');
      }
    }
  });

  it('give every edge schema entity-typed source and target properties that are required', () => {
    const edges = listSchemata().filter((s) => s.edge);
    expect(edges.map((s) => s.name).sort()).toEqual([
      'Accommodation',
      'Associate',
      'Call',
      'ContractAward',
      'Control',
      'CourtCaseParty',
      'Debt',
      'Directorship',
      'Documentation',
      'Employment',
      'Family',
      'Membership',
      'Occupancy',
      'Ownership',
      'Payment',
      'Posting',
      'ProjectParticipant',
      'Recruitment',
      'Representation',
      'Subcontract',
      'Succession',
      'UnknownLink',
    ]);
    for (const s of edges) {
      const edge = edgeOf(s.name);
      expect(edge).toBeDefined();
      if (!edge) continue;
      expect(getProperty(s.name, edge.source)?.type, `${s.name} source`).toBe('entity');
      expect(getProperty(s.name, edge.target)?.type, `${s.name} target`).toBe('entity');
      expect(edge.label).not.toBe('');
      // An optional edge (a Call between two Phones) is a link only when both ends are given. FtM
      // requires the source of every other edge, but for ProjectParticipant.
      if (!edge.optional && s.name !== 'ProjectParticipant')
        expect(s.required ?? [], `${s.name} requires source`).toContain(edge.source);
      expect(isA(s.name, 'Interval'), `${s.name} is an Interval`).toBe(true);
    }
  });
});

describe('inheritance', () => {
  // EmailAddress.address is an e-mail, not Thing's postal address. Company.employees (the THB
  // head count from company registers) shadows FtM's Organization.employees, a reverse stub that
  // only lists Employment links and never holds values of its own.
  it('only overrides an inherited property with another type where meant to', () => {
    const clashes: string[] = [];
    for (const s of listSchemata()) {
      const own = propertiesOf(s.name);
      for (const parent of s.extends ?? []) {
        for (const [name, def] of Object.entries(propertiesOf(parent))) {
          if (own[name] && own[name].type !== def.type) clashes.push(`${s.name}.${name}`);
        }
      }
    }
    expect(clashes.sort()).toEqual(['Company.employees', 'EmailAddress.address']);
  });
});

describe('FtM facts', () => {
  const edge = (name: string) => [edgeOf(name)?.source, edgeOf(name)?.target];

  it('has the FtM edge directions', () => {
    expect(edge('Payment')).toEqual(['payer', 'beneficiary']);
    expect(edge('Ownership')).toEqual(['owner', 'asset']);
    expect(edge('Directorship')).toEqual(['director', 'organization']);
    expect(edge('Employment')).toEqual(['employee', 'employer']);
    expect(edge('Membership')).toEqual(['member', 'organization']);
    expect(edge('Debt')).toEqual(['debtor', 'creditor']);
    expect(edge('Representation')).toEqual(['agent', 'client']);
    expect(edge('Succession')).toEqual(['predecessor', 'successor']);
    expect(edge('Family')).toEqual(['person', 'relative']);
    expect(edge('Associate')).toEqual(['person', 'associate']);
    expect(edge('UnknownLink')).toEqual(['subject', 'object']);
    expect(edgeOf('Family')?.directed).toBe(false);
    expect(edgeOf('Payment')?.directed).toBe(true);
  });

  it('has the FtM ranges of link properties', () => {
    expect(getProperty('Payment', 'payer')?.range).toBe('LegalEntity');
    expect(getProperty('Payment', 'payerAccount')?.range).toBe('BankAccount');
    expect(getProperty('Ownership', 'asset')?.range).toBe('Asset');
    expect(getProperty('Directorship', 'organization')?.range).toBe('Organization');
    expect(getProperty('Employment', 'employee')?.range).toBe('Person');
    expect(getProperty('Thing', 'addressEntity')?.range).toBe('Address');
  });

  it('has the FtM hierarchy', () => {
    expect(isA('Person', 'LegalEntity')).toBe(true);
    expect(isA('Person', 'Thing')).toBe(true);
    expect(isA('Company', 'Organization')).toBe(true);
    expect(isA('Company', 'Asset')).toBe(true);
    expect(isA('BankAccount', 'Value')).toBe(true);
    expect(isA('Passport', 'Identification')).toBe(true);
    expect(isA('Ownership', 'Interest')).toBe(true);
    expect(isA('Message', 'Document')).toBe(true);
    expect(isA('Person', 'Company')).toBe(false);
    expect(isA('Nope', 'Thing')).toBe(false);
    expect(descendantsOf('Organization').sort()).toEqual(['Company', 'Organization', 'PublicBody']);
    expect(getSchema('Thing')?.abstract).toBe(true);
    expect(getSchema('LegalEntity')?.abstract).toBeFalsy();
  });

  it('merges inherited properties with their FtM types', () => {
    const person = propertiesOf('Person');
    expect(person['name']?.type).toBe('name');
    expect(person['birthDate']?.type).toBe('date');
    expect(person['nationality']?.type).toBe('country');
    expect(person['email']?.type).toBe('email');
    expect(person['phone']?.type).toBe('phone');
    expect(person['addressEntity']?.type).toBe('entity');
    expect(person['firstName']?.type).toBe('string');
    expect(propertiesOf('Payment')['amount']?.type).toBe('number');
    expect(propertiesOf('Payment')['startDate']?.type).toBe('date');
    expect(propertiesOf('Company')['currency']?.type).toBe('string');
    expect(propertiesOf('BankAccount')['iban']?.type).toBe('iban');
    expect(propertiesOf('Person')).toBe(propertiesOf('Person'));
    expect(Object.isFrozen(propertiesOf('Person'))).toBe(true);
    expect(getProperty('Person', 'toString')).toBeUndefined();
  });

  it('marks matchable schemata and properties', () => {
    expect(getSchema('Person')?.matchable).toBe(true);
    expect(getSchema('Payment')?.matchable).toBe(false);
    expect(getProperty('Person', 'weakAlias')?.matchable).toBe(false);
    expect(getSchema('Person')?.caption[0]).toBe('name');
  });
});

describe('THB extensions', () => {
  it('has the extension edges', () => {
    expect(edgeOf('Subcontract')).toMatchObject({ source: 'contractor', target: 'subcontractor' });
    expect(edgeOf('Posting')).toMatchObject({ source: 'worker', target: 'sendingCompany' });
    expect(edgeOf('Recruitment')).toMatchObject({ source: 'recruiter', target: 'recruited' });
    expect(edgeOf('Accommodation')).toMatchObject({ source: 'person', target: 'addressEntity' });
    expect(edgeOf('Control')).toMatchObject({ source: 'controller', target: 'controlled' });
    expect(getProperty('Control', 'controlled')?.range).toBe('Thing');
    expect(getProperty('Accommodation', 'housedBy')?.range).toBe('LegalEntity');
    expect(isEdge('Phone')).toBe(false);
    expect(isEdge('Posting')).toBe(true);
  });

  it('keeps procedural status and crime-script functions apart', () => {
    const status = getProperty('Person', 'proceduralStatus');
    const fns = getProperty('Person', 'crimeScriptFunctions');
    expect(status).toMatchObject({ type: 'enum', single: true, extension: true });
    expect(status?.values).toEqual(['suspect', 'victim', 'presumedVictim', 'witness', 'other']);
    expect(fns?.single).toBeFalsy();
    expect(fns?.values).toEqual(CRIME_SCRIPT_FUNCTIONS);
    expect(getProperty('LegalEntity', 'proceduralStatus')).toBeUndefined();
  });
});

describe('selectorKindOf', () => {
  it.each([
    ['Vehicle', 'registrationNumber', 'plate'],
    ['Passport', 'number', 'document'],
    ['Passport', 'passportNumber', 'document'],
    ['Identification', 'number', 'document'],
    ['Person', 'passportNumber', 'document'],
    ['Person', 'idNumber', 'document'],
    ['BankAccount', 'iban', 'iban'],
    ['BankAccount', 'accountNumber', 'account'],
    ['Person', 'phone', 'phone'],
    ['Phone', 'number', 'phone'],
    ['EmailAddress', 'address', 'email'],
    ['OnlineAd', 'email', 'email'],
    ['Call', 'callerNumber', 'phone'],
    ['Person', 'name', 'name'],
    ['Company', 'alias', 'name'],
    ['Person', 'firstName', null],
    ['Person', 'birthDate', null],
    ['Payment', 'payer', null],
    ['Person', 'nope', null],
    ['Nope', 'name', null],
  ])('%s.%s → %s', (schema, prop, kind) => {
    expect(selectorKindOf(schema, prop)).toBe(kind);
  });
});

describe('look-ups', () => {
  it('requireSchema throws unknown_schema', () => {
    expect(() => requireSchema('Spaceship')).toThrowError(AppError);
    try {
      requireSchema('Spaceship');
    } catch (e) {
      expect(e).toMatchObject({ code: 'unknown_schema', path: 'schema' });
    }
    expect(requireSchema('Person').name).toBe('Person');
    expect(getSchema('Spaceship')).toBeUndefined();
    expect(() => propertiesOf('Spaceship')).toThrowError(/Spaceship/);
  });

  it('captionOf picks the first caption property with a value, in FtM caption order', () => {
    expect(captionOf({ schema: 'Person', properties: { name: ['  Ana Pop '], email: ['a@b.eu'] } })).toBe('Ana Pop');
    expect(captionOf({ schema: 'Person', properties: { name: [''], email: ['a@b.eu'] } })).toBe('a@b.eu');
    // FtM's Person caption is name, lastName, email, phone: an alias alone does not name a person.
    expect(captionOf({ schema: 'Person', properties: { alias: ['Ani'], lastName: ['Pop'] } })).toBe('Pop');
    expect(captionOf({ schema: 'Organization', properties: { alias: ['X'] } })).toBe('Organization');
    expect(captionOf({ schema: 'Payment', properties: { amount: ['150'], currency: ['EUR'] } })).toBe('150 EUR');
    // A link's edge caption comes after the schema's own (Ownership has only an edge caption).
    expect(captionOf({ schema: 'Ownership', properties: { percentage: ['51%'] } })).toBe('51%');
    expect(captionOf({ schema: 'Payment', properties: { purpose: ['rent'] } })).toBe('rent');
    expect(captionOf({ schema: 'Ownership', properties: {} })).toBe('Ownership');
    expect(captionOf({ schema: 'Spaceship', properties: {} })).toBe('Spaceship');
    const long = captionOf({ schema: 'Note', properties: { description: ['x'.repeat(500)] } });
    expect(long.length).toBe(200);
  });

  it('captionOf takes the name most like the others among several, not the first written', () => {
    const names = ['JSC NPO IZHMASH', 'JSC Kalashnikov Concern', 'Kalashnikov Concern', 'АО Концерн Калашников'];
    expect(captionOf({ schema: 'Company', properties: { name: names } })).toBe('JSC Kalashnikov Concern');
    expect(captionOf({ schema: 'Company', properties: { name: [...names].reverse() } })).toBe(
      'JSC Kalashnikov Concern',
    );
    expect(captionOf({ schema: 'Person', properties: { name: ['Владимир Путин', 'Vladimir Putin'] } })).toBe(
      'Vladimir Putin',
    );
    // Only names are picked among; other caption properties give their first value.
    expect(captionOf({ schema: 'Note', properties: { description: ['b', 'a'] } })).toBe('b');
  });
});
