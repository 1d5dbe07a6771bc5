/**
 * An HTML page → what a reader sees: its title, its visible text (scripts, styles, templates,
 * comments and hidden head elements dropped; block elements and <br> as line breaks; character
 * references decoded) and the sources of its images. A tolerant scan, not a DOM: captured pages
 * are often broken, and what matters is the text an investigator would read on the screen.
 */

export interface HtmlText {
  title: string;
  text: string;
  /** `src` of every <img>, in order (data: URIs included). */
  images: string[];
  /** The charset named in a <meta> tag, if any. */
  metaCharset: string | null;
  lang: string | null;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  pound: '£',
  copy: '©',
  reg: '®',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  times: '×',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  aring: 'å',
  Aring: 'Å',
  otilde: 'õ',
  Otilde: 'Õ',
  scaron: 'š',
  Scaron: 'Š',
  zcaron: 'ž',
  Zcaron: 'Ž',
  eacute: 'é',
  szlig: 'ß',
  deg: '°',
  para: '¶',
  sect: '§',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\uFFFD';
    }
    return NAMED[body] ?? m;
  });
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'section',
  'article',
  'aside',
  'nav',
  'main',
  'blockquote',
  'pre',
  'hr',
  'dt',
  'dd',
  'dl',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'address',
  'option',
  'title',
]);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head']);

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
};

/** The charset a page declares in its first bytes (read as Latin-1), per the HTML prescan. */
export function declaredCharset(head: string): string | null {
  const meta = /<meta\s[^>]*charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

export function htmlToText(html: string): HtmlText {
  const images: string[] = [];
  let title = '';
  let lang: string | null = null;
  const out: string[] = [];
  let hiddenDepth: string | null = null;
  let inTitle = false;
  const re =
    /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g;
  for (const m of html.matchAll(re)) {
    const [whole, close, rawName, , text] = m;
    if (text !== undefined) {
      if (hiddenDepth && !inTitle) continue;
      if (inTitle) title += text;
      else out.push(text);
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (name === 'title') {
      inTitle = !close;
      continue;
    }
    if (hiddenDepth) {
      if (close && name === hiddenDepth) hiddenDepth = null;
      continue;
    }
    if (!close && HIDDEN.has(name) && !whole.endsWith('/>')) {
      hiddenDepth = name;
      continue;
    }
    if (name === 'html' && !close) lang = attr(whole, 'lang');
    if (name === 'img' && !close) {
      const src = attr(whole, 'src');
      if (src) images.push(src);
      const alt = attr(whole, 'alt');
      if (alt) out.push(` ${alt} `);
    }
    // Inline tags add nothing: "040<span>123</span>" reads as the browser shows it, "040123".
    if (BLOCK.has(name)) out.push('\n');
  }
  const text = decodeEntities(out.join(''))
    .replace(/[\t\f\r\v \u00a0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
  return {
    title: decodeEntities(title).replace(/\s+/g, ' ').trim(),
    text,
    images,
    metaCharset: declaredCharset(html.slice(0, 4096)),
    lang,
  };
}
