/**
 * Seized documents through the web API's import desk: an uploaded archive is read by its bytes
 * into document entities; a zip bomb fails the job naming the limit and leaves the case as it
 * was; the format list says which OCR languages the installation has.
 */
import { strToU8 } from 'fflate';
import { beforeAll, expect } from 'vitest';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller, TestApi } from '../../../../test/support/api.ts';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { writeDocx, writePdf, writeZip, zipBomb } from '../../../ingest/documents/samples.testing.ts';
import { ocrLanguages } from '../../../ingest/documents/ocr.ts';

interface Job {
  id: string;
  key: string;
  status: string;
  errors: { line: number | null; path: string | null; message: string }[];
  report: { entitiesAdded: number; bySchema: Record<string, number>; filesAdded: number } | null;
}

describeEachDialect('seized documents through the web API', ({ store }) => {
  let api: TestApi;
  let alice: Caller;
  let caseId: string;
  const base = () => `/api/cases/${caseId}`;

  const upload = async (name: string, content: Uint8Array) => {
    const r = await alice.raw(
      'POST',
      `${base()}/imports/uploads?name=${encodeURIComponent(name)}`,
      Buffer.from(content),
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.json<{ uploadId: string }>();
  };
  const finished = async (job: Job): Promise<Job> => {
    for (let i = 0; i < 4000; i++) {
      const r = await api.app.inject({
        method: 'GET',
        url: `/api/import-jobs/${job.id}`,
        headers: { 'x-elect-job-key': job.key },
      });
      const j = r.json<Job>();
      if (j.status !== 'checking' && j.status !== 'writing') return j;
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error('the import did not finish');
  };
  const start = async (uploadId: string, options: object = {}): Promise<Job> => {
    const r = await alice('POST', `${base()}/imports`, { uploadId, format: 'document', options });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return finished(r.json<Job>());
  };
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of ['entities', 'sources', 'case_files'] as const) {
      const r = await store()
        .scope(caseId)
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(r.n);
    }
    return out;
  };

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    api = await testApi(store());
    alice = await api.user(uniqueName('alice'));
    caseId = (await alice('POST', '/api/cases', { title: 'Seized laptop', country: 'LV' })).json<{ id: string }>().id;
  });

  itDb('lists the document format with the OCR languages the installation has', async () => {
    const r = await alice('GET', '/api/import-formats');
    const { formats } = r.json<{ formats: { format: string; fields: { name: string; values?: string[] }[] }[] }>();
    const doc = formats.find((f) => f.format === 'document');
    expect(doc?.fields.find((f) => f.name === 'languages')?.values).toEqual(ocrLanguages());
  });

  itDb('imports an uploaded archive by its bytes into document entities and files', async () => {
    const zip = writeZip({
      'scan.pdf': await writePdf([['Pase Nr. LV1234567'], ['Otrā lapa']]),
      'letter.txt': writeDocx(['Dear worker']),
      'note.txt': strToU8('Meet at the bus station'),
    });
    const { uploadId } = await upload('laptop.zip', zip);
    const job = await start(uploadId, { languages: ['lav', 'eng'], pageImages: false });
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    expect(job.report?.bySchema).toEqual({ Package: 1, Pages: 1, Page: 2, Document: 1, PlainText: 1 });
    expect(job.report?.filesAdded).toBe(4);
  });

  itDb('refuses an option the format does not have, naming it', async () => {
    const { uploadId } = await upload('x.zip', writeZip({ 'a.txt': strToU8('a') }));
    const r = await alice('POST', `${base()}/imports`, {
      uploadId,
      format: 'document',
      options: { languages: ['Latvian!'] },
    });
    expect(r.status).toBe(400);
    expect(r.json<{ error: { path: string } }>().error.path).toBe('options.languages.0');
  });

  itDb('a zip bomb fails the job naming the limit, and the case is as it was', async () => {
    const before = await counts();
    const { uploadId } = await upload('bomb.zip', zipBomb());
    const job = await start(uploadId);
    expect(job.status).toBe('failed');
    expect(job.errors[0]?.message).toMatch(/unpacks to over 200 times its packed size/);
    expect(job.errors[0]?.path).toBe('limits.maxRatio');
    expect(await counts()).toEqual(before);
  });
});
