/**
 * Identifiers written in message and document text: IBANs (mod-97 through the selector
 * normaliser), other account numbers after an account word, personal codes whose checksum holds
 * (domain/assembly nationalIds), passport and ID-card numbers after a document word, company
 * registration numbers (FI Y-tunnus with its check digit; EE, LV, LT numbers after a register
 * word or in their fixed shape) and calendar dates.
 */
import { nationalId } from '../assembly/nationalIds.ts';
import { normaliseAccount, normaliseDocument, normaliseIban } from '../selectors/index.ts';

export interface FoundIdentifier {
  kind: 'iban' | 'account' | 'nationalId' | 'document' | 'registration' | 'date';
  /** Normalised: IBAN electronic form, `cc:code` for codes with a country, ISO date. */
  value: string;
  raw: string;
  start: number;
  end: number;
}

/** Words that say an account number follows (EN, FI, ET, LV, LT, RU, UK). */
const ACCOUNT_WORDS =
  'account|acc|tili|tilille|tilinumero|konto|kontole|konts|kontā|sąskaita|sąskaitą|счет|счёт|рахунок';
/** Words that say a passport or identity-card number follows. */
const DOCUMENT_WORDS =
  'passport|passi|passin|pass|passi nro|pase|pasi|pasas|паспорт|паспорта|id card|id-kortti|id-kaart';
/** Words that say a company registration number follows. */
const REGISTER_WORDS =
  'y-tunnus|ytunnus|business id|reg\\.? ?(?:no|nr|number)|registrikood|reģ\\.? ?nr|reģistrācijas numurs|įmonės kodas|company code';

const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){10,30}(?![\p{L}\p{N}])/gu;
const AFTER_ACCOUNT = new RegExp(`(?:${ACCOUNT_WORDS})\\s*(?:no\\.?|nr\\.?|№|:)?\\s*([0-9][0-9 -]{6,24}[0-9])`, 'giu');
const AFTER_DOCUMENT = new RegExp(
  `(?:${DOCUMENT_WORDS})\\s*(?:no\\.?|nr\\.?|№|:)?\\s*([A-Z]{0,3}[ ]?\\d{6,9})(?![\\p{L}\\p{N}])`,
  'giu',
);
const AFTER_REGISTER = new RegExp(`(?:${REGISTER_WORDS})\\s*:?\\s*(\\d[\\d -]{6,11}\\d)(?![\\p{L}\\p{N}])`, 'giu');
const FI_BUSINESS_ID = /(?<![\p{L}\p{N}-])(\d{7})-(\d)(?![\p{L}\p{N}])/gu;
const LV_REGISTER = /(?<![\p{L}\p{N}])([45]000\d{7}|40[0-2]03\d{6})(?![\p{L}\p{N}])/gu;
const PERSONAL_CODE = /(?<![\p{L}\p{N}])(\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]|[1-6]\d{10}|\d{6}-\d{5})(?![\p{L}\p{N}])/gu;
const DATE = /(?<![\p{N}.])(?:(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})|((?:19|20)\d{2})-(\d{2})-(\d{2}))(?![\p{N}])/gu;

/** Y-tunnus check digit (weights 7,9,10,5,8,4,2 mod 11; a remainder of 1 is never issued). */
export function businessIdValid(body: string, check: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2];
  const r = [...body].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0) % 11;
  if (r === 1) return false;
  return (r === 0 ? 0 : 11 - r) === Number(check);
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function extractIdentifiers(text: string): FoundIdentifier[] {
  const out: FoundIdentifier[] = [];
  const push = (kind: FoundIdentifier['kind'], value: string, raw: string, start: number) =>
    out.push({ kind, value, raw, start, end: start + raw.length });
  for (const m of text.matchAll(IBAN)) {
    // Trailing groups may be words run on ("… 0001 ja"): try shorter reads until one checks.
    let raw = m[0];
    for (;;) {
      const r = normaliseIban(raw);
      if (r.ok) {
        push('iban', r.value, raw, m.index);
        break;
      }
      const cut = raw.replace(/[ \u00a0]?[A-Z0-9]$/u, '');
      if (cut === raw || cut.replace(/\s/g, '').length < 15) break;
      raw = cut;
    }
  }
  for (const m of text.matchAll(AFTER_ACCOUNT)) {
    const raw = (m[1] ?? '').trim();
    const r = normaliseAccount(raw);
    if (r.ok && r.value.length >= 8) push('account', r.value, raw, m.index + m[0].lastIndexOf(raw));
  }
  for (const m of text.matchAll(AFTER_DOCUMENT)) {
    const raw = m[1] ?? '';
    const r = normaliseDocument(raw);
    if (r.ok) push('document', r.value, raw, m.index + m[0].lastIndexOf(raw));
  }
  for (const m of text.matchAll(FI_BUSINESS_ID))
    if (businessIdValid(m[1] ?? '', m[2] ?? '')) push('registration', `fi:${m[0]}`, m[0], m.index);
  for (const m of text.matchAll(LV_REGISTER)) push('registration', `lv:${m[0]}`, m[0], m.index);
  for (const m of text.matchAll(AFTER_REGISTER)) {
    const raw = m[1] ?? '';
    const digits = raw.replace(/\D/g, '');
    const start = m.index + m[0].lastIndexOf(raw);
    // A Y-tunnus is read above, with its check digit.
    if (/^\d{7}-\d$/.test(raw) || out.some((o) => o.kind === 'registration' && o.start === start)) continue;
    const cc = digits.length === 8 ? 'ee' : digits.length === 9 ? 'lt' : digits.length === 11 ? 'lv' : '-';
    push('registration', `${cc}:${digits}`, raw, start);
  }
  for (const m of text.matchAll(PERSONAL_CODE)) {
    const id = nationalId(m[0]);
    if (id) push('nationalId', `${id.country}:${id.code}`, m[0], m.index);
  }
  for (const m of text.matchAll(DATE)) {
    const [y, mo, d] = m[3] ? [Number(m[3]), Number(m[2]), Number(m[1])] : [Number(m[4]), Number(m[5]), Number(m[6])];
    if (validDay(y, mo, d)) push('date', `${y}-${pad(mo)}-${pad(d)}`, m[0], m.index);
  }
  return out;
}
