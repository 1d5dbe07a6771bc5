/**
 * `--guess` on every CSV of the real-file corpus (the Swedbank export named .xls is a CSV too):
 * the guessed options import each file on both databases with the facts its SOURCES.md row
 * gives — counts, amounts, currency, balances. A CSV added to the corpus without facts here
 * fails the test, so none is left unchecked.
 */
import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { describeEachDialectWithFixtures, itDb } from '../../../test/support/dialects.ts';
import { fixturePath } from '../../../test/support/fixtures.ts';
import { uniqueName } from '../../../test/support/api.ts';
import { bankImporters } from '../../ingest/bank/index.ts';
import { fileInput } from '../../ingest/files.ts';
import type { Importer } from '../../ingest/types.ts';
import { listStatements } from '../../store/repos/finance/statements.ts';
import { listTransactions } from '../../store/repos/finance/transactions.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { guessStatementFile } from './guess.ts';
import { runImport } from './pipeline.ts';

interface Facts {
  /** Every line's amount in minor units, in file order. */
  amounts?: number[];
  count: number;
  /** Sums of the money out (negative) and in. */
  out?: number;
  in?: number;
  currency: string;
  dates?: string[];
  statements?: { opening: number; closing: number; entries: number }[];
  /** Encodings that read the file's letters right. */
  encodings?: string[];
  preset?: string;
}

/** From ../shared/fixtures/SOURCES.md. */
const FACTS: Record<string, Facts> = {
  'bank2ynab_erste_hu_W80844_EBH_201945.202122.csv': {
    count: 2,
    amounts: [-35000, 129000],
    currency: 'HUF',
    dates: ['2019-04-19', '2019-04-17'],
  },
  'bank2ynab_ospa_20180226-1000594757-umsatz.CSV': {
    count: 1,
    amounts: [-3699],
    currency: 'EUR',
    dates: ['2018-02-22'],
  },
  'bank2ynab_rabobank_CSV_A_20180414_112204.csv': {
    count: 3,
    amounts: [-33749, 5000, -75000],
    currency: 'EUR',
    encodings: ['windows-1252', 'iso-8859-1', 'iso-8859-15'],
  },
  'bank2ynab_raiffeisen_cz_Movements_1234512345_201805271848.csv': {
    count: 1,
    amounts: [-100],
    currency: 'CZK',
    dates: ['2018-05-27'],
    encodings: ['windows-1250', 'iso-8859-2'],
  },
  'bank2ynab_swedbank_lt_statement.xls': {
    count: 13,
    out: -28470,
    in: 286363,
    currency: 'LTL',
    statements: [{ opening: 1037404, closing: 1295297, entries: 13 }],
    preset: 'swedbank-lt',
  },
  'beancount-no-sparebank1_sb1.csv': {
    count: 15,
    out: -2947669,
    in: 3343734,
    currency: 'NOK',
    preset: 'sparebank1',
  },
};

/** The corpus's CSV files: by their ending, and the one whose name says otherwise. */
const isCsv = (name: string) => /\.csv$/i.test(name) || name === 'bank2ynab_swedbank_lt_statement.xls';

describeEachDialectWithFixtures('--guess proposes working options for every CSV of the corpus', (ctx) => {
  itDb('each imports with its guessed options and its SOURCES.md facts', async () => {
    const store = ctx.store();
    const actor = actorOf(await addUser(store, { username: uniqueName('guess'), platformRole: 'investigator' }));
    const files = readdirSync(fixturePath('bank')).filter(isCsv).sort();
    expect(files).toEqual(Object.keys(FACTS).sort());
    for (const file of files) {
      const facts = FACTS[file] as Facts;
      const path = fixturePath('bank', file);
      const guess = await guessStatementFile(path);
      expect(guess.check, file).toMatchObject({ ok: true, transactions: facts.count });
      if (facts.preset) expect(guess.preset, file).toBe(facts.preset);
      if (facts.encodings) expect(facts.encodings, file).toContain(guess.options['encoding']);
      const caseId = (await createCase(store, actor, { title: file, country: 'LV' })).id;
      const report = await runImport(
        store,
        actor,
        caseId,
        bankImporters['bank-csv'] as Importer<unknown>,
        fileInput(path),
        guess.options,
      );
      expect(report.transactionsAdded, file).toBe(facts.count);
      const lines = await listTransactions(store.scope(caseId), { limit: 1000 });
      const amounts = lines.map((l) => Number(l.amount_minor));
      expect(new Set(lines.map((l) => l.currency)), file).toEqual(new Set([facts.currency]));
      if (facts.amounts)
        expect(
          [...amounts].sort((a, b) => a - b),
          file,
        ).toEqual([...facts.amounts].sort((a, b) => a - b));
      if (facts.dates) expect(lines.map((l) => l.booking_date).sort(), file).toEqual([...facts.dates].sort());
      if (facts.out !== undefined)
        expect(
          amounts.filter((a) => a < 0).reduce((n, a) => n + a, 0),
          file,
        ).toBe(facts.out);
      if (facts.in !== undefined)
        expect(
          amounts.filter((a) => a > 0).reduce((n, a) => n + a, 0),
          file,
        ).toBe(facts.in);
      const statements = await listStatements(store.scope(caseId));
      expect(
        statements.map((s) => ({
          opening: Number(s.opening_minor),
          closing: Number(s.closing_minor),
          entries: Number(s.entries),
          balanced: s.reconciliation,
        })),
        file,
      ).toEqual((facts.statements ?? []).map((s) => ({ ...s, balanced: 'balanced' })));
    }
  });
});
