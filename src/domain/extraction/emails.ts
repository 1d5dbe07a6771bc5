/**
 * E-mail addresses in free text, including the usual disguises: "name at domain dot com",
 * "name(at)domain(dot)fi", "name [ät] domain [piste] ee", "name собака mail точка ru".
 * A literal "@" address may have any top-level domain; a disguised one only a common one, so
 * that "I am at Helsinki. Call" is not read as an address. Results go through the selector
 * normaliser, so they meet e-mail selectors elsewhere in the case.
 */
import { normaliseEmail } from '../selectors/email.ts';

export interface FoundEmail {
  email: string;
  raw: string;
  start: number;
  end: number;
  /** Written in disguise ("at"/"dot" words or brackets) rather than as a plain address. */
  disguised: boolean;
}

/** Top-level domains a disguised address may end in (generic ones and the region's countries). */
const COMMON_TLDS = new Set([
  'com',
  'net',
  'org',
  'info',
  'biz',
  'eu',
  'me',
  'io',
  'co',
  'online',
  'app',
  'example',
  'fi',
  'ee',
  'lv',
  'lt',
  'se',
  'no',
  'dk',
  'de',
  'pl',
  'ro',
  'ru',
  'ua',
  'by',
  'uk',
  'md',
  'bg',
  'hu',
  'cz',
  'sk',
]);

const AT_WORDS = 'at|ät|a|miuku|miukumauku|собака|собачка|эт|ет|pie';
const DOT_WORDS = 'dot|piste|punkt|punkts|taškas|точка|крапка';
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const LOCAL = "[\\p{L}\\p{N}._%+'-]{1,64}";
const BR_OPEN = '[\\(\\[\\{<]';
const BR_CLOSE = '[\\)\\]\\}>]';
const AT = `(?:\\s*@\\s*|\\s*${BR_OPEN}\\s*(?:${AT_WORDS}|@)\\s*${BR_CLOSE}\\s*|\\s+(?:${AT_WORDS})\\s+)`;
const DOT = `(?:\\.|\\s*${BR_OPEN}\\s*(?:${DOT_WORDS}|\\.)\\s*${BR_CLOSE}\\s*|\\s+(?:${DOT_WORDS})\\s+)`;
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])(${LOCAL})(${AT})(${LABEL}(?:${DOT}${LABEL})*)(?![\\p{L}\\p{N}])`,
  'giu',
);
const DOT_SPLIT = new RegExp(DOT, 'giu');

export function extractEmails(text: string): FoundEmail[] {
  const out: FoundEmail[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [raw, local = '', at = '', domainRaw = ''] = m;
    const labels = domainRaw.split(DOT_SPLIT);
    if (labels.length < 2) continue;
    const disguised = at.trim() !== '@' || /\s|[([{<]/u.test(domainRaw);
    const tld = (labels[labels.length - 1] ?? '').toLowerCase();
    if (disguised && !COMMON_TLDS.has(tld)) continue;
    const r = normaliseEmail(`${local}@${labels.join('.')}`);
    if (!r.ok) continue;
    const start = m.index;
    out.push({ email: r.value, raw, start, end: start + raw.length, disguised });
  }
  return out;
}
