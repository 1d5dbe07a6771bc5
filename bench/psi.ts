/**
 * Private set intersection: one full hit/no-hit query of 10,000 against 10,000 selectors
 * (blind, re-blind both sets, finish), in memory, beside the baseline a plain hash would cost:
 * SHA-256 of the same 20,000 selectors and a set intersection. The ratio is the price of not
 * letting a partner enumerate the selectors.
 */
import { createHash } from 'node:crypto';
import { answerQuery, finishQuery, startQuery } from '../src/domain/hits/protocol.ts';
import { newSecret } from '../src/domain/hits/psi.ts';
import type { PsiSelector } from '../src/domain/hits/psi.ts';
import { fmt, time } from './support.ts';

const N = Number(process.env.BENCH_PSI_N ?? 10_000);
const SHARED = Math.round(N / 10);

const phone = (i: number): PsiSelector => ({ kind: 'phone', value: `+3584${String(10_000_000 + i).padStart(8, '0')}` });

export async function psiBench(): Promise<void> {
  const mine = Array.from({ length: N }, (_, i) => phone(i));
  const theirs = Array.from({ length: N }, (_, i) => phone(i + N - SHARED));
  const psi = await time(() => {
    const a = newSecret();
    const sent = startQuery(a, 'bench', mine);
    const answer = answerQuery(newSecret(), 'bench', { points: sent.points }, theirs);
    return finishQuery(a, sent, { double: answer.double, points: answer.mine.points }).selectorIndices.length;
  });
  const plain = await time(() => {
    const h = (s: PsiSelector) => createHash('sha256').update(`${s.kind}:${s.value}`).digest('hex');
    const other = new Set(theirs.map(h));
    return mine.map(h).filter((x) => other.has(x)).length;
  });
  if (psi.value !== SHARED || plain.value !== SHARED)
    throw new Error(`PSI found ${psi.value}, hashing ${plain.value}; expected ${SHARED}`);
  console.log(`\nHit/no-hit between deployments: ${fmt(N)} vs ${fmt(N)} selectors, ${fmt(SHARED)} shared`);
  console.log(
    `  ${'PSI over ristretto255 (both sides, one core)'.padEnd(46)} ${(psi.ms / 1000).toFixed(2).padStart(8)} s`,
  );
  console.log(
    `  ${'baseline: plain SHA-256 and set intersection'.padEnd(46)} ${(plain.ms / 1000).toFixed(3).padStart(8)} s`,
  );
  console.log(
    `  ratio ${(psi.ms / plain.ms).toFixed(0)}× the plain hash (the price of unlinkable, non-enumerable values)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await psiBench();
