import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioDigest, scenarioLines, serializeScenario } from './serialize.ts';

describe('serialised scenario', () => {
  it('is byte-identical for the same seed and differs for another seed', () => {
    const a = scenarioDigest({ seed: 2024, scale: 2 });
    const b = scenarioDigest({ seed: 2024, scale: 2 });
    const c = scenarioDigest({ seed: 2025, scale: 2 });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('hashes the same bytes as the full text, one JSON document per line', () => {
    const text = serializeScenario({ seed: 5, scale: 1 });
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(scenarioDigest({ seed: 5, scale: 1 }));
    const lines = text.trimEnd().split('\n');
    const kinds = lines.map((l) => (JSON.parse(l) as { kind: string }).kind);
    expect(kinds[0]).toBe('meta');
    expect(kinds[kinds.length - 1]).toBe('summary');
    expect(new Set(kinds)).toEqual(new Set(['meta', 'entity', 'transaction', 'capture', 'truth', 'summary']));
    // Per cell: entities, then lines, then captures, then the truth part.
    const order = kinds.slice(1, -1).filter((k, i, xs) => i === 0 || xs[i - 1] !== k);
    expect(order).toEqual(['entity', 'transaction', 'capture', 'truth']);
  });

  it('does not depend on the order earlier cells were consumed in (each run starts afresh)', () => {
    const first = [...scenarioLines({ seed: 9, scale: 1 })];
    const again = [...scenarioLines({ seed: 9, scale: 1 })];
    expect(again).toEqual(first);
  });

  it('writes canonical JSON with sorted keys and refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: [1, 'x', null, { d: true, c: undefined }] })).toBe(
      '{"a":[1,"x",null,{"d":true}],"b":1}',
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});
