/**
 * Handling codes (Europol-style H0–H3) as data: what each allows when a case or an entity
 * is shared onward or exported. Source: Europol handling codes used in SIENA and the Europol
 * Information System (Europol Regulation (EU) 2016/794 art. 19 — restrictions set by the
 * provider of the information); wording summarised, verify against the agency's own manual.
 * An administrator may replace the labels and meanings (see services/handlingCodes).
 */
export interface HandlingCode {
  code: 'H0' | 'H1' | 'H2' | 'H3';
  label: string;
  meaning: string;
  /** May the case or entity be shared with another agency? */
  share: 'allowed' | 'lead-only' | 'refused';
  /** May it leave the platform in an export or report? */
  export: 'allowed' | 'lead-only' | 'refused';
  source: string;
}

const SOURCE = 'Europol handling codes (SIENA / EIS), Regulation (EU) 2016/794 art. 19 — summarised, verify';

export const handlingCodes: readonly HandlingCode[] = [
  {
    code: 'H0',
    label: 'Judicial use',
    meaning: 'May be used in judicial proceedings; no further restriction.',
    share: 'allowed',
    export: 'allowed',
    source: SOURCE,
  },
  {
    code: 'H1',
    label: 'Not as evidence',
    meaning: 'Not to be used as evidence in judicial proceedings without the provider’s permission.',
    share: 'allowed',
    export: 'lead-only',
    source: SOURCE,
  },
  {
    code: 'H2',
    label: 'No dissemination',
    meaning: 'Not to be disseminated further without the provider’s permission.',
    share: 'refused',
    export: 'lead-only',
    source: SOURCE,
  },
  {
    code: 'H3',
    label: 'Other restrictions',
    meaning: 'Restrictions stated by the provider apply; ask before any onward use.',
    share: 'lead-only',
    export: 'lead-only',
    source: SOURCE,
  },
];

export const handlingCodeIds = handlingCodes.map((h) => h.code);

export const handlingCodeOf = (code: string | null | undefined): HandlingCode | undefined =>
  handlingCodes.find((h) => h.code === code);

/** The stricter of a case's and an entity's codes decides. */
export function strictest(...codes: (string | null | undefined)[]): HandlingCode | undefined {
  const order = ['H0', 'H1', 'H3', 'H2'];
  return codes
    .map(handlingCodeOf)
    .filter((h): h is HandlingCode => !!h)
    .sort((a, b) => order.indexOf(b.code) - order.indexOf(a.code))[0];
}
