/**
 * Company-register extracts, one CSV per country (FI, EE, LV), each with the register's own
 * column names, date style and owner-kind words, and the `company-register` importer options
 * that read it. One row per company, more when it has several board members or owners.
 */
import type { EntityRecord } from '../../domain/records.ts';
import { csvText } from '../../shared/csv.ts';
import type { LookalikeFirm } from './companyDuplicates.ts';
import { dmy, first } from './keys.ts';

interface Register {
  country: string;
  header: Record<string, string>;
  natural: string;
  legal: string;
  date: (iso: string) => string;
  dateFormat?: string;
  delimiter: ',' | ';';
}

/** Register columns by the importer's field names. */
const REGISTERS: Register[] = [
  {
    country: 'fi',
    header: {
      registrationNumber: 'Y-tunnus',
      name: 'Toiminimi',
      incorporationDate: 'Rekisteröity',
      dissolutionDate: 'Lopetettu',
      address: 'Postiosoite',
      phone: 'Puhelin',
      email: 'Sähköposti',
      director: 'Hallituksen jäsen',
      directorBirthDate: 'Syntymäaika',
      directorSince: 'Alkaen',
      owner: 'Omistaja',
      ownerKind: 'Omistajan laji',
    },
    natural: 'luonnollinen henkilö',
    legal: 'oikeushenkilö',
    date: (d) => dmy(d),
    dateFormat: '%d.%m.%Y',
    delimiter: ';',
  },
  {
    country: 'ee',
    header: {
      registrationNumber: 'Registrikood',
      name: 'Ärinimi',
      incorporationDate: 'Esmakande kuupäev',
      dissolutionDate: 'Kustutamise kuupäev',
      address: 'Aadress',
      phone: 'Telefon',
      email: 'E-post',
      director: 'Juhatuse liige',
      directorBirthDate: 'Sünniaeg',
      directorSince: 'Alates',
      owner: 'Osanik',
      ownerKind: 'Osaniku liik',
    },
    natural: 'füüsiline isik',
    legal: 'juriidiline isik',
    date: (d) => d,
    delimiter: ',',
  },
  {
    country: 'lv',
    header: {
      registrationNumber: 'Reģistrācijas numurs',
      name: 'Nosaukums',
      incorporationDate: 'Reģistrēts',
      dissolutionDate: 'Likvidēts',
      address: 'Juridiskā adrese',
      phone: 'Tālrunis',
      email: 'E-pasts',
      director: 'Valdes loceklis',
      directorBirthDate: 'Dzimšanas datums',
      directorSince: 'Iecelts',
      owner: 'Dalībnieks',
      ownerKind: 'Dalībnieka veids',
    },
    natural: 'fiziska persona',
    legal: 'juridiska persona',
    date: (d) => dmy(d),
    dateFormat: '%d.%m.%Y',
    delimiter: ';',
  },
];

export interface RegisterFile {
  country: string;
  csv: string;
  options: Record<string, unknown>;
}

/** The companies of each register country, with their board members and owners. */
export function registerFiles(
  entities: readonly EntityRecord[],
  byId: ReadonlyMap<string, EntityRecord>,
  /** Other firms the register holds (no officers given), such as those whose names come close. */
  others: readonly LookalikeFirm[] = [],
): RegisterFile[] {
  const directors = new Map<string, { person: EntityRecord; since: string }[]>();
  const owners = new Map<string, EntityRecord[]>();
  for (const e of entities) {
    if (e.schema === 'Directorship') {
      const org = first(e, 'organization');
      const person = byId.get(first(e, 'director'));
      if (person) directors.set(org, [...(directors.get(org) ?? []), { person, since: first(e, 'startDate') }]);
    } else if (e.schema === 'Ownership') {
      const asset = byId.get(first(e, 'asset'));
      const owner = byId.get(first(e, 'owner'));
      if (asset?.schema === 'Company' && owner) owners.set(asset.id, [...(owners.get(asset.id) ?? []), owner]);
    }
  }
  return REGISTERS.map((r) => {
    const fields = Object.keys(r.header);
    const rows: string[][] = [];
    for (const c of entities) {
      if (c.schema !== 'Company' || first(c, 'jurisdiction') !== r.country) continue;
      const ds = directors.get(c.id) ?? [];
      const os = owners.get(c.id) ?? [];
      for (let i = 0; i < Math.max(1, ds.length, os.length); i++) {
        const d = ds[i];
        const o = os[i];
        const value: Record<string, string> = {
          registrationNumber: first(c, 'registrationNumber'),
          name: first(c, 'name'),
          incorporationDate: first(c, 'incorporationDate') && r.date(first(c, 'incorporationDate')),
          dissolutionDate: first(c, 'dissolutionDate') && r.date(first(c, 'dissolutionDate')),
          address: first(c, 'address'),
          phone: first(c, 'phone'),
          email: first(c, 'email'),
          director: first(d?.person, 'name'),
          directorBirthDate: first(d?.person, 'birthDate') && r.date(first(d?.person, 'birthDate')),
          directorSince: d?.since ? r.date(d.since) : '',
          owner: first(o, 'name'),
          ownerKind: o ? (o.schema === 'Person' ? r.natural : r.legal) : '',
        };
        rows.push(fields.map((f) => value[f] ?? ''));
      }
    }
    for (const o of others.filter((x) => x.jurisdiction === r.country)) {
      const value: Record<string, string> = {
        registrationNumber: o.registrationNumber,
        name: o.name,
        incorporationDate: r.date(o.incorporationDate),
        address: o.address,
      };
      rows.push(fields.map((f) => value[f] ?? ''));
    }
    return {
      country: r.country,
      csv: csvText(Object.values(r.header), rows, { defuse: false, delimiter: r.delimiter }),
      options: {
        mapping: r.header,
        delimiter: r.delimiter,
        country: r.country.toUpperCase(),
        ...(r.dateFormat ? { dateFormat: r.dateFormat } : {}),
      },
    };
  });
}
