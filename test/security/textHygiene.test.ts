/**
 * Typed-in text that is no text: NUL, half a surrogate pair and bytes that are not UTF-8 are
 * refused with a 400 naming the field, and nothing is stored. Both databases.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { addUserWithToken } from '../../src/services/access/users.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';

let n = 0;
const uniq = (s: string) => `${s}-${process.pid}-${++n}`;

describeEachDialect('text hygiene of API bodies', ({ store }) => {
  let app: FastifyInstance;
  let auth: Record<string, string>;
  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    app = await buildApp({ store: store() });
    const { token } = await addUserWithToken(store(), { username: uniq('typist'), platformRole: 'investigator' });
    auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  });
  const post = (url: string, payload: string | Buffer) => app.inject({ method: 'POST', url, payload, headers: auth });
  const caseCount = async () =>
    (await app.inject({ method: 'GET', url: '/api/cases', headers: auth })).json<{ cases: unknown[] }>().cases.length;

  itDb('NUL, a lone surrogate and invalid UTF-8 are each a 400 naming the field; nothing is stored', async () => {
    const before = await caseCount();
    const nul = await post('/api/cases', JSON.stringify({ title: 'Case\u0000one', country: 'FI' }));
    expect([nul.statusCode, nul.json().error.path]).toEqual([400, 'body.title']);
    // JSON.stringify escapes a lone surrogate as \ud800, which JSON.parse reads back as one.
    const surrogate = await post('/api/cases', JSON.stringify({ title: 'Case \ud800 two', country: 'FI' }));
    expect([surrogate.statusCode, surrogate.json().error.path]).toEqual([400, 'body.title']);
    const bytes = Buffer.concat([
      Buffer.from('{"country":"FI","title":"Case '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(' three"}'),
    ]);
    const broken = await post('/api/cases', bytes);
    expect([broken.statusCode, broken.json().error.path]).toEqual([400, 'body.title']);
    expect(broken.json().error.message).toMatch(/UTF-8/);
    const nested = await post(
      '/api/cases/none/entities',
      JSON.stringify({ schema: 'Person', properties: { name: ['A \udc00 B'] } }),
    );
    expect(nested.statusCode).toBeLessThan(500);
    expect(await caseCount()).toBe(before);
    const fine = await post('/api/cases', JSON.stringify({ title: 'Case ü 😀 four', country: 'FI' }));
    expect(fine.statusCode).toBe(201);
  });
});
