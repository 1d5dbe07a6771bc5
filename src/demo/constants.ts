/**
 * Every schema and property name the generator writes, in one place. They follow
 * FollowTheMoney (FtM) names and the THB extensions of src/domain/schema/ (a test runs every
 * generated entity through the domain's validation); if names change there, adjust them here.
 * Which properties are entity references is read from the domain schema, not repeated here.
 */

export const S = {
  Person: 'Person',
  Company: 'Company',
  Address: 'Address',
  BankAccount: 'BankAccount',
  Phone: 'Phone',
  EmailAddress: 'EmailAddress',
  OnlineAd: 'OnlineAd',
  Ownership: 'Ownership',
  Directorship: 'Directorship',
  Employment: 'Employment',
  Subcontract: 'Subcontract',
  Posting: 'Posting',
  Recruitment: 'Recruitment',
  Accommodation: 'Accommodation',
  Control: 'Control',
  Succession: 'Succession',
  Family: 'Family',
  UnknownLink: 'UnknownLink',
  Associate: 'Associate',
} as const;

export type SchemaName = (typeof S)[keyof typeof S];

/** Property names. Values are always string arrays; entity references hold entity ids. */
export const P = {
  // Thing / LegalEntity / Person / Company
  name: 'name',
  firstName: 'firstName',
  lastName: 'lastName',
  birthDate: 'birthDate',
  gender: 'gender',
  nationality: 'nationality',
  country: 'country',
  phone: 'phone',
  email: 'email',
  idNumber: 'idNumber',
  passportNumber: 'passportNumber',
  address: 'address',
  /** FtM Thing.addressEntity: reference to an Address entity. */
  addressEntity: 'addressEntity',
  proceduralStatus: 'proceduralStatus',
  crimeScriptFunctions: 'crimeScriptFunctions',
  registrationNumber: 'registrationNumber',
  jurisdiction: 'jurisdiction',
  incorporationDate: 'incorporationDate',
  dissolutionDate: 'dissolutionDate',
  // Address
  full: 'full',
  city: 'city',
  street: 'street',
  postalCode: 'postalCode',
  // BankAccount
  iban: 'iban',
  accountNumber: 'accountNumber',
  bankName: 'bankName',
  currency: 'currency',
  openingDate: 'openingDate',
  // Phone / EmailAddress
  number: 'number',
  emailAddress: 'address',
  // OnlineAd
  title: 'title',
  text: 'text',
  url: 'url',
  site: 'site',
  publishedAt: 'publishedAt',
  price: 'price',
  location: 'location',
  language: 'language',
  capturedAt: 'capturedAt',
  captureSha256: 'captureSha256',
  adId: 'adId',
  // links
  owner: 'owner',
  asset: 'asset',
  director: 'director',
  organization: 'organization',
  employee: 'employee',
  employer: 'employer',
  role: 'role',
  startDate: 'startDate',
  endDate: 'endDate',
  date: 'date',
  contractor: 'contractor',
  subcontractor: 'subcontractor',
  contract: 'contract',
  worker: 'worker',
  sendingCompany: 'sendingCompany',
  hostCountry: 'hostCountry',
  sendingCountry: 'sendingCountry',
  hostCompany: 'hostCompany',
  workplace: 'workplace',
  a1Number: 'a1Number',
  recruiter: 'recruiter',
  recruited: 'recruited',
  place: 'place',
  promisedJob: 'promisedJob',
  promisedWage: 'promisedWage',
  fee: 'fee',
  /** Accommodation: the resident is `person`, the address the `addressEntity` reference. */
  resident: 'person',
  housingAddress: 'addressEntity',
  housedBy: 'housedBy',
  rent: 'rent',
  controller: 'controller',
  controlled: 'controlled',
  kind: 'kind',
  predecessor: 'predecessor',
  successor: 'successor',
  person: 'person',
  relative: 'relative',
  relationship: 'relationship',
  subject: 'subject',
  object: 'object',
  associate: 'associate',
} as const;

/** THB extension vocabularies on Person (procedural status, crime-script functions): the domain's. */
export {
  CRIME_SCRIPT_FUNCTIONS,
  PROCEDURAL_STATUSES,
  type CrimeScriptFunction,
  type ProceduralStatus,
} from '../domain/schema/thb.vocabulary.ts';

/** FtM country codes are lower-case ISO 3166-1 alpha-2. */
export const COUNTRIES = ['fi', 'ee', 'lv', 'lt', 'ua', 'ro', 'pl'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Nationalities that persons are drawn from (LT only appears as a bank country). */
export type Nationality = 'fi' | 'ee' | 'lv' | 'ua' | 'ro' | 'pl';
