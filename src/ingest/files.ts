/** Import inputs from files and memory, and the SHA-256 every import records as provenance. */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { ImportInput } from './types.ts';

export function fileInput(path: string): ImportInput {
  return { fileName: basename(path), open: () => createReadStream(path), size: statSync(path).size };
}

export function memoryInput(fileName: string, content: string | Buffer): ImportInput {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { fileName, open: () => Readable.from([bytes]), size: bytes.length };
}

export async function sha256Of(input: ImportInput): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of input.open() as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

/** Wraps an input so every byte read is counted (progress of a long import). */
export function countingInput(input: ImportInput, onBytes: (n: number) => void): ImportInput {
  return {
    ...input,
    open: () => {
      const s = input.open();
      s.on('data', (c: Buffer | string) => onBytes(typeof c === 'string' ? Buffer.byteLength(c) : c.length));
      return s;
    },
  };
}
