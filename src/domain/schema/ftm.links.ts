/**
 * FtM edge schemata: links that are entities, with a source and a target property.
 *
 * Source: alephdata/followthemoney `followthemoney/schema/{Ownership,Directorship,Employment,
 * Membership,Payment,Debt,Representation,Succession,Family,Associate,UnknownLink}.yaml`
 * (`edge: {source, target, directed, label}` as in the latest releases; older releases had
 * Ownership asset→owner and Debt creditor→debtor). Directorship.secretary is from FtM 4.
 * FtM does not inherit `edge` from parent schemata, and neither does this model.
 */
import type { SchemaDef } from './types.ts';
import { ref, str, text } from './define.ts';

/** followthemoney/schema/Ownership.yaml — OWNER owns ASSET. */
export const Ownership: SchemaDef = {
  name: 'Ownership',
  label: 'Ownership',
  plural: 'Ownerships',
  extends: ['Interest'],
  matchable: false,
  edge: { source: 'owner', target: 'asset', directed: true, label: 'owns' },
  caption: ['percentage', 'role'],
  required: ['owner', 'asset'],
  properties: {
    owner: ref('LegalEntity', 'Owner'),
    asset: ref('Asset', 'Asset'),
    percentage: str('Percentage held'),
    sharesCount: str('Number of shares'),
    sharesValue: str('Value of shares'),
    sharesCurrency: str('Currency of shares'),
    sharesType: str('Type of shares'),
    legalBasis: str('Legal basis'),
    ownershipType: str('Type of ownership'),
  },
};

/** followthemoney/schema/Directorship.yaml — DIRECTOR directs ORGANIZATION. */
export const Directorship: SchemaDef = {
  name: 'Directorship',
  label: 'Directorship',
  plural: 'Directorships',
  extends: ['Interest'],
  matchable: false,
  edge: { source: 'director', target: 'organization', directed: true, label: 'directs' },
  caption: ['role'],
  required: ['director', 'organization'],
  properties: {
    director: ref('LegalEntity', 'Director'),
    organization: ref('Organization', 'Organization'),
    secretary: str('Secretary'),
  },
};

/** followthemoney/schema/Employment.yaml — EMPLOYEE works for EMPLOYER. */
export const Employment: SchemaDef = {
  name: 'Employment',
  label: 'Employment',
  plural: 'Employments',
  extends: ['Interest'],
  matchable: false,
  edge: { source: 'employee', target: 'employer', directed: true, label: 'works for' },
  caption: ['role'],
  required: ['employer', 'employee'],
  properties: {
    employer: ref('Organization', 'Employer'),
    employee: ref('Person', 'Employee'),
  },
};

/** followthemoney/schema/Membership.yaml — MEMBER belongs to ORGANIZATION. */
export const Membership: SchemaDef = {
  name: 'Membership',
  label: 'Membership',
  plural: 'Memberships',
  extends: ['Interest'],
  matchable: false,
  edge: { source: 'member', target: 'organization', directed: true, label: 'belongs to' },
  caption: ['role'],
  required: ['member', 'organization'],
  properties: {
    member: ref('LegalEntity', 'Member'),
    organization: ref('Organization', 'Organization'),
  },
};

/**
 * followthemoney/schema/Payment.yaml — PAYER paid BENEFICIARY. FtM's `contract` and `project`
 * point at Contract and Project, which this model does not have; their range is widened to Thing
 * so FtM files carrying them still load.
 */
export const Payment: SchemaDef = {
  name: 'Payment',
  label: 'Payment',
  plural: 'Payments',
  extends: ['Interval', 'Value'],
  matchable: false,
  edge: { source: 'payer', target: 'beneficiary', directed: true, label: 'paid' },
  caption: ['amount', 'purpose', 'date'],
  required: ['payer', 'beneficiary'],
  properties: {
    sequenceNumber: str('Sequence number'),
    transactionNumber: str('Transaction number'),
    purpose: text('Payment purpose'),
    programme: str('Payment programme'),
    payer: ref('LegalEntity', 'Payer'),
    payerAccount: ref('BankAccount', 'Payer bank account'),
    beneficiary: ref('LegalEntity', 'Beneficiary'),
    beneficiaryAccount: ref('BankAccount', 'Beneficiary bank account'),
    contract: ref('Thing', 'Contract'),
    project: ref('Thing', 'Project'),
  },
};

/** followthemoney/schema/Debt.yaml — DEBTOR owes CREDITOR. FtM requires only the debtor. */
export const Debt: SchemaDef = {
  name: 'Debt',
  label: 'Debt',
  plural: 'Debts',
  extends: ['Interval', 'Value'],
  matchable: false,
  edge: { source: 'debtor', target: 'creditor', directed: true, label: 'owes' },
  caption: ['amount'],
  required: ['debtor'],
  properties: {
    debtor: ref('LegalEntity', 'Debtor'),
    creditor: ref('LegalEntity', 'Creditor'),
  },
};

/** followthemoney/schema/Representation.yaml — AGENT represents CLIENT. */
export const Representation: SchemaDef = {
  name: 'Representation',
  label: 'Representation',
  plural: 'Representations',
  extends: ['Interest'],
  matchable: false,
  edge: { source: 'agent', target: 'client', directed: true, label: 'represents' },
  caption: ['role'],
  required: ['agent', 'client'],
  properties: {
    agent: ref('LegalEntity', 'Agent'),
    client: ref('LegalEntity', 'Client'),
  },
};

/** followthemoney/schema/Succession.yaml — PREDECESSOR precedes SUCCESSOR (phoenix companies). */
export const Succession: SchemaDef = {
  name: 'Succession',
  label: 'Succession',
  plural: 'Successions',
  extends: ['Interest'],
  matchable: false,
  edge: { source: 'predecessor', target: 'successor', directed: true, label: 'precedes' },
  caption: ['date', 'role'],
  required: ['predecessor', 'successor'],
  properties: {
    predecessor: ref('LegalEntity', 'Predecessor'),
    successor: ref('LegalEntity', 'Successor'),
  },
};

/** followthemoney/schema/Family.yaml — undirected; `relationship` is from `person`'s view. */
export const Family: SchemaDef = {
  name: 'Family',
  label: 'Family',
  plural: 'Family members',
  extends: ['Interval'],
  matchable: false,
  edge: { source: 'person', target: 'relative', directed: false, label: 'related to' },
  caption: ['relationship'],
  required: ['person', 'relative'],
  properties: {
    person: ref('Person', 'Person'),
    relative: ref('Person', 'Relative'),
    relationship: str('Relationship'),
  },
};

/** followthemoney/schema/Associate.yaml — non-family association, undirected. */
export const Associate: SchemaDef = {
  name: 'Associate',
  label: 'Associate',
  plural: 'Associates',
  extends: ['Interval'],
  matchable: false,
  edge: { source: 'person', target: 'associate', directed: false, label: 'associated with' },
  caption: ['relationship'],
  required: ['person', 'associate'],
  properties: {
    person: ref('Person', 'Person'),
    associate: ref('Person', 'Associate'),
    relationship: str('Relationship'),
  },
};

/**
 * followthemoney/schema/UnknownLink.yaml — any two Things, nature unknown or not modelled. Also
 * how a person is tied to a THB Phone or EmailAddress node.
 */
export const UnknownLink: SchemaDef = {
  name: 'UnknownLink',
  label: 'Other link',
  plural: 'Other links',
  extends: ['Interest'],
  matchable: false,
  edge: { source: 'subject', target: 'object', directed: false, label: 'linked to' },
  caption: ['role'],
  required: ['subject', 'object'],
  properties: {
    subject: ref('Thing', 'Subject'),
    object: ref('Thing', 'Object'),
  },
};

export const linkSchemata: readonly SchemaDef[] = [
  Ownership,
  Directorship,
  Employment,
  Membership,
  Payment,
  Debt,
  Representation,
  Succession,
  Family,
  Associate,
  UnknownLink,
];
