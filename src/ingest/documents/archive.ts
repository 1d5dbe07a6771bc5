/**
 * ZIP archives unpacked in memory with fflate's streaming reader, counting every byte as it is
 * inflated, so a bomb is stopped when it crosses a limit instead of after it has filled memory.
 * The limits hold for the whole import, nested archives included: the bytes unpacked in all,
 * the members in all, how far one member's bytes may outgrow what it takes in the archive (its
 * ratio; members under `ratioFloor` are exempt, a small file of blanks is no bomb) and how deep
 * archives may nest. Crossing one refuses the import, naming the limit.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { AppError, errors, isAppError } from '../../shared/errors.ts';

export interface ArchiveLimits {
  /** Bytes unpacked from all archives of one import. */
  maxTotalBytes: number;
  /** Members of all archives of one import. */
  maxMembers: number;
  /** Unpacked size over compressed size, per member. */
  maxRatio: number;
  /** Members that unpack to no more than this are not held to the ratio. */
  ratioFloor: number;
  /** Archives inside archives: 1 = an archive whose members are not archives. */
  maxDepth: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotalBytes: 256 * 1024 * 1024,
  maxMembers: 10_000,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
  maxDepth: 5,
};

/** What one import has unpacked so far, shared by its nested archives. */
export class ArchiveBudget {
  totalBytes = 0;
  members = 0;
  constructor(readonly limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS) {}
}

export interface ArchiveMember {
  /** The path inside the archive, as stored. */
  name: string;
  bytes: Uint8Array;
}

/** A 413 naming the limit crossed (its `path`). */
const refuse = (message: string, limit: keyof ArchiveLimits) =>
  new AppError('payload_too_large', `${message}; nothing was imported`, `limits.${limit}`);

/**
 * The files of one ZIP archive (folders left out), in archive order. `depth` is this archive's:
 * 1 for the imported file itself, 2 for an archive found in it, and so on.
 */
export function unpackZip(bytes: Uint8Array, budget: ArchiveBudget, depth: number, where: string): ArchiveMember[] {
  const { limits } = budget;
  if (depth > limits.maxDepth)
    throw refuse(`${where} is an archive nested ${depth} deep, beyond the limit of ${limits.maxDepth}`, 'maxDepth');
  const members: ArchiveMember[] = [];
  // fflate hands errors thrown in its callbacks back to them: the first refusal is kept and thrown after.
  let stop: AppError | undefined;
  const unzip = new Unzip((file) => {
    if (stop || file.name.endsWith('/')) return;
    budget.members++;
    if (budget.members > limits.maxMembers) {
      stop = refuse(`${where} holds more than the limit of ${limits.maxMembers} files`, 'maxMembers');
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    // The compressed size, when the header gives it; else the whole archive bounds it.
    const packed = Math.max(1, file.size ?? bytes.length);
    file.ondata = (err, chunk, final) => {
      if (stop) return;
      if (err) {
        stop = errors.importFailed(`${where}: ${file.name} cannot be unpacked: ${err.message}`, file.name);
        return;
      }
      size += chunk.length;
      budget.totalBytes += chunk.length;
      if (budget.totalBytes > limits.maxTotalBytes)
        stop = refuse(
          `${where}: unpacking ${file.name} passes the limit of ${limits.maxTotalBytes} bytes unpacked in all`,
          'maxTotalBytes',
        );
      else if (size > limits.ratioFloor && size / packed > limits.maxRatio)
        stop = refuse(
          `${where}: ${file.name} unpacks to over ${limits.maxRatio} times its packed size (limit per file)`,
          'maxRatio',
        );
      if (stop) return file.terminate();
      parts.push(chunk);
      if (final) members.push({ name: file.name, bytes: concat(parts, size) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    if (isAppError(e)) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw errors.importFailed(`${where} is not a readable ZIP archive: ${why}`, where);
  }
  if (stop) throw stop;
  return members;
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
