/**
 * Properties of the newer FtM line (opensanctions/followthemoney 4.x) that the FtM model this
 * platform reads (ftmModel.ts, the 3.x line) lacks. Earlier releases of the platform offered them,
 * so entities stored with them must still validate, and FtM 4 files carrying them still load.
 * They count as extensions: left out of FtM-only exports, which a 3.x tool must be able to read.
 */
import type { PropertyDef } from './types.ts';
import { ident, name, ref, str, text } from './define.ts';

const ext = { extension: true } as const;

export const ftm4Properties: Readonly<Record<string, Readonly<Record<string, PropertyDef>>>> = {
  Interval: { proof: ref('Document', 'Source document', ext) },
  LegalEntity: {
    abbreviation: name('Abbreviation', { ...ext, matchable: false }),
    sayariId: ident('Sayari Entity ID', ext),
    brightQueryId: ident('BrightQuery ID', ext),
    brightQueryOrgId: ident('BrightQuery Organization ID', { ...ext, matchable: false }),
    uscCode: ident('USCC', ext),
    // Older FtM releases had this one; kept with the rest so stored entities still read.
    passport: ref('Passport', 'Passports', ext),
  },
  Person: {
    biography: text('Biography', { ...ext, matchable: false }),
    profession: str('Profession', ext),
  },
};
