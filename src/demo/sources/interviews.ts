/**
 * What officers recorded about people in interviews and labour inspections, as the referral and
 * screening records of an investigation carry them: the person by their identifiers, the day,
 * the indicator ticked on the form (ILO forced-labour indicator or Delphi dimension with the
 * recorder's strength) and the officer's words. Innocent workers' records come out the same way
 * (the generator gives them facts at the rates of ../rates.ts); no row says who is a victim.
 */
import { csvText } from '../../shared/csv.ts';
import type { EntityRecord } from '../../domain/records.ts';
import type { GroundTruth } from '../groundTruth.ts';
import { first } from './keys.ts';

export const INTERVIEW_HEADER = [
  'Name',
  'Date of birth',
  'Passport',
  'Personal code',
  'Recorded on',
  'Catalogue',
  'Indicator',
  'Strength',
  'Record',
] as const;

/** One row per recorded fact; facts on persons no file names are left out. */
export function interviewRecords(
  facts: GroundTruth['indicatorFacts'],
  byId: ReadonlyMap<string, EntityRecord>,
): { csv: string; rows: number } {
  const rows: string[][] = [];
  for (const f of facts) {
    const p = byId.get(f.personId);
    if (p?.schema !== 'Person') continue;
    rows.push([
      first(p, 'name'),
      first(p, 'birthDate'),
      first(p, 'passportNumber'),
      first(p, 'idNumber'),
      f.evidence.date ?? '',
      f.catalogue,
      f.indicator,
      f.catalogue === 'Delphi' ? f.strength : '',
      f.evidence.event,
    ]);
  }
  return { csv: csvText(INTERVIEW_HEADER, rows), rows: rows.length };
}
