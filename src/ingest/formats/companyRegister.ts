/**
 * Company-register extracts from CSV (`company-register`): one row per company, or per company
 * and director/owner when the register lists them on separate rows. A mapping names the columns,
 * as for the other CSV formats; the register's own figures (employees, payroll, taxes paid) go
 * to the THB extension properties of Company.
 *
 * Output: a Company per distinct registration number (or name, without one), a Person per
 * director and a LegalEntity (or Person/Company when the kind names one, in the register's
 * own words: domain/companies/ownerKind.ts) per owner, with
 * Directorship and Ownership links. Ids derive from the values (`company-<sha1>` …), so a later
 * extract meets the same entities and the pipeline adds its values to them.
 */
import { createHash } from 'node:crypto';
import { ownerKindSchema } from '../../domain/companies/ownerKind.ts';
import { errors } from '../../shared/errors.ts';
import type { TextEncoding } from '../text.ts';
import type { ImportItem, Importer } from '../types.ts';
import { readCsv } from './csvRecords.ts';
import { compileFormat, parseIsoPrefix, parseWithFormat } from './dates.ts';

export const COMPANY_COLUMNS = [
  'name',
  'registrationNumber',
  'country',
  'incorporationDate',
  'dissolutionDate',
  'address',
  'phone',
  'email',
  'employees',
  'payroll',
  'taxPaid',
  'currency',
  'figuresYear',
  'director',
  'directorBirthDate',
  'directorSince',
  'owner',
  'ownerKind',
  'ownerShare',
] as const;
export type CompanyColumn = (typeof COMPANY_COLUMNS)[number];
export type CompanyMapping = Partial<Record<CompanyColumn, string>> & { name: string };

export interface CompanyRegisterOptions {
  mapping: CompanyMapping;
  delimiter?: string;
  encoding?: TextEncoding;
  /** strptime format of the date columns, e.g. `%d.%m.%Y`; default ISO-like. */
  dateFormat?: string;
  /** ISO country of the register, when no column gives it. */
  country?: string;
}

const DATES: ReadonlySet<CompanyColumn> = new Set([
  'incorporationDate',
  'dissolutionDate',
  'directorBirthDate',
  'directorSince',
]);
const NUMBERS: ReadonlySet<CompanyColumn> = new Set(['employees', 'payroll', 'taxPaid']);
/**
 * Headers under which registers give the employee count (EE, LV, LT, FI, SE, RU, EN). When the
 * mapping names no employees column, one of these is read, and the report says which.
 */
export const EMPLOYEE_HEADERS: readonly string[] = [
  'employees',
  'number of employees',
  'töötajate arv',
  'töötajaid',
  'darbinieku skaits',
  'darbuotojų skaičius',
  'apdraustųjų skaičius',
  'henkilöstö',
  'henkilöstömäärä',
  'henkilökunta',
  'antal anställda',
  'численность работников',
  'количество работников',
];
const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);
const idOf = (kind: string, ...parts: string[]) =>
  `${kind}-${createHash('sha1').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 20)}`;

/** "1 234,50", "1234.5", "1,234.50" → "1234.5"; null when it is not a number. */
export function registerNumber(text: string): string | null {
  let t = text.replace(/[\s\u00a0']/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return String(Number(t));
}

function checkMapping(m: CompanyMapping): void {
  if (!m.name)
    throw errors.importFailed('Company register mapping: name the column with the company name', 'mapping.name');
  for (const k of Object.keys(m)) {
    if (!(COMPANY_COLUMNS as readonly string[]).includes(k))
      throw errors.importFailed(`Company register mapping: unknown field "${k}"`, `mapping.${k}`);
  }
}

export const companyRegisterImporter: Importer<CompanyRegisterOptions> = {
  format: 'company-register',
  label: 'Company register extract (CSV)',
  async *parse(input, options) {
    let m = options.mapping;
    checkMapping(m);
    if (options.dateFormat) compileFormat(options.dateFormat);
    let index: Map<string, number> | null = null;
    for await (const rec of readCsv(input, {
      delimiter: options.delimiter ?? ',',
      encoding: options.encoding ?? 'utf-8',
    })) {
      if (!index) {
        index = new Map(rec.values.map((h, i) => [h.trim(), i]));
        for (const [field, column] of Object.entries(m)) {
          if (column && !index.has(column))
            throw errors.importFailed(`The file has no column "${column}" (mapped to ${field})`, `mapping.${field}`);
        }
        const staff = m.employees
          ? undefined
          : rec.values.find((h) => EMPLOYEE_HEADERS.includes(h.trim().toLowerCase()));
        if (staff) {
          m = { ...m, employees: staff.trim() };
          yield { kind: 'skipped', line: rec.line, warnings: [`employees read from the column "${staff.trim()}"`] };
        }
        continue;
      }
      const row = index;
      const line = rec.line;
      const get = (field: CompanyColumn): string | null => {
        const column = m[field];
        const v = column === undefined ? undefined : rec.values[row.get(column) ?? -1]?.trim();
        if (!v) return null;
        if (DATES.has(field)) {
          const d = options.dateFormat ? parseWithFormat(v, options.dateFormat) : parseIsoPrefix(v);
          if (!d)
            throw fail(
              line,
              `${field} "${v}" is not a date${options.dateFormat ? ` in the format ${options.dateFormat}` : ''}`,
            );
          return d.slice(0, 10);
        }
        if (NUMBERS.has(field)) {
          const n = registerNumber(v);
          if (n === null) throw fail(line, `${field} "${v}" is not a number`);
          return n;
        }
        return v;
      };
      const name = get('name');
      if (!name) throw fail(line, 'the company name is empty');
      const country = (get('country') ?? options.country ?? '').toLowerCase() || null;
      const regNo = get('registrationNumber');
      const companyId = idOf('company', country ?? '', regNo ?? name.toLowerCase());
      const props: Record<string, string[]> = { name: [name] };
      const put = (prop: string, value: string | null) => {
        if (value !== null) props[prop] = [value];
      };
      put('registrationNumber', regNo);
      put('country', country);
      put('jurisdiction', country);
      for (const f of [
        'incorporationDate',
        'dissolutionDate',
        'address',
        'phone',
        'email',
        'employees',
        'payroll',
        'taxPaid',
        'currency',
        'figuresYear',
      ] as const)
        put(f, get(f));
      const items: ImportItem[] = [
        { kind: 'entity', line, merge: true, record: { id: companyId, schema: 'Company', properties: props } },
      ];
      const director = get('director');
      if (director) {
        const birth = get('directorBirthDate');
        // With a birth date the same director is one person across companies; without one, homonyms cannot be told
        // apart.
        const personId = birth
          ? idOf('person', director.toLowerCase(), birth)
          : idOf('person', director.toLowerCase(), '', companyId);
        items.push({
          kind: 'entity',
          line,
          merge: true,
          record: {
            id: personId,
            schema: 'Person',
            properties: { name: [director], ...(birth ? { birthDate: [birth] } : {}) },
          },
        });
        const since = get('directorSince');
        items.push({
          kind: 'entity',
          line,
          merge: true,
          record: {
            id: idOf('directorship', companyId, personId),
            schema: 'Directorship',
            properties: { director: [personId], organization: [companyId], ...(since ? { startDate: [since] } : {}) },
          },
        });
      }
      const owner = get('owner');
      if (owner) {
        // In the register's own words: "füüsiline isik", "fiziskā persona"… is a Person.
        const schema = ownerKindSchema(get('ownerKind'));
        const ownerId = idOf('owner', owner.toLowerCase(), schema);
        const share = get('ownerShare');
        items.push({
          kind: 'entity',
          line,
          merge: true,
          record: { id: ownerId, schema, properties: { name: [owner] } },
        });
        items.push({
          kind: 'entity',
          line,
          merge: true,
          record: {
            id: idOf('ownership', companyId, ownerId),
            schema: 'Ownership',
            properties: { owner: [ownerId], asset: [companyId], ...(share ? { percentage: [share] } : {}) },
          },
        });
      }
      yield* items;
    }
  },
};
