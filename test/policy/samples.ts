/** A request for each route, valid enough that only the policy decides whether it passes. */
import { base32Encode, totpAt } from '../../src/services/auth/totp.ts';
import { createEntities } from '../../src/services/entities.ts';
import type { Store } from '../../src/store/store.ts';
import type { MatrixCase, World } from './world.ts';
import { PASSWORD } from './world.ts';

export interface Sample {
  url: string;
  body?: unknown;
  /** Send no token (public routes). */
  anonymous?: boolean;
  /** A raw body (uploads), sent as application/octet-stream. */
  raw?: Buffer;
}

let k = 0;
const SECRET = base32Encode(Buffer.from('matrix-test-secret!!'));

type Inject = (method: string, url: string, body?: unknown, raw?: Buffer) => Promise<{ statusCode: number; json: () => Record<string, unknown> }>;

/** Starts a small import as the caller, so the job routes have a job of theirs to answer about. */
async function jobOf(inject: Inject, caseId: string): Promise<string> {
  const up = await inject('POST', `/api/cases/${caseId}/imports/uploads?name=calls.csv`, undefined, Buffer.from('from,to,when\n+37126123456,+37126123457,2026-01-01 10:00:00\n'));
  if (up.statusCode !== 201) return 'no-job';
  const job = await inject('POST', `/api/cases/${caseId}/imports`, { uploadId: up.json().uploadId, format: 'cdr', options: { mapping: { caller: 'from', callee: 'to', start: 'when' } } });
  return typeof job.json().id === 'string' ? String(job.json().id) : 'no-job';
}

export async function sampleFor(store: Store, route: string, w: World, c: MatrixCase, username: string, inject: Inject): Promise<Sample> {
  const [, path = ''] = route.split(' ');
  const url = path
    .replace('{caseId}', c.id)
    .replace('{entityId}', c.personId)
    .replace('{agencyId}', w.agencies.c)
    .replace('{userId}', w.targetUserId)
    .replace('{code}', 'H3')
    .replace('{fileId}', c.fileId);
  const n = ++k;
  switch (route) {
    case 'POST /api/auth/login': return { url, anonymous: true, body: { username, password: PASSWORD } };
    case 'PATCH /api/auth/me': return { url, body: { language: 'lv' } };
    case 'POST /api/auth/totp': return { url, body: { secret: SECRET, code: totpAt(SECRET, Date.now()) } };
    case 'POST /api/auth/tokens': return { url, body: { label: 'matrix' } };
    case 'POST /api/agencies': return { url, body: { name: `Matrix agency ${n}`, country: 'EE', kind: 'tax' } };
    case 'POST /api/users': return { url, body: { username: `matrix-new-${process.pid}-${n}`, platformRole: 'analyst' } };
    case 'PATCH /api/users/{userId}': return { url, body: { disabled: false } };
    case 'PUT /api/handling-codes/{code}': return { url, body: { label: 'Other restrictions', meaning: 'Ask the provider first.', source: 'Agency manual' } };
    case 'POST /api/cases': return { url, body: { title: `Matrix ${n}`, country: 'FI', purpose: 'training' } };
    case 'PATCH /api/cases/{caseId}': return { url, body: { title: 'Renamed' } };
    case 'POST /api/cases/{caseId}/members': return { url, body: { userId: w.targetUserId, caseRole: 'readonly' } };
    case 'POST /api/cases/{caseId}/shares': return { url, body: { agencyId: w.agencies.c, access: 'read' } };
    case 'POST /api/cases/{caseId}/entities': return { url, body: { schema: 'Person', properties: { name: [`New ${n}`] } } };
    case 'POST /api/cases/{caseId}/entities/batch': return { url, body: { entities: [{ schema: 'Company', properties: { name: [`Batch ${n}`] } }] } };
    case 'PATCH /api/cases/{caseId}/entities/{entityId}': return { url, body: { properties: { name: ['Matrix Person'] }, version: 1 } };
    case 'DELETE /api/cases/{caseId}/entities/{entityId}': {
      // Each deletion takes its own fresh entity, so the next request still finds the case as it was.
      const [fresh] = await createEntities(store, c.lead, c.id, [{ schema: 'Vehicle', properties: { registrationNumber: [`AB-${n}`] } }]);
      return { url: url.replace(c.personId, fresh?.id ?? '') };
    }
    case 'POST /api/cases/{caseId}/entities/{entityId}/notes':
    case 'POST /api/cases/{caseId}/notes': return { url, body: { text: 'A note' } };
    case 'POST /api/cases/{caseId}/journal': return { url, body: { kind: 'action', text: 'Did something' } };
    case 'POST /api/cases/{caseId}/sources': return { url, body: { kind: 'officer', label: 'Observation' } };
    case 'GET /api/cases/{caseId}/search': return { url: `${url}?q=matrix` };
    case 'GET /api/cases/{caseId}/selectors': return { url: `${url}?kind=iban&value=LV80BANK0000435195001` };
    case 'POST /api/cases/{caseId}/transactions':
      return { url, body: { transactions: [{ accountId: c.accountId, amountMinor: 100 + n, currency: 'EUR', bookingDate: '2026-01-01' }] } };
    case 'GET /api/cases/{caseId}/finance/counterparties':
    case 'GET /api/cases/{caseId}/finance/trace': return { url: `${url}?account=${c.accountId}` };
    case 'GET /api/cases/{caseId}/findings/{findingId}': return { url: url.replace('{findingId}', await plantFinding(store, c)) };
    case 'PATCH /api/cases/{caseId}/findings/{findingId}': return { url: url.replace('{findingId}', await plantFinding(store, c)), body: { status: 'confirmed' } };
    case 'POST /api/cases/{caseId}/files': return { url: `${url}?name=note.txt`, raw: Buffer.from('evidence') };
    case 'GET /api/users/lookup': return { url: `${url}?username=${encodeURIComponent(username)}` };
    case 'GET /api/search': return { url: `${url}?q=matrix` };
    case 'POST /api/import-mappings': return { url, body: { name: `Mapping ${n}`, format: 'cdr', options: { mapping: { caller: 'a', callee: 'b', start: 'c' } } } };
    case 'DELETE /api/import-mappings/{mappingId}': {
      const made = await inject('POST', '/api/import-mappings', { name: `To delete ${n}`, format: 'cdr', options: { mapping: { caller: 'a', callee: 'b', start: 'c' } } });
      return { url: url.replace('{mappingId}', String(made.json().id ?? 'none')) };
    }
    case 'POST /api/cases/{caseId}/imports/uploads': return { url: `${url}?name=calls.csv`, raw: Buffer.from('from,to,when\n') };
    case 'POST /api/cases/{caseId}/imports/preview':
    case 'POST /api/cases/{caseId}/imports': return { url, body: {} };
    case 'GET /api/import-jobs/{jobId}':
    case 'POST /api/import-jobs/{jobId}/cancel': return { url: url.replace('{jobId}', await jobOf(inject, c.id)) };
    default: return { url };
  }
}

/** A stored finding on the case's account (the matrix cases have no statements to run rules on). */
async function plantFinding(store: Store, c: MatrixCase): Promise<string> {
  const id = 'f-matrix';
  const scope = store.scope(c.id);
  if (await scope.selectFrom('findings').select('id').where('id', '=', id).executeTakeFirst()) return id;
  const now = new Date().toISOString();
  await scope.insertInto('findings', {
    id, rule: 'structuring', variant: 'split', subject_id: c.accountId, subject_kind: 'account', score: 0.5, explanation: 'Matrix finding', evidence: '[]',
    account_ids: JSON.stringify([c.accountId]), status: 'open', decided_by: null, decided_at: null, decision_note: null, run_id: 'matrix', data_version: '-', current: 1,
    created_at: now, updated_at: now,
  }).execute();
  return id;
}
