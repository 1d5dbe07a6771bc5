/**
 * Statement figures from every bank fixture, through the real import pipeline on both
 * dialects: each statement is stored with its account, currency, entry count and opening and
 * closing balances exactly as the file writes them, and importing the file again changes
 * nothing (no statement, transaction or entity is added).
 */
import { expect } from 'vitest';
import { describeEachDialectWithFixtures, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { createCase } from '../../services/cases/cases.ts';
import { runImport } from '../../services/imports/pipeline.ts';
import { actorOf, addUser } from '../../services/access/users.ts';
import { getEntity } from '../../store/repos/entities/entities.ts';
import { countStatements, listStatements } from '../../store/repos/finance/statements.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';
import { fileInput } from '../files.ts';
import { bankImporters } from './index.ts';
import { fixturePath } from './statements.testing.ts';

/** What the test expects of one statement; `account` is the IBAN or account number. */
interface Expected {
  account: string;
  reference: string;
  currency: string;
  opening: [date: string, minor: number];
  closing: [date: string, minor: number];
  entries: number;
}

const st = (
  account: string,
  reference: string,
  opening: [string, number],
  closing: [string, number],
  entries: number,
  currency = 'EUR',
): Expected => ({ account, reference, currency, opening, closing, entries });

/** ASN Bank: one statement per day, :20:0000000000, opening and closing on the same day. */
const asnb = (date: string, opening: number, closing: number, entries: number): Expected =>
  st('NL81ASNB9999999999', '0000000000', [date, opening], [date, closing], entries);

/**
 * `unbalanced`: the statements (by reference) whose entries do not add up to their closing balance;
 * such a file is refused unless unbalanced statements are accepted, and then each carries the warning.
 */
const fixtures: { file: string; format: 'camt053' | 'mt940'; statements: Expected[]; unbalanced?: string[] }[] = [
  {
    // OPBD CRDT EUR 18.15 on 2014-12-30; CLBD DBIT 27.00 (written with Ccy="SEK") on 2014-12-31.
    file: 'genkgo_camt053.v2.minimal.xml',
    format: 'camt053',
    statements: [st('NL26VAYB8060476890', '253EURNL26VAYB8060476890', ['2014-12-30', 1815], ['2014-12-31', -2700], 1)],
    // 18.15 + 8.85 = 27.00 credit, but the closing balance is marked DBIT.
    unbalanced: ['253EURNL26VAYB8060476890'],
  },
  {
    // The account is given as <Othr><Id> without <Ccy>: the currency is the opening balance's.
    file: 'genkgo_camt053.v8.xml',
    format: 'camt053',
    statements: [st('NL26VAYB8060476890', '253EURNL26VAYB8060476890', ['2014-12-30', 1815], ['2014-12-30', -2700], 1)],
    unbalanced: ['253EURNL26VAYB8060476890'],
  },
  {
    file: 'wolph-mt940_jejik_abnamro.sta',
    format: 'mt940',
    statements: [
      st('517852257', 'ABN AMRO BANK NV', ['2011-05-22', 323628], ['2011-05-23', 87684], 8),
      st('517852257', 'ABN AMRO BANK NV', ['2011-05-23', 287684], ['2011-05-24', 184975], 2),
    ],
    unbalanced: ['ABN AMRO BANK NV', 'ABN AMRO BANK NV'],
  },
  {
    // :25:50880050/0194787400888: bank code / account number; the second statement is overdrawn (D).
    file: 'wolph-mt940_betterplace_sepa_snippet.sta',
    format: 'mt940',
    statements: [
      st('0194787400888', 'T089414086000001', ['2007-09-03', 76665649], ['2007-09-04', 112525040], 4),
      st('0194791600888', 'T089414096000001', ['2007-09-03', -197043187], ['2007-09-04', -447204909], 7),
    ],
    unbalanced: ['T089414096000001'],
  },
  {
    file: 'wolph-mt940_ASNB_mt940.txt',
    format: 'mt940',
    statements: [
      asnb('2020-01-01', 44429, 37929, 1),
      asnb('2020-01-02', 37929, 37929, 0),
      asnb('2020-01-03', 37929, 37929, 0),
      asnb('2020-01-04', 37929, 37929, 0),
      asnb('2020-01-05', 37929, 57774, 2),
      asnb('2020-01-06', 57774, 57774, 0),
      asnb('2020-01-07', 57774, 57774, 0),
      asnb('2020-01-08', 57774, 57774, 0),
      asnb('2020-01-09', 57774, 57774, 0),
      asnb('2020-01-10', 57774, 57774, 0),
      asnb('2020-01-11', 57774, 57774, 0),
      asnb('2020-01-12', 57774, 57774, 0),
      asnb('2020-01-13', 57774, 57774, 0),
      asnb('2020-01-14', 57774, 57774, 0),
      asnb('2020-01-15', 57774, 57774, 0),
      asnb('2020-01-16', 57774, 57774, 0),
      asnb('2020-01-17', 57774, 57774, 0),
      asnb('2020-01-18', 57774, 57774, 0),
      asnb('2020-01-19', 57774, 57774, 0),
      asnb('2020-01-20', 57774, 57774, 0),
      asnb('2020-01-21', 57774, 57774, 0),
      asnb('2020-01-22', 57774, 57774, 0),
      asnb('2020-01-23', 57774, 57774, 0),
      asnb('2020-01-24', 57774, 57774, 0),
      asnb('2020-01-25', 57774, 57609, 1),
      asnb('2020-01-26', 57609, 57609, 0),
      asnb('2020-01-27', 57609, 57609, 0),
      asnb('2020-01-28', 57609, 57609, 0),
      asnb('2020-01-29', 57609, 40481, 2),
      asnb('2020-01-30', 40481, 40481, 0),
      asnb('2020-01-31', 40481, 50123, 2),
    ],
  },
];

async function accountIdentifier(store: Store, caseId: string, id: string): Promise<string | undefined> {
  const row = await getEntity(store.scope(caseId), id);
  const props = JSON.parse(row?.properties ?? '{}') as Properties;
  return props['iban']?.[0] ?? props['accountNumber']?.[0];
}

async function counts(
  store: Store,
  caseId: string,
): Promise<{ statements: number; transactions: number; entities: number }> {
  const scope = store.scope(caseId);
  const entities = await scope
    .selectFrom('entities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    statements: await countStatements(scope),
    transactions: await countTransactions(scope),
    entities: Number(entities.n),
  };
}

describeEachDialectWithFixtures('bank statements from the fixtures', (ctx) => {
  for (const fx of fixtures) {
    itDb(`${fx.file}: statements as written, a second import changes nothing`, async () => {
      const store = ctx.store();
      const actor = actorOf(await addUser(store, { username: uniqueName('stmt'), platformRole: 'investigator' }));
      const caseId = (await createCase(store, actor, { title: 'Statements', country: 'NL' })).id;
      const importer = bankImporters[fx.format];

      const input = () => fileInput(fixturePath(fx.file));
      if (fx.unbalanced) {
        await expect(runImport(store, actor, caseId, importer, input(), {})).rejects.toThrow(/does not reconcile/);
        expect((await counts(store, caseId)).transactions).toBe(0);
      }
      const accept = { acceptUnbalanced: Boolean(fx.unbalanced) };
      const first = await runImport(store, actor, caseId, importer, input(), {}, accept);
      expect(first.statementsAdded).toBe(fx.statements.length);
      expect((first.unbalancedStatements ?? []).map((u) => u.reference)).toEqual(fx.unbalanced ?? []);
      expect((await listStatements(store.scope(caseId))).filter((r) => r.reconciliation === 'unbalanced').length).toBe(
        fx.unbalanced?.length ?? 0,
      );
      const rows = await listStatements(store.scope(caseId));
      const got = await Promise.all(
        rows.map(async (r): Promise<Expected> => ({
          account: (await accountIdentifier(store, caseId, r.account_id)) ?? `(no identifier on ${r.account_id})`,
          reference: r.reference,
          currency: r.currency,
          opening: [r.opening_date, Number(r.opening_minor)],
          closing: [r.closing_date, Number(r.closing_minor)],
          entries: Number(r.entries),
        })),
      );
      const order = (a: Expected, b: Expected) =>
        `${a.account} ${a.opening[0]} ${a.closing[0]}`.localeCompare(`${b.account} ${b.opening[0]} ${b.closing[0]}`);
      expect(got.sort(order)).toEqual([...fx.statements].sort(order));
      const total = fx.statements.reduce((n, s) => n + s.entries, 0);
      expect(first.transactionsAdded).toBe(total);

      const before = await counts(store, caseId);
      expect(before.statements).toBe(fx.statements.length);
      const again = await runImport(store, actor, caseId, importer, input(), {}, accept);
      expect(again).toMatchObject({ statementsAdded: 0, transactionsAdded: 0, entitiesAdded: 0 });
      expect(await counts(store, caseId)).toEqual(before);
    });
  }
});
