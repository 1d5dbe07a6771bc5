/**
 * Catalogue, screening form and observation shapes as the page reads them; assessments, decisions
 * and the legal matrix are contracts in shared/contracts/identification.ts.
 */
export type Texts = { en: string; fi?: string; et?: string; lv?: string };
export type Rating = 'strong' | 'medium' | 'weak';

export interface CatalogueItem {
  id: string;
  dimension?: string;
  rating?: Rating;
  text: Texts;
  source: string;
  verification: 'verified' | 'unverified';
  means?: string[];
  purpose?: boolean;
}
export interface CatalogueList {
  id: string;
  population: 'adult' | 'child' | 'any';
  exploitation: 'labour' | 'sexual' | 'any';
  text: Texts;
  items: CatalogueItem[];
}
export interface Catalogue {
  key: string;
  version: number;
  title: Texts;
  source: string;
  kind: 'delphi' | 'checklist';
  dimensions: { id: string; text: Texts }[];
  lists: CatalogueList[];
  rule?: {
    source: string;
    verification: string;
    adult: { id: string; text: Texts }[];
    child: { id: string; text: Texts }[];
  };
}

export interface Observation {
  id: string;
  catalogue: string;
  code: string;
  strength: string | null;
  text: string;
  occurredOn: string | null;
  entityIds: string[];
}

export interface ScreeningOption {
  id: string;
  text: Required<Texts>;
  items: string[];
  acts: string[];
  child?: boolean;
}
export interface ScreeningForm {
  source: string;
  guidance: Required<Texts>[];
  questions: {
    id: string;
    text: Required<Texts>;
    note?: Required<Texts>;
    multiple: boolean;
    options: ScreeningOption[];
  }[];
}

export const textOf = (t: Texts, lang: string): string =>
  lang === 'fi' || lang === 'et' || lang === 'lv' ? (t[lang] ?? t.en) : t.en;
