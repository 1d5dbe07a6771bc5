/**
 * Ads into networks: two ads are linked when they give the same phone number or e-mail address,
 * or carry a near-identical photo; the linked groups are the networks an investigator looks at.
 *
 * A phone that several people of one household give as their own (the case shows it on two or
 * more persons of one family: same surname and address, or a Family link) is weak: a family's landline or shared mobile
 * says nothing about who placed an ad. Ads sharing only such a phone are shown as linked, with
 * the reason, but not merged into one network; any other shared signal merges them.
 *
 * A photo is weak in the same way when it is a common one: the same picture (a group of
 * near-identical images) recurs in the ads of STOCK_PHOTO_CONTACT_GROUPS or more contact groups
 * (ads joined by their phones and e-mails). Those ads are shown as linked, with the reason, but
 * not merged by that photo; see stockPhotoGroups for why.
 */
import { hamming, nearIdentical } from './imageHash.ts';
import type { ImageHashes } from './imageHash.ts';

export interface AdSignals {
  id: string;
  phones: readonly string[];
  emails: readonly string[];
  images: readonly ImageHashes[];
}

export type AdLinkReason = 'phone' | 'email' | 'photo' | 'householdPhone' | 'commonPhoto';

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
  /**
   * Different people its ads picture: groups of near-identical photos among its ads. One means a
   * single advertiser's own ads (one woman, her phone, her picture), which an independent advertiser
   * makes as much as a network does; a network is told by one contact advertising several people.
   */
  peopleShown: number;
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
  const contacts = new UnionFind();
  for (const l of links) if (l.merges) contacts.union(l.a, l.b);
  const images = new UnionFind();
  const imageKey = (ad: string, k: number) => `${ad}\u0000${k}`;
  type Match = { d: number; p: number; key: string };
  const photoLinks: { a: string; b: string; matches: Match[] }[] = [];
  for (let i = 0; i < ads.length; i++) {
    const a = ads[i];
    if (!a) continue;
    for (let j = i + 1; j < ads.length; j++) {
      const b = ads[j];
      if (!b) continue;
      const matches: Match[] = [];
      for (const [xi, x] of a.images.entries()) {
        for (const [yi, y] of b.images.entries()) {
          if (!nearIdentical(x, y)) continue;
          images.union(imageKey(a.id, xi), imageKey(b.id, yi));
          matches.push({ d: hamming(x.dhash, y.dhash), p: hamming(x.phash, y.phash), key: imageKey(a.id, xi) });
        }
      }
      if (matches.length) photoLinks.push({ a: a.id, b: b.id, matches });
    }
  }
  // A pair of ads showing a common photo and also another, own photo is linked by the own one.
  const common = stockPhotoGroups(ads, images, contacts, imageKey);
  const isCommon = (m: Match) => common.has(images.find(m.key));
  for (const l of photoLinks) {
    const own = l.matches.filter((m) => !isCommon(m));
    const weak = own.length === 0;
    const best = (weak ? l.matches : own).reduce((x, y) => (y.d + y.p < x.d + x.p ? y : x));
    const reason = weak ? 'commonPhoto' : 'photo';
    links.push({ a: l.a, b: l.b, reason, value: `dHash ${best.d} / pHash ${best.p}`, merges: !weak });
  }
  const uf = new UnionFind();
  for (const l of links) if (l.merges) uf.union(l.a, l.b);
  const groups = new Map<string, { adIds: string[]; reasons: Set<AdLinkReason>; pictures: Set<string> }>();
  for (const ad of ads) {
    const root = uf.find(ad.id);
    const g = groups.get(root) ?? { adIds: [], reasons: new Set<AdLinkReason>(), pictures: new Set<string>() };
    g.adIds.push(ad.id);
    ad.images.forEach((_, k) => g.pictures.add(images.find(imageKey(ad.id, k))));
    groups.set(root, g);
  }
  for (const l of links) groups.get(uf.find(l.a))?.reasons.add(l.reason);
  const clusters = [...groups.values()].map((g) => ({
    adIds: g.adIds,
    reasons: [...g.reasons].sort(),
    peopleShown: g.pictures.size,
  }));
  clusters.sort((x, y) => y.adIds.length - x.adIds.length || (x.adIds[0] ?? '').localeCompare(y.adIds[0] ?? ''));
  return { links, clusters };
}

/**
 * Contact groups (ads joined by a phone or e-mail) a picture must recur in to count as a common
 * photo. An ad network reuses a worker's own photos over its phones, but its phones meet in its
 * ads: ads that give two numbers, a shared e-mail, a number handed on; so its photo usually lies
 * within one contact group, and at most spans two (an old number and the one that replaced it).
 * An unrelated advertiser who shares no contact with the others, yet shows the same picture as
 * two more such advertisers, has the picture from elsewhere: a stock, agency or stolen photo,
 * which says nothing about who placed the ad. Three is the least count that tells the two apart.
 */
export const STOCK_PHOTO_CONTACT_GROUPS = 3;

/**
 * The images' groups (roots in `images`) whose ads fall in STOCK_PHOTO_CONTACT_GROUPS or more
 * contact groups. Ads without any contact are left out: that they share none is no sign they are unrelated.
 */
function stockPhotoGroups(
  ads: readonly AdSignals[],
  images: UnionFind,
  contacts: UnionFind,
  imageKey: (ad: string, k: number) => string,
): Set<string> {
  const spans = new Map<string, Set<string>>();
  // An ad giving no phone or e-mail says nothing of who placed it: it counts for no advertiser.
  for (const ad of ads.filter((a) => a.phones.length || a.emails.length))
    ad.images.forEach((_, k) => {
      const root = images.find(imageKey(ad.id, k));
      const span = spans.get(root) ?? new Set<string>();
      span.add(contacts.find(ad.id));
      spans.set(root, span);
    });
  return new Set([...spans].filter(([, span]) => span.size >= STOCK_PHOTO_CONTACT_GROUPS).map(([root]) => root));
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
