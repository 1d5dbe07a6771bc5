/**
 * Canonical JSON-lines form of a scenario: one stream item per line, object keys sorted, no
 * insignificant whitespace. Two runs with one seed must give the same bytes; the digest lets a
 * test (or a user) check that without holding the text of a large scenario in memory.
 */
import { createHash } from 'node:crypto';
import { scenarioStream, type ScenarioOptions } from './scenario.ts';

/** JSON with object keys in code-point order; undefined members dropped; non-finite numbers refused. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`non-finite number in scenario output: ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      const parts: string[] = [];
      for (const k of keys) if (obj[k] !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
      return `{${parts.join(',')}}`;
    }
    default:
      throw new Error(`cannot serialise a ${typeof value}`);
  }
}

/** The scenario as canonical JSON lines, lazily. */
export function* scenarioLines(opts: ScenarioOptions): Generator<string, void, undefined> {
  for (const item of scenarioStream(opts)) yield canonicalJson(item);
}

/** The whole scenario as one JSON-lines text (newline after every line). Small scales only. */
export function serializeScenario(opts: ScenarioOptions): string {
  let out = '';
  for (const line of scenarioLines(opts)) out += `${line}\n`;
  return out;
}

/** SHA-256 (hex) of `serializeScenario(opts)`, computed while streaming. */
export function scenarioDigest(opts: ScenarioOptions): string {
  const hash = createHash('sha256');
  for (const line of scenarioLines(opts)) hash.update(`${line}\n`, 'utf8');
  return hash.digest('hex');
}
