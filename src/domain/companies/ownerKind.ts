/**
 * What kind of party a register's owner column names, in the register's own words (DOMAIN.md §9):
 * a natural person is a Person, a legal person a Company (or LegalEntity when the register only
 * says "legal person" without being a company), anything unrecognised a LegalEntity.
 */
import { foldText } from '../selectors/index.ts';

/** Words meaning a natural person (compared folded: case, diacritics, spelling variants). */
const NATURAL = [
  'person',
  'natural person',
  'individual',
  'füüsiline isik', // EE
  'fiziskā persona', // LV
  'fizinis asmuo', // LT
  'luonnollinen henkilö', // FI
  'henkilö',
  'yksityishenkilö',
  'fysisk person', // SV (FI bilingual registers)
];
/** Words meaning a company or organisation. */
const COMPANY = [
  'company',
  'organisation',
  'organization',
  'corporation',
  'äriühing', // EE
  'osaühing',
  'aktsiaselts',
  'uzņēmums', // LV
  'komercsabiedrība',
  'sabiedrība',
  'įmonė', // LT
  'yhtiö', // FI
  'osakeyhtiö',
  'yritys',
  'bolag',
];
/** Words meaning a legal person of no stated form. */
const LEGAL = [
  'legal person',
  'legal entity',
  'juriidiline isik',
  'juridiskā persona',
  'juridinis asmuo',
  'oikeushenkilö',
];

const fold = (w: string) => foldText(w).replace(/\s+/g, ' ').trim();
const NATURAL_F = NATURAL.map(fold);
const COMPANY_F = COMPANY.map(fold);
const LEGAL_F = LEGAL.map(fold);

export type OwnerSchema = 'Person' | 'Company' | 'LegalEntity';

export function ownerKindSchema(kind: string | null | undefined): OwnerSchema {
  const k = fold(kind ?? '');
  if (!k) return 'LegalEntity';
  if (LEGAL_F.some((w) => k === w || k.startsWith(`${w} `))) return 'LegalEntity';
  if (NATURAL_F.some((w) => k === w || k.startsWith(`${w} `))) return 'Person';
  if (COMPANY_F.some((w) => k === w || k.startsWith(`${w} `))) return 'Company';
  // English words and short codes: P(erson); C(ompany) / O(rganisation).
  if (k.startsWith('p')) return 'Person';
  if (k.startsWith('c') || k.startsWith('o')) return 'Company';
  return 'LegalEntity';
}
