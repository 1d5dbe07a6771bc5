/** A company-register extract through the import pipeline, then the flags it gives, on both databases. */
import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testActor } from '../../../test/support/api.ts';
import { companyRegisterImporter, type CompanyRegisterOptions } from '../../ingest/formats/companyRegister.ts';
import { memoryInput } from '../../ingest/files.ts';
import type { Actor } from '../access/actor.ts';
import { createCase } from '../cases/cases.ts';
import { companyView } from './companies.ts';
import { runImport } from '../imports/pipeline.ts';
import { resolveCaseAccess } from '../access/policy.ts';
import { mergePair } from '../resolution/merge.ts';
import { deleteEntity, getEntity, historyOf } from '../../store/repos/entities/entities.ts';

const CSV = [
  'name,regno,registered,closed,address,staff,payroll,director,born',
  'Baltic Ehitus OÜ,12345678,2023-11-01,2024-06-20,"Tamme 4, Tallinn",2,12000,Mari Maasikas,1945-03-01',
  'Baltic Ehitus OÜ,12345678,2023-11-01,2024-06-20,"Tamme 4, Tallinn",2,12000,Jaan Tamm,2004-05-05',
  'Koivu Rakennus Oy,1234567-8,2001-01-01,,"Koivukatu 1, Espoo",40,1900000,Pekka Koivu,1970-02-02',
].join('\n');
const OPTIONS: CompanyRegisterOptions = {
  country: 'EE',
  mapping: {
    name: 'name',
    registrationNumber: 'regno',
    incorporationDate: 'registered',
    dissolutionDate: 'closed',
    address: 'address',
    employees: 'staff',
    payroll: 'payroll',
    director: 'director',
    directorBirthDate: 'born',
  },
};

describeEachDialect('company register import', ({ store }) => {
  let actor: Actor;
  let caseId = '';
  beforeAllWithStore(store, async (s) => {
    actor = await testActor(s, 'co-imp', 'investigator');
    caseId = (await createCase(s, actor, { title: 'Register', country: 'EE' })).id;
  });

  itDb(
    'imports companies, directors and figures, flags what the register shows, and adds nothing the second time',
    async () => {
      const first = await runImport(
        store(),
        actor,
        caseId,
        companyRegisterImporter,
        memoryInput('register.csv', CSV),
        OPTIONS,
      );
      expect(first.bySchema).toMatchObject({ Company: 2, Person: 3, Directorship: 3 });
      const access = await resolveCaseAccess(store(), actor, caseId);
      if (!access) throw new Error('no access');
      const view = await companyView(store(), access);
      const baltic = view.companies.find((c) => c.name === 'Baltic Ehitus OÜ');
      const koivu = view.companies.find((c) => c.name === 'Koivu Rakennus Oy');
      expect(view.flags[baltic?.id ?? '']?.map((f) => f.rule).sort()).toEqual([
        'directorAge',
        'directorAge',
        'payrollGap',
      ]);
      expect(view.flags[koivu?.id ?? ''] ?? []).toEqual([]);
      const again = await runImport(
        store(),
        actor,
        caseId,
        companyRegisterImporter,
        memoryInput('register.csv', CSV),
        OPTIONS,
      );
      expect(again.entitiesAdded).toBe(0);
    },
  );
});

describeEachDialect('register re-import after a merge (issue 18)', ({ store }) => {
  let actor: Actor;
  let caseId = '';
  // One firm under two registration numbers (a typo in one row): the analyst merges them.
  const TWICE = [
    'name,regno,staff,director,born',
    'Posting Pro OÜ,10000001,140,Mari Maasikas,1970-03-01',
    'Posting Pro OU,10000002,,Mari Maasikas,1970-03-01',
  ].join('\n');
  const options: CompanyRegisterOptions = {
    country: 'EE',
    mapping: {
      name: 'name',
      registrationNumber: 'regno',
      employees: 'staff',
      director: 'director',
      directorBirthDate: 'born',
    },
  };
  beforeAllWithStore(store, async (s) => {
    actor = await testActor(s, 'co-remerge', 'investigator');
    caseId = (await createCase(s, actor, { title: 'Register re-import', country: 'EE' })).id;
  });

  itDb('skips or updates the merged-away company cleanly, with a report line', async () => {
    const imp = () =>
      runImport(store(), actor, caseId, companyRegisterImporter, memoryInput('register.csv', TWICE), options);
    await imp();
    const access = await resolveCaseAccess(store(), actor, caseId);
    if (!access) throw new Error('no access');
    const before = await companyView(store(), access);
    const [keep, gone] = before.companies.map((c) => c.id).sort();
    await mergePair(store(), actor, access, { keep: keep ?? '', merge: gone ?? '' });
    const again = await imp();
    expect(again.entitiesAdded).toBe(0);
    expect(again.warnings?.join('\n')).toMatch(/merged into/);
    const after = await companyView(store(), access);
    expect(after.companies.map((c) => c.id)).toEqual([keep]);
  });

  itDb('brings back a company deleted by hand, its history continued (no constraint error)', async () => {
    const s = store();
    const access = await resolveCaseAccess(s, actor, caseId);
    if (!access) throw new Error('no access');
    const [id] = (await companyView(s, access)).companies.map((c) => c.id);
    const scope = s.scope(caseId);
    const row = await getEntity(scope, id ?? '');
    if (!row) throw new Error('no company');
    await deleteEntity(scope, row, { userId: actor.id, at: new Date().toISOString(), provenanceSourceId: null });
    const again = await runImport(
      s,
      actor,
      caseId,
      companyRegisterImporter,
      memoryInput('register.csv', TWICE),
      options,
    );
    expect(again.bySchema.Company).toBe(1);
    const changes = (await historyOf(scope, id ?? '')).map((h) => [h.version, h.change]);
    expect(changes.slice(-2)).toEqual([
      [row.version + 1, 'delete'],
      [row.version + 2, 'create'],
    ]);
  });
});
