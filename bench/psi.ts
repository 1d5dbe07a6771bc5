/**
 * Hit/no-hit between deployments (protocol version 2, edwards25519 through libsodium):
 *   - per selector: hash to the group and blind, version 2 beside version 1 (ristretto255 in
 *     pure JavaScript, @noble/curves, as the platform ran it before);
 *   - one query of N × N selectors (default 10,000) end to end as the services run it: blinding
 *     and re-blinding on the worker pool, padding, signed envelopes through JSON both ways, the
 *     match — beside plain SHA-256 of the same selectors and a set intersection;
 *   - the p99 of a light request (GET /api/auth/me on 127.0.0.1) while that query runs in the
 *     same process, beside its idle p99.
 * BENCH_PSI_N shrinks the sets.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ristretto255_hasher } from '@noble/curves/ed25519.js';
import { identityFromSecret, newSigningSecret, openEnvelope, sealEnvelope } from '../src/domain/hits/exchange.ts';
import type { Envelope, ExchangeType, SigningIdentity } from '../src/domain/hits/exchange.ts';
import { matchResponse, padAndShuffle } from '../src/domain/hits/protocol.ts';
import { blind, newSecret } from '../src/domain/hits/psi.ts';
import type { PsiSelector } from '../src/domain/hits/psi.ts';
import { buildApp } from '../src/server/app.ts';
import { addUserWithToken } from '../src/services/access/users.ts';
import { blindOnPool, reblindOnPool } from '../src/services/cooperation/psiWork.ts';
import { closePool, poolThreads } from '../src/services/workers/index.ts';
import { Store } from '../src/store/store.ts';
import { fmt, time } from './support.ts';

const N = Number(process.env.BENCH_PSI_N ?? 10_000);
const SHARED = Math.round(N / 10);
const PER_SELECTOR = 300;

const phone = (i: number): PsiSelector => ({ kind: 'phone', value: `+3584${String(10_000_000 + i).padStart(8, '0')}` });

/** Version 1's per-selector work: RFC 9380 hash to ristretto255 and one multiplication. */
function blindV1(secret: bigint, s: PsiSelector): string {
  const dst = `ELECT-THB-PSI-v1:bench:${s.kind}`;
  return ristretto255_hasher.hashToCurve(new TextEncoder().encode(s.value), { DST: dst }).multiply(secret).toHex();
}

/** Through JSON and the envelope checks, as a file or HTTPS body would go. */
function carry(from: SigningIdentity, to: SigningIdentity, type: ExchangeType, body: unknown): Envelope {
  const sealed = sealEnvelope(from, { type, agreementId: 'bench', recipient: to.deploymentId, body });
  const opened = openEnvelope(JSON.parse(JSON.stringify(sealed)), {
    type,
    agreementId: 'bench',
    me: to.deploymentId,
    partnerPublicKeyHex: from.publicKeyHex,
    now: new Date(),
    maxAgeMs: 60_000,
  });
  if (!opened.ok) throw new Error(opened.reason);
  return opened.envelope;
}

/** One query, both sides, as services/cooperation runs it. Returns the number of hits. */
async function exchange(mine: readonly PsiSelector[], theirs: readonly PsiSelector[]): Promise<number> {
  const alice = identityFromSecret(newSigningSecret());
  const bob = identityFromSecret(newSigningSecret());
  const a = newSecret();
  const sent = padAndShuffle(await blindOnPool(a, 'bench', mine));
  const query = carry(alice, bob, 'psi-query', { points: sent.points });
  const b = newSecret();
  const points = (query.body as { points: string[] }).points;
  const double = await reblindOnPool(b, points, 'body.points');
  const own = padAndShuffle(await blindOnPool(b, 'bench', theirs));
  const response = carry(bob, alice, 'psi-response', { double, points: own.points });
  const body = response.body as { double: string[]; points: string[] };
  const theirsDouble = await reblindOnPool(a, body.points, 'body.points');
  return matchResponse(sent, body.double, theirsDouble).selectorIndices.length;
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Light requests from 4 loops until `until()`; each request's latency in ms. */
async function lightLoad(url: string, token: string, until: () => boolean): Promise<number[]> {
  const out: number[] = [];
  const loop = async () => {
    while (!until()) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`light request: ${res.status}`);
      out.push(performance.now() - t0);
    }
  };
  await Promise.all([loop(), loop(), loop(), loop()]);
  return out;
}

function perSelector(): { v1: number; v2: number } {
  const sample = Array.from({ length: PER_SELECTOR }, (_, i) => phone(i));
  const s2 = newSecret();
  const s1 = 0x1234_5678_9abc_def0_1234_5678_9abc_def0n;
  blind(s2, 'bench', phone(-1));
  blindV1(s1, phone(-1));
  let t0 = performance.now();
  for (const s of sample) blind(s2, 'bench', s);
  const v2 = ((performance.now() - t0) * 1000) / PER_SELECTOR;
  t0 = performance.now();
  for (const s of sample) blindV1(s1, s);
  const v1 = ((performance.now() - t0) * 1000) / PER_SELECTOR;
  return { v1, v2 };
}

export async function psiBench(): Promise<void> {
  const mine = Array.from({ length: N }, (_, i) => phone(i));
  const theirs = Array.from({ length: N }, (_, i) => phone(i + N - SHARED));
  const unit = perSelector();
  const store = await Store.open({ sqliteFile: ':memory:' });
  const app = await buildApp({ store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { token } = await addUserWithToken(store, { username: 'bench-psi', platformRole: 'investigator' });
    const me = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/auth/me`;
    const idleUntil = performance.now() + 3_000;
    const idle = await lightLoad(me, token, () => performance.now() > idleUntil);
    await exchange(mine.slice(0, 50), theirs.slice(0, 50)); // threads started, modules loaded
    let done = false;
    const loaded = lightLoad(me, token, () => done);
    const psi = await time(async () => {
      try {
        return await exchange(mine, theirs);
      } finally {
        done = true;
      }
    });
    const during = await loaded;
    const plain = await time(() => {
      const h = (s: PsiSelector) => createHash('sha256').update(`${s.kind}:${s.value}`).digest('hex');
      const other = new Set(theirs.map(h));
      return mine.map(h).filter((x) => other.has(x)).length;
    });
    if (psi.value !== SHARED || plain.value !== SHARED)
      throw new Error(`PSI found ${psi.value}, hashing ${plain.value}; expected ${SHARED}`);
    const [p99Idle, p99Busy] = [percentile(idle, 99), percentile(during, 99)];
    console.log(`\nHit/no-hit between deployments: ${fmt(N)} vs ${fmt(N)} selectors, ${fmt(SHARED)} shared`);
    console.log('| figure | ours | baseline | ratio | aim |\n|---|---|---|---|---|');
    console.log(
      `| hash + blind per selector | v2 libsodium ${unit.v2.toFixed(0)} µs | v1 ristretto255 (pure JS) ` +
        `${unit.v1.toFixed(0)} µs | ${(unit.v1 / unit.v2).toFixed(1)}× faster | — |`,
    );
    console.log(
      `| ${fmt(N)} × ${fmt(N)} end to end (pool: ${poolThreads()} thread(s)) | ${(psi.ms / 1000).toFixed(2)} s | ` +
        `plain SHA-256 + set ${(plain.ms / 1000).toFixed(3)} s | ${(psi.ms / plain.ms).toFixed(0)}× | ≤ 5 s: ` +
        `${psi.ms <= 5000 ? 'met' : 'NOT met'} |`,
    );
    console.log(
      `| GET /api/auth/me p99 during it (${fmt(during.length)} req) | ${p99Busy.toFixed(1)} ms | idle p99 ` +
        `${p99Idle.toFixed(1)} ms (${fmt(idle.length)} req) | ${(p99Busy / p99Idle).toFixed(1)}× | unaffected |`,
    );
  } finally {
    await app.close();
    await store.close();
    await closePool();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await psiBench();
