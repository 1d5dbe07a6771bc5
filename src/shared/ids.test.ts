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

  it('sorts in the order made within one millisecond, moving on a millisecond when the counter runs out', () => {
    const t = Date.UTC(2026, 11, 5, 22, 0, 0);
    const ids = Array.from({ length: 10_000 }, () => uuidv7(t));
    expect([...ids].sort()).toEqual(ids);
    expect(parseInt((ids[0] ?? '').slice(0, 8) + (ids[0] ?? '').slice(9, 13), 16)).toBe(t);
    const last = ids[ids.length - 1] ?? '';
    expect(parseInt(last.slice(0, 8) + last.slice(9, 13), 16)).toBeGreaterThan(t);
    expect(ids.every((id) => isUuid(id) && id[14] === '7')).toBe(true);
  });
});
