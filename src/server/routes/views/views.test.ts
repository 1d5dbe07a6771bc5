/**
 * The analysis views' API on both databases: what the views answer, bad input refused with the
 * field named and the case unchanged, the analyst's placements kept and audited.
 */
import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { loadDemoCaseLedBy, testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller } from '../../../../test/support/api.ts';
import type { ChainOut, MapOut, TimelineOut } from '../../../shared/contracts/views.ts';
import type { Store } from '../../../store/store.ts';

describeEachDialect('analysis views API', ({ store }) => {
  let user: Caller;
  let s: Store;
  let caseId = '';
  let base = '';

  beforeAllWithStore(
    store,
    async (opened) => {
      s = opened;
      user = await (await testApi(s)).user(uniqueName('views-api'), 'analyst');
      caseId = await loadDemoCaseLedBy(s, user, { seed: 91, scale: 1 });
      base = `/api/cases/${caseId}/views`;
    },
    120_000,
  );

  itDb('answers the chain, the timeline and the map', async () => {
    const chain = (await user('GET', `${base}/chain`)).json<ChainOut>();
    expect(chain.stages).toEqual(['recruitment', 'documents', 'transport', 'accommodation', 'exploitation', 'finance']);
    expect(chain.items.some((i) => i.lanes.some((l) => l.lane === 'recruitment'))).toBe(true);
    const timeline = (await user('GET', `${base}/timeline`)).json<TimelineOut>();
    expect(timeline.items.some((i) => i.kind === 'employment')).toBe(true);
    expect(timeline.transactions.reduce((n, d) => n + d.count, 0)).toBeGreaterThan(1000);
    const map = (await user('GET', `${base}/map`)).json<MapOut>();
    expect(map.markers.length).toBeGreaterThan(20);
    expect(map.markers.every((m) => m.latitude > 40 && m.latitude < 72 && m.longitude > 10 && m.longitude < 40)).toBe(
      true,
    );
  });

  itDb('refuses bad input naming the field, and leaves the case unchanged', async () => {
    const backwards = await user('GET', `${base}/chain?from=2024-05-01&to=2024-04-01`);
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('from');
    const chain = (await user('GET', `${base}/chain`)).json<ChainOut>();
    const someone = chain.items[0];
    if (!someone) throw new Error('empty chain');
    const lane = await user('PUT', `${base}/chain/placements`, { entityId: someone.id, lane: 'harbour' });
    expect(lane.status).toBe(400);
    expect(lane.json<{ error: { path: string } }>().error.path).toBe('lane');
    const lat = await user('PUT', `${base}/map/positions`, { entityId: someone.id, latitude: 123, longitude: 0 });
    expect(lat.status).toBe(400);
    expect(JSON.stringify(lat.body)).toContain('latitude');
    const missing = await user('PUT', `${base}/map/positions`, {
      entityId: 'no-such-entity',
      latitude: 60,
      longitude: 24,
    });
    expect(missing.status).toBe(404);
    expect(await s.scope(caseId).selectFrom('view_placements').selectAll().execute()).toEqual([]);
  });

  itDb("keeps the analyst's placements, audited, until removed", async () => {
    const chain = (await user('GET', `${base}/chain`)).json<ChainOut>();
    const someone = chain.items.find((i) => !i.lanes.some((l) => l.lane === 'documents'));
    if (!someone) throw new Error('empty chain');
    expect(
      (
        await user('PUT', `${base}/chain/placements`, {
          entityId: someone.id,
          lane: 'documents',
          note: 'forged A1 forms',
        })
      ).status,
    ).toBe(200);
    const after = (await user('GET', `${base}/chain`)).json<ChainOut>();
    expect(
      after.items.find((i) => i.id === someone.id)?.lanes.find((l) => l.lane === 'documents')?.reasons[0]?.rule,
    ).toBe('manual');
    const audit = await s.db
      .selectFrom('audit_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('target_id', '=', someone.id)
      .execute();
    expect(audit.some((a) => a.action === 'alteration')).toBe(true);
    expect(
      (await user('DELETE', `${base}/chain/placements?entityId=${encodeURIComponent(someone.id)}`)).json(),
    ).toEqual({ removed: true });
    const map = (await user('GET', `${base}/map`)).json<MapOut>();
    const marker = map.markers[0];
    if (!marker) throw new Error('no marker');
    expect(
      (await user('PUT', `${base}/map/positions`, { entityId: marker.entityId, latitude: 59.5, longitude: 25.1 }))
        .status,
    ).toBe(200);
    const moved = (await user('GET', `${base}/map`)).json<MapOut>().markers.find((m) => m.entityId === marker.entityId);
    expect(moved).toMatchObject({ latitude: 59.5, longitude: 25.1, precision: 'manual' });
  });
});
