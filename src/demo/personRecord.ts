/**
 * The Person entity as a source would hold it, written from the generator's PersonInfo. Shared
 * by the cell builder and the duplicates (which write altered copies of an original).
 */
import type { EntityRecord } from '../domain/records.ts';
import type { PersonInfo } from './people.ts';
import { P, S, type Country, type ProceduralStatus } from './constants.ts';
import { iso } from './dates.ts';
import { phoneVariant } from './identifiers.ts';

const CC_TO_COUNTRY: readonly (readonly [string, Country])[] = [
  ['+358', 'fi'],
  ['+372', 'ee'],
  ['+371', 'lv'],
  ['+370', 'lt'],
  ['+380', 'ua'],
  ['+40', 'ro'],
  ['+48', 'pl'],
];

export function countryOfPhone(e164: string): Country {
  for (const [cc, country] of CC_TO_COUNTRY) if (e164.startsWith(cc)) return country;
  throw new Error(`not a scenario phone number: ${e164}`);
}

/** The Person entity as a source would hold it. Only `knownStatus` reveals anything. */
export function personRecord(
  id: string,
  p: PersonInfo,
  phoneStyle: number,
  knownStatus?: ProceduralStatus,
): EntityRecord {
  const props: Record<string, string[]> = {
    [P.name]: [`${p.name.first} ${p.name.last}`],
    [P.firstName]: [p.name.first],
    [P.lastName]: [p.name.last],
    ...(p.noBirthDate ? {} : { [P.birthDate]: [iso(p.birthDay)] }),
    [P.gender]: [p.gender],
    [P.nationality]: [p.nat],
    [P.country]: [p.residence],
  };
  if (p.phone) props[P.phone] = [phoneVariant(p.phone, countryOfPhone(p.phone), phoneStyle)];
  if (p.email) props[P.email] = [p.email];
  if (p.idNumber) props[P.idNumber] = [p.idNumber];
  if (p.passport) props[P.passportNumber] = [p.passport];
  if (p.addressFull) props[P.address] = [p.addressFull];
  if (p.addressId) props[P.addressEntity] = [p.addressId];
  if (knownStatus) props[P.proceduralStatus] = [knownStatus];
  return { id, schema: S.Person, properties: props };
}
