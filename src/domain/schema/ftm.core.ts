/**
 * FtM base schemata: the abstract roots (Thing, Interval, Value, Interest, Analyzable) plus Asset
 * and LegalEntity, which FtM lets you create directly.
 *
 * Source: alephdata/followthemoney `followthemoney/schema/{Thing,Interval,Value,Interest,
 * Analyzable,Asset,LegalEntity}.yaml`, merged with the later additions in the FtM 4 line
 * (opensanctions/followthemoney, same paths) so files from either release round-trip.
 * Properties that older releases had and later ones dropped (LegalEntity.passport,
 * LegalEntity.subsidiaries) are kept for the same reason.
 */
import type { SchemaDef } from './types.ts';
import {
  NM,
  address,
  country,
  date,
  email,
  ident,
  lang,
  name,
  num,
  phone,
  prop,
  ref,
  str,
  text,
  url,
} from './define.ts';

/** followthemoney/schema/Thing.yaml — root of everything shown as a node. */
export const Thing: SchemaDef = {
  name: 'Thing',
  label: 'Thing',
  plural: 'Things',
  abstract: true,
  matchable: false,
  caption: ['name'],
  required: ['name'],
  properties: {
    name: name('Name'),
    alias: name('Other name'),
    previousName: name('Previous name'),
    weakAlias: name('Weak alias', NM),
    country: country('Country'),
    summary: text('Summary'),
    notes: text('Notes'),
    description: text('Description'),
    sourceUrl: url('Source link', NM),
    publisher: str('Publishing source', NM),
    publisherUrl: url('Publishing source URL', NM),
    alephUrl: url('Aleph URL', NM),
    wikipediaUrl: url('Wikipedia Article', NM),
    wikidataId: ident('Wikidata ID'),
    keywords: str('Keywords'),
    topics: prop('topic', 'Topics'),
    address: address('Address'),
    addressEntity: ref('Address', 'Address'),
    program: str('Program'),
    programId: ident('Program ID', NM),
    proof: ref('Document', 'Source document'),
    indexText: text('Index text'),
    createdAt: date('Created at', NM),
    modifiedAt: date('Modified on', NM),
    retrievedAt: date('Retrieved on', NM),
  },
};

/**
 * followthemoney/schema/Interval.yaml — something bounded in time. Parent of most links, but
 * (as FtM insists) not every Interval is an edge.
 */
export const Interval: SchemaDef = {
  name: 'Interval',
  label: 'Interval',
  plural: 'Intervals',
  abstract: true,
  matchable: false,
  caption: [],
  properties: {
    startDate: date('Start date'),
    endDate: date('End date'),
    date: date('Date'),
    summary: text('Summary'),
    description: text('Description'),
    recordId: str('Record ID'),
    sourceUrl: url('Source link', NM),
    proof: ref('Document', 'Source document'),
    publisher: str('Publishing source'),
    publisherUrl: url('Publishing source URL', NM),
    alephUrl: url('Aleph URL', NM),
    namesMentioned: name('Detected names'),
    indexText: text('Index text'),
    modifiedAt: date('Modified on'),
    retrievedAt: date('Retrieved on', NM),
  },
};

/** followthemoney/schema/Value.yaml — a monetary value. */
export const Value: SchemaDef = {
  name: 'Value',
  label: 'Value',
  plural: 'Values',
  abstract: true,
  matchable: false,
  caption: [],
  properties: {
    amount: num('Amount'),
    currency: str('Currency'),
    amountUsd: num('Amount in USD'),
    amountEur: num('Amount in EUR'),
  },
};

/** followthemoney/schema/Interest.yaml — parent of Ownership, Directorship, Employment… */
export const Interest: SchemaDef = {
  name: 'Interest',
  label: 'Interest',
  plural: 'Interests',
  extends: ['Interval'],
  abstract: true,
  matchable: false,
  caption: ['role'],
  properties: {
    role: str('Role'),
    status: str('Status'),
  },
};

/** followthemoney/schema/Analyzable.yaml — entities that named-entity extraction runs on. */
export const Analyzable: SchemaDef = {
  name: 'Analyzable',
  label: 'Analyzable',
  plural: 'Analyzables',
  abstract: true,
  matchable: false,
  caption: [],
  properties: {
    detectedLanguage: lang('Detected language', NM),
    detectedCountry: country('Detected country', NM),
    namesMentioned: name('Detected names'),
    peopleMentioned: name('Detected people'),
    companiesMentioned: name('Detected companies'),
    ibanMentioned: prop('iban', 'Detected IBANs'),
    ipMentioned: prop('ip', 'Detected IP addresses'),
    locationMentioned: address('Detected locations', NM),
    phoneMentioned: phone('Detected phones'),
    emailMentioned: email('Detected e-mail addresses'),
  },
};

/** followthemoney/schema/Asset.yaml — FtM marks it `abstract: false`, so Asset entities exist. */
export const Asset: SchemaDef = {
  name: 'Asset',
  label: 'Asset',
  plural: 'Assets',
  extends: ['Thing', 'Value'],
  matchable: false,
  caption: ['name'],
  properties: {},
};

/** followthemoney/schema/LegalEntity.yaml — a person or an organisation of unknown kind. */
export const LegalEntity: SchemaDef = {
  name: 'LegalEntity',
  label: 'Legal entity',
  plural: 'Legal entities',
  extends: ['Thing'],
  matchable: true,
  caption: ['name', 'alias', 'abbreviation', 'weakAlias', 'previousName', 'email', 'phone', 'registrationNumber'],
  required: ['name'],
  properties: {
    abbreviation: name('Abbreviation', NM),
    email: email('E-Mail'),
    phone: phone('Phone'),
    website: url('Website'),
    legalForm: str('Legal form', NM),
    incorporationDate: date('Incorporation date'),
    dissolutionDate: date('Dissolution date'),
    taxStatus: str('Tax status', NM),
    status: str('Status', NM),
    sector: str('Sector', NM),
    classification: str('Classification', NM),
    registrationNumber: ident('Registration number'),
    // FtM: "ID of any applicable personal identification document", used mainly for people.
    idNumber: ident('ID Number', { selector: 'document' }),
    taxNumber: ident('Tax Number'),
    licenseNumber: ident('License Number'),
    vatCode: ident('V.A.T. Identifier'),
    jurisdiction: country('Jurisdiction'),
    mainCountry: country('Country of origin'),
    opencorporatesUrl: url('OpenCorporates URL'),
    bvdId: ident('Bureau van Dijk ID'),
    sayariId: ident('Sayari Entity ID'),
    brightQueryId: ident('BrightQuery ID'),
    brightQueryOrgId: ident('BrightQuery Organization ID', NM),
    uscCode: ident('USCC'),
    icijId: str('ICIJ ID'),
    okpoCode: ident('OKPO', NM),
    innCode: ident('INN'),
    ogrnCode: ident('OGRN'),
    leiCode: ident('LEI'),
    dunsCode: ident('DUNS'),
    uniqueEntityId: ident('Unique Entity ID'),
    npiCode: ident('NPI'),
    swiftBic: ident('SWIFT/BIC'),
    parent: ref('LegalEntity', 'Parent company'),
    // Older FtM releases only (later ones turned these into reverse stubs).
    subsidiaries: ref('LegalEntity', 'Subsidiaries'),
    passport: ref('Passport', 'Passports'),
  },
};

export const coreSchemata: readonly SchemaDef[] = [Thing, Interval, Value, Interest, Analyzable, Asset, LegalEntity];
