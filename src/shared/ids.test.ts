import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from './ids.ts';

describe('uuidv7', () => {
  it('is a version-7 RFC 4122 UUID carrying the time, unique over many calls', () => {
    const t = Date.UTC(2026, 10, 29, 5, 0, 0);
    const id = uuidv7(t);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(t);
    const many = new Set(Array.from({ length: 20_000 }, () => uuidv7(t)));
    expect(many.size).toBe(20_000);
  });

  it('sorts by creation time', () => {
    const a = uuidv7(1_000_000_000_000);
    const b = uuidv7(1_000_000_000_001);
    expect(a < b).toBe(true);
  });
});
