/** Issue 18: a Latvian ad captured in a Finnish case gives Latvian numbers, on both databases. */
import { mkdtempSync } from 'node:fs';
import { fullVisibility } from '../access/index.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { testActor } from '../../../test/support/api.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { KeyRing, useKeyRing } from '../../store/keys.ts';
import type { Actor } from '../access/actor.ts';
import { createCase } from '../cases/cases.ts';
import { captureFile } from './captures.ts';
import { adNetworks } from './networks.ts';

useKeyRing(KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-capture-cc-keys-'))));

const ALL = fullVisibility;
const page = (lang: string, body: string) =>
  Buffer.from(
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Ad</title></head><body><p>${body}</p></body></html>`,
  );

describeEachDialect('phones in captured ads: which country', ({ store }) => {
  let actor: Actor;
  let caseId = '';
  beforeAllWithStore(store, async (s) => {
    actor = await testActor(s, 'cap-cc', 'investigator');
    caseId = (await createCase(s, actor, { title: 'Ads', country: 'FI' })).id;
  });

  itDb('reads a Latvian ad’s numbers as Latvian in a Finnish case, so the ads form one network', async () => {
    const at = '2026-02-01T10:00:00Z';
    const ads = [
      ['https://www.sludinajumi.lv/a/1', 'lv', 'Zvani 2612 3456'],
      ['https://www.sludinajumi.lv/a/2', 'lv', 'Zvani: divi seši viens divi trīs četri pieci seši'],
      ['https://escort.example.com/a/3', 'en', 'Call two six one two three four five six'],
    ] as const;
    const out = [];
    for (const [i, [url, lang, text]] of ads.entries()) {
      out.push(
        await captureFile(store(), actor, caseId, {
          bytes: page(lang, text),
          fileName: `ad${i}.html`,
          url,
          capturedAt: at,
          ...(i === 2 ? { siteCountry: 'LV' } : {}),
        }),
      );
    }
    expect(out.map((c) => c.phones)).toEqual([['+37126123456'], ['+37126123456'], ['+37126123456']]);
    const nets = await adNetworks(store(), caseId, ALL);
    expect(nets.networks.map((n) => n.adIds.length)).toEqual([3]);
  });
});
