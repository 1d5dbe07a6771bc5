/** What the identification routes answer, as the page reads it. */
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

export interface Counts {
  strong: number;
  medium: number;
  weak: number;
}
export type Shortfall = Counts & { mediumOrWeak: number };
export interface Decision {
  outcome: 'presumedVictim' | 'notEstablished' | 'noRule';
  population: 'adult' | 'child';
  meansRequired: boolean;
  conditions: { id: string; met: boolean; by: string[] }[];
  dimensions: { id: string; counts: Counts; items: string[]; positive: boolean; shortfall: Shortfall[] }[];
  missing: { condition: string; act: boolean; dimensions: { id: string; shortfall: Shortfall[] }[] }[];
  nextSteps: { id: string; text: string; source: string }[];
  explanation: string;
}

export interface EvidenceRef {
  kind: string;
  id: string;
}
export interface Assessment {
  id: string;
  personId: string;
  catalogue: { key: string; version: number };
  list: string;
  population: 'adult' | 'child';
  indicators: { itemId: string; evidence: EvidenceRef[]; reliability: string; information: string; note?: string }[];
  acts: { act: string; evidence: EvidenceRef[] }[];
  screening: Record<string, string[]> | null;
  method: string;
  outcome: Decision['outcome'];
  decision: Decision;
  note: string | null;
  supersedes: string | null;
  createdBy: string;
  createdAt: string;
}

export interface PersonSummary {
  id: string;
  caption: string;
  pseudonymised: boolean;
  proceduralStatus: string[];
  observations: number;
  latest: { id: string; outcome: string; list: string; createdAt: string; explanation: string } | null;
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

export interface MatrixFact {
  element: string;
  value: string;
  label: string;
  origin: { kind: string; id: string };
  evidence: string[];
  suspectIds: string[];
}
export interface MatrixCell {
  element: 'act' | 'means' | 'purpose';
  status: 'supported' | 'gap' | 'notRequired';
  facts: MatrixFact[];
  gap: string | null;
}
export interface LegalMatrix {
  source: string;
  suspects: { id: string; caption: string }[];
  victims: {
    id: string;
    caption: string;
    pseudonymised: boolean;
    child: boolean;
    assessmentId: string | null;
    outcome: string | null;
    complete: boolean;
    rows: { suspectId: string | null; cells: MatrixCell[] }[];
  }[];
}

export const textOf = (t: Texts, lang: string): string =>
  lang === 'fi' || lang === 'et' || lang === 'lv' ? (t[lang] ?? t.en) : t.en;
