/**
 * Ends a run with its own plain lines, after the default reporter's output: one saying which
 * tests were skipped for want of the real-file corpus (once per run, however many files skip),
 * then `N passed, N failed` (and how many were skipped). A failure outside any test — a file
 * that cannot be loaded, a failing beforeAll, an unhandled error — counts as one failure.
 */
import type { Reporter, TestModule } from 'vitest/node';

type RunEnd = NonNullable<Reporter['onTestRunEnd']>;

function corpusLine(modules: readonly TestModule[]): string | undefined {
  const skipped = new Set<string>();
  const perFile = new Map<string, number>();
  let folder = '';
  for (const module of modules) {
    const marked = [...module.children.allSuites(), ...module.children.allTests()].filter(
      (task) => task.meta().missingFixtures,
    );
    for (const task of marked) {
      folder ||= task.meta().missingFixtures ?? '';
      const tests = task.type === 'suite' ? [...task.children.allTests()] : [task];
      for (const test of tests) {
        if (skipped.has(test.id)) continue;
        skipped.add(test.id);
        perFile.set(module.relativeModuleId, (perFile.get(module.relativeModuleId) ?? 0) + 1);
      }
    }
  }
  if (skipped.size === 0) return undefined;
  const files = [...perFile].map(([file, n]) => `${file} (${n})`).join(', ');
  return (
    `Real-file corpus not found at ${folder}: ${skipped.size} tests that read it were skipped ` +
    `(set TEST_FIXTURES_DIR to run them; CI=true fails instead): ${files}`
  );
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd: RunEnd = (modules, unhandledErrors) => {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of modules) {
      failed += module.errors().length > 0 ? 1 : 0;
      for (const suite of module.children.allSuites()) failed += suite.errors().length > 0 ? 1 : 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else if (state === 'skipped') skipped++;
      }
    }
    const corpus = corpusLine(modules);
    if (corpus) console.log(corpus);
    console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  };
}
