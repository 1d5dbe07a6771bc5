/**
 * The further statement formats through the real pipeline on both databases: OFX and XLSX
 * statements are never doubled, whether a file holds a statement twice or a second file holds
 * it again; an OFX statement (a ledger balance only) is kept as "closing balance only"; MT940
 * intermediate balances are checked segment by segment, the refusal naming statement, account,
 * segment and difference; control characters stripped from a file are reported once.
 */
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import type { Importer } from '../../ingest/types.ts';
import { bankImporters, type BankFormat } from '../../ingest/bank/index.ts';
import { bytesInput } from '../../ingest/bank/statements.testing.ts';
import { writeXlsx, type SheetCell } from '../../ingest/bank/xlsx.testing.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { listStatements } from '../../store/repos/finance/statements.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';
import { listAccounts } from '../finance/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { runImport } from './pipeline.ts';

const IBAN = 'DE89370400440532013000';

const ofxStatement = (from: string, to: string, ledger: string) => `<STMTTRNRS><TRNUID>${from}</TRNUID>
<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>37040044<ACCTID>0532 013 000<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>${from}<DTEND>${to}
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>${from}<TRNAMT>50.00<FITID>${from}-1<NAME>Employer<MEMO>Wage</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>${to}<TRNAMT>-20.00<FITID>${to}-2<NAME>Landlord<MEMO>Rent</STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>${ledger}<DTASOF>${to}</LEDGERBAL></STMTRS></STMTTRNRS>`;

const ofx = (...statements: string[]) =>
  `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX><BANKMSGSRSV1>\n${statements.join('\n')}\n</BANKMSGSRSV1></OFX>\n`;

const XLSX_OPTIONS = {
  mapping: { rowType: 'Type', date: 'Date', amount: 'Amount', text: 'Text', fixedCurrency: 'EUR', fixedAccount: IBAN },
  decimal: '.',
  dateFormat: 'DD.MM.YYYY',
  rowTypes: { keep: ['line'], opening: ['opening'], closing: ['closing'] },
};

const sheetStatement = (month: string, opening: number): SheetCell[][] => [
  ['opening', { date: `2024-${month}-01` }, opening, 'Balance'],
  ['line', { date: `2024-${month}-05` }, 50, 'Wage'],
  ['line', { date: `2024-${month}-06` }, -20, 'Rent'],
  ['closing', { date: `2024-${month}-28` }, opening + 30, 'Balance'],
];

const xlsx = (...statements: SheetCell[][][]) =>
  writeXlsx([{ name: 'Statement', rows: [['Type', 'Date', 'Amount', 'Text'], ...statements.flat()] }]);

/** One :20: block whose :62M:/:60M: pair splits it; the second segment is `off` minor units off. */
const segmented = (off = 0) =>
  `\u0001:20:SEG1
:25:37040044/0532013000
:28C:7/1
:60F:C240301EUR100,00
:61:2403050305C50,00NTRFNONREF
:86:Wage
:62M:C240315EUR150,00
:60M:C240315EUR150,00
:61:2403200320D20,00NTRFNONREF
:86:Rent
:62F:C240331EUR${(13000 + off) / 100},00
-\u0003
`.replace(/(\d+)\.(\d+),00/, (_, a: string, b: string) => `${a},${b.padEnd(2, '0')}`);

const bal = (code: string, amount: string, date: string) =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt>` +
  `<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
const ntry = (amount: string, side: string, date: string) =>
  `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${side}</CdtDbtInd><Sts>BOOK</Sts>` +
  `<BookgDt><Dt>${date}</Dt></BookgDt></Ntry>`;

/** camt.053 with an interim booked balance (ITBD) on 15 March: 100 + 50 = 150, then − 20 = 130. */
const camtInterim = (interim: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M</MsgId><CreDtTm>2024-04-01T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>ITB1</Id><Acct><Id><IBAN>${IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${bal('OPBD', '100.00', '2024-03-01')}${bal('ITBD', interim, '2024-03-15')}${bal('CLBD', '130.00', '2024-03-31')}
${ntry('20.00', 'DBIT', '2024-03-20')}
${ntry('50.00', 'CRDT', '2024-03-05')}
</Stmt></BkToCstmrStmt></Document>
`;

describeEachDialect('OFX, XLSX and MT940 segments through the pipeline', (ctx) => {
  async function newCase(store: Store) {
    const actor = actorOf(await addUser(store, { username: uniqueName('fmt'), platformRole: 'investigator' }));
    const caseId = (await createCase(store, actor, { title: 'Formats', country: 'DE' })).id;
    const run = (format: BankFormat, name: string, bytes: string | Uint8Array, options: object = {}, accept = false) =>
      runImport(store, actor, caseId, bankImporters[format] as Importer<unknown>, bytesInput(name, bytes), options, {
        acceptUnbalanced: accept,
      });
    const figures = async () => ({
      transactions: await countTransactions(store.scope(caseId)),
      statements: (await listStatements(store.scope(caseId))).map((s) => [s.reconciliation, Number(s.entries)]),
    });
    return { actor, caseId, run, figures };
  }

  itDb('OFX: a statement twice in one file, and again in a second file, is imported once', async () => {
    const { actor, caseId, run, figures } = await newCase(ctx.store());
    const march = ofxStatement('20240301', '20240331', '130.00');
    const first = await run('ofx', 'twice.ofx', ofx(march, march));
    expect(first).toMatchObject({ transactionsAdded: 2, statementsAdded: 1 });
    expect(first.statementsSkipped?.map((s) => [s.reason, s.period])).toEqual([
      ['earlier in this file', '2024-03-01 to 2024-03-31'],
    ]);
    const april = ofxStatement('20240401', '20240430', '160.00');
    const again = await run('ofx', 'again.ofx', ofx(april, march));
    expect(again).toMatchObject({ transactionsAdded: 2, statementsAdded: 1 });
    expect(again.statementsSkipped?.map((s) => s.reason)).toEqual(['already in the case']);
    expect(await figures()).toEqual({
      transactions: 4,
      statements: [
        ['closing balance only', 2],
        ['closing balance only', 2],
      ],
    });
    // A re-download of an overlapping period: its lines are known by their FITIDs.
    const overlap = ofxStatement('20240301', '20240331', '130.00').replace('<DTSTART>20240301', '<DTSTART>20240215');
    expect(await run('ofx', 'overlap.ofx', ofx(overlap))).toMatchObject({
      transactionsAdded: 0,
      transactionsAlreadyPresent: 2,
    });
    const { accounts } = await listAccounts(ctx.store(), cliCaller(actor), caseId, { limit: 50 });
    expect(accounts.flatMap((a) => a.statementWarnings ?? [])).toContain(
      'statement for 2024-03-01 to 2024-03-31: not reconcilable: closing balance only',
    );
  });

  itDb('XLSX: an export imported twice, or holding its statement twice, never doubles a line', async () => {
    const { run, figures } = await newCase(ctx.store());
    const march = sheetStatement('03', 100);
    expect(await run('bank-csv', 'march.xlsx', xlsx(march), XLSX_OPTIONS)).toMatchObject({ transactionsAdded: 2 });
    expect(await run('bank-csv', 'again.xlsx', xlsx(march), XLSX_OPTIONS)).toMatchObject({
      transactionsAdded: 0,
      transactionsAlreadyPresent: 2,
    });
    expect((await figures()).transactions).toBe(2);
    // The statement twice in one workbook: refused whole or skipped the second time, never added twice.
    const twice = await run('bank-csv', 'twice.xlsx', xlsx(sheetStatement('04', 130), sheetStatement('04', 130)), {
      ...XLSX_OPTIONS,
    }).catch((e: unknown) => e);
    expect((await figures()).transactions).toBe(twice instanceof Error ? 2 : 4);
  });

  itDb('MT940: each segment between intermediate balances must add up; the refusal names it', async () => {
    const { run, figures } = await newCase(ctx.store());
    const good = await run('mt940', 'seg.sta', segmented());
    expect(good).toMatchObject({ transactionsAdded: 2, statementsAdded: 1 });
    // SOH/ETX framing stripped, said once.
    expect(good.warnings).toEqual([
      'line 1: 2 control character(s) removed (1 × SOH (0x01), 1 × ETX (0x03)), the first on this line: framing or padding, not text',
    ]);

    const { run: runOff, figures: off } = await newCase(ctx.store());
    const refused = runOff('mt940', 'off.sta', segmented(25));
    await expect(refused).rejects.toThrow(
      `The statement "SEG1" (no. 7/1) of account 0532013000 for 2024-03-01 to 2024-03-31 does not reconcile in` +
        ' segment 3 of 3 (from the intermediate balance :60M: on line 8 to the closing balance): 150.00 EUR plus' +
        ' 1 entry gives 130.00 EUR, but the closing balance is 130.25 EUR (difference 0.25 EUR).',
    );
    expect(await off()).toEqual({ transactions: 0, statements: [] });
    const accepted = await runOff('mt940', 'off.sta', segmented(25), {}, true);
    expect(accepted.unbalancedStatements).toEqual([
      expect.objectContaining({
        differenceMinor: 25,
        warning: expect.stringMatching(/in segment 3 of 3 \(difference 0\.25 EUR\)/),
      }),
    ]);
    expect(await off()).toEqual({ transactions: 2, statements: [['unbalanced', 2]] });
    expect(await figures()).toEqual({ transactions: 2, statements: [['balanced', 2]] });
  });

  itDb('camt.053: an interim booked balance (ITBD) inside the period is checked by booking date', async () => {
    const { run, figures } = await newCase(ctx.store());
    await expect(run('camt053', 'itbd.xml', camtInterim('151.00'))).rejects.toThrow(
      'does not reconcile in segment 1 of 2 (from the opening balance to the interim booked balance (ITBD) of' +
        ' 2024-03-15): 100.00 EUR plus 1 entry gives 150.00 EUR, but the interim booked balance (ITBD) of' +
        ' 2024-03-15 is 151.00 EUR (difference 1.00 EUR)',
    );
    expect(await run('camt053', 'itbd.xml', camtInterim('150.00'))).toMatchObject({ statementsAdded: 1 });
    expect(await figures()).toEqual({ transactions: 2, statements: [['balanced', 2]] });
  });
});
