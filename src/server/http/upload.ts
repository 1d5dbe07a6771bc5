/**
 * Large request bodies (files to import, evidence) are streamed to a temporary file, never held
 * in memory; the importer then reads the file as often as it needs (hash, then parse).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { AppError, errors } from '../../shared/errors.ts';

export const UPLOAD_TYPE = 'application/octet-stream';

/** Lets routes receive `application/octet-stream` bodies as a stream. */
export function acceptUploads(app: FastifyInstance): void {
  app.addContentTypeParser(UPLOAD_TYPE, (_request, payload, done) => done(null, payload));
}

export interface SpooledFile {
  path: string;
  dispose: () => Promise<void>;
}

export async function spoolToFile(body: unknown, fileName: string, maxBytes: number): Promise<SpooledFile> {
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw errors.validation(`Send the file as the request body with Content-Type: ${UPLOAD_TYPE}`, 'body');
  }
  const dir = await mkdtemp(join(tmpdir(), 'elect-upload-'));
  // Only the last part of the name, with no leading dots: "../../etc/passwd" becomes "passwd".
  const safe = basename(fileName.replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '');
  const path = join(dir, safe || 'upload');
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    let seen = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        seen += chunk.length;
        if (seen > maxBytes) cb(new AppError('payload_too_large', `The file is larger than ${maxBytes} bytes`, 'body'));
        else cb(null, chunk);
      },
    });
    await pipeline(body as Readable, limit, createWriteStream(path));
  } catch (e) {
    await dispose();
    throw e;
  }
  return { path, dispose };
}
