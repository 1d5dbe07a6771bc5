/**
 * What the THB adds to FtM schemata, applied on top of the FtM model (ftmModel.ts) in registry.ts:
 * extension properties (marked `extension: true`, left out of FtM-only exports), the Call edge
 * between Phone nodes, and selector kinds for FtM identifier properties. None of them changes an
 * FtM property's type, so FtM files read and write as FtM writes them.
 */
import type { EdgeDef, PropertyDef, SelectorKind } from './types.ts';
import { num, oneOf, ref, str } from './define.ts';
import { CRIME_SCRIPT_FUNCTIONS, PROCEDURAL_STATUSES } from './thb.vocabulary.ts';

export interface SchemaAddition {
  /** Extension properties, added to the schema's own. */
  readonly properties?: Readonly<Record<string, PropertyDef>>;
  /** An edge the FtM schema does not have (Call between two Phones). */
  readonly edge?: EdgeDef;
  /** Selector kinds for the schema's own FtM properties (passport numbers are looked up as documents). */
  readonly selectors?: Readonly<Record<string, SelectorKind>>;
}

const ext = { extension: true } as const;

/**
 * Figures of a company-register extract that FtM's Company lacks. Registers and tax
 * administrations publish them per year (Estonia's e-Business Register: employees and taxes paid
 * per quarter; Finland's Tax Administration: public corporate tax data; Latvia's State Revenue
 * Service: average employees and taxes paid). The company-register import fills them; the payroll
 * red flag (domain/companies) reads them. Amounts are in the Company's `currency`.
 */
export const companyRegisterProperties = {
  employees: num('Employees', ext),
  payroll: num('Payroll per year', ext),
  taxPaid: num('Taxes paid per year', ext),
  figuresYear: str('Year of the figures', ext),
} as const;

export const thbAdditions: Readonly<Record<string, SchemaAddition>> = {
  LegalEntity: { selectors: { idNumber: 'document' } },
  Person: {
    // Procedural status (Directive 2016/680 categories of persons) and crime-script function (what
    // someone does in the scheme) are separate on purpose: a victim can also be a recruiter, and
    // that must be recorded without turning them into a suspect (DOMAIN.md §3, §7).
    properties: {
      proceduralStatus: oneOf(PROCEDURAL_STATUSES, 'Procedural status', { ...ext, single: true }),
      crimeScriptFunctions: oneOf(CRIME_SCRIPT_FUNCTIONS, 'Crime-script functions', ext),
    },
    selectors: { passportNumber: 'document' },
  },
  Company: { properties: companyRegisterProperties },
  BankAccount: { selectors: { accountNumber: 'account' } },
  Vehicle: { selectors: { registrationNumber: 'plate' } },
  Identification: { selectors: { number: 'document' } },
  Passport: { selectors: { passportNumber: 'document', personalNumber: 'document' } },
  // One call-detail record between two Phone nodes, so calls form a contact network (DOMAIN.md §8).
  // The two Phones, and each end's cell and cell site (an Address with its position), so calls
  // form a contact network between phones and have places (DOMAIN.md §8). `cell` is the older
  // single cell of records imported before the ends were told apart.
  Call: {
    properties: {
      callerPhone: ref('Phone', "Caller's phone", ext),
      receiverPhone: ref('Phone', "Receiver's phone", ext),
      cell: str('Cell or antenna', ext),
      callerCell: str("Caller's cell", ext),
      receiverCell: str("Receiver's cell", ext),
      callerPlace: ref('Address', "Caller's cell site", ext),
      receiverPlace: ref('Address', "Receiver's cell site", ext),
    },
    edge: { source: 'callerPhone', target: 'receiverPhone', directed: true, label: 'called', optional: true },
  },
};

/** Edge labels the FtM data misspells, as shown to users. */
export const edgeLabelFixes: Readonly<Record<string, string>> = { Succession: 'precedes' };
