/** The screening form: every question in four languages, every answer pointing at real indicators. */
import { describe, expect, it } from 'vitest';
import { DELPHI_2009 } from './delphi2009.ts';
import { SCREENING_GUIDANCE, SCREENING_QUESTIONS, screeningToIndicators } from './screening.ts';

describe('the screening interview', () => {
  it('asks every question, note and answer in English, Finnish, Estonian and Latvian', () => {
    const texts = [
      ...SCREENING_GUIDANCE,
      ...SCREENING_QUESTIONS.flatMap((q) => [q.text, ...(q.note ? [q.note] : []), ...q.options.map((o) => o.text)]),
    ];
    for (const t of texts) {
      for (const lang of ['fi', 'et', 'lv'] as const) expect(t[lang].trim(), t.en).not.toBe('');
      expect(new Set([t.en, t.fi, t.et, t.lv]).size, t.en).toBeGreaterThan(1);
    }
  });
  it('maps every answer to indicators that exist in the Delphi lists', () => {
    const all = new Set(DELPHI_2009.lists.flatMap((l) => l.items.map((i) => i.id)));
    for (const q of SCREENING_QUESTIONS)
      for (const o of q.options) for (const i of o.items) expect(all.has(i), `${q.id}.${o.id} → ${i}`).toBe(true);
  });
  it('turns answers into indicators, acts and the child lists, and names unknown answers', () => {
    const r = screeningToIndicators({
      age: ['yes'],
      arrival: ['offered', 'travel'],
      pay: ['giveBack'],
      documents: ['kept'],
      hours: ['normal', 'long'],
      nonsense: ['x'],
    });
    expect(r.child).toBe(true);
    expect(r.acts.sort()).toEqual(['recruitment', 'transportation']);
    expect(r.itemIds.sort()).toEqual(['cd.documents', 'cd.withholdingWages', 'ec.wageManipulation']);
    expect(r.unknown.sort()).toEqual(['hours', 'nonsense']);
  });
});
