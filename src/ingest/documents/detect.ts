/**
 * What a seized file is, read from its bytes and never from its name: a contract saved as
 * `holiday.jpg` is still a PDF, and a workbook renamed `.txt` is still a workbook. file-type reads
 * the magic numbers (and, for ZIP containers, the parts inside that make a DOCX, XLSX or ODT);
 * what it does not know is text when the bytes decode as UTF-8 without control characters, and
 * otherwise an opaque file kept as evidence without being read.
 */
import { fileTypeFromBuffer } from 'file-type';

export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'zip' | 'image' | 'text' | 'unknown';

export interface Detected {
  kind: DocumentKind;
  mimeType: string;
  /** The usual file ending of what the bytes are (no dot), when known. */
  extension?: string | undefined;
}

const BY_MIME: Readonly<Record<string, DocumentKind>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/zip': 'zip',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/tiff': 'image',
};

/** Control characters other than tab, line feed, form feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function isText(bytes: Uint8Array): boolean {
  if (!bytes.length) return false;
  try {
    // `stream`: a sample cut inside a multi-byte character is still text.
    const sample = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024), { stream: true });
    return !CONTROL.test(sample);
  } catch {
    return false;
  }
}

export async function detectDocument(bytes: Uint8Array): Promise<Detected> {
  const type = await fileTypeFromBuffer(bytes);
  if (type) {
    const kind = BY_MIME[type.mime];
    if (kind) return { kind, mimeType: type.mime, extension: type.ext };
    return { kind: 'unknown', mimeType: type.mime, extension: type.ext };
  }
  if (isText(bytes)) return { kind: 'text', mimeType: 'text/plain', extension: 'txt' };
  return { kind: 'unknown', mimeType: 'application/octet-stream' };
}
