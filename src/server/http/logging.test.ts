import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { safeLoggerOptions, shortRequestLine } from './logging.ts';

/** A log sink that keeps every line. */
function sink(): { stream: Writable; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('application logs', () => {
  it('carry no query string, body, path parameter, header or error message', async () => {
    const out = sink();
    const app = Fastify({ logger: { ...safeLoggerOptions, stream: out.stream } });
    app.get('/api/cases/:caseId/search', async () => ({ ok: true }));
    app.post('/api/cases/:caseId/entities', async (req) => {
      const err = new Error(
        `duplicate key value (phone)=(+37126123456) for Jānis Bērziņš ${JSON.stringify(req.body)}`,
      ) as Error & { code: string };
      err.code = '23505';
      throw err;
    });
    const name = 'Jānis Bērziņš';
    const r1 = await app.inject({
      method: 'GET',
      url: `/api/cases/Kalle-Tamm/search?q=${encodeURIComponent(name)}&phone=%2B37126123456`,
      headers: { authorization: 'Bearer elect_secret' },
    });
    expect(r1.statusCode).toBe(200);
    const r2 = await app.inject({
      method: 'POST',
      url: '/api/cases/c1/entities',
      payload: { name: [name], phone: ['+371 2612 3456'] },
    });
    expect(r2.statusCode).toBe(500);
    await app.inject({ method: 'GET', url: `/nowhere/${encodeURIComponent(name)}?x=26123456` });
    await app.close();
    const log = out.text();
    expect(log).toContain('"route":"/api/cases/:caseId/search"');
    expect(log).toContain('"code":"23505"');
    expect(log).toContain('request completed');
    for (const secret of [
      'Jānis',
      'J\\u0101nis',
      'Janis',
      'Bērziņš',
      '37126123456',
      '26123456',
      '2612 3456',
      'Kalle',
      'elect_secret',
      encodeURIComponent(name),
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});

describe('the short request log of a terminal', () => {
  type Req = Parameters<typeof shortRequestLine>[0];
  const req = (method: string, url: string) => ({ method, routeOptions: { url } }) as Req;
  it('says nothing of a successful read, one line of a change or a failure, by route template', () => {
    expect(shortRequestLine(req('GET', '/api/cases/:caseId'), { statusCode: 200, elapsedTime: 3 })).toBeNull();
    expect(shortRequestLine(req('POST', '/api/cases'), { statusCode: 201, elapsedTime: 12.4 })).toMatch(
      /^\d\d:\d\d:\d\d POST \/api\/cases 201 12 ms$/,
    );
    expect(shortRequestLine(req('GET', '/api/cases/:caseId'), { statusCode: 404, elapsedTime: 1 })).toMatch(
      / GET \/api\/cases\/:caseId 404 1 ms$/,
    );
  });
});
