/**
 * Seized documents through the one pipeline (format `document`), on both databases: an archive
 * of the kinds the platform reads yields the entities, text, pages and members it holds, each
 * file kept encrypted with its SHA-256 beside its entity; bombs and deep nesting are refused with
 * the limit named, leaving the case as it was.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import { programPresent } from '../../../test/support/programs.ts';
import {
  nestedZip,
  writeDocx,
  writeOdt,
  writePdf,
  writeXlsx,
  writeZip,
  zipBomb,
} from '../../ingest/documents/samples.testing.ts';
import { isAppError, type AppError } from '../../shared/errors.ts';
import { listSources } from '../../store/repos/cases/notes.ts';
import { countEntitiesBySchema, listEntities } from '../../store/repos/entities/entities.ts';
import { getFile, listFiles } from '../../store/repos/files/files.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { cliCaller } from '../useCase/index.ts';
import { importFile, optionsFor } from './fileImports.ts';

const dir = mkdtempSync(join(tmpdir(), 'elect-documents-'));
const onDisk = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

/** The sample case file: one of each kind, a lying name, a folder and an archive inside. */
async function seizedArchive() {
  const pdf = await writePdf([['Darba līgums Nr. 17', 'Alga 450 EUR'], ['Paraksts: Jānis Bērziņš']]);
  const files = {
    'contract.pdf': pdf,
    'holiday.jpg': await writePdf([['Not a picture at all']]),
    'letters/offer.docx': writeDocx(['Job offer in Finland', 'Accommodation provided']),
    'letters/rules.odt': writeOdt(['Töötaja reeglid', 'Pass jääb tööandjale']),
    'payroll.xlsx': writeXlsx([
      {
        name: 'Palgad',
        rows: [
          ['Nimi', 'Summa'],
          ['Olga K.', 300],
        ],
      },
      {
        name: 'Võlad',
        rows: [
          ['Nimi', 'Võlg'],
          ['Olga K.', 1200],
        ],
      },
    ]),
    'phone/backup.zip': writeZip({ 'chat.txt': strToU8('Send the passport photo') }),
    'blob.bin': new Uint8Array([0, 159, 146, 150, 0, 1, 2, 3]),
  };
  return { bytes: writeZip(files), files };
}

describeEachDialect('seized documents through the import pipeline', (ctx) => {
  async function newCase(store: Store) {
    const actor = actorOf(await addUser(store, { username: uniqueName('docs'), platformRole: 'investigator' }));
    const caseId = (await createCase(store, actor, { title: 'Seized phone', country: 'LV' })).id;
    return { caller: cliCaller(actor), caseId };
  }
  const run = (store: Store, c: { caller: ReturnType<typeof cliCaller>; caseId: string }, path: string) =>
    importFile(store, c.caller, c.caseId, {
      path,
      format: 'document',
      bank: false,
      options: optionsFor('document', {}),
    });

  itDb(
    'an archive yields each member by its bytes, linked to its container, with text, pages and files',
    async () => {
      const store = ctx.store();
      const c = await newCase(store);
      const { bytes, files } = await seizedArchive();
      const { report } = await run(store, c, onDisk('seized.zip', bytes));
      expect(report.bySchema).toEqual({
        Package: 2,
        Folder: 2,
        Pages: 2,
        Page: 3,
        Document: 3,
        Workbook: 1,
        Table: 2,
        PlainText: 1,
      });
      expect(report.warnings).toEqual([
        'line 9: seized.zip/blob.bin: type not recognised (application/octet-stream); kept as an evidence file without reading it',
      ]);
      const scope = store.scope(c.caseId);
      const all = await listEntities(scope, { limit: 100 });
      const byName = (name: string) =>
        all.find((e) => JSON.parse(e.properties).fileName?.[0] === name && e.schema !== 'Table');
      const props = (name: string) => JSON.parse(byName(name)?.properties ?? '{}') as Record<string, string[]>;
      const root = byName('seized.zip');
      expect(root?.schema).toBe('Package');
      expect(props('contract.pdf').parent).toEqual([root?.id]);
      expect(props('holiday.jpg').mimeType).toEqual(['application/pdf']);
      expect(props('blob.bin').processingError?.[0]).toBe(
        'type not recognised (application/octet-stream); kept as an evidence file without reading it',
      );
      expect(props('offer.docx').parent).toEqual([byName('letters')?.id]);
      expect(props('letters').parent).toEqual([root?.id]);
      expect(props('offer.docx').bodyText).toEqual(['Job offer in Finland\n\nAccommodation provided']);
      expect(props('rules.odt').bodyText).toEqual(['Töötaja reeglid\nPass jääb tööandjale']);
      expect(props('chat.txt')).toMatchObject({
        bodyText: ['Send the passport photo'],
        parent: [byName('backup.zip')?.id],
      });
      expect(props('contract.pdf').contentHash).toEqual([sha256(files['contract.pdf'])]);
      const pages = all
        .filter((e) => e.schema === 'Page' && JSON.parse(e.properties).document?.[0] === byName('contract.pdf')?.id)
        .map((e) => JSON.parse(e.properties) as Record<string, string[]>)
        .sort((a, b) => Number(a.index?.[0]) - Number(b.index?.[0]));
      expect(pages.map((p) => [p.index?.[0], p.bodyText?.[0]])).toEqual([
        ['1', 'Darba līgums Nr. 17\nAlga 450 EUR'],
        ['2', 'Paraksts: Jānis Bērziņš'],
      ]);
      const tables = all
        .filter((e) => e.schema === 'Table')
        .map((e) => JSON.parse(e.properties) as Record<string, string[]>);
      expect(tables.map((t) => [t.title?.[0], t.bodyText?.[0], t.parent?.[0]])).toEqual(
        expect.arrayContaining([
          ['Palgad', 'Nimi\tSumma\nOlga K.\t300', byName('payroll.xlsx')?.id],
          ['Võlad', 'Nimi\tVõlg\nOlga K.\t1200', byName('payroll.xlsx')?.id],
        ]),
      );

      // Every file is kept: the archive, its 7 members and the inner archive's one, and page pictures where drawn.
      const kept = await listFiles(scope);
      const pictures = programPresent('pdftoppm') ? 3 : 0;
      expect(report.filesAdded).toBe(1 + 7 + 1 + pictures);
      expect(kept).toHaveLength(report.filesAdded);
      const contract = kept.find((f) => f.file_name === 'contract.pdf');
      expect(contract).toMatchObject({ sha256: sha256(files['contract.pdf']), entity_id: byName('contract.pdf')?.id });
      // Stored sealed with the evidence key; reading it back decrypts and checks it against its SHA-256.
      const row = await getFile(scope, contract?.id ?? '');
      expect(row?.enc_alg).toBe('aes-256-gcm');
      expect(row && sha256(row.content)).toBe(sha256(files['contract.pdf']));
      const pageFiles = kept.filter((f) => f.mime_type === 'image/png');
      expect(pageFiles).toHaveLength(pictures);
      for (const f of pageFiles) expect(all.find((e) => e.id === f.entity_id)?.schema).toBe('Page');

      const [source] = (await listSources(scope)).filter((s) => s.id === report.sourceId);
      expect(source?.sha256).toBe(sha256(bytes));

      // The same file again under another name: nothing new but the root's name, no file stored twice.
      const again = await run(store, c, onDisk('seized-again.zip', bytes));
      expect(again.report).toMatchObject({
        entitiesAdded: 0,
        entitiesUnchanged: 15,
        entitiesUpdated: 1,
        filesAdded: 0,
      });
      expect(await listFiles(scope)).toHaveLength(kept.length);
    },
    60_000,
  );

  itDb(
    'a zip bomb and a deeply nested archive are refused with the limit named, and nothing is stored',
    async () => {
      const store = ctx.store();
      const c = await newCase(store);
      const scope = store.scope(c.caseId);
      const before = { entities: await countEntitiesBySchema(scope), files: (await listFiles(scope)).length };
      const bomb = await failure(run(store, c, onDisk('bomb.zip', zipBomb())));
      expect(bomb.status).toBe(413);
      expect(bomb.message).toMatch(/zeros\.bin unpacks to over 200 times its packed size.*nothing was imported/);
      const deep = await failure(run(store, c, onDisk('deep.zip', nestedZip(7))));
      expect(deep.status).toBe(413);
      expect(deep.message).toMatch(/nested 6 deep, beyond the limit of 5/);
      expect(await countEntitiesBySchema(scope)).toEqual(before.entities);
      expect(await listFiles(scope)).toHaveLength(before.files);
      expect(await listSources(scope)).toEqual([]);
    },
    60_000,
  );
});
