/**
 * Interview and inspection records imported from a CSV: each row lands on the Person records its
 * identifiers name (passport, personal code, name with birth date — a Cyrillic spelling included),
 * a row naming nobody is reported, a bad row refuses the file naming its line and writes nothing,
 * importing again adds nothing, and filling weighs the imported observations. Files come in any
 * order: rows read before the records they name wait, and filling attaches them once they exist;
 * a record's observations follow it when it is merged into another, and come back on undo.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testActor } from '../../../test/support/api.ts';
import { memoryInput } from '../../ingest/files.ts';
import { observationRows, pendingObservationRows } from '../../store/repos/identification/assessments.ts';
import { authorizeCase } from '../access/policy.ts';
import { createCase } from '../cases/index.ts';
import { importSources } from '../demo/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { fillAssessments } from './fill.ts';
import { fillFromObservations } from './useCases.ts';
import { mergeInScope, undoMerge } from '../resolution/merge.ts';
import { importObservationRecords } from './observationsImport.ts';

const POLICE = `Nimi,Syntymäaika,Passi,Asema
Andrii Bondar,1990-02-03,FA100001,
Петро Савчук,1988-05-06,,
Ion Rusu,1992-07-08,RO200002,
`;
const POLICE_MAP = `police:
  query:
    csv_url: persons.csv
    entities:
      person:
        schema: Person
        keys: [Nimi, Syntymäaika, Passi]
        properties:
          name: { column: Nimi }
          birthDate: { column: Syntymäaika }
          passportNumber: { column: Passi }
          proceduralStatus: { column: Asema }
`;
const HEADER = 'Name,Date of birth,Passport,Personal code,Recorded on,Catalogue,Indicator,Strength,Record';
const RECORDS = [
  HEADER,
  ',,FA 100001,,2024-03-02,ILO,retentionOfDocuments,,The foreman keeps the passport',
  'Andrii Bondar,1990-02-03,,,2024-03-02,Delphi,deceptiveRecruitment,strong,Deceived about the wages',
  'Petro Savchuk,1988-05-06,,,2024-03-03,ILO,excessiveOvertime,,Worked 70-hour weeks',
  'Nobody Known,1970-01-01,XX999,,2024-03-04,ILO,isolation,,Alone at the site',
].join('\n');

describeEachDialect('interview and inspection records imported as observations', ({ store }) => {
  const dir = mkdtempSync(join(tmpdir(), 'elect-interviews-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itDb('land on the persons their identifiers name, once, and feed the assessments', async () => {
    const s = store();
    const actor = await testActor(s, `interviews-${Date.now()}`, 'investigator');
    const caller = cliCaller(actor);
    const kase = await createCase(s, actor, { title: 'Interviews', country: 'FI' });
    mkdirSync(join(dir, 'police'), { recursive: true });
    writeFileSync(join(dir, 'police', 'persons.csv'), POLICE);
    writeFileSync(join(dir, 'police.yml'), POLICE_MAP);
    writeFileSync(join(dir, 'police', 'interviews.csv'), RECORDS);
    const run = await importSources(s, caller, kase.id, dir, [
      { kind: 'mapping', source: 'police', file: 'police/persons.csv', mapping: 'police.yml' },
      { kind: 'observations', source: 'interviews', file: 'police/interviews.csv' },
    ]);
    expect(run.failed).toEqual([]);
    const access = await authorizeCase(s, actor, kase.id, 'case:victims');
    const scope = s.scope(kase.id);
    const rows = await observationRows(scope);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.person_id)).size).toBe(2);
    expect(rows.every((r) => r.origin === 'import:interviews.csv')).toBe(true);
    const strong = rows.find((r) => r.code === 'deceptiveRecruitment');
    expect(strong).toMatchObject({ catalogue: 'Delphi', strength: 'strong', occurred_on: '2024-03-02' });

    // Again: nothing new; the row naming nobody is reported by its line.
    const again = await importObservationRecords(s, actor, access, memoryInput('interviews.csv', RECORDS));
    expect(again).toMatchObject({ rows: 4, recorded: 0, already: 3, persons: 2 });
    expect(again.unmatched).toEqual([{ line: 5, name: 'Nobody Known' }]);

    // A bad row refuses the whole file, naming its line, and writes nothing.
    const bad = `${RECORDS}\nIon Rusu,1992-07-08,,,2024-03-05,ILO,beatenUp,,Bruises`;
    await expect(importObservationRecords(s, actor, access, memoryInput('more.csv', bad))).rejects.toThrow(
      /more\.csv line 6: "beatenUp" is no ILO indicator/,
    );
    expect(await observationRows(scope)).toHaveLength(3);

    const filled = await fillAssessments(s, actor, access);
    expect(filled.assessed).toBe(2);
    const andrii = filled.assessments.find((a) => a.personId === strong?.person_id);
    expect(andrii?.indicators.map((i) => i.itemId).sort()).toEqual(['cd.documents', 'dr.wages']);
  });

  itDb('read before the persons they name, wait and are weighed once a later import brings them', async () => {
    const s = store();
    const actor = await testActor(s, `interviews-first-${Date.now()}`, 'investigator');
    const caller = cliCaller(actor);
    const kase = await createCase(s, actor, { title: 'Interviews first', country: 'FI' });
    const access = await authorizeCase(s, actor, kase.id, 'case:victims');
    const scope = s.scope(kase.id);
    const first = await importObservationRecords(s, actor, access, memoryInput('interviews.csv', RECORDS));
    expect(first).toMatchObject({ rows: 4, recorded: 0, persons: 0 });
    expect(first.unmatched.map((u) => u.line)).toEqual([2, 3, 4, 5]);
    // Read again while they wait: nothing waits twice.
    await importObservationRecords(s, actor, access, memoryInput('interviews.csv', RECORDS));
    expect(await pendingObservationRows(scope)).toHaveLength(4);

    mkdirSync(join(dir, 'later'), { recursive: true });
    writeFileSync(join(dir, 'later', 'persons.csv'), POLICE);
    writeFileSync(join(dir, 'police.yml'), POLICE_MAP.replace('police:', 'later:'));
    const run = await importSources(s, caller, kase.id, dir, [
      { kind: 'mapping', source: 'later', file: 'later/persons.csv', mapping: 'police.yml' },
    ]);
    expect(run.failed).toEqual([]);
    const filled = await fillFromObservations(s, caller, kase.id, {});
    expect(filled.assessed).toBe(2);
    const rows = await observationRows(scope);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.origin === 'import:interviews.csv')).toBe(true);
    const andrii = rows.find((r) => r.code === 'deceptiveRecruitment')?.person_id;
    const assessed = filled.results.find((r) => r.personId === andrii);
    expect(assessed).toBeDefined();
    // The row naming nobody still waits; filling again attaches nothing twice.
    expect((await pendingObservationRows(scope)).map((p) => p.name)).toEqual(['Nobody Known']);
    await fillFromObservations(s, caller, kase.id, {});
    expect(await observationRows(scope)).toHaveLength(3);
  });

  itDb('count for the record a merge joined theirs into, and return to it when the merge is undone', async () => {
    const s = store();
    const actor = await testActor(s, `interviews-merge-${Date.now()}`, 'investigator');
    const caller = cliCaller(actor);
    const kase = await createCase(s, actor, { title: 'Interviews merged', country: 'FI' });
    const access = await authorizeCase(s, actor, kase.id, 'case:victims');
    const scope = s.scope(kase.id);
    mkdirSync(join(dir, 'm'), { recursive: true });
    writeFileSync(join(dir, 'm', 'persons.csv'), POLICE);
    writeFileSync(join(dir, 'm.yml'), POLICE_MAP.replace('police:', 'm:'));
    const run = await importSources(s, caller, kase.id, dir, [
      { kind: 'mapping', source: 'm', file: 'm/persons.csv', mapping: 'm.yml' },
    ]);
    expect(run.failed).toEqual([]);
    await importObservationRecords(s, actor, access, memoryInput('interviews.csv', RECORDS));
    const rows = await observationRows(scope);
    const andrii = rows.find((r) => r.code === 'deceptiveRecruitment')?.person_id ?? '';
    const petro = rows.find((r) => r.code === 'excessiveOvertime')?.person_id ?? '';
    // Andrii's record is joined into Petro's (as if one person): his two observations count for Petro.
    const merge = await s.transaction((trx) =>
      mergeInScope(scope.in(trx), petro, andrii, {
        pairKey: [andrii, petro].sort().join('|'),
        score: 1,
        by: actor.id,
        at: new Date().toISOString(),
        country: 'FI',
      }),
    );
    const merged = await fillFromObservations(s, caller, kase.id, {});
    expect(merged.results.map((r) => r.personId)).toEqual([petro]);
    const onPetro = await fillAssessments(s, actor, access, { persons: [petro] });
    expect(onPetro.assessments[0]?.indicators.map((i) => i.itemId).sort()).toEqual(
      expect.arrayContaining(['cd.documents', 'dr.wages']),
    );
    await undoMerge(s, actor, access, merge.id);
    const undone = await fillFromObservations(s, caller, kase.id, {});
    expect(undone.results.map((r) => r.personId).sort()).toEqual([andrii, petro].sort());
  });
});
