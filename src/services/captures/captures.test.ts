import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fullVisibility } from '../access/index.ts';
import { join } from 'node:path';
import { expect } from 'vitest';
import { uniqueName } from '../../../test/support/api.ts';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { groundTruthPartSchema } from '../../demo/index.ts';
import type { GroundTruthPart } from '../../demo/index.ts';
import { normalisePhone } from '../../domain/selectors/phone.ts';
import { KeyRing, useKeyRing } from '../../store/keys.ts';
import { listGroundTruthParts } from '../../../test/support/demoTruth.ts';
import type { Store } from '../../store/store.ts';
import { adNetworks } from './networks.ts';
import { captureFile } from './captures.ts';
import { verifyEvidence } from './evidence.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { actorOf, addUser } from '../access/users.ts';

useKeyRing(KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-capture-keys-'))));

const ALL = fullVisibility;
const page = (title: string, body: string) =>
  Buffer.from(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`,
    'utf8',
  );

async function demo(s: Store) {
  const actor = actorOf(await addUser(s, { username: uniqueName('cap'), platformRole: 'investigator' }));
  const { caseId } = await loadDemoCase(s, actor, { seed: 515, scale: 1 });
  const [part] = await listGroundTruthParts(s.scope(caseId));
  const truth: GroundTruthPart = groundTruthPartSchema.parse(JSON.parse(part?.content ?? '{}'));
  const props = async (id: string) => {
    const row = await s
      .scope(caseId)
      .selectFrom('entities')
      .select('properties')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.properties) as Record<string, string[]>;
  };
  return { actor, caseId, truth, props };
}

describeEachDialect('online captures', ({ store }) => {
  itDb(
    'surface a worker’s phone in a job ad, and keep a family’s shared phone out of the ad networks',
    async () => {
      const s = store();
      const { actor, caseId, truth, props } = await demo(s);
      const family = truth.confounders.find((c) => c.kind === 'familySharedPhone');
      const familyPhone = (await props(family?.entityIds[0] ?? '')).phone?.[0] ?? '';
      const labourWorkers = truth.persons.filter((p) => p.role === 'posted construction worker').map((p) => p.id);
      const e164 = (raw: string) => {
        const r = normalisePhone(raw, 'FI');
        return r.ok ? r.value : '';
      };
      const workerPhones = await Promise.all(labourWorkers.map(async (id) => e164((await props(id)).phone?.[0] ?? '')));
      const shared = workerPhones.find((p, i) => p && workerPhones.indexOf(p) !== i) ?? '';
      expect(familyPhone).not.toBe('');
      expect(shared).not.toBe('');

      const at = '2026-02-01T10:00:00Z';
      const job = await captureFile(s, actor, caseId, {
        bytes: page(
          'Construction work in Finland',
          `Good pay, accommodation provided, no experience needed. Call ${shared}.`,
        ),
        fileName: 'job.html',
        url: 'https://jobs.example/ad/1',
        capturedAt: at,
      });
      expect(job.redFlags).toEqual(expect.arrayContaining(['accommodationProvided', 'noExperienceNeeded']));
      // Two ads with the family's phone: an innocent one, and one that looks like an escort ad.
      const sofa = await captureFile(s, actor, caseId, {
        bytes: page('Sofa for sale', `Good condition, 80 EUR. Phone ${familyPhone}`),
        fileName: 'sofa.html',
        url: 'https://tori.example/1',
        capturedAt: at,
      });
      const escort = await captureFile(s, actor, caseId, {
        bytes: page('New in town', `Only a few days, 24/7. Call ${familyPhone}`),
        fileName: 'esc.html',
        url: 'https://seuraa.example/2',
        capturedAt: at,
      });
      expect(sofa.phones).toEqual(escort.phones);

      const out = await adNetworks(s, caseId, ALL);
      const jobHit = out.hits.find((h) => h.adIds.includes(job.adId));
      expect(jobHit?.kind).toBe('sharedByUnrelated');
      expect(jobHit?.holders.length).toBeGreaterThan(1);
      // The workers sharing the phone (a planted duplicate record of one of them may hold it too).
      expect(jobHit?.holders.filter((h) => h.roles.includes('worker')).length).toBeGreaterThanOrEqual(2);
      expect(jobHit?.holders.some((h) => h.roles.includes('accountHolder'))).toBe(true);

      const familyHit = out.hits.find((h) => h.adIds.includes(sofa.adId));
      expect(familyHit?.kind).toBe('household');
      expect(familyHit?.why).toMatch(/household/);
      expect(new Set(familyHit?.holders.map((h) => h.entityId))).toEqual(new Set(family?.entityIds.slice(0, 3)));
      // The two family-phone ads are shown as linked, with the reason, but not merged.
      const weak = out.links.find((l) => [l.a, l.b].includes(sofa.adId) && [l.a, l.b].includes(escort.adId));
      expect(weak).toMatchObject({ reason: 'householdPhone', merges: false });
      const networkOf = (adId: string) => out.networks.find((n) => n.adIds.includes(adId));
      expect(networkOf(sofa.adId)?.adIds).toEqual([sofa.adId]);
      expect(networkOf(escort.adId)?.adIds).toEqual([escort.adId]);
    },
    180_000,
  );

  itDb('fails verification when one byte of a captured file changes, naming that file', async () => {
    const s = store();
    const actor = actorOf(await addUser(s, { username: uniqueName('ver'), platformRole: 'investigator' }));
    const { createCase } = await import('../cases/cases.ts');
    const kase = await createCase(s, actor, { title: 'Verify', country: 'LV' });
    const a = await captureFile(s, actor, kase.id, {
      bytes: page('Darbs', 'Zvaniet +371 2612 3456'),
      fileName: 'a.html',
      url: 'https://ss.example/a',
      capturedAt: '2026-01-01T00:00:00Z',
    });
    const b = await captureFile(s, actor, kase.id, {
      bytes: page('Darbs 2', 'Zvaniet 2612 3457'),
      fileName: 'b.html',
      url: 'https://ss.example/b',
      capturedAt: '2026-01-01T00:00:00Z',
    });
    expect(b.phones).toEqual(['+37126123457']);
    expect(await verifyEvidence(s, kase.id)).toMatchObject({ ok: true, checked: 2 });
    const scope = s.scope(kase.id);
    const row = await scope
      .selectFrom('case_files')
      .select(['content'])
      .where('id', '=', a.fileId)
      .executeTakeFirstOrThrow();
    const changed = Buffer.from(row.content);
    changed[10] = (changed[10] ?? 0) ^ 1;
    await scope.updateTable('case_files').set({ content: changed }).where('id', '=', a.fileId).execute();
    const report = await verifyEvidence(s, kase.id);
    expect(report.ok).toBe(false);
    expect(report.files.filter((f) => f.status !== 'ok').map((f) => [f.fileId, f.status])).toEqual([
      [a.fileId, 'altered'],
    ]);
  });
});
