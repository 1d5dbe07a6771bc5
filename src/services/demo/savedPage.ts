/**
 * A web page saved with the files it shows (`page.html` and `page_files/…` beside it), packaged
 * as one MHTML archive (RFC 2557) — the single file the capture importer reads pictures from.
 * Each file named in `resources` becomes a part whose location is its path relative to the page,
 * as the page's `<img src>` names it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { errors } from '../../shared/errors.ts';

const BOUNDARY = '----=_saved_page_part_0';
const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

const base64Lines = (b: Buffer) => (b.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

function part(contentType: string, location: string, body: Buffer): string {
  return [
    `--${BOUNDARY}`,
    `Content-Type: ${contentType}`,
    'Content-Transfer-Encoding: base64',
    `Content-Location: ${location}`,
    '',
    base64Lines(body),
    '',
  ].join('\r\n');
}

/** The page (`pageFile`, relative to `dir`) and its files as one MHTML archive. */
export function savedPageArchive(
  page: Buffer,
  url: string,
  dir: string,
  pageFile: string,
  resources: readonly string[],
): Buffer {
  const parts = [part('text/html; charset=utf-8', url, page)];
  for (const r of resources) {
    const ext = r.slice(r.lastIndexOf('.') + 1).toLowerCase();
    const type = TYPES[ext];
    if (!type) throw errors.validation(`${r}: only JPEG and PNG pictures are packaged with a page`, 'resources');
    parts.push(part(type, relative(dirname(pageFile), r), readFileSync(join(dir, r))));
  }
  const head = [
    'MIME-Version: 1.0',
    `Snapshot-Content-Location: ${url}`,
    `Content-Type: multipart/related; type="text/html"; boundary="${BOUNDARY}"`,
    '',
    '',
  ].join('\r\n');
  return Buffer.from(`${head}${parts.join('')}--${BOUNDARY}--\r\n`, 'latin1');
}
