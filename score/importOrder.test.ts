/**
 * One scenario's files imported in different orders build the same case: the same entities by
 * names and identifiers, the same links between them, the same statement lines, the same findings
 * and the same analyses (company flags, ad networks, duplicate pairs, victims, proceeds). The
 * smallest scale, on SQLite in two orders and on PostgreSQL in a third.
 */
import { describe, expect, it } from 'vitest';
import { openTestStore, postgresProblem } from '../test/support/dialects.ts';
import type { CaseSnapshot } from './caseSnapshot.ts';
import { runScenario, type CaseResults, type DuplicatePair, type Ident } from './pipeline.ts';

const SEED = 917_311;

/**
 * A record as the analyses show it. One holding a document, personal, registration or account
 * number is that number: its shown name is one of the names it holds, and which one depends on
 * which record a join kept (a chat's sender in Cyrillic, a police file in Latin letters); all its
 * names are compared with the entities above.
 */
const identText = (i: Ident) => {
  const numbers = [i.idNumber, i.passportNumber, i.registrationNumber, i.iban];
  const name = numbers.some(Boolean) ? '' : i.name;
  return [name, i.birthDate, ...numbers].map((x) => x ?? '').join('|');
};
const pairText = (p: DuplicatePair) =>
  `${[identText(p.a), identText(p.b)].sort().join(' ~ ')} ${p.joined ? 'joined' : p.score.toFixed(3)}`;

/** The analyses' results with every list in one order (the order rows come back in is no finding). */
function analyses(r: CaseResults) {
  return {
    findings: r.findings
      .map((f) => `${f.rule} ${f.subject} [${[...f.accounts].sort().join(',')}] [${[...f.lines].sort().join(',')}]`)
      .sort(),
    companyFlags: r.companyFlags
      .map((c) => `${identText(c.company)} ${[...c.rules].sort().join(',')} ${c.pattern ?? ''}`)
      .sort(),
    adNetworks: r.adNetworks.map((n) => [...n].sort().join(' ')).sort(),
    // Which records a join took in turn depends on the order they came in (A+B then C, or A+C
    // then B); what the joins made is the entities compared above, and how many there were.
    personJoins: r.duplicatePersons.filter((p) => p.joined).length,
    companyJoins: r.duplicateCompanies.filter((p) => p.joined).length,
    duplicatePersons: r.duplicatePersons
      .filter((p) => !p.joined)
      .map(pairText)
      .sort(),
    duplicateCompanies: r.duplicateCompanies
      .filter((p) => !p.joined)
      .map(pairText)
      .sort(),
    presumedVictims: r.presumedVictims.map(identText).sort(),
    possibleVictims: r.possibleVictims.map(identText).sort(),
    proceedsMinor: r.proceedsMinor,
    importFailures: r.importFailures,
  };
}

function expectSameCase(a: { snapshot?: CaseSnapshot | undefined; results: CaseResults }, b: typeof a): void {
  const x = a.snapshot;
  const y = b.snapshot;
  if (!x || !y) throw new Error('no snapshot');
  expect(y.entities.length).toBeGreaterThan(100);
  expect(y.entities).toEqual(x.entities);
  expect(y.links).toEqual(x.links);
  expect(y.lines).toEqual(x.lines);
  expect(y.findings).toEqual(x.findings);
  expect(analyses(b.results)).toEqual(analyses(a.results));
}

describe('importing one scenario in different orders', () => {
  it('builds the same case whatever the order, on either database', async () => {
    const first = await runScenario({ seed: SEED, scale: 1, orderSeed: 1, snapshot: true });
    expect(first.results.importFailures).toEqual([]);
    expect(first.results.findings.length).toBeGreaterThan(0);
    const second = await runScenario({ seed: SEED, scale: 1, orderSeed: 2, snapshot: true });
    expectSameCase(first, second);
    const problem = await postgresProblem();
    if (problem && process.env.CI !== 'true') {
      console.warn(`PostgreSQL not reachable (${problem}): the third order runs on SQLite only`);
      return;
    }
    const third = await runScenario({
      seed: SEED,
      scale: 1,
      orderSeed: 3,
      snapshot: true,
      openStore: () => openTestStore('postgres'),
    });
    expectSameCase(first, third);
  }, 600_000);
});
