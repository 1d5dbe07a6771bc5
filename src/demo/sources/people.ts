/**
 * What banks and the police know about people: bank customer (KYC) records per bank — holder,
 * identifiers and the account's IBAN — and police intelligence records on the persons a case
 * starts from, written as an officer found them (names in Cyrillic for some Ukrainian and
 * Russian nationals, birth dates often missing, passports with the issuing country).
 */
import type { EntityRecord } from '../../domain/records.ts';
import { first, pick, slug } from './keys.ts';
import { tableRecords, type MappedFile } from './mapping.ts';

const CYR: [RegExp, string][] = [
  [/shch/g, 'щ'],
  [/kh/g, 'х'],
  [/zh/g, 'ж'],
  [/ch/g, 'ч'],
  [/sh/g, 'ш'],
  [/ts/g, 'ц'],
  [/yu/g, 'ю'],
  [/ya/g, 'я'],
  [/ye/g, 'є'],
  [/yi/g, 'ї'],
  [/a/g, 'а'],
  [/b/g, 'б'],
  [/v/g, 'в'],
  [/h/g, 'г'],
  [/g/g, 'ґ'],
  [/d/g, 'д'],
  [/e/g, 'е'],
  [/z/g, 'з'],
  [/y/g, 'и'],
  [/i/g, 'і'],
  [/k/g, 'к'],
  [/l/g, 'л'],
  [/m/g, 'м'],
  [/n/g, 'н'],
  [/o/g, 'о'],
  [/p/g, 'п'],
  [/r/g, 'р'],
  [/s/g, 'с'],
  [/t/g, 'т'],
  [/u/g, 'у'],
  [/f/g, 'ф'],
  [/j/g, 'й'],
];

/** A Latin (Ukrainian national system) name back in Cyrillic, word by word. */
export function toCyrillic(name: string): string {
  return name
    .split(' ')
    .map((w) => {
      let s = w.toLowerCase();
      for (const [re, c] of CYR) s = s.replace(re, c);
      return s.charAt(0).toUpperCase() + s.slice(1);
    })
    .join(' ');
}

const upper = (s: string) => s.toUpperCase();

/** Bank customers of one bank: each account with its holder as the bank identified them. */
export function kycRecords(
  bank: string,
  accounts: readonly { account: EntityRecord; holder: EntityRecord | undefined }[],
  /** Business customers the bank names its own way, without their registration number. */
  asBankWrites: ReadonlyMap<string, { name: string }> = new Map(),
): MappedFile {
  const header = [
    'Customer name',
    'Customer type',
    'Date of birth',
    'Personal code',
    'Registration number',
    'Document number',
    'Document country',
    'Citizenship',
    'Address',
    'Phone',
    'E-mail',
    'IBAN',
    'Opened',
  ];
  const rows = accounts.map(({ account, holder }) => {
    const person = holder?.schema === 'Person';
    const own = holder ? asBankWrites.get(holder.id) : undefined;
    return [
      own?.name ?? first(holder, 'name'),
      person ? 'private' : 'business',
      first(holder, 'birthDate'),
      first(holder, 'idNumber'),
      own ? '' : first(holder, 'registrationNumber'),
      first(holder, 'passportNumber'),
      first(holder, 'passportNumber') ? upper(first(holder, 'nationality')) : '',
      upper(first(holder, 'nationality') || first(holder, 'jurisdiction')),
      first(holder, 'address'),
      first(holder, 'phone'),
      first(holder, 'email'),
      first(account, 'iban'),
      first(account, 'openingDate'),
    ];
  });
  const col = (column: string) => ({ column });
  return tableRecords(
    `kyc_${slug(bank).replace(/-/g, '_')}`,
    'customers.csv',
    header,
    rows,
    {
      person: {
        schema: 'Person',
        keys: ['Customer name', 'Date of birth', 'Personal code', 'Document number'],
        properties: {
          name: col('Customer name'),
          birthDate: col('Date of birth'),
          idNumber: col('Personal code'),
          passportNumber: col('Document number'),
          nationality: col('Citizenship'),
          address: col('Address'),
          phone: col('Phone'),
          email: col('E-mail'),
        },
      },
      company: {
        schema: 'Company',
        // The address too: two firms of one name (an honestly dissolved one and another) whose rows
        // give no registration number are two customers, not one record holding both addresses.
        keys: ['Registration number', 'Customer name', 'Address'],
        properties: {
          name: col('Customer name'),
          registrationNumber: col('Registration number'),
          jurisdiction: col('Citizenship'),
          address: col('Address'),
          phone: col('Phone'),
          email: col('E-mail'),
        },
      },
      account: {
        schema: 'BankAccount',
        keys: ['IBAN'],
        properties: { iban: col('IBAN'), bankName: { literal: bank }, openingDate: col('Opened') },
      },
      ownsPerson: {
        schema: 'Ownership',
        key_literal: 'holder',
        keys: ['IBAN', 'Customer name', 'Personal code', 'Document number'],
        properties: { owner: { entity: 'person' }, asset: { entity: 'account' } },
      },
      ownsCompany: {
        schema: 'Ownership',
        key_literal: 'holder',
        keys: ['IBAN', 'Registration number', 'Customer name', 'Address'],
        properties: { owner: { entity: 'company' }, asset: { entity: 'account' } },
      },
    },
    // A business customer is a company, never a person of the same name.
    {
      column: 'Customer type',
      entities: { private: ['person', 'account', 'ownsPerson'], business: ['company', 'account', 'ownsCompany'] },
    },
  );
}

/** Police intelligence records on persons: the status the case gives them and what is known. */
export function policeRecords(persons: readonly EntityRecord[]): MappedFile {
  const header = [
    'Nimi',
    'Syntymäaika',
    'Kansalaisuus',
    'Passi',
    'Passin myöntäjämaa',
    'Henkilötunnus',
    'Puhelin',
    'Sähköposti',
    'Osoite',
    'Asema',
  ];
  const rows = persons.map((p) => {
    const name = first(p, 'name');
    const nat = first(p, 'nationality');
    const cyrillic = (nat === 'ua' || nat === 'ru') && pick(`cyr ${name}`, 2) === 0;
    const noBirth = pick(`dob ${name} ${first(p, 'birthDate')}`, 5) < 2;
    return [
      cyrillic ? toCyrillic(name) : name,
      noBirth ? '' : first(p, 'birthDate'),
      upper(nat),
      first(p, 'passportNumber'),
      first(p, 'passportNumber') ? upper(nat) : '',
      first(p, 'idNumber'),
      first(p, 'phone'),
      first(p, 'email'),
      first(p, 'address'),
      first(p, 'proceduralStatus'),
    ];
  });
  const col = (column: string) => ({ column });
  return tableRecords('police_persons', 'persons.csv', header, rows, {
    person: {
      schema: 'Person',
      keys: ['Nimi', 'Syntymäaika', 'Passi', 'Henkilötunnus'],
      properties: {
        name: col('Nimi'),
        birthDate: col('Syntymäaika'),
        nationality: col('Kansalaisuus'),
        passportNumber: col('Passi'),
        idNumber: col('Henkilötunnus'),
        phone: col('Puhelin'),
        email: col('Sähköposti'),
        address: col('Osoite'),
        proceduralStatus: col('Asema'),
      },
    },
  });
}
