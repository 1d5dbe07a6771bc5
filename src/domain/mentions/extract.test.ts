import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMentions, snippetOf, type MentionKind } from './extract.ts';
import { nameIndex } from './names.ts';

/** An IBAN from its country and account part, with ISO 7064 mod-97 check digits. */
function ibanFromBban(country: string, bban: string): string {
  const digits = [...`${bban}${country}00`].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  const rest = [...digits].reduce((r, d) => (r * 10 + Number(d)) % 97, 0);
  return `${country}${String(98 - rest).padStart(2, '0')}${bban}`;
}

const kinds = (t: string, countries: string[] = []) =>
  extractMentions(t, { countries }).map((m) => [m.kind, m.value] as [MentionKind, string]);

describe('mentions in message text', () => {
  it('reads each kind with its normalised value', () => {
    const text =
      'Pārskaiti 450 EUR uz LV80 BANK 0000 4351 9500 1 līdz 14.05.2024, zvani +371 2612 3456, ' +
      'raksti janis.b@inbox.lv. Y-tunnus 1572860-0, reg. nr 40003123456, passport PA1234567, ' +
      'hetu 131052-308T, tili 12345678901 Tallinnas.';
    expect(kinds(text, ['LV'])).toEqual([
      ['amount', '450 EUR'],
      ['iban', 'LV80BANK0000435195001'],
      ['date', '2024-05-14'],
      ['phone', '+37126123456'],
      ['email', 'janis.b@inbox.lv'],
      ['registration', 'fi:1572860-0'],
      ['registration', 'lv:40003123456'],
      ['document', 'PA1234567'],
      ['nationalId', 'fi:131052-308T'],
      ['account', '12345678901'],
      ['place', 'Tallinn'],
    ]);
  });

  it('reads a national number in the hinted country first, as ads are read', () => {
    expect(kinds('soita 040 123 4567', ['FI'])).toEqual([['phone', '+358401234567']]);
    expect(kinds('zvani 26123456', ['LV'])).toEqual([['phone', '+37126123456']]);
  });

  it('refuses an IBAN with a wrong check and a personal code with a wrong check character', () => {
    expect(kinds('LV81 BANK 0000 4351 9500 1').filter(([k]) => k === 'iban')).toEqual([]);
    expect(kinds('hetu 131052-308U').filter(([k]) => k === 'nationalId')).toEqual([]);
    expect(kinds('Y-tunnus 1572860-1').filter(([k]) => k === 'registration')).toEqual([]);
  });

  it('names a person of the case with the entity and keeps a snippet as evidence', () => {
    const names = nameIndex([{ entityId: 'p1', kind: 'person', names: ['Jānis Bērziņš'] }]);
    const [m] = extractMentions('Alga jāsaņem Jānim Bērziņam rīt.', { names });
    expect(m).toMatchObject({ kind: 'person', entityId: 'p1', value: 'Jānis Bērziņš', raw: 'Jānim Bērziņam' });
    expect(m?.snippet).toContain('Jānim Bērziņam');
  });

  it('finds any valid IBAN written with or without spaces among words (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{16}$/),
        fc.boolean(),
        fc.constantFrom('Maksa tilille', 'Send to', 'Pārskaiti uz'),
        (digits, spaced, words) => {
          const iban = ibanFromBban('FI', digits.slice(0, 14));
          const written = spaced ? iban.replace(/(.{4})/g, '$1 ').trim() : iban;
          const found = extractMentions(`${words} ${written} kiitos`).filter((m) => m.kind === 'iban');
          expect(found.map((m) => m.value)).toEqual([iban]);
        },
      ),
    );
  });

  it('never throws, and every mention is the text at its offsets, without overlaps (property)', () => {
    const names = nameIndex([{ entityId: 'p', kind: 'person', names: ['Mikko Virtanen'] }]);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 20 }),
            fc.constantFrom('+358 40 123 4567', 'Virtaselle Mikolle', 'Mikko Virtasen', '12.03.2024', '100 €', ' '),
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const text = parts.join(' ');
          const found = extractMentions(text, { names, countries: ['FI'] });
          for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.raw);
          for (let i = 1; i < found.length; i++)
            expect(found[i]?.start ?? 0).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
        },
      ),
    );
  });
});

describe('snippets', () => {
  it('keep whole words at both cuts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 60 }), fc.nat(), (ws, n) => {
        const text = ws.join(' ');
        const i = n % ws.length;
        const start = ws.slice(0, i).join(' ').length + (i ? 1 : 0);
        const end = start + (ws[i] ?? '').length;
        const words = snippetOf(text, start, end).replace(/…/g, '').split(' ');
        for (const w of words) expect(ws).toContain(w);
        expect(words).toContain(ws[i]);
      }),
    );
  });
});
