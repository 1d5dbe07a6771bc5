import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAges, extractPrices } from '../captures/adFacts.ts';
import { clusterAds, pairScores } from '../captures/clusters.ts';
import { extractEmails } from './emails.ts';
import { extractAll } from '../captures/extract.ts';
import { extractHandles } from './handles.ts';
import { htmlToText } from './html.ts';
import { hamming, imageHashes } from '../captures/imageHash.ts';
import type { GrayImage } from '../captures/imageHash.ts';
import { extractPlaces } from './places.ts';
import { findRedFlags, RED_FLAGS } from '../captures/redFlags.ts';

describe('extractEmails', () => {
  it.each([
    ['write to nika.vip@example.com', 'nika.vip@example.com', false],
    ['nika at vipgirls dot com', 'nika@vipgirls.com', true],
    ['nika(at)mail(dot)ru', 'nika@mail.ru', true],
    ['nika [ät] posti [piste] fi', 'nika@posti.fi', true],
    ['nika собака mail точка ru', 'nika@mail.ru', true],
    ['NIKA@Example.COM', 'nika@example.com', false],
  ])('%s → %s', (text, email, disguised) => {
    expect(extractEmails(text).map((e) => [e.email, e.disguised])).toEqual([[email, disguised]]);
  });
  it('does not read ordinary prose as a disguised address', () => {
    expect(extractEmails('I am at Helsinki. Call me at noon dot then')).toEqual([]);
  });
});

describe('extractHandles', () => {
  it('reads links and named handles of WhatsApp, Telegram, Viber and Signal', () => {
    const text =
      'wa.me/358401234567 · Telegram: @Sweet_Nika · viber://chat?number=%2B37126123456 · signal.me/#p/+37251234567 · WhatsApp 040 123 4567';
    expect(extractHandles(text, ['FI']).map((h) => `${h.app} ${h.handle}`)).toEqual([
      'whatsapp +358401234567',
      'telegram @sweet_nika',
      'viber +37126123456',
      'signal +37251234567',
      'whatsapp +358401234567',
    ]);
  });
});

describe('extractPrices and extractAges', () => {
  it('reads amounts, currencies and the time bought', () => {
    expect(
      extractPrices('150 EUR / 1 h, 80€/30 min, EUR 200, 2000 руб за час').map((p) => [
        p.amount,
        p.currency,
        p.minutes,
      ]),
    ).toEqual([
      [150, 'EUR', 60],
      [80, 'EUR', 30],
      [200, 'EUR', null],
      [2000, 'RUB', 60],
    ]);
  });
  it('reads ages in the region’s languages, and only plausible ones', () => {
    expect(
      extractAges('Nika 23v, 19-vuotias, 21 y.o., age: 24, 25 aastane, 22 gadi, 20 лет, 18 років, 150 years').map(
        (a) => a.age,
      ),
    ).toEqual([23, 19, 21, 24, 25, 22, 20, 18]);
  });
});

describe('extractPlaces', () => {
  it('finds towns in any spelling and with Finnish or Estonian case endings', () => {
    expect(extractPlaces('Tampereella ja Tallinnas, sitten Рига, Jyvaskyla, Kohtla-Järve').map((p) => p.name)).toEqual([
      'Tampere',
      'Tallinn',
      'Rīga',
      'Jyväskylä',
      'Kohtla-Järve',
    ]);
  });
});

describe('findRedFlags', () => {
  it('finds the flags in each language, with their positions', () => {
    const text =
      'Uusi kaupungissa! Majoitus järjestetään. Жильё предоставляется, опыт не требуется. Registration fee 200. Цілодобово. 16 y.o.';
    const kinds = findRedFlags(text).map((f) => `${f.kind}/${f.language ?? '-'}`);
    expect(kinds).toEqual([
      'movement/fi',
      'accommodationProvided/fi',
      'accommodationProvided/ru',
      'noExperienceNeeded/ru',
      'advanceFee/en',
      'constantAvailability/uk',
      'minorAge/-',
    ]);
    for (const f of findRedFlags(text)) expect(text.slice(f.start, f.end).toLowerCase()).toBe(f.phrase.toLowerCase());
  });
  it('has phrases in all six languages for the recruitment flags, each with a source', () => {
    for (const f of RED_FLAGS) {
      expect(f.source).not.toBe('');
      if (['movement', 'accommodationProvided', 'noExperienceNeeded', 'advanceFee'].includes(f.kind))
        expect(Object.keys(f.phrases).sort()).toEqual(['en', 'et', 'fi', 'lv', 'ru', 'uk']);
    }
  });
});

describe('htmlToText', () => {
  it('keeps what a reader sees: no scripts, styles or comments; entities decoded; inline tags do not split words', () => {
    const page = htmlToText(
      '<html lang="fi"><head><title>Ad &amp; more</title><style>p{}</style><script>var x="040 123 4567"</script></head><body><!-- 050 999 9999 --><h1>Hei</h1><p>Soita 040<span>123</span>4567&nbsp;&euro;</p><img src="a.png" alt="kuva"></body></html>',
    );
    expect(page.title).toBe('Ad & more');
    expect(page.lang).toBe('fi');
    expect(page.text).toBe('Hei\nSoita 0401234567 €\nkuva');
    expect(page.images).toEqual(['a.png']);
  });
});

/** A graded background with two blobs placed by `seed`; `shift` moves the whole picture right. */
function picture(seed: number, shift = 0): GrayImage {
  const width = 96;
  const height = 128;
  const data = new Uint8Array(width * height);
  const blobs = [0, 1].map((k) => ({
    x: ((seed * 37 + k * 53) % 70) + 12,
    y: ((seed * 29 + k * 41) % 100) + 12,
    r: 10 + ((seed + k * 7) % 15),
    v: k ? 30 : 230,
  }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = x - shift;
      let v = 60 + (y / height) * 120;
      for (const b of blobs) if ((sx - b.x) ** 2 + (y - b.y) ** 2 < b.r ** 2) v = b.v;
      data[y * width + x] = v;
    }
  }
  return { width, height, data };
}

describe('image hashes', () => {
  it('keep a shifted copy near and another picture far; refuse a blank picture', () => {
    const a = imageHashes(picture(1));
    const b = imageHashes(picture(1, 1));
    const c = imageHashes(picture(4));
    if (!a || !b || !c) throw new Error('hashes expected');
    expect(hamming(a.phash, b.phash)).toBeLessThanOrEqual(6);
    expect(hamming(a.phash, c.phash)).toBeGreaterThan(14);
    expect(imageHashes({ width: 8, height: 8, data: new Uint8Array(64).fill(200) })).toBeNull();
  });
});

describe('clusterAds', () => {
  it('merges by phone, e-mail and photo, but not by a household phone alone, and scores against truth', () => {
    const img = { dhash: '0f0f0f0f0f0f0f0f', phash: 'aaaaaaaaaaaaaaaa' };
    const { clusters, links } = clusterAds(
      [
        { id: 'a', phones: ['+358401111111'], emails: [], images: [] },
        { id: 'b', phones: ['+358401111111'], emails: ['x@y.fi'], images: [] },
        { id: 'c', phones: [], emails: ['x@y.fi'], images: [img] },
        { id: 'd', phones: [], emails: [], images: [{ ...img, phash: 'aaaaaaaaaaaaaaab' }] },
        { id: 'e', phones: ['+358402222222'], emails: [], images: [] },
        { id: 'f', phones: ['+358402222222'], emails: [], images: [] },
      ],
      new Set(['+358402222222']),
    );
    expect(clusters.map((c) => c.adIds)).toEqual([['a', 'b', 'c', 'd'], ['e'], ['f']]);
    expect(links.find((l) => l.a === 'e')).toMatchObject({ reason: 'householdPhone', merges: false });
    const truth = new Map([
      ['a', 'n1'],
      ['b', 'n1'],
      ['c', 'n1'],
      ['d', 'n1'],
      ['e', 'n2'],
      ['f', 'n3'],
    ]);
    expect(
      pairScores(
        clusters.map((c) => c.adIds),
        truth,
      ),
    ).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('all extractors', () => {
  it('never throw on arbitrary text and keep their spans inside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const x = extractAll(text, ['FI', 'LV']);
        for (const list of Object.values(x) as { start: number; end: number }[][]) {
          for (const item of list) {
            expect(item.start).toBeGreaterThanOrEqual(0);
            expect(item.end).toBeLessThanOrEqual(text.length);
          }
        }
        htmlToText(text);
      }),
      { numRuns: 300 },
    );
  });
});
