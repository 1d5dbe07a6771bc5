/**
 * Company chains, red flags and entity resolution through the API, on a demo case generated with
 * a seed not used while the rules and weights were written (development used seeds 7–12 and 21),
 * graded against its ground truth, on both databases.
 */
import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { loadDemoCaseLedBy, testApi, uniqueName, type Caller } from '../../../test/support/api.ts';
import type { GroundTruthPart } from '../../demo/index.ts';
import type { CandidateOut, ChainNodeOut, CompanyViewOut, MergeOut } from '../../shared/contracts/companies.ts';
import { listGroundTruthParts } from '../../../test/support/demoTruth.ts';

const SEED = 3_141_877;
const SCALE = 2;
/** Fixed floors for entity resolution against the planted duplicates. */
const MIN_PRECISION = 0.95;
/** issue 18 raises this (lowers it): measured 3 look-alike firms flagged (directorAge) at this seed; was 0. */
const FLAGGED_LOOKALIKES = 3;
// Measured 1.000 (32 of 32) at this seed with the hard variants planted (fuzzy name + one weak
// attribute, Latin/Cyrillic), once near names count by their typing errors (was 0.781).
const MIN_RECALL = 1;

describeEachDialect('company chains, flags and resolution on a demo case', ({ store }) => {
  let caseId = '';
  let lead: Caller;
  let outsider: Caller;
  let truth: GroundTruthPart[] = [];

  beforeAllWithStore(
    store,
    async (s) => {
      const api = await testApi(s);
      lead = await api.user(uniqueName('co-lead'), 'investigator');
      outsider = await api.user(uniqueName('co-out'), 'investigator');
      caseId = await loadDemoCaseLedBy(s, lead, { seed: SEED, scale: SCALE });
      truth = (await listGroundTruthParts(s.scope(caseId))).map((p) => JSON.parse(p.content) as GroundTruthPart);
    },
    240_000,
  );

  const companies = () => truth.flatMap((t) => t.companies);

  itDb(
    'runs each chain from the Finnish main contractor down to the posted workers',
    async () => {
      const res = await lead('GET', `/api/cases/${caseId}/companies/chains`);
      expect(res.status).toBe(200);
      const view = res.json<CompanyViewOut>();
      const find = (nodes: ChainNodeOut[], id: string): ChainNodeOut[] | null => {
        for (const n of nodes) {
          if (n.companyId === id) return [n];
          const below = find(n.children, id);
          if (below) return [n, ...below];
        }
        return null;
      };
      for (const chain of truth.flatMap((t) => t.subcontractingChains)) {
        const last = chain.companyIds[chain.companyIds.length - 1] ?? '';
        const path = find(view.chains, last);
        expect(
          path?.map((n) => n.companyId),
          `path to ${last}`,
        ).toEqual(chain.companyIds);
        const top = path?.[0];
        expect(top?.country).toBe('fi');
        expect(top?.via).toBeNull();
        const posted = new Set(path?.[path.length - 1]?.workers.filter((w) => w.posted).map((w) => w.id));
        for (const w of chain.workerIds) expect(posted.has(w), `worker ${w} posted by ${last}`).toBe(true);
      }
    },
    60_000,
  );

  itDb(
    'flags the letterbox and phoenix companies, with explanations, and not the legitimate contractor or staffing agency',
    async () => {
      const view = (await lead('GET', `/api/cases/${caseId}/companies/chains`)).json<CompanyViewOut>();
      const bad = companies().filter((c) => c.nature === 'letterbox' || c.nature === 'phoenixSuccessor');
      expect(bad.length).toBe(2 * SCALE);
      for (const c of bad) {
        const flags = view.flags[c.id] ?? [];
        expect(flags.length, `${c.nature} ${c.id}`).toBeGreaterThanOrEqual(2);
        expect(flags.map((f) => f.rule)).toContain('phoenix');
        for (const f of flags) expect(f.explanation.length).toBeGreaterThan(20);
      }
      const main = companies().filter((c) => c.role.startsWith('main contractor'));
      const agencies = truth
        .flatMap((t) => t.confounders)
        .filter((c) => c.kind === 'legitimateStaffingAgency')
        .map((c) => c.entityIds[0] ?? '');
      expect(main.length).toBe(SCALE);
      expect(agencies.length).toBe(SCALE);
      for (const id of [...main.map((c) => c.id), ...agencies]) expect(view.flags[id] ?? [], id).toEqual([]);
      const legit = companies().filter((c) => c.nature === 'legitimate');
      const flaggedLegit = legit.filter((c) => (view.flags[c.id] ?? []).length > 0);
      // Look-alike confounders (young or elderly owners of cash businesses, firms wound up or sold)
      // may draw a flag; no other legitimate firm may.
      const lookalikes = new Set(truth.flatMap((t) => t.confounders).flatMap((c) => c.entityIds));
      expect(
        flaggedLegit.filter((c) => !lookalikes.has(c.id)).map((c) => `${c.role} ${JSON.stringify(view.flags[c.id])}`),
      ).toEqual([]);
      // issue 18 raises this: measured 3 false alarms on look-alike firms (was 0 when none were planted).
      expect(flaggedLegit.length).toBeLessThanOrEqual(FLAGGED_LOOKALIKES);
      // What the flags say together: the letterbox and the successor each by its pattern, no look-alike by any.
      for (const c of bad)
        expect(view.patterns?.[c.id]?.pattern, c.id).toBe(c.nature === 'letterbox' ? 'letterbox' : 'phoenixSuccessor');
      expect(legit.filter((c) => view.patterns?.[c.id]).map((c) => c.role)).toEqual([]);
    },
    60_000,
  );

  itDb(
    'finds the planted duplicates with the fixed precision and recall, each with its reasons',
    async () => {
      const res = await lead('GET', `/api/cases/${caseId}/resolution/candidates?limit=1000`);
      expect(res.status).toBe(200);
      const { candidates } = res.json<{ candidates: CandidateOut[] }>();
      const key = (a: string, b: string) => [a, b].sort().join('|');
      const planted = new Set(truth.flatMap((t) => t.duplicates).map((d) => key(d.canonicalId, d.duplicateId)));
      const found = candidates.filter((c) => planted.has(key(c.a.id, c.b.id))).length;
      const precision = candidates.length ? found / candidates.length : 1;
      const recall = found / planted.size;
      console.log(
        `entity resolution, seed ${SEED}, scale ${SCALE}, ${store().dialect}: ${candidates.length} candidates, ${planted.size} planted; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
      );
      expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
      for (const c of candidates) expect(c.reasons.find((r) => r.feature === 'name')).toBeDefined();
    },
    60_000,
  );

  itDb(
    'merges a candidate, re-points its links, remembers the decision and undoes it all',
    async () => {
      // A planted typo duplicate that resolution proposes (not every one is found since issue 17).
      const proposed = (await lead('GET', `/api/cases/${caseId}/resolution/candidates?limit=1000`)).json<{
        candidates: CandidateOut[];
      }>().candidates;
      const pairs = new Set(proposed.map((c) => [c.a.id, c.b.id].sort().join('|')));
      const linksOf = (id: string) =>
        store()
          .scope(caseId)
          .selectFrom('entities')
          .select('id')
          .where((eb) => eb.or([eb('source_id', '=', id), eb('target_id', '=', id)]))
          .execute();
      let dup: (typeof truth)[number]['duplicates'][number] | undefined;
      let linkedBefore: { id: string }[] = [];
      for (const d of truth.flatMap((t) => t.duplicates)) {
        if (d.variant !== 'typo' || !pairs.has([d.canonicalId, d.duplicateId].sort().join('|'))) continue;
        linkedBefore = await linksOf(d.duplicateId);
        dup = d;
        if (linkedBefore.length > 0) break;
      }
      if (!dup) throw new Error('no typo duplicate proposed');
      expect(linkedBefore.length).toBeGreaterThan(0);
      const merged = await lead('POST', `/api/cases/${caseId}/resolution/merges`, {
        keep: dup.canonicalId,
        merge: dup.duplicateId,
      });
      expect(merged.status).toBe(201);
      const m = merged.json<MergeOut>();
      expect(m.repointed).toBe(linkedBefore.length);
      expect((await lead('GET', `/api/cases/${caseId}/entities/${dup.duplicateId}`)).status).toBe(404);
      const moved = await store()
        .scope(caseId)
        .selectFrom('entities')
        .select('id')
        .where((eb) => eb.or([eb('source_id', '=', dup.canonicalId), eb('target_id', '=', dup.canonicalId)]))
        .execute();
      for (const l of linkedBefore) expect(moved.map((x) => x.id)).toContain(l.id);
      const listed = (await lead('GET', `/api/cases/${caseId}/resolution/candidates?limit=1000&decided=true`)).json<{
        candidates: CandidateOut[];
      }>();
      expect(listed.candidates.some((c) => c.a.id === dup.duplicateId || c.b.id === dup.duplicateId)).toBe(false);
      const audit = await store()
        .scope(caseId)
        .selectFrom('audit_events')
        .select(['action', 'target_id'])
        .where('action', '=', 'combination')
        .execute();
      expect(audit.map((a) => a.target_id)).toContain(m.id);

      const undone = await lead('DELETE', `/api/cases/${caseId}/resolution/merges/${m.id}`);
      expect(undone.status, JSON.stringify(undone.body)).toBe(200);
      expect((await lead('GET', `/api/cases/${caseId}/entities/${dup.duplicateId}`)).status).toBe(200);
      const back = await store()
        .scope(caseId)
        .selectFrom('entities')
        .select('id')
        .where((eb) => eb.or([eb('source_id', '=', dup.duplicateId), eb('target_id', '=', dup.duplicateId)]))
        .execute();
      expect(back.map((x) => x.id).sort()).toEqual(linkedBefore.map((x) => x.id).sort());
      expect((await lead('DELETE', `/api/cases/${caseId}/resolution/merges/${m.id}`)).status).toBe(409);
      const again = (await lead('GET', `/api/cases/${caseId}/resolution/candidates?limit=1000`)).json<{
        candidates: CandidateOut[];
      }>();
      expect(
        again.candidates.some(
          (c) => [c.a.id, c.b.id].sort().join('|') === [dup.canonicalId, dup.duplicateId].sort().join('|'),
        ),
      ).toBe(true);
    },
    60_000,
  );

  itDb(
    'remembers a rejection for a re-imported copy under a new id',
    async () => {
      const dup = truth.flatMap((t) => t.duplicates).find((d) => d.variant === 'secondImport');
      if (!dup) throw new Error('no second-import duplicate planted');
      const rejected = await lead('POST', `/api/cases/${caseId}/resolution/decisions`, {
        a: dup.canonicalId,
        b: dup.duplicateId,
        decision: 'rejected',
      });
      expect(rejected.status).toBe(200);
      const copy = (await lead('GET', `/api/cases/${caseId}/entities/${dup.duplicateId}`)).json<{
        entity: { schema: string; properties: Record<string, string[]> };
      }>().entity;
      const made = await lead('POST', `/api/cases/${caseId}/entities`, {
        schema: copy.schema,
        properties: copy.properties,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const newId = made.json<{ id: string }>().id;
      const { candidates } = (await lead('GET', `/api/cases/${caseId}/resolution/candidates?limit=1000`)).json<{
        candidates: CandidateOut[];
      }>();
      const pairs = candidates.map((c) => [c.a.id, c.b.id].sort().join('|'));
      expect(pairs).not.toContain([dup.canonicalId, dup.duplicateId].sort().join('|'));
      expect(pairs).not.toContain([dup.canonicalId, newId].sort().join('|'));
    },
    60_000,
  );

  itDb(
    'refuses bad input naming the field, and hides the case from outsiders',
    async () => {
      const bad = async (method: string, url: string, body: unknown, path: string) => {
        const res = await lead(method, url, body);
        expect(res.status, url).toBe(400);
        expect(res.json<{ error: { path?: string } }>().error.path).toBe(path);
      };
      await bad('GET', `/api/cases/${caseId}/companies/chains?rules=bogus`, undefined, 'query.rules');
      await bad('GET', `/api/cases/${caseId}/resolution/candidates?threshold=2`, undefined, 'query.threshold');
      await bad('POST', `/api/cases/${caseId}/resolution/merges`, { merge: 'x' }, 'body.keep');
      await bad(
        'POST',
        `/api/cases/${caseId}/resolution/decisions`,
        { a: 'x', b: 'y', decision: 'merged' },
        'body.decision',
      );
      await bad('POST', `/api/cases/${caseId}/resolution/merges`, { keep: 'no-such', merge: 'other' }, 'keep');
      expect((await outsider('GET', `/api/cases/${caseId}/companies/chains`)).status).toBe(404);
      expect((await outsider('GET', `/api/cases/${caseId}/resolution/candidates`)).status).toBe(404);
      expect(
        (await lead('GET', '/api/companies/flag-rules'))
          .json<{ rules: { source: string }[] }>()
          .rules.every((r) => r.source.length > 10),
      ).toBe(true);
    },
    60_000,
  );
});
