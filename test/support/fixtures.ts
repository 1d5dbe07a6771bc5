/**
 * The real-file corpus: statements, registers, FtM exports, call records and graphs written by
 * other tools, kept beside the project in `../shared/fixtures` (never copied into it; its
 * SOURCES.md lists each file's facts). A plain clone does not have it, so suites that read it
 * are declared through `describeWithFixtures` / `itWithFixtures`: without the folder they are
 * skipped and the run ends with one line saying what and why (see summaryReporter.ts); under
 * CI=true a missing corpus is a failure instead, since CI must run every real file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Set on a suite or test skipped because the real-file corpus is missing: the folder looked for. */
    missingFixtures?: string;
  }
}

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Where the corpus is looked for: `TEST_FIXTURES_DIR`, else `../shared/fixtures` beside the project. */
export const FIXTURES_DIR = path.resolve(
  projectRoot,
  process.env.TEST_FIXTURES_DIR ?? path.join('..', 'shared', 'fixtures'),
);

export const fixturesPresent: boolean = existsSync(FIXTURES_DIR);

const inCi = process.env.CI === 'true';

/** Absolute path of a file in the corpus, e.g. `fixturePath('bank/genkgo_camt053.v8.xml')`. */
export const fixturePath = (...relative: string[]): string => path.join(FIXTURES_DIR, ...relative);

export const fixtureBytes = (...relative: string[]): Buffer => readFileSync(fixturePath(...relative));

export const fixtureText = (...relative: string[]): string => fixtureBytes(...relative).toString('utf8');

/** Why a corpus test cannot run under CI=true; thrown as that test's failure. */
function missingUnderCi(what: string): Error {
  return new Error(
    `"${what}" needs the real-file corpus, which is missing at ${FIXTURES_DIR}. ` +
      'CI=true runs every real file: check out the shared fixtures beside the project ' +
      '(../shared/fixtures) or point TEST_FIXTURES_DIR at them.',
  );
}

/** A suite that reads the corpus. `fn` must read files only inside its tests and hooks, not while declaring them. */
export function describeWithFixtures(name: string, fn: () => void): void {
  if (fixturesPresent) {
    describe(name, fn);
  } else if (inCi) {
    describe(name, () => {
      it('has the real-file corpus to read', () => {
        throw missingUnderCi(name);
      });
    });
  } else {
    describe(name, { skip: true, meta: { missingFixtures: FIXTURES_DIR } }, fn);
  }
}

/** One test that reads the corpus, in a suite whose other tests do not. */
export function itWithFixtures(name: string, fn: () => unknown, timeout?: number): void {
  if (fixturesPresent) {
    it(name, fn, timeout);
  } else if (inCi) {
    it(name, () => {
      throw missingUnderCi(name);
    });
  } else {
    it(name, { skip: true, meta: { missingFixtures: FIXTURES_DIR } }, fn);
  }
}
