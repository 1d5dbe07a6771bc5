/**
 * MHTML (RFC 2557: a web page saved as one MIME multipart/related message, as browsers'
 * "Save page as… single file" write it): the parts with their type, charset and decoded bytes.
 */
import { errors } from '../../shared/errors.ts';

export interface MimePart {
  contentType: string;
  charset: string | null;
  location: string | null;
  body: Buffer;
}

function headersOf(block: string): Map<string, string> {
  const h = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) h.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return h;
}

const param = (value: string, name: string): string | null => {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
};

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c & 0xff);
  }
  return Buffer.from(bytes);
}

/** Is this the start of an MHTML file? (MIME headers naming multipart/related.) */
export function looksLikeMhtml(head: string): boolean {
  return (
    /^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?content-type:\s*multipart\/related/im.test(head.slice(0, 8192)) &&
    /^(?:from|mime-version|content-type|subject|date|snapshot-content-location):/im.test(head.slice(0, 200))
  );
}

export function parseMhtml(bytes: Buffer): MimePart[] {
  // Headers and boundaries are ASCII; bodies are decoded per part below.
  const text = bytes.toString('latin1');
  const split = /\r?\n\r?\n/.exec(text);
  if (!split) throw errors.validation('The MHTML file has no header block', 'body');
  const top = headersOf(text.slice(0, split.index));
  const boundary = param(top.get('content-type') ?? '', 'boundary');
  if (!boundary) throw errors.validation('The MHTML file names no MIME boundary', 'body');
  const parts: MimePart[] = [];
  const chunks = text.slice(split.index).split(`--${boundary}`);
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const sep = /\r?\n\r?\n/.exec(chunk);
    if (!sep) continue;
    const h = headersOf(chunk.slice(0, sep.index));
    const raw = chunk.slice(sep.index + sep[0].length).replace(/\r?\n$/, '');
    const cte = (h.get('content-transfer-encoding') ?? '7bit').toLowerCase();
    const body =
      cte === 'base64'
        ? Buffer.from(raw.replace(/\s+/g, ''), 'base64')
        : cte === 'quoted-printable'
          ? decodeQuotedPrintable(raw)
          : Buffer.from(raw, 'latin1');
    const ct = h.get('content-type') ?? 'text/plain';
    parts.push({
      contentType: ct.split(';')[0]?.trim().toLowerCase() ?? 'text/plain',
      charset: param(ct, 'charset')?.toLowerCase() ?? null,
      location: h.get('content-location') ?? null,
      body,
    });
  }
  if (!parts.length) throw errors.validation('The MHTML file has no parts', 'body');
  return parts;
}
