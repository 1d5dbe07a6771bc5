/**
 * FtM parties and places: Person, Organization, Company, Address.
 *
 * Source: alephdata/followthemoney `followthemoney/schema/{Person,Organization,Company,Address}.yaml`
 * with the FtM 4 additions (opensanctions/followthemoney, same paths). Person carries two THB
 * extension properties (DOMAIN.md §3 crime-script roles, §7 categories of persons); they are
 * marked `extension: true` and are left out of FtM exports.
 */
import type { SchemaDef } from './types.ts';
import { companyRegisterProperties } from './thb.extensions.ts';
import { NM, address, country, date, ident, lang, num, oneOf, prop, str, text } from './define.ts';
import { CRIME_SCRIPT_FUNCTIONS, PROCEDURAL_STATUSES } from './thb.vocabulary.ts';

/** followthemoney/schema/Person.yaml */
export const Person: SchemaDef = {
  name: 'Person',
  label: 'Person',
  plural: 'People',
  extends: ['LegalEntity'],
  matchable: true,
  caption: ['name', 'alias', 'previousName', 'weakAlias', 'abbreviation', 'lastName', 'email', 'phone'],
  required: ['name'],
  properties: {
    title: str('Title'),
    // FtM deliberately keeps name parts as `string`, not `name`: matching on a first name alone
    // gives too many false positives.
    firstName: str('First name'),
    secondName: str('Second name'),
    middleName: str('Middle name'),
    fatherName: str('Patronymic'),
    motherName: str('Matronymic'),
    lastName: str('Last name'),
    nameSuffix: str('Name suffix'),
    birthDate: date('Birth date'),
    birthPlace: str('Place of birth'),
    birthCountry: country('Country of birth'),
    deathDate: date('Death date'),
    position: str('Position', NM),
    biography: text('Biography', NM),
    nationality: country('Nationality'),
    citizenship: country('Citizenship'),
    passportNumber: ident('Passport number', { selector: 'document' }),
    socialSecurityNumber: ident('Social security number'),
    gender: prop('gender', 'Gender'),
    ethnicity: str('Ethnicity'),
    height: num('Height'),
    weight: num('Weight'),
    eyeColor: str('Eye color'),
    hairColor: str('Hair color'),
    appearance: str('Physical appearance'),
    religion: str('Religion'),
    political: str('Political association'),
    profession: str('Profession'),
    education: str('Education'),
    spokenLanguage: lang('Spoken language'),
    // THB extensions. Procedural status (Directive 2016/680 categories of persons) and crime-script
    // function (what someone does in the scheme) are separate on purpose: a victim can also be a
    // recruiter, and that must be recorded without turning them into a suspect (DOMAIN.md §3, §7).
    proceduralStatus: oneOf(PROCEDURAL_STATUSES, 'Procedural status', { extension: true, single: true }),
    crimeScriptFunctions: oneOf(CRIME_SCRIPT_FUNCTIONS, 'Crime-script functions', { extension: true }),
  },
};

/** followthemoney/schema/Organization.yaml */
export const Organization: SchemaDef = {
  name: 'Organization',
  label: 'Organization',
  plural: 'Organizations',
  extends: ['LegalEntity'],
  matchable: true,
  caption: ['name', 'alias', 'abbreviation', 'weakAlias', 'previousName', 'registrationNumber'],
  required: ['name'],
  properties: {
    cageCode: ident('CAGE'),
    permId: ident('PermID'),
    imoNumber: ident('IMO Number'),
    giiNumber: ident('GIIN'),
  },
};

/** followthemoney/schema/Company.yaml — an Organization that is also an Asset (can be owned). */
export const Company: SchemaDef = {
  name: 'Company',
  label: 'Company',
  plural: 'Companies',
  extends: ['Organization', 'Asset'],
  matchable: true,
  caption: ['name', 'alias', 'abbreviation', 'weakAlias', 'previousName', 'registrationNumber'],
  required: ['name'],
  properties: {
    capital: str('Capital'),
    voenCode: ident('VOEN'),
    coatoCode: ident('COATO / SOATO / OKATO', NM),
    irsCode: ident('IRS Number'),
    ipoCode: ident('IPO', NM),
    cikCode: ident('SEC Central Index Key'),
    jibCode: ident('JIB'),
    mbsCode: ident('MBS'),
    ibcRuc: ident('ibcRUC'),
    caemCode: str('COD CAEM', NM),
    kppCode: ident('KPP', NM),
    okvedCode: str('OKVED(2) Classifier', NM),
    okopfCode: str('OKOPF', NM),
    fnsCode: ident('Federal tax service code', NM),
    fssCode: str('FSS'),
    bikCode: ident('BIK'),
    pfrNumber: ident('PFR Number'),
    oksmCode: str('OKSM', NM),
    isinCode: ident('ISIN'),
    ticker: ident('Stock ticker symbol'),
    ricCode: ident('Reuters Instrument Code'),
    ...companyRegisterProperties,
  },
};

/** followthemoney/schema/Address.yaml (FtM 4: extends Thing, matchable). */
export const Address: SchemaDef = {
  name: 'Address',
  label: 'Address',
  plural: 'Addresses',
  extends: ['Thing'],
  matchable: true,
  caption: ['full', 'summary', 'city', 'remarks', 'name'],
  properties: {
    full: address('Full address'),
    remarks: str('Remarks'),
    postOfficeBox: str('PO Box'),
    street: str('Street address'),
    street2: str('Street address (ctd.)'),
    city: str('City'),
    postalCode: str('Postal code'),
    region: str('Region'),
    state: str('State'),
    latitude: num('Latitude'),
    longitude: num('Longitude'),
    osmId: ident('OpenStreetmap Place ID'),
    googlePlaceId: ident('Google Places ID'),
  },
};

export const partySchemata: readonly SchemaDef[] = [Person, Organization, Company, Address];
