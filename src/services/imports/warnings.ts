/**
 * What parsers assumed to read a file (an entry dated by its value date, a balance without an
 * indicator), gathered for the import's report.
 */

/** Warnings a report lists; a file with a systematic gap would otherwise repeat one per line. */
export const MAX_WARNINGS = 100;

/** The parser's warnings as "line N: …", each once, the first MAX_WARNINGS kept and the rest counted. */
export class WarningList {
  private readonly seen = new Set<string>();
  private more = 0;

  add(line: number, messages: readonly string[] | undefined): void {
    for (const m of messages ?? []) {
      const text = `line ${line}: ${m}`;
      if (this.seen.has(text)) continue;
      if (this.seen.size < MAX_WARNINGS) this.seen.add(text);
      else this.more++;
    }
  }

  get size(): number {
    return this.seen.size;
  }

  list(): string[] {
    return [...this.seen, ...(this.more ? [`… and ${this.more} more warnings`] : [])];
  }
}
