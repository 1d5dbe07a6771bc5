/** A request for each route, valid enough that only the policy decides whether it passes. */
import { base32Encode, totpAt } from '../../src/services/access/totp.ts';
import { createEntities } from '../../src/services/entities/entities.ts';
import type { Store } from '../../src/store/store.ts';
import type { MatrixCase, World } from './world.ts';
import { PASSWORD } from './world.ts';
import {
  MATRIX_AGREEMENT,
  plantAgreement,
  plantCapture,
  plantChart,
  plantFinding,
  plantMerge,
  plantNotification,
  plantProceedsModel,
  twins,
} from './plants.ts';
import { trainingSample } from './trainingSamples.ts';

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

type Inject = (
  method: string,
  url: string,
  body?: unknown,
  raw?: Buffer,
) => Promise<{ statusCode: number; json: () => Record<string, unknown> }>;

/** Starts a small import as the caller, so the job routes have a job of theirs to answer about. */
async function jobOf(inject: Inject, caseId: string): Promise<string> {
  const up = await inject(
    'POST',
    `/api/cases/${caseId}/imports/uploads?name=calls.csv`,
    undefined,
    Buffer.from('from,to,when\n+37126123456,+37126123457,2026-01-01 10:00:00\n'),
  );
  if (up.statusCode !== 201) return 'no-job';
  const job = await inject('POST', `/api/cases/${caseId}/imports`, {
    uploadId: up.json().uploadId,
    format: 'cdr',
    options: { mapping: { caller: 'from', callee: 'to', start: 'when' } },
  });
  return typeof job.json().id === 'string' ? String(job.json().id) : 'no-job';
}

export async function sampleFor(
  store: Store,
  route: string,
  w: World,
  c: MatrixCase,
  username: string,
  inject: Inject,
): Promise<Sample> {
  if (route.includes(' /api/training/')) return trainingSample(store, route, w);
  const [, path = ''] = route.split(' ');
  const url = path
    .replace('{caseId}', c.id)
    .replace('{entityId}', c.personId)
    .replace('{agencyId}', w.agencies.c)
    .replace('{userId}', w.targetUserId)
    .replace('{code}', 'H3')
    .replace('{fileId}', c.fileId)
    .replace('{personId}', c.personId)
    .replace('{key}', 'ilo-ec-delphi-2009');
  const n = ++k;
  switch (route) {
    case 'POST /api/auth/login':
      return { url, anonymous: true, body: { username, password: PASSWORD } };
    case 'PATCH /api/auth/me':
      return { url, body: { language: 'lv' } };
    case 'POST /api/auth/totp':
      return {
        url,
        body: {
          secret: SECRET,
          code: totpAt(SECRET, Date.now()),
          password: PASSWORD,
          currentCode: totpAt(SECRET, Date.now()),
        },
      };
    case 'POST /api/auth/totp/off':
      return { url, body: { password: PASSWORD, code: totpAt(SECRET, Date.now()) } };
    case 'POST /api/auth/tokens':
      return { url, body: { label: 'matrix' } };
    case 'POST /api/agencies':
      return { url, body: { name: `Matrix agency ${n}`, country: 'EE', kind: 'tax' } };
    case 'POST /api/users':
      return { url, body: { username: `matrix-new-${process.pid}-${n}`, platformRole: 'analyst' } };
    case 'PATCH /api/users/{userId}':
      return { url, body: { disabled: false } };
    case 'PUT /api/handling-codes/{code}':
      return {
        url,
        body: { label: 'Other restrictions', meaning: 'Ask the provider first.', source: 'Agency manual' },
      };
    case 'POST /api/cases':
      return { url, body: { title: `Matrix ${n}`, country: 'FI', purpose: 'training' } };
    case 'PATCH /api/cases/{caseId}':
      return { url, body: { title: 'Renamed' } };
    case 'POST /api/cases/{caseId}/members':
      return { url, body: { userId: w.targetUserId, caseRole: 'readonly' } };
    case 'POST /api/cases/{caseId}/shares':
      return { url, body: { agencyId: w.agencies.c, access: 'read' } };
    case 'POST /api/cases/{caseId}/entities':
      return { url, body: { schema: 'Person', properties: { name: [`New ${n}`] } } };
    case 'POST /api/cases/{caseId}/entities/batch':
      return { url, body: { entities: [{ schema: 'Company', properties: { name: [`Batch ${n}`] } }] } };
    case 'PATCH /api/cases/{caseId}/entities/{entityId}':
      return { url, body: { properties: { name: ['Matrix Person'] }, version: 1 } };
    case 'DELETE /api/cases/{caseId}/entities/{entityId}': {
      // Each deletion takes its own fresh entity, so the next request still finds the case as it was.
      const [fresh] = await createEntities(store, c.lead, c.id, [
        { schema: 'Vehicle', properties: { registrationNumber: [`AB-${n}`] } },
      ]);
      return { url: url.replace(c.personId, fresh?.id ?? '') };
    }
    case 'POST /api/cases/{caseId}/entities/{entityId}/notes':
    case 'POST /api/cases/{caseId}/notes':
      return { url, body: { text: 'A note' } };
    case 'POST /api/cases/{caseId}/journal':
      return { url, body: { kind: 'action', text: 'Did something' } };
    case 'POST /api/cases/{caseId}/sources':
      return { url, body: { kind: 'officer', label: 'Observation' } };
    case 'GET /api/cases/{caseId}/search':
      return { url: `${url}?q=matrix` };
    case 'GET /api/cases/{caseId}/selectors':
      return { url: `${url}?kind=iban&value=LV80BANK0000435195001` };
    case 'POST /api/cases/{caseId}/transactions':
      return {
        url,
        body: {
          transactions: [{ accountId: c.accountId, amountMinor: 100 + n, currency: 'EUR', bookingDate: '2026-01-01' }],
        },
      };
    case 'GET /api/cases/{caseId}/finance/counterparties':
    case 'GET /api/cases/{caseId}/finance/trace':
      return { url: `${url}?account=${c.accountId}` };
    case 'POST /api/cases/{caseId}/reports':
      return { url, body: { sections: ['summary'] } };
    case 'GET /api/cases/{caseId}/reports/{jobId}':
    case 'GET /api/cases/{caseId}/reports/{jobId}/download':
    case 'GET /api/cases/{caseId}/jobs/{jobId}': {
      // The caller's own report job: another user's job does not exist for them.
      const job = await inject('POST', `/api/cases/${c.id}/reports`, { sections: ['summary'] });
      return { url: url.replace('{jobId}', typeof job.json().id === 'string' ? String(job.json().id) : 'no-job') };
    }
    case 'POST /api/cases/{caseId}/anx':
      return {
        url,
        body: {
          fileName: 'matrix.anx',
          content: `<Chart><ChartItemCollection><ChartItem Label="P ${n}"><End X="1" Y="2"><Entity Identity="anx-matrix-${n}"><Icon><IconStyle Type="Person"/></Icon></Entity></End></ChartItem></ChartItemCollection></Chart>`,
        },
      };
    case 'PUT /api/cases/{caseId}/victims/{personId}/file':
      return {
        url,
        body: {
          version: 0,
          referral: { organisation: null, date: null, outcome: null },
          reflection: { start: null, end: null },
          residencePermit: { status: null, until: null },
          interpreterLanguage: null,
          legalCounsel: null,
          measures: [],
          nonPunishment: { flagged: false, note: null },
        },
      };
    case 'POST /api/cases/{caseId}/victims/{personId}/file/reminders':
      return { url, body: { key: 'reflection-end-7' } };
    case 'PUT /api/cases/{caseId}/views/chain/placements':
      return { url, body: { entityId: c.personId, lane: 'recruitment' } };
    case 'DELETE /api/cases/{caseId}/views/chain/placements':
    case 'DELETE /api/cases/{caseId}/views/map/positions':
      return { url: `${url}?entityId=${c.personId}` };
    case 'PUT /api/cases/{caseId}/views/map/positions':
      return { url, body: { entityId: c.personId, latitude: 60.17, longitude: 24.94 } };
    case 'GET /api/cases/{caseId}/views/money-flow/transactions':
      return { url: `${url}?source=${c.accountId}&target=name:Shop&currency=EUR` };
    case 'GET /api/cases/{caseId}/findings/{findingId}':
      return { url: url.replace('{findingId}', await plantFinding(store, c)) };
    case 'PUT /api/cases/{caseId}/proceeds/model':
      await plantProceedsModel(store, c);
      return { url, body: { assumptions: [] } };
    case 'PATCH /api/cases/{caseId}/findings/{findingId}':
      return { url: url.replace('{findingId}', await plantFinding(store, c)), body: { status: 'confirmed' } };
    case 'GET /api/cases/{caseId}/graph/neighbourhood':
      return { url: `${url}?ids=${c.personId}&steps=2` };
    case 'GET /api/cases/{caseId}/graph/paths':
      return { url: `${url}?source=${c.personId}&target=${c.accountId}` };
    case 'POST /api/cases/{caseId}/charts':
      return { url, body: { name: `Chart ${n}`, content: { nodes: [{ id: c.personId, x: 0, y: 0 }] } } };
    case 'POST /api/cases/{caseId}/charts/import':
      return {
        url,
        body: {
          name: `Imported ${n}`,
          format: 'graphml',
          content: '<graphml><graph><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>',
        },
      };
    case 'GET /api/cases/{caseId}/charts/{chartId}':
    case 'DELETE /api/cases/{caseId}/charts/{chartId}':
    case 'GET /api/cases/{caseId}/charts/{chartId}/export':
      return { url: url.replace('{chartId}', await plantChart(store, c, n)) };
    case 'PUT /api/cases/{caseId}/charts/{chartId}':
      return {
        url: url.replace('{chartId}', await plantChart(store, c, n)),
        body: { name: `Moved ${n}`, version: 1, content: { nodes: [{ id: c.personId, x: 1, y: 2 }] } },
      };
    case 'POST /api/cases/{caseId}/files':
      return { url: `${url}?name=note.txt`, raw: Buffer.from('evidence') };
    case 'POST /api/cases/{caseId}/captures':
      return {
        url: `${url}?name=ad.html&url=${encodeURIComponent('https://ads.example/1')}&capturedAt=2026-03-01T10%3A00%3A00Z`,
        raw: Buffer.from('<html><body><p>Call +358 40 123 4567</p></body></html>'),
      };
    case 'GET /api/cases/{caseId}/captures/{captureId}':
      return { url: url.replace('{captureId}', await plantCapture(store, c)) };
    case 'GET /api/users/lookup':
      return { url: `${url}?username=${encodeURIComponent(username)}` };
    case 'GET /api/search':
      return { url: `${url}?q=matrix` };
    case 'POST /api/import-mappings':
      return {
        url,
        body: { name: `Mapping ${n}`, format: 'cdr', options: { mapping: { caller: 'a', callee: 'b', start: 'c' } } },
      };
    case 'DELETE /api/import-mappings/{mappingId}': {
      const made = await inject('POST', '/api/import-mappings', {
        name: `To delete ${n}`,
        format: 'cdr',
        options: { mapping: { caller: 'a', callee: 'b', start: 'c' } },
      });
      return { url: url.replace('{mappingId}', String(made.json().id ?? 'none')) };
    }
    case 'POST /api/cases/{caseId}/imports/uploads':
      return { url: `${url}?name=calls.csv`, raw: Buffer.from('from,to,when\n') };
    case 'POST /api/cases/{caseId}/imports/preview':
    case 'POST /api/cases/{caseId}/imports/guess':
    case 'POST /api/cases/{caseId}/imports':
      return { url, body: {} };
    case 'GET /api/import-jobs/{jobId}':
    case 'POST /api/import-jobs/{jobId}/cancel':
      return { url: url.replace('{jobId}', await jobOf(inject, c.id)) };
    case 'POST /api/notifications/{notificationId}/read':
      return { url: url.replace('{notificationId}', await plantNotification(store, c, w, username)) };
    case 'POST /api/cases/{caseId}/psi/export':
    case 'POST /api/cases/{caseId}/psi/run':
      return { url, body: { agreementId: await plantAgreement(store, 'matrix-agreement') } };
    case 'POST /api/cases/{caseId}/psi/finish':
    case 'POST /api/psi/respond':
    case 'POST /api/partner/psi':
    case 'POST /api/cooperation/exchange':
    case 'POST /api/partner/cooperation':
      return { url, body: {} };
    case 'POST /api/agreements':
      return { url, body: { ...MATRIX_AGREEMENT, id: `matrix-new-${n}` } };
    case 'DELETE /api/agreements/{agreementId}':
      return { url: url.replace('{agreementId}', await plantAgreement(store, `matrix-revoke-${n}`)) };
    case 'POST /api/cases/{caseId}/cooperation/requests':
      return { url, body: { noticeId: 'no-such-notice' } };
    case 'POST /api/cases/{caseId}/cooperation/requests/{requestId}/decision':
      return { url: url.replace('{requestId}', 'no-such-request'), body: { decision: 'decline' } };
    case 'POST /api/cases/{caseId}/resolution/decisions': {
      const [x, y] = await twins(store, c, n);
      return { url, body: { a: x, b: y, decision: 'unsure' } };
    }
    case 'POST /api/cases/{caseId}/resolution/merges': {
      const [x, y] = await twins(store, c, n);
      return { url, body: { keep: x, merge: y } };
    }
    case 'DELETE /api/cases/{caseId}/resolution/merges/{mergeId}':
      return { url: url.replace('{mergeId}', await plantMerge(store, c, n)) };
    case 'POST /api/indicator-catalogues':
      return {
        url,
        body: {
          format: 'json',
          catalogue: {
            key: `matrix-list-${process.pid}`,
            version: n,
            title: { en: 'Matrix list' },
            source: 'Matrix test',
            kind: 'checklist',
            lists: [
              {
                id: 'all',
                population: 'any',
                exploitation: 'any',
                text: { en: 'All' },
                items: [{ id: 'x.one', text: { en: 'One' }, source: 'Matrix test', verification: 'unverified' }],
              },
            ],
          },
        },
      };
    case 'POST /api/indicators/evaluate':
      return { url, body: { list: 'adult-labour', population: 'adult', items: ['ec.lowPay'] } };
    case 'POST /api/cases/{caseId}/identification/persons/{personId}/assessments':
      return { url, body: { list: 'adult-labour', population: 'adult', indicators: [] } };
    case 'GET /api/cases/{caseId}/identification/observations':
      return { url: `${url}?person=${c.personId}` };
    case 'POST /api/cases/{caseId}/identification/fill':
      return { url, body: {} };
    default:
      return { url };
  }
}
