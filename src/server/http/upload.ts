/**
 * Large request bodies (files to import, evidence) are streamed to a temporary file, never held
 * in memory; the importer then reads the file as often as it needs (hash, then parse). Each user
 * may hold at most `quota` bytes in these files at once (uploads arriving, files staged for
 * import): past it the upload is refused and its partial file removed, so one user cannot fill
 * the disk others' imports need.
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

const GiB = 1024 * 1024 * 1024;
let quota = Number(process.env.ELECT_UPLOAD_QUOTA_BYTES) || 4 * GiB;
const held = new Map<string, number>();

/** Bytes one user may hold in upload files at once (ELECT_UPLOAD_QUOTA_BYTES, 4 GiB by default). */
export function setUploadQuota(bytes: number): void {
  quota = bytes;
}

/** Bytes a user holds in upload files now. */
export const uploadBytesHeld = (userId: string): number => held.get(userId) ?? 0;

const overQuota = () =>
  new AppError('payload_too_large', `The upload is over your upload quota of ${quota} bytes; finish or cancel other uploads`, 'body');

export interface SpooledFile {
  path: string;
  dispose: () => Promise<void>;
}

export async function spoolToFile(
  body: unknown,
  fileName: string,
  maxBytes: number,
  owner: string,
): Promise<SpooledFile> {
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw errors.validation(`Send the file as the request body with Content-Type: ${UPLOAD_TYPE}`, 'body');
  }
  const declared = Number((body as { headers?: Record<string, string> }).headers?.['content-length']);
  if (declared > maxBytes) throw new AppError('payload_too_large', `The file is larger than ${maxBytes} bytes`, 'body');
  if (uploadBytesHeld(owner) + declared > quota) throw overQuota();
  const dir = await mkdtemp(join(tmpdir(), 'elect-upload-'));
  // Only the last part of the name, with no leading dots: "../../etc/passwd" becomes "passwd".
  const safe = basename(fileName.replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '');
  const path = join(dir, safe || 'upload');
  let mine = 0;
  const dispose = async () => {
    const left = uploadBytesHeld(owner) - mine;
    mine = 0;
    if (left > 0) held.set(owner, left);
    else held.delete(owner);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const limit = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        if (mine + chunk.length > maxBytes)
          return cb(new AppError('payload_too_large', `The file is larger than ${maxBytes} bytes`, 'body'));
        if (uploadBytesHeld(owner) + chunk.length > quota) return cb(overQuota());
        mine += chunk.length;
        held.set(owner, uploadBytesHeld(owner) + chunk.length);
        cb(null, chunk);
      },
    });
    await pipeline(body as Readable, limit, createWriteStream(path));
  } catch (e) {
    await dispose();
    throw e;
  }
  return { path, dispose };
}
