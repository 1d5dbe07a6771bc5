/**
 * Limits before parsing, over a real socket: an unauthenticated caller gets a few KB and a bounded
 * JSON depth, refused before any parse (the parse counter does not move) and quickly; uploads
 * count against the user's quota; slow clients are cut off.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { addUserWithToken } from '../../services/access/users.ts';
import { buildApp } from '../app.ts';
import { jsonBodiesParsed } from './bodyGuard.ts';
import { setUploadQuota, uploadBytesHeld } from './upload.ts';

interface RawAnswer {
  status: number;
  text: string;
  ms: number;
  closed: boolean;
}

/** Sends raw bytes (headers, then body chunks with pauses) and reads the answer as it comes. */
function rawRequest(port: number, head: string, chunks: Buffer[], pauseMs = 0, waitMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const started = performance.now();
    let text = '';
    let answeredAt = 0;
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      void (async () => {
        for (const c of chunks) {
          if (socket.destroyed || answeredAt) return;
          socket.write(c);
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
      })();
    });
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text, ms: (answeredAt || performance.now()) - started, closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (d: Buffer) => {
      answeredAt ||= performance.now();
      text += d.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
  });
}

const post = (url: string, length: number | null, extra = ''): string =>
  `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
  (length === null ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${length}\r\n`) +
  `${extra}\r\n`;

const chunked = (b: Buffer): Buffer => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);

describeEachDialect('limits before parsing', ({ store }) => {
  let app: FastifyInstance;
  let port = 0;
  let token = '';
  let userId = '';
  const serverMs: number[] = [];
  beforeAllWithStore(store, async (s) => {
    app = await buildApp({
      store: s,
      timeouts: { headersMs: 400, checkEveryMs: 100 },
      bodyLimits: { jsonBodyMs: 400 },
    });
    app.addHook('onResponse', async (request, reply) => {
      if (request.url === '/api/partner/psi') serverMs.push(reply.elapsedTime);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    const made = await addUserWithToken(s, { username: `limits-${process.pid}`, platformRole: 'investigator' });
    token = made.token;
    userId = made.user.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  itDb('refuses a 14 MB deeply nested unauthenticated body in under 50 ms without parsing it', async () => {
    const half = 7 * 1024 * 1024;
    const deep = Buffer.from('['.repeat(half) + ']'.repeat(half));
    const before = jsonBodiesParsed();
    serverMs.length = 0;
    const declared = await rawRequest(port, post('/api/partner/psi', deep.length), [deep]);
    expect(declared.status).toBe(413);
    // Parsing it would take seconds; the client's own time includes copying 14 MB into its socket.
    expect(declared.ms).toBeLessThan(250);
    // Without a declared length the depth scan refuses it within the first bytes.
    const pieces = Array.from({ length: 14 }, (_, i) => chunked(deep.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024)));
    const streamed = await rawRequest(port, post('/api/partner/psi', null), pieces);
    expect(streamed.status).toBe(400);
    expect(streamed.text).toContain('nested deeper than 32');
    expect(streamed.ms).toBeLessThan(250);
    expect(serverMs).toHaveLength(2);
    for (const ms of serverMs) expect(ms).toBeLessThan(50);
    expect(jsonBodiesParsed()).toBe(before);
  });

  itDb('gives an unauthenticated caller a few KB: a 20 KB sign-in is refused unparsed, a small one parsed', async () => {
    const before = jsonBodiesParsed();
    const big = Buffer.from(JSON.stringify({ username: 'x', password: 'y'.repeat(20_000) }));
    const refused = await rawRequest(port, post('/api/auth/login', null), [chunked(big), Buffer.from('0\r\n\r\n')]);
    expect(refused.status).toBe(413);
    expect(jsonBodiesParsed()).toBe(before);
    const small = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'wrong-password' },
    });
    expect(small.statusCode).toBe(401);
    expect(jsonBodiesParsed()).toBe(before + 1);
  });

  itDb('refuses an over-deep body from a signed-in user unparsed, and an unknown caller before the body', async () => {
    const before = jsonBodiesParsed();
    const deep = '{"a":'.repeat(40) + '1' + '}'.repeat(40);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: deep,
    });
    expect(signedIn.statusCode).toBe(400);
    expect(signedIn.json()).toMatchObject({ error: { path: 'body' } });
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(100_000) }),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(jsonBodiesParsed()).toBe(before);
  });

  itDb('refuses an upload over the user quota and stores nothing', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const created = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: auth,
      payload: { title: 'Quota case', country: 'FI' },
    });
    const caseId = created.json<{ id: string }>().id;
    setUploadQuota(64 * 1024);
    try {
      const over = await app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/files?name=big.pdf`,
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        payload: Buffer.alloc(100 * 1024, 1),
      });
      expect(over.statusCode).toBe(413);
      expect(over.body).toContain('upload quota');
      const within = await app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/files?name=small.pdf`,
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        payload: Buffer.alloc(10 * 1024, 1),
      });
      expect(within.statusCode).toBe(201);
    } finally {
      setUploadQuota(4 * 1024 ** 3);
    }
    const files = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/files`, headers: auth });
    expect(files.json<{ files: { fileName: string }[] }>().files.map((f) => f.fileName)).toEqual(['small.pdf']);
    expect(uploadBytesHeld(userId)).toBe(0);
  });

  itDb('cuts off a client that never finishes its headers or its body', async () => {
    const headers = await rawRequest(port, 'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n', [], 0, 4_000);
    expect(headers.closed).toBe(true);
    expect(headers.ms).toBeLessThan(2_000);
    const body = await rawRequest(port, post('/api/auth/login', 100), [Buffer.from('{"user')], 0, 4_000);
    expect(body.status).toBe(408);
    expect(body.closed).toBe(true);
    expect(body.ms).toBeLessThan(2_000);
  });
});
