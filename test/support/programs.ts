/**
 * Suites that need an installed program (tesseract for OCR, pdftoppm for page pictures): where
 * it is missing they are skipped with one line saying which program, except under CI=true, where
 * CI installs them (`.ci/run`) and a missing program is a failure.
 */
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

const inCi = process.env.CI === 'true';
const present = new Map<string, boolean>();

export function programPresent(program: string): boolean {
  let p = present.get(program);
  if (p === undefined) {
    const r = spawnSync(program, ['-v'], { stdio: 'ignore', timeout: 10_000 });
    p = !r.error;
    present.set(program, p);
  }
  return p;
}

/** A suite that runs `programs`; skipped with one line where one is missing (failed under CI). */
export function describeWithPrograms(programs: readonly string[], name: string, fn: () => void): void {
  const missing = programs.filter((p) => !programPresent(p));
  if (!missing.length) describe(name, fn);
  else if (inCi)
    describe(name, () => {
      it('has the programs it needs', () => {
        throw new Error(`"${name}" needs ${missing.join(', ')}, which CI installs; not found on PATH`);
      });
    });
  else {
    console.warn(`skipped "${name}": ${missing.join(', ')} not installed`);
    describe.skip(name, fn);
  }
}
