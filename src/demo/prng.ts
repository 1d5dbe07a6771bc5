/**
 * Seeded pseudo-random numbers for the demo scenario. Everything the generator draws comes from
 * here so that one seed always gives the same scenario: never Math.random or the clock.
 *
 * Algorithm: SFC32 (Chris Doty-Humphrey's "small fast chaotic" generator, 128-bit state), seeded
 * through a SplitMix32-style finaliser so that nearby seeds (42, 43) give unrelated streams.
 */

/** Murmur3-style 32-bit finaliser: spreads every input bit over the output. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash a list of numbers and strings to one 32-bit value. Used to give every cell and every
 * sub-generator its own independent stream (`deriveSeed(seed, cell, 'labour')`), so adding a
 * draw in one part never shifts the numbers of another part.
 */
export function deriveSeed(...parts: readonly (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === 'number') {
      h = fmix32(h ^ fmix32(part >>> 0) ^ fmix32(Math.floor(part / 0x100000000) + 0x51ed27));
    } else {
      for (let i = 0; i < part.length; i++) h = fmix32(h ^ Math.imul(part.charCodeAt(i) + 1, 0x27d4eb2d));
      h = fmix32(h ^ part.length);
    }
  }
  return h;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = fmix32(seed ^ 0xdeadbeef);
    this.b = fmix32(seed ^ 0x41c64e6d);
    this.c = fmix32(seed ^ 0x6c078965);
    this.d = 1;
    // Discard the first outputs: SFC32 needs a few rounds to mix a low-entropy state.
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Next raw 32-bit unsigned value. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 0x100000000;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    if (hi < lo) throw new RangeError(`int(${lo}, ${hi}): empty range`);
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** `k` distinct items in random order (partial Fisher–Yates on a copy). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** A string of `n` random decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.u32() % 10);
    return s;
  }

  /** Approximately normal (sum of uniforms), clamped to [lo, hi]: for amounts that cluster. */
  around(mean: number, spread: number, lo: number, hi: number): number {
    const z = this.float() + this.float() + this.float() - 1.5;
    return Math.min(hi, Math.max(lo, Math.round(mean + z * spread)));
  }
}
