/**
 * Capturing the demo's ads: every ad page the generator wrote (with its photo as a raster
 * copy, near-identical across one woman's ads) goes through the capture service, and the
 * networks the ads form are compared with the generator's ground truth.
 */
import { mkdtempSync } from 'node:fs';
import { fullVisibility } from '../access/index.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/dialects.ts';
import { seedOf, withRasterPhoto } from '../../../test/support/capturePhotos.ts';
import { pairScores } from '../../domain/captures/clusters.ts';
import { generateScenario } from '../../demo/index.ts';
import type { Scenario } from '../../demo/index.ts';
import { KeyRing, useKeyRing } from '../../store/keys.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import { adNetworks } from './networks.ts';
import { captureFile } from './captures.ts';
import { verifyEvidence } from './evidence.ts';
import { createCase } from '../cases/cases.ts';
import { actorOf, addUser } from '../access/users.ts';

useKeyRing(KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-capture-keys-'))));

const ALL = fullVisibility;

/** Per ad: its network (via the woman it advertises) and its photo group with the copy number. */
function truthOf(s: Scenario) {
  const networkOfPerson = new Map(s.groundTruth.persons.map((p) => [p.id, p.networkId]));
  const network = new Map<string, string>();
  const photo = new Map<string, { group: string; variant: number }>();
  for (const g of s.groundTruth.adPhotoGroups) {
    g.adIds.forEach((adId, k) => {
      network.set(adId, networkOfPerson.get(g.victimId) ?? 'none');
      photo.set(adId, { group: g.groupId, variant: k });
    });
  }
  return { network, photo };
}

const adEntity = (s: Scenario, id: string) => s.entities.find((e) => e.id === id);

async function captureAll(
  store: Store,
  actor: Actor,
  caseId: string,
  s: Scenario,
  render: (html: string, adId: string) => string,
): Promise<Map<string, string>> {
  const { photo } = truthOf(s);
  const ourAdToDemoAd = new Map<string, string>();
  for (const c of s.captures) {
    const p = photo.get(c.adId);
    const ad = adEntity(s, c.adId);
    const url = ad?.properties.url?.[0] ?? 'https://ads.example/x';
    const capturedAt = `${ad?.properties.capturedAt?.[0] ?? '2024-01-01'}T12:00:00Z`;
    const html = render(p ? withRasterPhoto(c.html, seedOf(p.group), p.variant) : c.html, c.adId);
    const out = await captureFile(store, actor, caseId, {
      bytes: Buffer.from(html, 'utf8'),
      fileName: `${c.adId}.html`,
      url,
      capturedAt,
    });
    ourAdToDemoAd.set(out.adId, c.adId);
  }
  return ourAdToDemoAd;
}

describe('capturing the demo ads', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let actor: Actor;
  const scenario = generateScenario({ seed: 20260, scale: 20 });
  const truth = truthOf(scenario);

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore('sqlite'));
    actor = actorOf(await addUser(store, { username: 'capture-demo', platformRole: 'investigator' }));
  });
  afterAll(async () => dispose());

  it('links at least 200 captured ads into the networks the generator planted', async () => {
    expect(scenario.captures.length).toBeGreaterThanOrEqual(200);
    const kase = await createCase(store, actor, { title: 'Ad captures', country: 'FI' });
    const demoAd = await captureAll(store, actor, kase.id, scenario, (html) => html);
    const out = await adNetworks(store, kase.id, ALL);
    const predicted = out.networks.map((n) => n.adIds.map((id) => demoAd.get(id) ?? id));
    const scores = pairScores(predicted, truth.network);
    console.log(
      `ad networks: ${scenario.captures.length} ads, ${new Set(truth.network.values()).size} planted networks, ${out.networks.length} found; precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}`,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
    // Every link says why; phones carry the networks here, and photos link one woman's ads.
    const reasons = new Set(out.links.map((l) => l.reason));
    expect(reasons).toContain('phone');
    expect(reasons).toContain('photo');
    // Every file's SHA-256 checks out.
    const check = await verifyEvidence(store, kase.id);
    expect(check).toMatchObject({ ok: true, checked: scenario.captures.length });
  }, 300_000);

  it('finds one woman’s ads by their near-identical photos alone when the contacts are removed', async () => {
    const kase = await createCase(store, actor, { title: 'Photos only', country: 'FI' });
    const strip = (html: string) => html.replace(/<li class="(?:phone|email)">[^<]*<\/li>/g, '');
    const demoAd = await captureAll(store, actor, kase.id, scenario, strip);
    const out = await adNetworks(store, kase.id, ALL);
    expect(out.links.every((l) => l.reason === 'photo')).toBe(true);
    const groups = new Map([...truth.photo].map(([ad, p]) => [ad, p.group]));
    const scores = pairScores(
      out.networks.map((n) => n.adIds.map((id) => demoAd.get(id) ?? id)),
      groups,
    );
    console.log(
      `photo groups: ${new Set(groups.values()).size} planted, ${out.networks.length} found; precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}`,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});
