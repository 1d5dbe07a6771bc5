/**
 * A captured file → what the page said: HTML, MHTML, plain text or a screenshot (PNG/JPEG).
 * Decoding is strict: text in an encoding it does not declare, an unknown encoding, binary
 * junk or a picture that cannot be read is refused with a 4xx naming the problem, so nothing
 * half-read is ever stored as evidence.
 */
import iconv from 'iconv-lite';
import { declaredCharset, htmlToText } from '../../domain/extraction/html.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { imageTypeOf, readImage } from './images.ts';
import type { CapturedImage } from './images.ts';
import { looksLikeMhtml, parseMhtml } from './mhtml.ts';

export type CaptureKind = 'html' | 'mhtml' | 'text' | 'image';

export interface DecodedCapture {
  kind: CaptureKind;
  mimeType: string;
  /** The encoding the text was read in (null for a screenshot). */
  charset: string | null;
  title: string;
  text: string;
  lang: string | null;
  images: CapturedImage[];
  /** Embedded parts that could not be read; the capture is kept, the problem is reported. */
  warnings: string[];
}

/** Largest capture accepted (bytes): far above any ad or profile page, even saved with its pictures. */
export const MAX_CAPTURE_BYTES = 25 * 1024 * 1024;
/** Largest visible text kept (characters). */
export const MAX_CAPTURE_TEXT = 1_000_000;

const unsupported = (message: string) => new AppError('unsupported_media_type', message, 'body');

/** NUL bytes or many control characters in the first 8 KiB: not a text file. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length * 0.02;
}

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

function hasUtf8Multibyte(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return bytes.some((b) => b >= 0x80);
}

/**
 * Bytes → text in the encoding the file declares (a BOM wins), strictly. `where` names the
 * declaration for messages ("the page's <meta charset>", "the MHTML part").
 */
export function decodeDeclared(
  bytes: Buffer,
  declared: string | null,
  where: string,
): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeDeclared(bytes.subarray(3), 'utf-8', 'the byte-order mark');
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), charset: 'utf-16be' };
  const charset = (declared ?? 'utf-8').toLowerCase();
  if (UTF8.has(charset)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
    } catch {
      const at = firstBadUtf8(bytes);
      throw errors.validation(
        declared
          ? `The capture declares UTF-8 (${where}) but byte ${at} is not valid UTF-8: the declared encoding is wrong`
          : `The capture is not valid UTF-8 (byte ${at}) and declares no encoding; save the page with its encoding declared`,
        'body',
      );
    }
  }
  if (!iconv.encodingExists(charset))
    throw errors.validation(`The capture declares an unknown encoding "${declared}" (${where})`, 'body');
  if (/^utf-?(16|32)/.test(charset)) return { text: iconv.decode(bytes, charset), charset };
  // A single-byte declaration over bytes that are UTF-8 would turn every "ä" into "Ã¤".
  if (hasUtf8Multibyte(bytes))
    throw errors.validation(
      `The capture declares ${charset} (${where}) but its bytes are UTF-8: the declared encoding is wrong`,
      'body',
    );
  return { text: iconv.decode(bytes, charset), charset };
}

function firstBadUtf8(bytes: Buffer): number {
  const d = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      d.decode(bytes.subarray(0, mid), { stream: true });
      d.decode();
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

const inlineImageRe = /^data:(image\/[a-z0-9.+-]+)(?:;[^,]*)?;base64,([\s\S]*)$/i;

function inlineImages(srcs: readonly string[], warnings: string[]): CapturedImage[] {
  const out: CapturedImage[] = [];
  for (const src of srcs) {
    const m = inlineImageRe.exec(src.trim());
    if (!m) continue;
    try {
      out.push(readImage(Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64'), 'inline', m[1]?.toLowerCase()));
    } catch (e) {
      warnings.push(`An embedded picture could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}

function fromHtml(
  html: string,
  kind: 'html' | 'mhtml',
  charset: string,
  images: CapturedImage[],
  warnings: string[],
): DecodedCapture {
  const page = htmlToText(html);
  return {
    kind,
    mimeType: kind === 'html' ? 'text/html' : 'multipart/related',
    charset,
    title: page.title,
    text: page.text.slice(0, MAX_CAPTURE_TEXT),
    lang: page.lang,
    images: [...images, ...inlineImages(page.images, warnings)],
    warnings,
  };
}

const isHtml = (head: string, fileName: string): boolean =>
  /\.x?html?$/i.test(fileName) ||
  /^\s*(?:<!doctype html|<html|<head|<body|<meta|<!--)/i.test(head) ||
  /<(?:html|body|div|p)[\s>]/i.test(head.slice(0, 2048));

/** Reads one captured file. `fileName` helps tell HTML from text; the bytes decide the rest. */
export function decodeCapture(bytes: Buffer, fileName: string): DecodedCapture {
  if (bytes.length === 0) throw errors.validation('The capture is empty', 'body');
  if (bytes.length > MAX_CAPTURE_BYTES)
    throw new AppError('payload_too_large', `The capture is larger than ${MAX_CAPTURE_BYTES} bytes`, 'body');
  const picture = imageTypeOf(bytes);
  if (picture === 'image/png' || picture === 'image/jpeg') {
    let image: CapturedImage;
    try {
      image = readImage(bytes, 'file');
    } catch (e) {
      throw errors.validation(
        `The screenshot could not be read as ${picture}: ${e instanceof Error ? e.message : String(e)}`,
        'body',
      );
    }
    return {
      kind: 'image',
      mimeType: picture,
      charset: null,
      title: '',
      text: '',
      lang: null,
      images: [image],
      warnings: [],
    };
  }
  if (picture) throw unsupported(`${picture} screenshots are not read; save the screenshot as PNG or JPEG`);
  const head = bytes.subarray(0, 8192).toString('latin1');
  if (looksLikeMhtml(head)) {
    const parts = parseMhtml(bytes);
    const page =
      parts.find((p) => p.contentType === 'text/html') ?? parts.find((p) => p.contentType.startsWith('text/'));
    if (!page) throw errors.validation('The MHTML file has no HTML or text part', 'body');
    const warnings: string[] = [];
    const images: CapturedImage[] = [];
    for (const p of parts) {
      if (!p.contentType.startsWith('image/')) continue;
      try {
        images.push(readImage(p.body, 'part', p.contentType));
      } catch (e) {
        warnings.push(
          `The picture ${p.location ?? ''} could not be read: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
    const declared = page.charset ?? declaredCharset(page.body.subarray(0, 4096).toString('latin1'));
    const { text, charset } = decodeDeclared(page.body, declared, 'the MHTML part');
    return page.contentType === 'text/html'
      ? fromHtml(text, 'mhtml', charset, images, warnings)
      : {
          kind: 'mhtml',
          mimeType: 'multipart/related',
          charset,
          title: '',
          text: text.slice(0, MAX_CAPTURE_TEXT),
          lang: null,
          images,
          warnings,
        };
  }
  if (looksBinary(bytes))
    throw unsupported('The capture is not a web page, text or PNG/JPEG screenshot (it holds binary data)');
  if (isHtml(head, fileName)) {
    const { text, charset } = decodeDeclared(bytes, declaredCharset(head), "the page's <meta charset>");
    return fromHtml(text, 'html', charset, [], []);
  }
  const { text, charset } = decodeDeclared(bytes, null, 'none');
  return {
    kind: 'text',
    mimeType: 'text/plain',
    charset,
    title: '',
    text: text.slice(0, MAX_CAPTURE_TEXT),
    lang: null,
    images: [],
    warnings: [],
  };
}
