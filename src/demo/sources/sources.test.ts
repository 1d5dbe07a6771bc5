import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { imageHashes, nearIdentical, toGray, type ImageHashes } from '../../domain/captures/imageHash.ts';
import { normalisePhone } from '../../domain/selectors/phone.ts';
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
        new Set([
          'camt053',
          'mt940',
          'bank-csv',
          'register',
          'mapping',
          'calls',
          'capture',
          'observations',
          'documents',
        ]),
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

  it('write call records per subscriber with innocent calls, and ad photos as image files beside the pages', () => {
    const out = mkdtempSync(join(tmpdir(), 'elect-src-'));
    try {
      const w = writeSources({ seed: 917_501, scale: 2, out });
      const e164 = (raw: string) => {
        const r = normalisePhone(raw);
        return r.ok ? r.value : '';
      };
      const suspects = new Set(
        w.truth.persons
          .filter((p) => p.proceduralStatus === 'suspect')
          .map((p) => e164(w.identifiers.persons[p.id]?.phone ?? '')),
      );
      const inTruth = new Set(w.truth.persons.map((p) => e164(w.identifiers.persons[p.id]?.phone ?? '')));
      const background = new Set(
        Object.entries(w.identifiers.persons)
          .map(([, p]) => e164(p.phone))
          .filter((n) => n && !inTruth.has(n)),
      );
      const secondsOf = (t = '') =>
        Date.parse(`${t.slice(6, 10)}-${t.slice(3, 5)}-${t.slice(0, 2)}T${t.slice(11)}Z`) / 1000;
      // Rows per subscriber: direction, other party (E.164), start, kind.
      const rows = new Map<string, string[][]>();
      for (const i of w.manifest.imports) {
        if (i.kind !== 'calls') continue;
        const lines = readFileSync(join(out, i.file), 'utf8').trim().split('\r\n');
        expect(lines[0]).toBe('Suunta;Vastapuoli;Alkuaika;Kesto;Tyyppi;Solu;IMEI');
        rows.set(
          i.subscriber,
          lines.slice(1).map((l) => l.split(';')),
        );
      }
      const subscribers = [...rows.keys()];
      expect(subscribers.filter((s) => suspects.has(s)).length).toBeGreaterThan(2);
      // Innocent subscribers' records came in too, and suspects call people outside any network.
      expect(subscribers.filter((s) => !suspects.has(s)).length).toBeGreaterThan(0);
      const suspectContacts = subscribers
        .filter((s) => suspects.has(s))
        .flatMap((s) => (rows.get(s) ?? []).map((r) => `+${(r[1] ?? '').slice(2)}`));
      expect(suspectContacts.filter((n) => background.has(n)).length).toBeGreaterThan(0);
      // One operator: a call between two subscribers is in both files, outgoing in one, incoming in the other.
      let pairs = 0;
      for (const [s, rs] of rows)
        for (const r of rs) {
          const other = `+${(r[1] ?? '').slice(2)}`;
          if (r[0] !== 'MO' || !rows.has(other)) continue;
          const mate = (rows.get(other) ?? []).find(
            (m) =>
              m[0] === 'MT' &&
              m[1] === `00${s.slice(1)}` &&
              m[4] === r[4] &&
              Math.abs(secondsOf(m[2]) - secondsOf(r[2])) <= 3,
          );
          expect(mate, `${s} → ${other} at ${r[2]}`).toBeDefined();
          pairs++;
        }
      expect(pairs).toBeGreaterThan(0);

      // Photos: real PNG/JPEG files the page names; unrelated advertisers share near-identical stock photos.
      const hashOf = new Map<string, ImageHashes | null>();
      for (const i of w.manifest.imports) {
        if (i.kind !== 'capture') continue;
        const [photo] = i.resources ?? [];
        expect(photo, i.file).toBeDefined();
        const bytes = readFileSync(join(out, photo ?? ''));
        const img = photo?.endsWith('.png') ? PNG.sync.read(bytes) : jpeg.decode(bytes, { useTArray: true });
        expect(readFileSync(join(out, i.file), 'utf8')).toContain(
          `src="${relative(join(out, i.file, '..'), join(out, photo ?? ''))}"`,
        );
        hashOf.set(i.url, imageHashes(toGray(img.width, img.height, img.data, 4)));
      }
      const advertisers = w.truth.confounders.filter((c) => c.kind === 'independentAdvertiser');
      const photosOf = (c: (typeof advertisers)[number]) =>
        c.entityIds.flatMap((id) => {
          const h = hashOf.get(w.identifiers.ads[id] ?? '');
          return h ? [h] : [];
        });
      let shared = 0;
      for (const [i, a] of advertisers.entries())
        for (const b of advertisers.slice(i + 1))
          if (photosOf(a).some((x) => photosOf(b).some((y) => nearIdentical(x, y)))) shared++;
      expect(shared).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
