/**
 * Several statement files in one run, on both databases: all of them or none; with keepGoing the
 * good ones are imported and the bad ones named, each error written once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import { isAppError } from '../../shared/errors.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import { listStatements } from '../../store/repos/finance/statements.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { cliCaller } from '../useCase/index.ts';
import { importStatementFiles } from './statementFiles.ts';

const dir = mkdtempSync(join(tmpdir(), 'elect-statement-files-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const statement = (day: string, opening: string, closing: string) => `:20:STARTUMS
:25:37040044/0532013000
:28C:1/1
:60F:C2403${day}EUR${opening}
:61:2403${day}03${day}C50,00NTRFNONREF
:86:Wage
:61:2403${day}03${day}D20,00NTRFNONREF
:86:Rent
:62F:C2403${day}EUR${closing}
-
`;

const camtBroken =
  '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n<BkToCstmrStmt>\n';

describeEachDialect('several statement files: all or none, or the good ones when asked', (ctx) => {
  async function newCase(store: Store) {
    const actor = actorOf(await addUser(store, { username: uniqueName('files'), platformRole: 'investigator' }));
    const caseId = (await createCase(store, actor, { title: 'Statement files', country: 'DE' })).id;
    const figures = async () => ({
      transactions: await countTransactions(store.scope(caseId)),
      statements: (await listStatements(store.scope(caseId))).length,
    });
    return { caller: cliCaller(actor), caseId, figures };
  }
  const paths = () => [
    file('day1.sta', statement('01', '100,00', '130,00')),
    file('bad.sta', ':20:REF\n:25:37040044/0532013000\n:28C:1/1\n:60F:C240301EURabc\n-\n'),
    file('unbalanced.sta', statement('03', '160,00', '999,00')),
    file('day2.sta', statement('02', '130,00', '160,00')),
  ];

  itDb('one bad file: nothing is imported and every bad file is named', async () => {
    const store = ctx.store();
    const { caller, caseId, figures } = await newCase(store);
    const e = await importStatementFiles(store, caller, caseId, paths(), { format: 'mt940', options: {} }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isAppError(e)).toBe(true);
    const message = (e as Error).message;
    expect(message).toMatch(/^Nothing was imported: 2 of 4 file\(s\)/);
    expect(message).toMatch(/\n {2}bad\.sta: line 4: /);
    expect(message).toMatch(/\n {2}unbalanced\.sta: line \d+: The statement .* does not reconcile/);
    expect(message).not.toMatch(/day[12]\.sta/);
    expect(message.match(/bad\.sta: line 4/g)).toHaveLength(1);
    expect(await figures()).toEqual({ transactions: 0, statements: 0 });
  });

  itDb('keepGoing: the good files are imported, the bad ones named', async () => {
    const store = ctx.store();
    const { caller, caseId, figures } = await newCase(store);
    const run = await importStatementFiles(store, caller, caseId, paths(), {
      format: 'mt940',
      options: {},
      keepGoing: true,
    });
    expect(run.imported.map((i) => [i.fileName, i.report.transactionsAdded])).toEqual([
      ['day1.sta', 2],
      ['day2.sta', 2],
    ]);
    expect(run.refused.map((r) => r.path.split(/[\\/]/).pop())).toEqual(['bad.sta', 'unbalanced.sta']);
    expect(run.refused[0]?.error).toMatch(/^bad\.sta: line 4: /);
    expect(await figures()).toEqual({ transactions: 4, statements: 2 });
  });

  itDb('camt.053: a truncated file is named with its line and nothing is written', async () => {
    const store = ctx.store();
    const { caller, caseId, figures } = await newCase(store);
    const e = await importStatementFiles(store, caller, caseId, [file('cut.xml', camtBroken)], {
      format: 'camt053',
      options: {},
    }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect((e as Error).message).toMatch(/\n {2}cut\.xml: line \d+: /);
    expect(await figures()).toEqual({ transactions: 0, statements: 0 });
  });
});
