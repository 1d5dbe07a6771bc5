/**
 * Ads into networks: two ads are linked when they give the same phone number or e-mail address,
 * or carry a near-identical photo; the linked groups are the networks an investigator looks at.
 *
 * A phone that several people of one household give as their own (the case shows it on two or
 * more persons of one family: same surname and address, or a Family link) is weak: a family's landline or shared mobile
 * says nothing about who placed an ad. Ads sharing only such a phone are shown as linked, with
 * the reason, but not merged into one network; any other shared signal merges them.
 */
import { hamming, nearIdentical } from './imageHash.ts';
import type { ImageHashes } from './imageHash.ts';

export interface AdSignals {
  id: string;
  phones: readonly string[];
  emails: readonly string[];
  images: readonly ImageHashes[];
}

export type AdLinkReason = 'phone' | 'email' | 'photo' | 'householdPhone';

export interface AdLink {
  a: string;
  b: string;
  reason: AdLinkReason;
  /** The phone or e-mail shared, or the photo distance as "dHash d / pHash p". */
  value: string;
  /** False for a weak link that does not by itself put the ads in one network. */
  merges: boolean;
}

export interface AdCluster {
  adIds: string[];
  reasons: AdLinkReason[];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let r = x;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r) ?? r;
    let c = x;
    while (c !== r) {
      const next = this.parent.get(c) ?? r;
      this.parent.set(c, r);
      c = next;
    }
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  }
}

function bySelector(ads: readonly AdSignals[], pick: (a: AdSignals) => readonly string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const ad of ads) {
    for (const v of new Set(pick(ad))) {
      const list = m.get(v);
      if (list) list.push(ad.id);
      else m.set(v, [ad.id]);
    }
  }
  return m;
}

/**
 * Links (each pair of ads sharing a signal; a shared selector links each ad to the first that
 * gave it, which is enough to connect them) and the networks they make. `householdPhones`: the
 * phones that are a household's, not one person's.
 */
export function clusterAds(
  ads: readonly AdSignals[],
  householdPhones: ReadonlySet<string> = new Set(),
): { links: AdLink[]; clusters: AdCluster[] } {
  const links: AdLink[] = [];
  for (const [reason, groups] of [
    ['phone', bySelector(ads, (a) => a.phones)],
    ['email', bySelector(ads, (a) => a.emails)],
  ] as const) {
    for (const [value, ids] of groups) {
      const [first, ...rest] = ids;
      if (!first) continue;
      const weak = reason === 'phone' && householdPhones.has(value);
      for (const other of rest)
        links.push({ a: first, b: other, reason: weak ? 'householdPhone' : reason, value, merges: !weak });
    }
  }
  for (let i = 0; i < ads.length; i++) {
    const a = ads[i];
    if (!a) continue;
    for (let j = i + 1; j < ads.length; j++) {
      const b = ads[j];
      if (!b) continue;
      let best: { d: number; p: number } | null = null;
      for (const x of a.images) {
        for (const y of b.images) {
          if (!nearIdentical(x, y)) continue;
          const d = hamming(x.dhash, y.dhash);
          const p = hamming(x.phash, y.phash);
          if (!best || d + p < best.d + best.p) best = { d, p };
        }
      }
      if (best)
        links.push({ a: a.id, b: b.id, reason: 'photo', value: `dHash ${best.d} / pHash ${best.p}`, merges: true });
    }
  }
  const uf = new UnionFind();
  for (const l of links) if (l.merges) uf.union(l.a, l.b);
  const groups = new Map<string, { adIds: string[]; reasons: Set<AdLinkReason> }>();
  for (const ad of ads) {
    const root = uf.find(ad.id);
    const g = groups.get(root) ?? { adIds: [], reasons: new Set<AdLinkReason>() };
    g.adIds.push(ad.id);
    groups.set(root, g);
  }
  for (const l of links) groups.get(uf.find(l.a))?.reasons.add(l.reason);
  const clusters = [...groups.values()].map((g) => ({ adIds: g.adIds, reasons: [...g.reasons].sort() }));
  clusters.sort((x, y) => y.adIds.length - x.adIds.length || (x.adIds[0] ?? '').localeCompare(y.adIds[0] ?? ''));
  return { links, clusters };
}

/** Pairwise precision and recall of predicted groups against true groups (over the items of both). */
export function pairScores(
  predicted: readonly (readonly string[])[],
  truth: ReadonlyMap<string, string>,
): { precision: number; recall: number; truePairs: number; predictedPairs: number } {
  const label = new Map<string, number>();
  predicted.forEach((g, i) => g.forEach((id) => label.set(id, i)));
  const ids = [...label.keys()].filter((id) => truth.has(id));
  let tp = 0;
  let predictedPairs = 0;
  let truePairs = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      const p = label.get(a) === label.get(b);
      const t = truth.get(a) === truth.get(b);
      if (p) predictedPairs++;
      if (t) truePairs++;
      if (p && t) tp++;
    }
  }
  return {
    precision: predictedPairs ? tp / predictedPairs : 1,
    recall: truePairs ? tp / truePairs : 1,
    truePairs,
    predictedPairs,
  };
}
