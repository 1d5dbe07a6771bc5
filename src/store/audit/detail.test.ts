import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capReturnedIds, cleanId, cleanIp, sanitizeDetail } from './detail.ts';

const hash = (t: string): string => `H${t.length}`;
const keys = [
  'q',
  'value',
  'name',
  'file',
  'route',
  'kind',
  'schema',
  'from',
  'entityId',
  'ids',
  'case',
  'user',
  'note',
  'comment',
  'x',
  'sha256',
];
/** Text as people write it: a letter outside ASCII, or words with spaces. */
const personal = fc.oneof(
  fc
    .tuple(
      fc.string({ minLength: 0, maxLength: 8 }),
      fc.constantFrom('ā', 'ē', 'ņ', 'š', 'ä', 'õ', 'Я'),
      fc.string({ maxLength: 8 }),
    )
    .map(([a, b, c]) => `${a}${b}${c}`),
  fc.tuple(fc.stringMatching(/^[A-Za-z]{2,8}$/), fc.stringMatching(/^[A-Za-z]{2,8}$/)).map(([a, b]) => `${a} ${b}`),
  fc.stringMatching(/^\+?\d{7,12}$/),
);

describe('audit detail allow-list', () => {
  it('never stores free text, non-ASCII words or phone-like numbers in clear, under any key', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.oneof(
            personal,
            fc.array(personal, { minLength: 1, maxLength: 3 }),
            fc.dictionary(fc.constantFrom('a', 'b'), personal),
          ),
        ),
        (detail) => {
          const out = sanitizeDetail(detail, { hash }) ?? '';
          for (const v of Object.values(detail).flatMap((v) =>
            typeof v === 'string' ? [v] : Array.isArray(v) ? v : Object.values(v),
          )) {
            if (v.length >= 3) expect(out.includes(JSON.stringify(v).slice(1, -1)), `${v} in ${out}`).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps ids, codes, counts, dates and route templates; hashes text keys; names what it dropped', () => {
    const out = sanitizeDetail(
      {
        route: 'GET /api/cases/:caseId/search',
        q: 'Jānis',
        kind: 'phone',
        entityId: '01a2-b3',
        from: '2026-03-01',
        returned: 12,
        bySchema: { Person: 2 },
        note: 'free',
        ok: true,
        empty: undefined,
      },
      { hash },
    );
    expect(JSON.parse(out ?? '')).toEqual({
      route: 'GET /api/cases/:caseId/search',
      qHash: 'H5',
      kind: 'phone',
      entityId: '01a2-b3',
      from: '2026-03-01',
      returned: 12,
      bySchema: { Person: 2 },
      ok: true,
      redacted: ['note'],
    });
    expect(sanitizeDetail({ route: 'GET /api/cases/Jānis Bērziņš' }, { hash })).toBe('{"redacted":["route"]}');
    expect(sanitizeDetail({}, { hash })).toBeNull();
  });

  it('ids that are not ids are hashed; returned ids are capped with their count; addresses are addresses', () => {
    expect(cleanId('01a2-b3c4', hash)).toBe('01a2-b3c4');
    expect(cleanId('+371 2612 3456', hash)).toBe('h:H14');
    expect(cleanId('26123456', hash)).toBe('h:H8');
    const r = capReturnedIds(
      Array.from({ length: 150 }, (_, i) => `e${i}`),
      undefined,
      hash,
    );
    expect(r.count).toBe(150);
    expect(JSON.parse(r.ids ?? '[]')).toHaveLength(100);
    expect(capReturnedIds(undefined, 7, hash)).toEqual({ ids: null, count: 7 });
    expect(cleanIp('::1')).toBe('::1');
    expect(cleanIp('Jānis')).toBeNull();
  });
});
