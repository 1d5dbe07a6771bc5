/**
 * The import desk's guess: an uploaded bank CSV export comes back with proposed options, each
 * with its reason, tried on the whole file; the options import it. Only the uploader reaches
 * the upload; another format than bank CSV is refused naming the field.
 */
import { beforeAll, expect } from 'vitest';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller, TestApi } from '../../../../test/support/api.ts';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';

const EXPORT = [
  'Konta izraksts',
  '',
  '"Klienta konts";"Datums";"Saņēmējs";"Informācija";"Summa";"Valūta"',
  '"LV80BANK0000435195001";"03.04.2024";"SIA Ozols";"Rēķins 12";"-1 234,56";"EUR"',
  '"LV80BANK0000435195001";"04.04.2024";"Jānis Bērziņš";"Alga";"250,00";"EUR"',
  '"Kopā";"";"";"";"-984,56";""',
].join('\r\n');

interface Guess {
  options: Record<string, unknown>;
  preset: string | null;
  notes: { option: string; value: string; why: string }[];
  check: { ok: boolean; transactions?: number };
}

describeEachDialect('guessing import options through the web API', ({ store }) => {
  let api: TestApi;
  let alice: Caller;
  let bob: Caller;
  let caseId: string;

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    api = await testApi(store());
    alice = await api.user(uniqueName('alice'));
    bob = await api.user(uniqueName('bob'));
    caseId = (await alice('POST', '/api/cases', { title: 'Guesses', country: 'LV' })).json<{ id: string }>().id;
    await alice('POST', `/api/cases/${caseId}/members`, { userId: bob.userId, caseRole: 'member' });
  });

  itDb('proposes options with reasons that import the upload', async () => {
    const up = await alice.raw('POST', `/api/cases/${caseId}/imports/uploads?name=izraksts.csv`, EXPORT, {
      'content-type': 'application/octet-stream',
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const uploadId = up.json<{ uploadId: string }>().uploadId;
    const r = await alice('POST', `/api/cases/${caseId}/imports/guess`, { uploadId, format: 'bank-csv' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const guess = r.json<Guess>();
    expect(guess.check).toEqual({ ok: true, transactions: 2, statements: 0 });
    expect(guess.options).toMatchObject({
      mapping: { date: 'Datums', amount: 'Summa', account: 'Klienta konts', currency: 'Valūta' },
      delimiter: ';',
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
      skipRows: 2,
      skipFooterRows: 1,
    });
    expect(guess.notes.find((n) => n.option === 'skipRows')?.why).toBe('the header row is line 3');

    const preview = await alice('POST', `/api/cases/${caseId}/imports/preview`, {
      uploadId,
      format: 'bank-csv',
      options: guess.options,
    });
    expect(preview.json<{ errors: unknown[] }>().errors).toEqual([]);

    // A preset name is an option like any other: the preview reads a Swedbank export with it alone.
    const swedbank = [
      '"Klienta konts";"Ieraksta tips";"Datums";"Saņēmējs/Maksātājs";"Informācija saņēmējam";"Summa";"Valūta";"Debets/Kredīts";',
      '"LV80BANK0000435195001";"10";"01.03.2024";"";"Sākuma atlikums";"100,00";"EUR";"K";',
      '"LV80BANK0000435195001";"20";"04.03.2024";"SIA Ozols";"Rēķins";"40,00";"EUR";"D";',
      '"LV80BANK0000435195001";"86";"31.03.2024";"";"Beigu atlikums";"60,00";"EUR";"K";',
    ].join('\n');
    const sw = await alice.raw('POST', `/api/cases/${caseId}/imports/uploads?name=swedbank.csv`, swedbank, {
      'content-type': 'application/octet-stream',
    });
    const byPreset = await alice('POST', `/api/cases/${caseId}/imports/preview`, {
      uploadId: sw.json<{ uploadId: string }>().uploadId,
      format: 'bank-csv',
      options: { preset: 'swedbank' },
    });
    const previewed = byPreset.json<{ items: { kind: string; caption: string }[]; errors: unknown[] }>();
    expect(previewed.errors).toEqual([]);
    expect(previewed.items.filter((i) => i.kind !== 'entity').map((i) => [i.kind, i.caption])).toEqual([
      ['transaction', '2024-03-04 -40.00 EUR'],
      ['statement', '2024-03-01/2024-03-31 2024-03-01–2024-03-31 EUR'],
    ]);

    const other = await bob('POST', `/api/cases/${caseId}/imports/guess`, { uploadId, format: 'bank-csv' });
    expect(other.status).toBe(400);
    expect(other.json<{ error: { path: string } }>().error.path).toBe('uploadId');
    const wrong = await alice('POST', `/api/cases/${caseId}/imports/guess`, { uploadId, format: 'mt940' });
    expect(wrong.status).toBe(400);
    expect(wrong.json<{ error: { path: string } }>().error.path).toBe('body.format');
  });
});
