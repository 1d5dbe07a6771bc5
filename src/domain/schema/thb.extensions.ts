/**
 * THB extension schemata that the FtM model (ftmModel.ts) lacks — DOMAIN.md §8: "FtM has no
 * online-ad, phone-as-node or subcontract schema". All are `extension: true` (exported, but
 * only our platform reads them back). They reuse FtM parents (Thing, Interval, Interest) so the shared properties
 * (name, notes, sourceUrl, startDate, endDate…) behave as on FtM schemata.
 *
 * Name clashes with FtM to be aware of:
 * - FtM has an `Email` schema for an e-mail *message* (a Document). The e-mail *address* node here
 *   is `EmailAddress`; up to release 0.1 it was called `Email` (migration 016 renamed the stored
 *   entities; the FtM import reads such files as `EmailAddress`). `Email` is FtM's message here.
 * - The FtM 4 line (opensanctions/followthemoney) added a `Control` edge with the same
 *   controller → controlled direction; this one widens `controlled` to any Thing and keeps FtM
 *   4's `controlType` and `legalBasis` next to the THB `kind` so those files still load.
 *
 * Properties and edges the THB adds to FtM schemata (Person's procedural status…) are in
 * thb.additions.ts.
 */
import type { SchemaDef } from './types.ts';
import { address, country, date, email, ident, lang, num, phone, prop, ref, str, text, url } from './define.ts';

/** A phone number as a node (DOMAIN.md §3 communication, §6 shared contact details). */
export const Phone: SchemaDef = {
  name: 'Phone',
  label: 'Phone number',
  plural: 'Phone numbers',
  extends: ['Thing'],
  extension: true,
  matchable: true,
  caption: ['number', 'name'],
  required: ['number'],
  properties: {
    number: phone('Number'),
    carrier: str('Carrier'),
    country: country('Country'),
    imsi: ident('IMSI (SIM card)'),
    imei: ident('IMEI (handset)'),
  },
};

/** An e-mail address as a node. `address` here is of type email (Thing.address is postal). */
export const EmailAddress: SchemaDef = {
  name: 'EmailAddress',
  label: 'E-mail address',
  plural: 'E-mail addresses',
  extends: ['Thing'],
  extension: true,
  matchable: true,
  caption: ['address', 'name'],
  required: ['address'],
  properties: {
    address: email('E-mail address'),
  },
};

/** A classified or escort ad as captured (DOMAIN.md §3 advertising, §5 observable signs, §6). */
export const OnlineAd: SchemaDef = {
  name: 'OnlineAd',
  label: 'Online ad',
  plural: 'Online ads',
  extends: ['Thing'],
  extension: true,
  matchable: false,
  caption: ['title', 'name', 'url', 'site'],
  properties: {
    title: str('Title'),
    text: text('Text'),
    url: url('URL'),
    site: str('Site'),
    adId: ident('Ad ID on the site'),
    category: str('Category'),
    publishedAt: date('Published on'),
    capturedAt: date('Captured on'),
    phone: phone('Phone'),
    email: email('E-mail'),
    price: num('Price'),
    currency: str('Currency'),
    location: address('Location'),
    language: lang('Language'),
    advertiser: ref('LegalEntity', 'Advertiser'),
    account: ref('UserAccount', 'Posting account'),
    captureSha256: prop('checksum', 'Capture SHA-256'),
  },
};

/**
 * CONTRACTOR subcontracts to SUBCONTRACTOR (DOMAIN.md §4 subcontracting chains). Range is
 * LegalEntity, not Company, so bogus self-employed sole traders (Persons) can sit in a chain.
 */
export const Subcontract: SchemaDef = {
  name: 'Subcontract',
  label: 'Subcontract',
  plural: 'Subcontracts',
  extends: ['Interval'],
  extension: true,
  matchable: false,
  edge: { source: 'contractor', target: 'subcontractor', directed: true, label: 'subcontracts to' },
  caption: ['contract', 'site'],
  required: ['contractor', 'subcontractor'],
  properties: {
    contractor: ref('LegalEntity', 'Contractor'),
    subcontractor: ref('LegalEntity', 'Subcontractor'),
    contract: str('Contract'),
    site: address('Site'),
    value: num('Contract value'),
    currency: str('Currency'),
  },
};

/** WORKER is posted by SENDING COMPANY (DOMAIN.md §4 fraudulent posting of workers). */
export const Posting: SchemaDef = {
  name: 'Posting',
  label: 'Posting',
  plural: 'Postings',
  extends: ['Interval'],
  extension: true,
  matchable: false,
  edge: { source: 'worker', target: 'sendingCompany', directed: true, label: 'posted by' },
  caption: ['a1Number', 'hostCountry'],
  required: ['worker', 'sendingCompany'],
  properties: {
    worker: ref('Person', 'Posted worker'),
    sendingCompany: ref('Organization', 'Sending company'),
    a1Number: ident('A1 certificate number', { selector: 'document' }),
    hostCountry: country('Host country'),
    sendingCountry: country('Sending country'),
    hostCompany: ref('LegalEntity', 'Company in the host country'),
    workplace: address('Workplace'),
  },
};

/** RECRUITER recruited RECRUITED (DOMAIN.md §3 recruitment, §5 deceptive recruitment). */
export const Recruitment: SchemaDef = {
  name: 'Recruitment',
  label: 'Recruitment',
  plural: 'Recruitments',
  extends: ['Interval'],
  extension: true,
  matchable: false,
  edge: { source: 'recruiter', target: 'recruited', directed: true, label: 'recruited' },
  caption: ['promisedJob', 'place', 'date'],
  required: ['recruiter', 'recruited'],
  properties: {
    recruiter: ref('LegalEntity', 'Recruiter'),
    recruited: ref('Person', 'Recruited person'),
    place: address('Place'),
    promisedJob: str('Promised job'),
    promisedWage: str('Promised wage'),
    fee: num('Recruitment fee'),
    currency: str('Currency'),
  },
};

/** PERSON is housed at ADDRESS, by HOUSEDBY (DOMAIN.md §3 accommodation, §4 deductions). */
export const Accommodation: SchemaDef = {
  name: 'Accommodation',
  label: 'Accommodation',
  plural: 'Accommodations',
  extends: ['Interval'],
  extension: true,
  matchable: false,
  edge: { source: 'person', target: 'addressEntity', directed: true, label: 'housed at' },
  caption: ['rent', 'startDate'],
  required: ['person', 'addressEntity'],
  properties: {
    person: ref('Person', 'Resident'),
    addressEntity: ref('Address', 'Address'),
    housedBy: ref('LegalEntity', 'Housed by'),
    rent: num('Rent'),
    currency: str('Currency'),
  },
};

/**
 * CONTROLLER controls CONTROLLED: a person, an account, a document or a company (DOMAIN.md §5
 * retention of identity documents, §6 accounts sharing one controller).
 */
export const Control: SchemaDef = {
  name: 'Control',
  label: 'Control',
  plural: 'Control relationships',
  extends: ['Interest'],
  extension: true,
  matchable: false,
  edge: { source: 'controller', target: 'controlled', directed: true, label: 'controls' },
  caption: ['kind', 'controlType', 'role'],
  required: ['controller', 'controlled'],
  properties: {
    controller: ref('LegalEntity', 'Controller'),
    controlled: ref('Thing', 'Controlled'),
    kind: str('Kind of control'),
    controlType: str('Type of control'),
    legalBasis: str('Legal basis'),
  },
};

export const thbSchemata: readonly SchemaDef[] = [
  Phone,
  EmailAddress,
  OnlineAd,
  Subcontract,
  Posting,
  Recruitment,
  Accommodation,
  Control,
];
