/**
 * A minimal ustar + gzip writer and reader for backup archives, streaming so a database of
 * many gigabytes never sits in memory. The archives open with any `tar xzf` too. Reading
 * refuses anything but plain files and folders under relative, tidy names (no `..`, no links),
 * so an archive cannot write outside the folder it is extracted to.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;
const NAME = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export interface ArchiveInput {
  /** Name inside the archive (`db/elect.sqlite`). */
  name: string;
  /** The file on disk holding its bytes. */
  file: string;
}

export interface ExtractedMember {
  name: string;
  size: number;
  sha256: string;
  path: string;
}

const checkName = (name: string): void => {
  if (!NAME.test(name) || name.split('/').some((p) => p === '.' || p === '..') || Buffer.byteLength(name) > 100) {
    throw new Error(`Archive member name not accepted: ${JSON.stringify(name.slice(0, 120))}`);
  }
};

function octal(buf: Buffer, offset: number, length: number, value: number): void {
  buf.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii');
}

/** A ustar header; sizes of 8 GiB and more use the base-256 form GNU tar reads. */
function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, 0o600);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  if (size < 8 ** 11) octal(h, 124, 12, size);
  else {
    h[124] = 0x80;
    let v = BigInt(size);
    for (let i = 135; i > 124; i--) {
      h[i] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
  octal(h, 136, 12, Math.floor(mtime / 1000));
  h.fill(0x20, 148, 156);
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

function readSize(h: Buffer): number {
  if ((h[124] ?? 0) & 0x80) {
    let v = 0n;
    for (let i = 125; i < 136; i++) v = (v << 8n) | BigInt(h[i] ?? 0);
    return Number(v);
  }
  return parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
}

function checksumOk(h: Buffer): boolean {
  const stored = parseInt(h.subarray(148, 156).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
  return stored === sum;
}

/** Writes the files as one gzip-compressed tar archive (mode 0600: it holds case data). */
export async function writeTarGz(archive: string, members: readonly ArchiveInput[]): Promise<void> {
  const gzip = createGzip({ level: 6 });
  const done = pipeline(gzip, createWriteStream(archive, { mode: 0o600 }));
  const write = async (b: Buffer) => {
    if (!gzip.write(b)) await once(gzip, 'drain');
  };
  try {
    for (const m of members) {
      checkName(m.name);
      const st = statSync(m.file);
      await write(header(m.name, st.size, st.mtimeMs));
      let written = 0;
      for await (const chunk of createReadStream(m.file)) {
        written += (chunk as Buffer).length;
        await write(chunk as Buffer);
      }
      if (written !== st.size) throw new Error(`${m.file} changed while it was archived`);
      const pad = (BLOCK - (st.size % BLOCK)) % BLOCK;
      if (pad) await write(Buffer.alloc(pad));
    }
    await write(Buffer.alloc(2 * BLOCK));
  } finally {
    gzip.end();
  }
  await done;
}

interface Current {
  name: string;
  size: number;
  remaining: number;
  pad: number;
  fd: number | null;
  hash: ReturnType<typeof createHash>;
  path: string;
}

/** Extracts every member into `dest`, hashing each as it goes. */
export async function extractTarGz(archive: string, dest: string): Promise<ExtractedMember[]> {
  const out: ExtractedMember[] = [];
  let pending = Buffer.alloc(0);
  let cur: Current | null = null;
  let ended = false;
  const finish = (c: Current) => {
    if (c.fd !== null) closeSync(c.fd);
    if (c.fd !== null) out.push({ name: c.name, size: c.size, sha256: c.hash.digest('hex'), path: c.path });
  };
  for await (const chunk of createReadStream(archive).pipe(createGunzip())) {
    let buf = chunk as Buffer;
    while (buf.length) {
      if (cur && cur.remaining > 0) {
        const part = buf.subarray(0, Math.min(cur.remaining, buf.length));
        cur.hash.update(part);
        if (cur.fd !== null) writeSync(cur.fd, part);
        cur.remaining -= part.length;
        buf = buf.subarray(part.length);
        if (cur.remaining === 0) finish(cur);
        continue;
      }
      if (cur && cur.pad > 0) {
        const n = Math.min(cur.pad, buf.length);
        cur.pad -= n;
        buf = buf.subarray(n);
        continue;
      }
      cur = null;
      if (ended) break;
      const need = BLOCK - pending.length;
      pending = Buffer.concat([pending, buf.subarray(0, need)]);
      buf = buf.subarray(need);
      if (pending.length < BLOCK) break;
      const h = pending;
      pending = Buffer.alloc(0);
      if (h.every((b) => b === 0)) {
        ended = true;
        continue;
      }
      if (!checksumOk(h)) throw new Error('The archive is damaged: a header checksum does not match');
      const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '').replace(/\/$/, '');
      const type = String.fromCharCode(h[156] ?? 0);
      const size = readSize(h);
      checkName(name);
      let fd: number | null = null;
      const path = join(dest, name);
      if (type === '5') mkdirSync(path, { recursive: true });
      else if (type === '0' || type === '\0') {
        mkdirSync(dirname(path), { recursive: true });
        fd = openSync(path, 'wx', 0o600);
      } else throw new Error(`Archive member ${name} is not a plain file`);
      cur = {
        name,
        size,
        remaining: size,
        pad: (BLOCK - (size % BLOCK)) % BLOCK,
        fd,
        hash: createHash('sha256'),
        path,
      };
      if (size === 0) finish(cur);
    }
  }
  if (cur && cur.remaining > 0) throw new Error(`The archive ends inside ${cur.name}: it is truncated`);
  if (!ended) throw new Error('The archive has no end marker: it is truncated');
  return out;
}

/** SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}
