import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeSources } from './index.ts';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

describe('demo sources', () => {
  it('write every source kind, and no internal id outside the truth files', () => {
    const out = mkdtempSync(join(tmpdir(), 'elect-src-'));
    try {
      const w = writeSources({ seed: 917_500, scale: 2, out });
      const files = walk(out).map((f) => relative(out, f));
      expect(files).toContain('truth.json');
      expect(files).toContain('sources.json');
      const formats = new Set(w.manifest.imports.map((i) => (i.kind === 'statements' ? i.format : i.kind)));
      expect(formats).toEqual(
        new Set(['camt053', 'mt940', 'bank-csv', 'register', 'mapping', 'capture', 'observations']),
      );
      for (const cc of ['fi', 'ee', 'lv']) expect(files).toContain(`registers/${cc}/companies.csv`);
      for (const f of files.filter((x) => !x.startsWith('truth'))) {
        const text = readFileSync(join(out, f), 'latin1');
        expect(text.includes('demo-917500-'), f).toBe(false);
      }
      // The Baltic CSV layout is single-byte windows-1257 with balance rows between transactions.
      const dk = w.manifest.imports.find((i) => i.kind === 'statements' && i.options?.includes('-dk'));
      const file = dk?.kind === 'statements' ? dk.files[0] : undefined;
      expect(file).toBeDefined();
      const text = iconv.decode(readFileSync(join(out, file ?? '')), 'windows-1257');
      expect(text).toMatch(/;10;.*Algsaldo/);
      expect(text).toMatch(/;86;.*Lõppsaldo/);
      // Police records: some Cyrillic names, some without a birth date.
      const police = readFileSync(join(out, 'police/persons.csv'), 'utf8').split('\r\n').slice(1, -1);
      expect(police.some((l) => /[а-яіїєґ]/i.test(l))).toBe(true);
      expect(police.some((l) => /^[^,]*,,/.test(l) || /^"[^"]*",,/.test(l))).toBe(true);
      // Interview and inspection records name innocent workers with an indicator as well as victims.
      const interviews = readFileSync(join(out, 'police/interviews.csv'), 'utf8');
      const innocent = w.truth.confounders
        .filter((c) => c.kind === 'nonVictimWithIndicators')
        .flatMap((c) => c.entityIds);
      const nameOf = (id: string) => w.identifiers.persons[id]?.name ?? '';
      expect(innocent.length).toBeGreaterThan(0);
      expect(innocent.some((id) => interviews.includes(nameOf(id)))).toBe(true);
      expect(interviews).not.toMatch(/victim/i);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
