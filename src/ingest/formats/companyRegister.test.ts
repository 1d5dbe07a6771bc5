import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/errors.ts';
import type { ImportItem } from '../types.ts';
import { companyRegisterImporter, registerNumber, type CompanyRegisterOptions } from './companyRegister.ts';
import { bytesInput } from './inputs.testing.ts';

const CSV = [
  'Nimi;Y-tunnus;Rekisteröity;Lopetettu;Osoite;Henkilöstö;Palkat;Hallitus;Syntynyt;Omistaja;Omistajan laji;Osuus',
  'Baltic Ehitus OÜ;12345678;01.11.2023;20.06.2024;Tamme 4, Tallinn;2;"12 000,00";Mari Maasikas;01.03.1945;Mari Maasikas;henkilö;100',
  'Baltic Ehitus OÜ;12345678;01.11.2023;20.06.2024;Tamme 4, Tallinn;2;"12 000,00";Jaan Tamm;05.05.2004;;;',
  'Baltic Ehitus Pro OÜ;87654321;01.06.2024;;Tamme 4, Tallinn;;;Mari Maasikas;01.03.1945;;;',
].join('\n');
const OPTIONS: CompanyRegisterOptions = {
  delimiter: ';',
  dateFormat: '%d.%m.%Y',
  country: 'EE',
  mapping: {
    name: 'Nimi',
    registrationNumber: 'Y-tunnus',
    incorporationDate: 'Rekisteröity',
    dissolutionDate: 'Lopetettu',
    address: 'Osoite',
    employees: 'Henkilöstö',
    payroll: 'Palkat',
    director: 'Hallitus',
    directorBirthDate: 'Syntynyt',
    owner: 'Omistaja',
    ownerKind: 'Omistajan laji',
    ownerShare: 'Osuus',
  },
};

async function parse(text: string, options: CompanyRegisterOptions): Promise<ImportItem[]> {
  const out: ImportItem[] = [];
  for await (const item of companyRegisterImporter.parse(bytesInput('register.csv', text), options)) out.push(item);
  return out;
}

const records = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'entity' ? [i.record] : []));

describe('company register extracts', () => {
  it('reads companies with their figures, directors and owners, one id per company and per director', async () => {
    const rs = records(await parse(CSV, OPTIONS));
    const companies = rs.filter((r) => r.schema === 'Company');
    expect(new Set(companies.map((c) => c.id)).size).toBe(2);
    expect(companies[0]?.properties).toMatchObject({
      name: ['Baltic Ehitus OÜ'],
      registrationNumber: ['12345678'],
      country: ['ee'],
      incorporationDate: ['2023-11-01'],
      dissolutionDate: ['2024-06-20'],
      employees: ['2'],
      payroll: ['12000'],
    });
    const directors = rs.filter((r) => r.schema === 'Directorship');
    const mari = rs.filter((r) => r.schema === 'Person' && r.properties.name?.[0] === 'Mari Maasikas');
    // One director across both companies; the owner of kind "henkilö" is a Person too (no birth date to join on).
    const directorIds = new Set(directors.map((d) => d.properties.director?.[0]));
    expect(new Set(mari.filter((m) => directorIds.has(m.id)).map((m) => m.id)).size).toBe(1);
    expect(new Set(mari.map((m) => m.id)).size).toBe(2);
    expect(directors).toHaveLength(3);
    expect(rs.find((r) => r.schema === 'Ownership')?.properties.percentage).toEqual(['100']);
    expect(
      rs.filter(
        (r) =>
          r.schema === 'Person' &&
          r.properties.name?.[0] === 'Mari Maasikas' &&
          r.properties.birthDate?.[0] === '1945-03-01',
      ),
    ).toHaveLength(2);
  });

  it('names the line and the field of bad input', async () => {
    const bad = async (text: string, options: CompanyRegisterOptions, path: string) => {
      const e = await parse(text, options).catch((x: unknown) => x);
      expect(isAppError(e) ? e.path : e).toBe(path);
    };
    await bad(CSV.replace('01.11.2023', '2023-31-31'), OPTIONS, 'line 2');
    await bad(CSV.replace('"12 000,00"', 'twelve'), OPTIONS, 'line 2');
    await bad(CSV, { ...OPTIONS, mapping: { ...OPTIONS.mapping, name: 'Name' } }, 'mapping.name');
    await bad(
      CSV,
      { ...OPTIONS, mapping: { ...OPTIONS.mapping, bogus: 'x' } as CompanyRegisterOptions['mapping'] },
      'mapping.bogus',
    );
  });

  it('reads register numbers however they are grouped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + cents / 100;
        const grouped = whole.toLocaleString('en-GB');
        const spaced = whole.toLocaleString('fi-FI').replace(/\s/g, ' ');
        const c = String(cents).padStart(2, '0');
        for (const text of [`${whole}.${c}`, `${grouped}.${c}`, `${spaced},${c}`, `${whole},${c}`])
          expect(Number(registerNumber(text))).toBeCloseTo(value, 6);
        expect(registerNumber(`${whole}x`)).toBeNull();
      }),
    );
  });
});

describe('employee figures (issue 18)', () => {
  it('keeps the register’s employee count from its own column name when the mapping does not name it', async () => {
    const csv = ['Nimi;Registrikood;Töötajate arv', 'Posting Pro OÜ;10000001;140'].join('\n');
    const items = await parse(csv, {
      delimiter: ';',
      country: 'EE',
      mapping: { name: 'Nimi', registrationNumber: 'Registrikood' },
    });
    expect(records(items)[0]?.properties.employees).toEqual(['140']);
    expect(items.find((i) => i.kind === 'skipped')).toMatchObject({
      line: 1,
      warnings: ['employees read from the column "Töötajate arv"'],
    });
  });

  it('a mapped employees column wins, and a file without one has no figure', async () => {
    const csv = ['Name;Staff;Darbinieku skaits', 'A SIA;7;9'].join('\n');
    const mapped = records(await parse(csv, { delimiter: ';', mapping: { name: 'Name', employees: 'Staff' } }));
    expect(mapped[0]?.properties.employees).toEqual(['7']);
    const none = records(await parse('Name\nA SIA', { mapping: { name: 'Name' } }));
    expect(none[0]?.properties.employees).toBeUndefined();
  });
});
