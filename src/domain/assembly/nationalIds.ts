/**
 * National personal ID codes, accepted only when their check digit holds (DOMAIN.md §9), so a
 * mistyped code never joins two people:
 * - FI henkilötunnus `DDMMYY` + century sign + three digits + check character: the nine digits
 *   as one number mod 31 picks the check character from `0123456789ABCDEFHJKLMNPRSTUVWXY`;
 * - EE isikukood and LT asmens kodas, 11 digits: weights 1…9,1 mod 11; a remainder of 10 tries
 *   weights 3…9,1,2,3; 10 again gives 0;
 * - LV personas kods `DDMMYY-CNNNN`: (1101 − Σ digit × 1,6,3,7,9,10,5,8,4,2) mod 11 (mod 10) is
 *   the last digit; codes issued since 2017 begin with 32 and carry neither date nor check digit.
 */
export type IdCountry = 'fi' | 'ee' | 'lt' | 'lv';

export interface NationalId {
  country: IdCountry;
  /** The code as written by its issuer, upper case, without spaces. */
  code: string;
}

const FI_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const FI_SHAPE = /^(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])$/;

function validDate(dd: string, mm: string): boolean {
  const d = Number(dd);
  const m = Number(mm);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

export function fiCheckCharacter(sixDigits: string, individual: string): string {
  return FI_CHECK[Number(`${sixDigits}${individual}`) % 31] ?? '';
}

function fi(code: string): boolean {
  const m = FI_SHAPE.exec(code);
  if (!m?.[1] || !m[3] || !m[4]) return false;
  return validDate(m[1].slice(0, 2), m[1].slice(2, 4)) && fiCheckCharacter(m[1], m[3]) === m[4];
}

export function eeCheckDigit(tenDigits: string): number {
  const digits = [...tenDigits].map(Number);
  const round = (weights: number[]) => digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
  const first = round([1, 2, 3, 4, 5, 6, 7, 8, 9, 1]);
  if (first < 10) return first;
  const second = round([3, 4, 5, 6, 7, 8, 9, 1, 2, 3]);
  return second < 10 ? second : 0;
}

function ee(code: string): boolean {
  if (!/^[1-6]\d{10}$/.test(code)) return false;
  if (!validDate(code.slice(5, 7), code.slice(3, 5))) return false;
  return eeCheckDigit(code.slice(0, 10)) === Number(code[10]);
}

export function lvCheckDigit(tenDigits: string): number {
  const w = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...tenDigits].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0);
  return ((((1101 - sum) % 11) + 11) % 11) % 10;
}

function lv(code: string): boolean {
  const m = /^(\d{6})-?(\d{5})$/.exec(code);
  if (!m?.[1] || !m[2]) return false;
  const digits = m[1] + m[2];
  if (digits.startsWith('32')) return true;
  if (!validDate(digits.slice(0, 2), digits.slice(2, 4)) || !/^[0-2]$/.test(digits[6] ?? '')) return false;
  return lvCheckDigit(digits.slice(0, 10)) === Number(digits[10]);
}

const CHECKS: Record<IdCountry, (code: string) => boolean> = { fi, ee, lt: ee, lv };

/**
 * The national ID `raw` is, with its country: the hinted countries are tried first, then the
 * others; null when no checksum holds. An 11-digit code valid in EE is also valid in LT (one
 * rule): the hint decides, EE without one.
 */
export function nationalId(raw: string, hints: readonly string[] = []): NationalId | null {
  const code = raw.replace(/\s+/g, '').toUpperCase();
  if (!code) return null;
  const order = [...hints.map((h) => h.toLowerCase()), 'fi', 'ee', 'lt', 'lv'];
  for (const c of order) {
    const check = CHECKS[c as IdCountry] as ((code: string) => boolean) | undefined;
    if (!check || !check(code)) continue;
    return { country: c as IdCountry, code: c === 'lv' ? code.replace('-', '') : code };
  }
  return null;
}
