import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesOver400LinesToday } from './knownExceptions.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const maxLines = 400;

// Code and styles; translation catalogues (JSON) and prose (Markdown) are data, not code.
const isCode = (name: string): boolean => /\.(ts|tsx|js|mjs|cjs|css|html)$/.test(name);

function codeFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return codeFiles(rel);
    return isCode(entry.name) ? [rel] : [];
  });
}

const lineCount = (text: string): number => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

describe('file length', () => {
  let tooLong: { file: string; lines: number }[] = [];
  beforeAll(() => {
    tooLong = ['src', 'test', 'bench']
      .flatMap(codeFiles)
      .map((file) => ({ file, lines: lineCount(readFileSync(path.join(root, file), 'utf8')) }))
      .filter(({ lines }) => lines > maxLines);
  });

  it('counts lines as an editor shows them', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual([
      0, 1, 1, 2, 2,
    ]);
  });

  it(`keeps every file under src/, test/ and bench/ within ${maxLines} lines`, () => {
    const fresh = tooLong.filter(({ file }) => !filesOver400LinesToday.includes(file));
    expect(fresh, `files over ${maxLines} lines`).toEqual([]);
  });

  it('lists only files still over the limit as exceptions', () => {
    const still = tooLong.map(({ file }) => file);
    expect(
      filesOver400LinesToday.filter((file) => !still.includes(file)),
      'now short enough',
    ).toEqual([]);
  });
});
