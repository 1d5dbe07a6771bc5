import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import { uniqueName } from '../../../test/support/api.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { photoPng } from '../../../test/support/capturePhotos.ts';
import { createCase } from '../../services/cases/cases.ts';
import { actorOf, addUserWithToken } from '../../services/access/users.ts';
import { KeyRing, useKeyRing } from '../../store/keys.ts';
import type { Store } from '../../store/store.ts';
import { buildApp } from '../app.ts';

useKeyRing(KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-capture-route-keys-'))));

const q = (name: string, url = 'https://seuraa.example/ad/1', at = '2026-03-01T14:30:00Z') =>
  `?name=${encodeURIComponent(name)}&url=${encodeURIComponent(url)}&capturedAt=${encodeURIComponent(at)}`;
const html = (body: string, charset = 'utf-8') =>
  `<!DOCTYPE html><html lang="fi"><head><meta charset="${charset}"><title>Ilmoitus</title></head><body><p>${body}</p></body></html>`;

/** Rows of the case's capture-related tables: a refused capture must leave all of them as they were. */
async function footprint(s: Store, caseId: string): Promise<number[]> {
  const scope = s.scope(caseId);
  const n = async (t: 'captures' | 'capture_images' | 'case_files' | 'entities' | 'sources') =>
    (
      await scope
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return [
    Number(await n('captures')),
    Number(await n('capture_images')),
    Number(await n('case_files')),
    Number(await n('entities')),
    Number(await n('sources')),
  ];
}

describeEachDialect('captures API', ({ store }) => {
  let app: FastifyInstance;
  let token = '';
  let caseId = '';
  const send = async (name: string, body: Buffer, query = q(name)) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/captures${query}`,
      payload: body,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    });
    return {
      status: res.statusCode,
      body: JSON.parse(res.body) as Record<string, unknown> & {
        error?: { code: string; message: string; path?: string };
      },
    };
  };
  const get = async (url: string) =>
    JSON.parse(
      (await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).body,
    ) as Record<string, unknown>;

  beforeAllWithStore(store, async (s) => {
    app = await buildApp({ store: s });
    const made = await addUserWithToken(s, { username: uniqueName('cap-api'), platformRole: 'investigator' });
    token = made.token;
    caseId = (await createCase(s, actorOf(made.user), { title: 'Captures', country: 'FI' })).id;
  });

  itDb('captures an HTML page and a screenshot, links ads sharing a phone, and verifies the evidence', async () => {
    const first = await send(
      'ad1.html',
      Buffer.from(html('Uusi kaupungissa! Soita 040 123 4567, majoitus järjestetään.'), 'utf8'),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      phones: ['+358401234567'],
      redFlags: ['movement', 'accommodationProvided'],
      kind: 'html',
    });
    const second = await send(
      'ad2.html',
      Buffer.from(html('Nika 21v. Puh +358 40 123 4567'), 'utf8'),
      q('ad2.html', 'https://other.example/9'),
    );
    expect(second.status).toBe(201);
    const shot = await send('shot.png', photoPng(7, 0));
    expect(shot.status).toBe(201);
    expect(shot.body).toMatchObject({ kind: 'image', phones: [] });
    const list = await get(`/api/cases/${caseId}/captures`);
    expect((list.captures as unknown[]).length).toBe(3);
    const nets = (await get(`/api/cases/${caseId}/captures/networks`)) as {
      networks: { adIds: string[]; reasons: string[] }[];
    };
    const pair = nets.networks.find((n) => n.adIds.length === 2);
    expect(new Set(pair?.adIds)).toEqual(new Set([first.body.adId, second.body.adId]));
    expect(pair?.reasons).toEqual(['phone']);
    const detail = await get(`/api/cases/${caseId}/captures/${String(first.body.id)}`);
    expect(detail).toMatchObject({ text: expect.stringContaining('Soita 040 123 4567'), charset: 'utf-8' });
    expect(await get(`/api/cases/${caseId}/evidence/verify`)).toMatchObject({ ok: true, checked: 3 });
  });

  itDb(
    'refuses bad captures with a clear 4xx and stores nothing',
    async () => {
      const s = store();
      const before = await footprint(s, caseId);
      const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
      const cases: [string, Buffer, number, RegExp, string?][] = [
        ['junk.html', junk, 415, /binary data/],
        ['big.html', Buffer.alloc(100 * 1024 * 1024 + 1, 0x61), 413, /larger than/],
        [
          'lie.html',
          iconv.encode(html('Hyvä päivä, soita 040 123 4567'), 'windows-1252').subarray(0),
          400,
          /declares UTF-8 .* not valid UTF-8/,
        ],
        [
          'lie2.html',
          Buffer.from(html('Hyvä päivä', 'windows-1257'), 'utf8'),
          400,
          /declares windows-1257 .* bytes are UTF-8/,
        ],
        ['odd.html', Buffer.from(html('x', 'x-no-such-charset'), 'utf8'), 400, /unknown encoding/],
        [
          'broken.png',
          Buffer.concat([photoPng(3, 0).subarray(0, 60), Buffer.alloc(40)]),
          400,
          /screenshot could not be read/,
        ],
        ['empty.html', Buffer.alloc(0), 400, /empty/],
        [
          'ok.html',
          Buffer.from(html('x')),
          400,
          /url/,
          `?name=ok.html&url=ftp%3A%2F%2Fx&capturedAt=2026-03-01T14%3A30%3A00Z`,
        ],
        [
          'ok.html',
          Buffer.from(html('x')),
          400,
          /capturedAt/,
          `?name=ok.html&url=https%3A%2F%2Fx.example&capturedAt=yesterday`,
        ],
      ];
      for (const [name, body, status, message, query] of cases) {
        const res = await send(name, body, query ?? q(name));
        expect(res.status, name).toBe(status);
        expect(`${res.body.error?.path ?? ''} ${res.body.error?.message ?? ''}`, name).toMatch(message);
      }
      expect(await footprint(s, caseId)).toEqual(before);
    },
    60_000,
  );
});
