/**
 * Imports through the web API: a failed or cancelled import leaves the case exactly as it was;
 * problems come back with their line or their option; mappings are saved per user.
 */
import { beforeAll, expect } from 'vitest';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller, TestApi } from '../../../../test/support/api.ts';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import type { Store } from '../../../store/store.ts';

interface Job {
  id: string;
  key: string;
  status: string;
  errors: { line: number | null; path: string | null; message: string }[];
  warnings: { line: number | null; path: string | null; message: string }[];
  report: { entitiesAdded: number } | null;
}

const person = (id: string, name: string) => JSON.stringify({ id, schema: 'Person', properties: { name: [name] } });

/** Row counts of every table an import writes to, for "nothing changed" checks. */
async function footprint(store: Store, caseId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'entities',
    'entity_history',
    'selectors',
    'search_docs',
    'sources',
    'transactions',
    'case_files',
  ] as const) {
    const r = await store
      .scope(caseId)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

describeEachDialect('imports through the web API', ({ store }) => {
  let api: TestApi;
  let alice: Caller;
  let bob: Caller;
  let caseId: string;
  const base = () => `/api/cases/${caseId}`;

  const upload = async (who: Caller, name: string, content: string) => {
    const r = await who.raw('POST', `${base()}/imports/uploads?name=${encodeURIComponent(name)}`, content, {
      'content-type': 'application/octet-stream',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.json<{ uploadId: string; sha256: string; sniff: { headers: string[] } }>();
  };
  const status = async (job: Job): Promise<Job> =>
    (
      await api.app.inject({
        method: 'GET',
        url: `/api/import-jobs/${job.id}`,
        headers: { 'x-elect-job-key': job.key },
      })
    ).json<Job>();
  const cancel = (job: Job) =>
    api.app.inject({
      method: 'POST',
      url: `/api/import-jobs/${job.id}/cancel`,
      headers: { 'x-elect-job-key': job.key },
    });
  const start = async (body: unknown): Promise<Job> => {
    const r = await alice('POST', `${base()}/imports`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return r.json<Job>();
  };
  const finished = async (job: Job): Promise<Job> => {
    for (let i = 0; i < 4000; i++) {
      const j = await status(job);
      if (j.status !== 'checking' && j.status !== 'writing') return j;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('the import did not finish');
  };

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    api = await testApi(store());
    alice = await api.user(uniqueName('alice'));
    bob = await api.user(uniqueName('bob'));
    caseId = (await alice('POST', '/api/cases', { title: 'Operation Linden', country: 'FI' })).json<{ id: string }>()
      .id;
    await alice('POST', `${base()}/entities`, { schema: 'Person', properties: { name: ['Already Here'] } });
  });

  itDb('imports a file and reports what it added', async () => {
    const u = await upload(
      alice,
      'people.ftm.json',
      `${person('w-1', 'Anna Lind')}\n${person('w-2', 'Peeter Kask')}\n`,
    );
    const job = await finished(await start({ uploadId: u.uploadId, format: 'ftm', options: {} }));
    expect(job.status).toBe('succeeded');
    expect(job.report?.entitiesAdded).toBe(2);
  });

  itDb('a file that fails while writing leaves the case unchanged, naming the line', async () => {
    const before = await footprint(store(), caseId);
    const link = JSON.stringify({
      id: 'own-1',
      schema: 'Ownership',
      properties: { owner: ['f-1'], asset: ['nowhere'] },
    });
    const u = await upload(alice, 'broken.ftm.json', `${person('f-1', 'Mari Tamm')}\n${link}\n`);
    const job = await finished(await start({ uploadId: u.uploadId, format: 'ftm', options: {} }));
    expect(job.status).toBe('failed');
    expect(job.errors[0]).toMatchObject({ line: 2 });
    expect(job.errors[0]?.message).toContain('nowhere');
    expect(await footprint(store(), caseId)).toEqual(before);
  });

  itDb('a bank statement that does not reconcile fails the job unless acceptUnbalanced is given', async () => {
    const before = await footprint(store(), caseId);
    const sta = [
      ':20:STMT1',
      ':25:37040044/0532013000',
      ':28C:1/1',
      ':60F:C240301EUR100,00',
      ':61:2403010301C50,00NTRFNONREF',
      ':86:Wage',
      ':62F:C240301EUR151,00',
      '-',
      '',
    ].join('\n');
    const u = await upload(alice, 'off.sta', sta);
    const refused = await finished(await start({ uploadId: u.uploadId, format: 'mt940', options: {} }));
    expect(refused.status).toBe('failed');
    expect(refused.errors[0]?.message).toMatch(/does not reconcile: .*\(difference 1\.00 EUR\)/);
    expect(await footprint(store(), caseId)).toEqual(before);

    const again = await upload(alice, 'off.sta', sta);
    const job = await finished(
      await start({ uploadId: again.uploadId, format: 'mt940', options: {}, acceptUnbalanced: true }),
    );
    expect(job.status).toBe('succeeded');
    expect(job.report).toMatchObject({ unbalancedStatements: [{ reference: 'STMT1', differenceMinor: 100 }] });
    const { warnings } = job as Job & { warnings: { message: string }[] };
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/"STMT1" .* does not reconcile/)]);
  });

  itDb("a camt entry without a booking date imports, its warning in the report and the job's warnings", async () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>',
      '<GrpHdr><MsgId>W</MsgId><CreDtTm>2024-04-01T06:00:00</CreDtTm></GrpHdr>',
      '<Stmt><Id>WARN1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>',
      '<Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><ValDt><Dt>2024-03-07</Dt></ValDt></Ntry>',
      '</Stmt></BkToCstmrStmt></Document>',
      '',
    ].join('\n');
    const u = await upload(alice, 'undated.xml', xml);
    const job = await finished(await start({ uploadId: u.uploadId, format: 'camt053', options: {} }));
    expect(job.status).toBe('succeeded');
    const warning = 'the entry has no booking date (<BookgDt>): booked on its value date 2024-03-07';
    expect((job.report as { warnings?: string[] } | null)?.warnings).toEqual([
      `line 5: statement 1 (WARN1), entry 1: ${warning}`,
    ]);
    const { warnings } = job as Job & { warnings: { line: number | null; message: string }[] };
    expect(warnings).toEqual([
      expect.objectContaining({ line: 5, message: `statement 1 (WARN1), entry 1: ${warning}` }),
    ]);
  });

  itDb('an unreadable line is reported with its number and nothing is written', async () => {
    const before = await footprint(store(), caseId);
    const u = await upload(
      alice,
      'bad.ftm.json',
      `${person('b-1', 'Liis Mets')}\n{"id": "b-2", "schema": "Person", "properties": {"birthDate": ["someday"]}}\n`,
    );
    const job = await finished(await start({ uploadId: u.uploadId, format: 'ftm', options: {} }));
    expect(job).toMatchObject({ status: 'failed', errors: [{ line: 2 }] });
    expect(job.errors[0]?.message).toContain('someday');
    expect(await footprint(store(), caseId)).toEqual(before);
  });

  itDb('an entity of a schema the model does not know is skipped with a warning naming its line', async () => {
    const u = await upload(
      alice,
      'future.ftm.json',
      `${person('future-1', 'Mari Kask')}\n{"id": "future-2", "schema": "Persn", "properties": {}}\n`,
    );
    const job = await finished(await start({ uploadId: u.uploadId, format: 'ftm', options: {} }));
    expect(job).toMatchObject({ status: 'succeeded', report: { bySchema: { Person: 1 } } });
    expect(job.warnings).toEqual([
      { line: 2, path: null, message: 'unknown schema "Persn": entity future-2 is skipped' },
    ]);
  });

  itDb(
    'a cancelled import leaves the case unchanged, whether checking or writing',
    async () => {
      const before = await footprint(store(), caseId);
      const lines = Array.from({ length: 40_000 }, (_, i) => person(`c-${i}`, `Person ${i}`)).join('\n');
      const u = await upload(alice, 'many.ftm.json', lines);
      // Cancelled at once, while every line is still being checked.
      const first = await start({ uploadId: u.uploadId, format: 'ftm', options: {} });
      expect((await cancel(first)).statusCode).toBe(200);
      expect((await finished(first)).status).toBe('cancelled');
      // Cancelled once it is writing into the case's transaction: the key answers meanwhile.
      const second = await start({ uploadId: u.uploadId, format: 'ftm', options: {} });
      let s = 'checking';
      while (s === 'checking') {
        await new Promise((r) => setTimeout(r, 2)); // a timer, so the file reads of the import get their turn
        s = (await status(second)).status;
      }
      expect(s).toBe('writing');
      await cancel(second);
      expect((await finished(second)).status).toBe('cancelled');
      // A wrong key opens nothing.
      expect((await cancel({ ...second, key: 'guess' })).statusCode).toBe(404);
      expect(await footprint(store(), caseId)).toEqual(before);
    },
    120_000,
  );

  itDb("refuses bad options at the option, and another user's upload", async () => {
    const u = await upload(alice, 'calls.csv', 'from,to,when\n+358401111111,+358402222222,2024-01-02 10:00:00\n');
    expect(u.sniff.headers).toEqual(['from', 'to', 'when']);
    const r = await alice('POST', `${base()}/imports/preview`, {
      uploadId: u.uploadId,
      format: 'cdr',
      options: { mapping: { caller: 'from', callee: 'to' } },
    });
    expect(r.status).toBe(400);
    expect(r.json<{ error: { path: string } }>().error.path).toBe('options.mapping.start');
    const wrong = await alice('POST', `${base()}/imports/preview`, {
      uploadId: u.uploadId,
      format: 'cdr',
      options: { mapping: { caller: 'from', callee: 'to', start: 'time' } },
    });
    expect(wrong.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('mapping.start');
    const ok = await alice('POST', `${base()}/imports/preview`, {
      uploadId: u.uploadId,
      format: 'cdr',
      options: { mapping: { caller: 'from', callee: 'to', start: 'when' } },
    });
    expect(ok.json<{ items: { schema: string }[] }>().items.map((i) => i.schema)).toEqual(['Phone', 'Phone', 'Call']);
    await alice('POST', `/api/cases/${caseId}/members`, { userId: bob.userId, caseRole: 'member' });
    const other = await bob('POST', `${base()}/imports`, {
      uploadId: u.uploadId,
      format: 'cdr',
      options: { mapping: { caller: 'from', callee: 'to', start: 'when' } },
    });
    expect(other.status).toBe(400);
    expect(other.json<{ error: { path: string } }>().error.path).toBe('uploadId');
  });

  itDb('takes the subscriber labels the command line takes, and imports a call record twice as once', async () => {
    const text = 'interaction,direction,correspondent_id,datetime\ncall,out,B,2024-01-02 10:00:00\n';
    const u = await upload(alice, 'ego-a.csv', text);
    const options = {
      mapping: { subscriber: 'A', type: 'interaction', direction: 'direction', correspondent: 'correspondent_id' },
    };
    const withStart = { mapping: { ...options.mapping, start: 'datetime' } };
    const first = await finished(await start({ uploadId: u.uploadId, format: 'cdr', options: withStart }));
    expect(first.status, JSON.stringify(first.errors)).toBe('succeeded');
    expect(first.report).toMatchObject({ bySchema: { Phone: 2, Call: 1 } });
    const again = await upload(alice, 'ego-a.csv', text);
    const second = await finished(await start({ uploadId: again.uploadId, format: 'cdr', options: withStart }));
    expect(second.report).toMatchObject({ bySchema: {}, callRecords: { rows: 1, unchanged: 1, added: 0 } });
    const blank = await alice('POST', `${base()}/imports/preview`, {
      uploadId: again.uploadId,
      format: 'cdr',
      options: { mapping: { ...withStart.mapping, subscriber: ' ' } },
    });
    expect(blank.status).toBe(400);
    expect(blank.json<{ error: { path: string } }>().error.path).toBe('options.mapping.subscriber');
  });

  itDb('saves mappings per user, one name each', async () => {
    const body = {
      name: 'Operator X calls',
      format: 'cdr',
      options: { mapping: { caller: 'A', callee: 'B', start: 'T' } },
    };
    expect((await alice('POST', '/api/import-mappings', body)).status).toBe(201);
    const again = await alice('POST', '/api/import-mappings', body);
    expect(again.status).toBe(409);
    expect(again.json<{ error: { path: string } }>().error.path).toBe('name');
    expect(
      (await alice('GET', '/api/import-mappings?format=cdr'))
        .json<{ mappings: { name: string }[] }>()
        .mappings.map((m) => m.name),
    ).toEqual(['Operator X calls']);
    expect((await bob('GET', '/api/import-mappings')).json<{ mappings: unknown[] }>().mappings).toEqual([]);
  });

  itDb('lists every importer the platform has for the wizard', async () => {
    const formats = (await alice('GET', '/api/import-formats')).json<{
      formats: { format: string; mapper: string }[];
    }>().formats;
    expect(formats.map((f) => f.format)).toEqual(
      expect.arrayContaining(['ftm', 'ftm-mapping', 'cdr', 'bank-csv', 'camt053', 'mt940']),
    );
    expect(formats.find((f) => f.format === 'ftm-mapping')?.mapper).toBe('entities');
  });
});
