/**
 * FtM objects and occurrences: BankAccount, Vehicle, Identification, Passport, UserAccount,
 * Event, Trip, Call.
 *
 * Source: alephdata/followthemoney `followthemoney/schema/{BankAccount,Vehicle,Identification,
 * Passport,UserAccount,Event,Trip,Call}.yaml`, with FtM 4 additions (opensanctions/followthemoney).
 * Selector overrides (plate, document, account) are THB additions on FtM properties; they do not
 * change the FtM property type.
 */
import type { SchemaDef } from './types.ts';
import { address, country, date, email, ident, num, phone, prop, ref, str } from './define.ts';

/** followthemoney/schema/BankAccount.yaml */
export const BankAccount: SchemaDef = {
  name: 'BankAccount',
  label: 'Bank account',
  plural: 'Bank accounts',
  extends: ['Asset'],
  matchable: true,
  caption: ['name', 'iban', 'accountNumber'],
  properties: {
    bankName: str('Bank name'),
    accountNumber: ident('Account number', { selector: 'account' }),
    iban: prop('iban', 'IBAN'),
    bic: ident('Bank Identifier Code'),
    bank: ref('Organization', 'Bank'),
    accountType: str('Account type'),
    openingDate: date('Opening date'),
    closingDate: date('Closing date'),
    balance: num('Balance'),
    balanceDate: date('Balance date'),
    maxBalance: num('Maximum balance'),
    maxBalanceDate: date('Maximum balance date'),
    bankAddress: str('Bank address'),
  },
};

/** followthemoney/schema/Vehicle.yaml */
export const Vehicle: SchemaDef = {
  name: 'Vehicle',
  label: 'Vehicle',
  plural: 'Vehicles',
  extends: ['Asset'],
  matchable: false,
  caption: ['name', 'registrationNumber'],
  properties: {
    registrationNumber: ident('Registration number', { selector: 'plate' }),
    type: str('Type'),
    model: str('Model'),
    owner: ref('LegalEntity', 'Owner'),
    operator: ref('LegalEntity', 'Operator'),
    buildDate: date('Build Date'),
    registrationDate: date('Registration Date'),
    deregistrationDate: date('De-registration Date'),
  },
};

/** followthemoney/schema/Identification.yaml — ID cards, residence permits and the like. */
export const Identification: SchemaDef = {
  name: 'Identification',
  label: 'Identification',
  plural: 'Identifications',
  extends: ['Interval'],
  matchable: false,
  caption: ['number'],
  required: ['holder', 'number'],
  properties: {
    holder: ref('LegalEntity', 'Identification holder'),
    type: str('Type'),
    country: country('Country'),
    number: ident('Document number', { selector: 'document' }),
    authority: str('Authority'),
  },
};

/** followthemoney/schema/Passport.yaml */
export const Passport: SchemaDef = {
  name: 'Passport',
  label: 'Passport',
  plural: 'Passports',
  extends: ['Identification'],
  matchable: false,
  caption: ['passportNumber', 'number'],
  required: ['holder', 'number'],
  properties: {
    passportNumber: ident('Passport number', { selector: 'document' }),
    surname: str('Surname'),
    givenName: str('Given name'),
    birthDate: date('Birth date'),
    birthPlace: str('Place of birth'),
    gender: prop('gender', 'Gender'),
    personalNumber: ident('Personal number', { selector: 'document' }),
  },
};

/** followthemoney/schema/UserAccount.yaml — an account on an online service. */
export const UserAccount: SchemaDef = {
  name: 'UserAccount',
  label: 'User account',
  plural: 'User accounts',
  extends: ['Thing'],
  matchable: true,
  caption: ['username', 'email', 'service'],
  required: ['username'],
  properties: {
    owner: ref('LegalEntity', 'Owner'),
    service: str('Service'),
    email: email('E-Mail'),
    number: phone('Phone Number'),
    username: str('Username'),
    password: str('Password'),
    ipAddress: prop('ip', 'IP address'),
  },
};

/** followthemoney/schema/Event.yaml */
export const Event: SchemaDef = {
  name: 'Event',
  label: 'Event',
  plural: 'Events',
  extends: ['Interval', 'Analyzable', 'Thing'],
  matchable: false,
  caption: ['name', 'summary', 'date'],
  required: ['name'],
  properties: {
    location: address('Location'),
    country: country('Country'),
    important: str('Important'),
    organizer: ref('LegalEntity', 'Organizer'),
    involved: ref('LegalEntity', 'Involved'),
  },
};

/** followthemoney/schema/Trip.yaml */
export const Trip: SchemaDef = {
  name: 'Trip',
  label: 'Trip',
  plural: 'Trips',
  extends: ['Event'],
  matchable: false,
  caption: ['name', 'startDate', 'endDate'],
  required: ['name', 'startLocation', 'endLocation'],
  properties: {
    startLocation: ref('Address', 'Start location'),
    endLocation: ref('Address', 'End location'),
    vehicle: ref('Vehicle', 'Vehicle'),
  },
};

/**
 * followthemoney/schema/Call.yaml — one call-detail record. THB extension: the two Phone
 * entities, and each end's cell and cell site (an Address with its position), so calls form a
 * contact network between phones and have places (DOMAIN.md §8). `cell` is the older single
 * cell of records imported before the ends were told apart.
 */
export const Call: SchemaDef = {
  name: 'Call',
  label: 'Call',
  plural: 'Calls',
  extends: ['Interval'],
  matchable: false,
  caption: ['callerNumber', 'receiverNumber'],
  edge: { source: 'callerPhone', target: 'receiverPhone', directed: true, label: 'called', optional: true },
  properties: {
    caller: ref('LegalEntity', 'Caller'),
    callerNumber: phone("Caller's Number"),
    receiver: ref('LegalEntity', 'Receiver'),
    receiverNumber: phone("Receiver's Number"),
    duration: num('Duration'),
    callerPhone: ref('Phone', "Caller's phone", { extension: true }),
    receiverPhone: ref('Phone', "Receiver's phone", { extension: true }),
    cell: str('Cell or antenna', { extension: true }),
    callerCell: str("Caller's cell", { extension: true }),
    receiverCell: str("Receiver's cell", { extension: true }),
    callerPlace: ref('Address', "Caller's cell site", { extension: true }),
    receiverPlace: ref('Address', "Receiver's cell site", { extension: true }),
  },
};

export const thingSchemata: readonly SchemaDef[] = [
  BankAccount,
  Vehicle,
  Identification,
  Passport,
  UserAccount,
  Event,
  Trip,
  Call,
];
