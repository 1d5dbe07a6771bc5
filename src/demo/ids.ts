/**
 * Deterministic ids and identifier uniqueness.
 *
 * Entity ids are `demo-<seed>-c<cell>-<tag><n>`: readable in a debugger, unique within a scenario
 * because every cell has its own counter per tag, and stable for a seed. Background ids use their
 * own tags (`bp`, `bb`, `ba`, `bl`) and run without gaps, so the ground truth can summarise the
 * background population as id ranges.
 */

export type IdTag =
  | 'p' // person
  | 'o' // company (organisation)
  | 'a' // address
  | 'b' // bank account
  | 'n' // phone number
  | 'e' // e-mail address
  | 'ad' // online ad
  | 'l' // link (edge entity)
  | 'bp' // background person
  | 'bb' // background bank account
  | 'ba' // background address
  | 'bl'; // background link

export class IdFactory {
  readonly prefix: string;
  private readonly counters = new Map<IdTag, number>();
  private refCounter = 0;

  constructor(seed: number, cell: number) {
    this.prefix = `demo-${seed}-c${cell}-`;
  }

  next(tag: IdTag): string {
    const n = this.counters.get(tag) ?? 0;
    this.counters.set(tag, n + 1);
    return `${this.prefix}${tag}${n}`;
  }

  count(tag: IdTag): number {
    return this.counters.get(tag) ?? 0;
  }

  /** Prefix of a tag's ids: id = prefix + index, index from 0 to count − 1. */
  rangePrefix(tag: IdTag): string {
    return `${this.prefix}${tag}`;
  }

  /**
   * A statement line's bank reference: unique within the scenario, so the ground truth can point
   * at a transaction by it.
   */
  nextReference(): string {
    return `${this.prefix}t${this.refCounter++}`;
  }

  get references(): number {
    return this.refCounter;
  }
}

/**
 * Identifiers (IBANs, phone numbers, personal codes, e-mail addresses) must not collide by chance
 * across the scenario: a random clash between two unrelated people would plant a false link that
 * the ground truth does not know about. Every drawn identifier passes through here.
 * Deliberate sharing (a shared phone, a duplicate record) reuses a value without drawing.
 */
export class UniqueRegistry {
  private readonly used = new Set<string>();

  draw(make: () => string): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      // Values are drawn in one canonical spelling (E.164, upper-case IBAN, lower-case e-mail),
      // so exact comparison is enough.
      const value = make();
      if (!this.used.has(value)) {
        this.used.add(value);
        return value;
      }
    }
    throw new Error('identifier space exhausted: scale too large for this format');
  }

  /** Like `draw`, for formats that may not exist for the case (returns null without drawing). */
  drawOrNull(make: () => string | null): string | null {
    if (make() === null) return null;
    return this.draw(() => make() ?? '');
  }

  get size(): number {
    return this.used.size;
  }
}
