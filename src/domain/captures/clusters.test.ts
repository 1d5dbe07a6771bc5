import { describe, expect, it } from 'vitest';
import { clusterAds, STOCK_PHOTO_CONTACT_GROUPS } from './clusters.ts';
import type { AdSignals } from './clusters.ts';

const stock = { dhash: '0f0f0f0f0f0f0f0f', phash: 'aaaaaaaaaaaaaaaa' };
const stockResized = { dhash: '0f0f0f0f0f0f0f0e', phash: 'aaaaaaaaaaaaaaab' };
const victim = { dhash: 'f0f0f0f0f0f0f0f0', phash: '5555555555555555' };

const ad = (id: string, phone: string, images: AdSignals['images']): AdSignals => ({
  id,
  phones: [phone],
  emails: [],
  images,
});

describe('clusterAds and common photos', () => {
  it('shows a photo shared by three unrelated advertisers as a common photo and keeps them apart', () => {
    expect(STOCK_PHOTO_CONTACT_GROUPS).toBe(3);
    const { clusters, links } = clusterAds([
      ad('a1', '+358401000001', [stock]),
      ad('a2', '+358401000001', []),
      ad('b1', '+358402000002', [stockResized]),
      ad('c1', '+358403000003', [stock]),
    ]);
    expect(clusters.map((c) => c.adIds)).toEqual([['a1', 'a2'], ['b1'], ['c1']]);
    const photoLinks = links.filter((l) => l.reason === 'photo' || l.reason === 'commonPhoto');
    expect(photoLinks).toHaveLength(3);
    for (const l of photoLinks) expect(l).toMatchObject({ reason: 'commonPhoto', merges: false });
    expect(clusters[1]?.reasons).toEqual(['commonPhoto']);
  });

  it("merges a network's ads that show one worker's photo over two of its phones", () => {
    const { clusters, links } = clusterAds([
      ad('n1', '+358404000004', [victim]),
      ad('n2', '+358404000004', [victim]),
      ad('n3', '+358405000005', [victim]),
      ad('x1', '+358406000006', [stock]),
    ]);
    expect(clusters.map((c) => c.adIds)).toEqual([['n1', 'n2', 'n3'], ['x1']]);
    expect(links.filter((l) => l.reason === 'photo').every((l) => l.merges)).toBe(true);
    expect(links.some((l) => l.reason === 'commonPhoto')).toBe(false);
  });

  it('judges each picture on its own: a stock photo across phones does not weaken a worker photo they share', () => {
    const { clusters, links } = clusterAds([
      ad('n1', '+358404000004', [victim, stock]),
      ad('n2', '+358405000005', [stock, victim]),
      ad('o1', '+358407000007', [stock]),
      ad('o2', '+358408000008', [stock]),
    ]);
    expect(clusters.map((c) => c.adIds)).toEqual([['n1', 'n2'], ['o1'], ['o2']]);
    expect(links.find((l) => l.a === 'n1' && l.b === 'n2')).toMatchObject({
      reason: 'photo',
      value: 'dHash 0 / pHash 0',
      merges: true,
    });
    expect(links.find((l) => l.a === 'o1' && l.b === 'o2')).toMatchObject({ reason: 'commonPhoto', merges: false });
  });

  it('merges ads that give no contact by their photo alone, however many show it', () => {
    const bare = (id: string): AdSignals => ({ id, phones: [], emails: [], images: [victim] });
    const { clusters, links } = clusterAds([bare('p1'), bare('p2'), bare('p3'), bare('p4')]);
    expect(clusters.map((c) => c.adIds)).toEqual([['p1', 'p2', 'p3', 'p4']]);
    expect(links.every((l) => l.reason === 'photo' && l.merges)).toBe(true);
  });

  it('counts the people a group of ads pictures: one advertiser alone is one, a phone for several women more', () => {
    const second = { dhash: '00ff00ff00ff00ff', phash: '3333333333333333' };
    const { clusters } = clusterAds([
      ad('own1', '+358409000009', [stock]),
      ad('own2', '+358409000009', [stockResized]),
      ad('n1', '+358404000004', [victim]),
      ad('n2', '+358404000004', [second]),
      ad('n3', '+358405000005', [second]),
      ad('none', '+358401000001', []),
    ]);
    expect(clusters.map((c) => [c.adIds, c.peopleShown])).toEqual([
      [['n1', 'n2', 'n3'], 2],
      [['own1', 'own2'], 1],
      [['none'], 0],
    ]);
  });
});
