/** Rows planted for the policy matrix, so that each route finds something of the case to act on. */
import { createChart } from '../../src/services/views/charts.ts';
import { captureFile } from '../../src/services/captures/captures.ts';
import { createEntities } from '../../src/services/entities/entities.ts';
import { resolveCaseAccess } from '../../src/services/access/policy.ts';
import { mergePair } from '../../src/services/resolution/merge.ts';
import { saveProceedsModel } from '../../src/services/finance/proceeds.ts';
import { deploymentIdOf } from '../../src/domain/hits/exchange.ts';
import type { Store } from '../../src/store/store.ts';
import type { MatrixCase, World } from './world.ts';

let notified = 0;
/**
 * A stored finding on the case's account (the matrix cases have no statements to run rules on),
 * decided by the case's lead before each request: a decision is the owner's record, which a
 * contributing partner may not overturn.
 */
export async function plantFinding(store: Store, c: MatrixCase): Promise<string> {
  const id = 'f-matrix';
  const scope = store.scope(c.id);
  const now = new Date().toISOString();
  const decision = { status: 'confirmed', decided_by: c.lead.id, decided_at: now } as const;
  if (await scope.selectFrom('findings').select('id').where('id', '=', id).executeTakeFirst()) {
    await scope.updateTable('findings').set(decision).where('id', '=', id).execute();
    return id;
  }
  await scope
    .insertInto('findings', {
      id,
      rule: 'structuring',
      variant: 'split',
      subject_id: c.accountId,
      subject_kind: 'account',
      score: 0.5,
      explanation: 'Matrix finding',
      evidence: '[]',
      account_ids: JSON.stringify([c.accountId]),
      ...decision,
      decision_note: null,
      run_id: 'matrix',
      data_version: '-',
      current: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The proceeds estimate's assumptions as the case's lead stored them, before each request. */
export async function plantProceedsModel(store: Store, c: MatrixCase): Promise<void> {
  await saveProceedsModel(store, c.lead, c.id, {
    assumptions: [{ name: 'hoursPerMonth', value: 250, unit: 'h/month', source: 'Matrix statement' }],
  });
}

/** A fresh chart saved by the case's lead, so each request finds one to read, change or delete. */
export async function plantChart(store: Store, c: MatrixCase, n: number): Promise<string> {
  const chart = await createChart(store, c.lead, c.id, {
    name: `Planted ${n}`,
    content: { nodes: [{ id: c.personId, x: 0, y: 0 }] },
  });
  return chart.id;
}

export const MATRIX_AGREEMENT = {
  name: 'Matrix agreement',
  partnerName: 'Matrix partner',
  partnerCountry: 'EE',
  partnerPublicKey: 'ab'.repeat(32),
  selectorTypes: ['iban', 'phone'],
  rateLimit: { queries: 1000, periodHours: 1 },
  contactPoints: [{ name: 'Matrix contact', agency: 'Matrix police' }],
};

/** A cooperation agreement (no partner server: files only) for the hit/no-hit routes. */
export async function plantAgreement(store: Store, id: string): Promise<string> {
  if (await store.db.selectFrom('cooperation_agreements').select('id').where('id', '=', id).executeTakeFirst())
    return id;
  const now = new Date().toISOString();
  await store.db
    .insertInto('cooperation_agreements')
    .values({
      id,
      name: MATRIX_AGREEMENT.name,
      partner_name: MATRIX_AGREEMENT.partnerName,
      partner_country: 'EE',
      partner_public_key: MATRIX_AGREEMENT.partnerPublicKey,
      partner_deployment_id: deploymentIdOf(MATRIX_AGREEMENT.partnerPublicKey),
      partner_url: null,
      selector_types: JSON.stringify(MATRIX_AGREEMENT.selectorTypes),
      rate_queries: 1000,
      rate_period_hours: 1,
      max_selectors: 20_000,
      contact_points: JSON.stringify(MATRIX_AGREEMENT.contactPoints),
      valid_until: null,
      status: 'active',
      created_by: 'matrix',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A notification addressed to the caller, so marking it read is theirs to do. */
export async function plantNotification(store: Store, c: MatrixCase, w: World, username: string): Promise<string> {
  const user = Object.values(w.users).find((u) => u.username === username);
  const id = `n-${++notified}`;
  await store
    .scope(c.id)
    .insertInto('notifications', {
      id,
      user_id: user?.actor.id ?? 'nobody',
      kind: 'hit',
      ref_id: 'matrix',
      created_at: new Date().toISOString(),
      read_at: null,
    })
    .execute();
  return id;
}

/** Two records of one person, for the resolution routes (a merge removes one, so each request gets its own). */
export async function twins(store: Store, c: MatrixCase, n: number): Promise<[string, string]> {
  const person = { schema: 'Person', properties: { name: [`Matrix Twin ${n}`], birthDate: ['1990-01-01'] } };
  const made = await createEntities(store, c.lead, c.id, [person, person]);
  return [made[0]?.id ?? 'none', made[1]?.id ?? 'none'];
}

/** A merge made by the case's lead, for the undo route to undo. */
export async function plantMerge(store: Store, c: MatrixCase, n: number): Promise<string> {
  const [keep, merge] = await twins(store, c, n);
  const access = await resolveCaseAccess(store, c.lead, c.id);
  if (!access) return 'none';
  return (await mergePair(store, c.lead, access, { keep, merge })).id;
}

/** A capture in the case, made once by its lead, for the route that reads one. */
const planted = new Map<string, string>();
export async function plantCapture(store: Store, c: MatrixCase): Promise<string> {
  const known = planted.get(c.id);
  if (known) return known;
  const out = await captureFile(store, c.lead, c.id, {
    bytes: Buffer.from('<html><body><p>Soita 040 123 4567</p></body></html>'),
    fileName: 'ad.html',
    url: 'https://ads.example/2',
    capturedAt: '2026-03-01T10:00:00Z',
  });
  planted.set(c.id, out.id);
  return out.id;
}
