/**
 * Legal forms of companies as their laws write them out, with the abbreviation registers use: a
 * bank or a contract may write "Osakeyhtiö" where the register writes "Oy", so names are compared
 * with the abbreviation. Sources: Finland, Limited Liability Companies Act 624/2006 ch. 1 §1 and
 * Trade Register Act (osakeyhtiö, Oy; avoin yhtiö, Ay; kommandiittiyhtiö, Ky); Estonia, Commercial
 * Code §§ 135, 221 (osaühing, OÜ; aktsiaselts, AS); Latvia, Commercial Law §185 (sabiedrība ar
 * ierobežotu atbildību, SIA; akciju sabiedrība, AS); Lithuania, Law on Companies art. 2 (uždaroji
 * akcinė bendrovė, UAB; akcinė bendrovė, AB); Poland, Commercial Companies Code art. 160, 305
 * (spółka z ograniczoną odpowiedzialnością, sp. z o.o.; spółka akcyjna, S.A.).
 */

/** Written-out forms, folded (lower case, no diacritics), longest first, with their abbreviation. */
export const LEGAL_FORMS: readonly { long: string; short: string; country: string }[] = [
  { long: 'spolka z ograniczona odpowiedzialnoscia', short: 'sp z o o', country: 'PL' },
  { long: 'sabiedriba ar ierobezotu atbildibu', short: 'sia', country: 'LV' },
  { long: 'uzdaroji akcine bendrove', short: 'uab', country: 'LT' },
  { long: 'akciju sabiedriba', short: 'as', country: 'LV' },
  { long: 'kommandiittiyhtio', short: 'ky', country: 'FI' },
  { long: 'akcine bendrove', short: 'ab', country: 'LT' },
  { long: 'spolka akcyjna', short: 's a', country: 'PL' },
  { long: 'osakeyhtio', short: 'oy', country: 'FI' },
  { long: 'avoin yhtio', short: 'ay', country: 'FI' },
  { long: 'aktsiaselts', short: 'as', country: 'EE' },
  { long: 'osauhing', short: 'ou', country: 'EE' },
];

const fold = (s: string) =>
  s
    // Letters no decomposition strips (Polish ł, Nordic ø, æ).
    .replace(/[łŁ]/gu, 'l')
    .replace(/[øØ]/gu, 'o')
    .replace(/[æÆ]/gu, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const PATTERNS = LEGAL_FORMS.map((f) => ({ re: new RegExp(`(^| )${f.long}( |$)`, 'gu'), short: f.short }));

/** A company name folded, with any written-out legal form replaced by its abbreviation. */
export function abbreviateLegalForm(name: string): string {
  let out = fold(name);
  for (const p of PATTERNS) out = out.replace(p.re, `$1${p.short}$2`);
  return out;
}
