/** The catalogues the platform ships; agencies' imported lists live in the store beside them. */
import type { Catalogue } from './catalogue.ts';
import { ILO_FORCED_LABOUR_2012, UNODC_SIGNS } from './checklists.ts';
import { DELPHI_2009 } from './delphi2009.ts';

export const BUILT_IN_CATALOGUES: readonly Catalogue[] = [DELPHI_2009, ILO_FORCED_LABOUR_2012, UNODC_SIGNS];
export const DEFAULT_CATALOGUE = DELPHI_2009;

export * from './catalogue.ts';
export * from './rule.ts';
export * from './nextSteps.ts';
export { DELPHI_2009, DELPHI_RULE } from './delphi2009.ts';
export { ILO_FORCED_LABOUR_2012, UNODC_SIGNS } from './checklists.ts';
export * from './observations.ts';
export * from './screening.ts';
export * from './legal.ts';
export * from './dataSignals.ts';
export * from './legalFindings.ts';
