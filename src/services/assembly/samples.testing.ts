/**
 * A small case as an investigation receives it, written for the assembly tests: an Estonian
 * register extract, a bank's KYC customer list and a police intelligence list (both CSV through
 * FtM mappings), and one camt.053 statement. Names, numbers and accounts are made up; IBANs and
 * personal codes carry valid check digits.
 */
import { camtDocument } from '../../ingest/bank/camtDocuments.testing.ts';
import { camt053Importer } from '../../ingest/bank/index.ts';
import { companyRegisterImporter } from '../../ingest/formats/companyRegister.ts';
import { ftmMappingImporter } from '../../ingest/formats/ftmMapping.ts';
import { memoryInput } from '../../ingest/files.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { runImport, type ImportReport } from '../imports/pipeline.ts';

/** An IBAN with its mod-97 check digits. */
export function iban(country: string, bban: string): string {
  const digits = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return `${country}${String(98 - rest).padStart(2, '0')}${bban}`;
}

export const MARI_IBAN = iban('EE', '2200221020145685');
export const ALFA_IBAN = iban('LV', 'RIKO0000082914221');
export const PEETER_IBAN = iban('LV', 'HABA0551000000001');
/** EE isikukood of a woman born 1985-05-05 (check digit by the two weight rounds). */
export const MARI_CODE = '48505050007';

export const REGISTER = [
  'name,regno,country,address,director,born,owner,kind',
  'Alfa Ehitus OÜ,12345678,EE,"Tamme 4, Tallinn",Jaan Tamm,1980-01-08,Mari Maasikas,füüsiline isik',
  'Alfa Ehitus OÜ,12345678,EE,"Tamme 4, Tallinn",,,Beta Holding SIA,juriidiline isik',
].join('\n');

export const KYC = [
  'customer,name,kind,regno,country,born,passport,idcode,iban',
  `1,Mari Maasikas,P,,EE,1985-05-05,K1234567,${MARI_CODE},${MARI_IBAN}`,
  `2,Alfa Ehitus OÜ,C,12345678,EE,,,,${ALFA_IBAN}`,
  `3,Peeter Kask,P,,LV,1979-09-09,LV1112223,,${PEETER_IBAN}`,
  '4,Maria Maasikas,P,,EE,1991-02-02,K7654321,,',
].join('\n');

export const KYC_MAPPING = `
kyc:
  queries:
    - csv_urls: [kyc.csv]
      filters: {kind: P}
      entities:
        person:
          schema: Person
          keys: [customer]
          key_literal: person
          properties:
            name: {column: name}
            birthDate: {column: born}
            passportNumber: {column: passport}
            idNumber: {column: idcode}
            nationality: {column: country}
        account:
          schema: BankAccount
          keys: [iban]
          key_literal: account
          properties:
            iban: {column: iban}
        holds:
          schema: Ownership
          keys: [customer, iban]
          key_literal: holds
          properties:
            owner: {entity: person}
            asset: {entity: account}
    - csv_urls: [kyc.csv]
      filters: {kind: C}
      entities:
        company:
          schema: Company
          keys: [customer]
          key_literal: company
          properties:
            name: {column: name}
            registrationNumber: {column: regno}
            country: {column: country}
        account:
          schema: BankAccount
          keys: [iban]
          key_literal: account
          properties:
            iban: {column: iban}
        holds:
          schema: Ownership
          keys: [customer, iban]
          key_literal: holds
          properties:
            owner: {entity: company}
            asset: {entity: account}
`;

export const POLICE = [
  'ref,name,born,passport,nationality',
  'p1,MAASIKAS Mari,1985-05-05,K 1234567,EE',
  'p2,Maria Maasikas,1990-01-01,K7654321,EE',
  'p3,Jaan Tamm,1975-03-03,,EE',
].join('\n');

const POLICE_MAPPING = `
police:
  queries:
    - csv_urls: [police.csv]
      entities:
        person:
          schema: Person
          keys: [ref]
          key_literal: suspect
          properties:
            name: {column: name}
            birthDate: {column: born}
            passportNumber: {column: passport}
            nationality: {column: nationality}
`;

export const STATEMENT = camtDocument(2, [
  {
    iban: MARI_IBAN,
    owner: 'MARI MAASIKAS',
    entries: [
      {
        amount: '1200.00',
        indicator: 'CRDT',
        ref: 'E1',
        txs: [{ amount: '1200.00', indicator: 'CRDT', debtor: { name: 'ALFA EHITUS OU', iban: ALFA_IBAN } }],
      },
      {
        amount: '300.00',
        indicator: 'DBIT',
        ref: 'E2',
        txs: [{ amount: '300.00', indicator: 'DBIT', creditor: { name: 'SIA GAMMA', iban: PEETER_IBAN } }],
      },
    ],
  },
]);

export type SampleName = 'register' | 'kyc' | 'police' | 'statement';

export function importSample(store: Store, actor: Actor, caseId: string, name: SampleName): Promise<ImportReport> {
  switch (name) {
    case 'register':
      return runImport(store, actor, caseId, companyRegisterImporter, memoryInput('register.csv', REGISTER), {
        mapping: {
          name: 'name',
          registrationNumber: 'regno',
          country: 'country',
          address: 'address',
          director: 'director',
          directorBirthDate: 'born',
          owner: 'owner',
          ownerKind: 'kind',
        },
      });
    case 'kyc':
      return runImport(store, actor, caseId, ftmMappingImporter, memoryInput('kyc.csv', KYC), {
        mapping: KYC_MAPPING,
      });
    case 'police':
      return runImport(store, actor, caseId, ftmMappingImporter, memoryInput('police.csv', POLICE), {
        mapping: POLICE_MAPPING,
      });
    case 'statement':
      return runImport(
        store,
        actor,
        caseId,
        camt053Importer,
        memoryInput('statement.xml', STATEMENT),
        {},
        {
          acceptUnbalanced: true,
        },
      );
  }
}
