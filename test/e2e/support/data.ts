/** What the browser tests look for, read from the same store the server uses. */
import { isVictim } from '../../../src/domain/access/victims.ts';
import type { TestServer } from './server.ts';

export const WORKERS_CSV =
  'name,phone,nationality,birthDate\nMihails Ozols,+371 2612 3456,lv,1990-02-03\nRaimonds Bērziņš,+371 2923 4567,lv,1985-07-12\nJānis Kalniņš,+371 2834 5678,lv,1979-11-30\n';

/** An FtM mapping for WORKERS_CSV, as a user would have saved it from the wizard. */
export const WORKERS_MAPPING = JSON.stringify({
  workers: {
    query: {
      csv_url: 'workers.csv',
      entities: {
        worker: {
          schema: 'Person',
          keys: ['name'],
          properties: {
            name: { column: 'name' },
            phone: { column: 'phone' },
            nationality: { column: 'nationality' },
            birthDate: { column: 'birthDate' },
          },
        },
      },
    },
  },
});

async function people(srv: TestServer) {
  const rows = await srv.store
    .scope(srv.caseId)
    .selectFrom('entities')
    .select(['id', 'caption', 'properties'])
    .where('schema', '=', 'Person')
    .orderBy('id')
    .execute();
  return rows
    .map((r) => ({ ...r, props: JSON.parse(r.properties) as Record<string, string[]> }))
    .filter((r) => !isVictim('Person', r.props));
}

export async function personCount(srv: TestServer): Promise<number> {
  const r = await srv.store
    .scope(srv.caseId)
    .selectFrom('entities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('schema', '=', 'Person')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A Finnish mobile number in national writing: 045 846 1653 for +358458461653. */
export const nationalFi = (e164: string): string => {
  const d = `0${e164.slice(4)}`;
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
};

/** A person (not a victim) whose phone is stored in another writing than we will type it. */
export async function pickPersonWithPhone(
  srv: TestServer,
): Promise<{ id: string; caption: string; stored: string; e164: string; typed: string }> {
  for (const p of await people(srv)) {
    const stored = p.props['phone']?.[0];
    if (!stored) continue;
    const sel = await srv.store
      .scope(srv.caseId)
      .selectFrom('selectors')
      .select('value')
      .where('entity_id', '=', p.id)
      .where('kind', '=', 'phone')
      .executeTakeFirst();
    if (!sel?.value.startsWith('+3584')) continue;
    const typed = nationalFi(sel.value);
    if (typed !== stored) return { id: p.id, caption: p.caption, stored, e164: sel.value, typed };
  }
  throw new Error('the demo case has no Finnish mobile number on a person');
}

/** Another person to link to, with a name whose first letters find it. */
export async function pickLinkTarget(srv: TestServer): Promise<string> {
  const mine = await pickPersonWithPhone(srv);
  const candidates = (await people(srv)).filter((p) => p.id !== mine.id && /^[A-Za-z]{4,} [A-Za-z]+$/.test(p.caption));
  const chosen = candidates[candidates.length - 1];
  if (!chosen) throw new Error('no person to link to');
  return chosen.caption;
}

/** Saves WORKERS_MAPPING for the investigator, as if saved in an earlier session. */
export async function savedMappingFor(srv: TestServer, name: string): Promise<void> {
  const res = await srv.app.inject({
    method: 'POST',
    url: '/api/import-mappings',
    headers: { authorization: `Bearer ${srv.investigator.token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ name, format: 'ftm-mapping', options: { mapping: WORKERS_MAPPING } }),
  });
  if (res.statusCode !== 201) throw new Error(`saving the mapping failed: ${res.statusCode} ${res.body}`);
}
