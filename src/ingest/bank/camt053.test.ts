import { describe, expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import { accountEntityId, accountRef } from './accounts.ts';
import { camt053Importer } from './camt053.ts';
import { CamtReader } from './camtReader.ts';
import { camtDocument, type TestStatement } from './camtDocuments.testing.ts';
import { ItemQueue } from './emit.ts';
import {
  bytesInput,
  checkOrder,
  collect,
  entitiesOf,
  fixtureInput,
  importError,
  transactionsOf,
} from './statements.testing.ts';
import { XmlTokenizer } from './xml.ts';

const V2 = 'genkgo_camt053.v2.minimal.xml';
const V8 = 'genkgo_camt053.v8.xml';
const idOf = (iban: string) => {
  const ref = accountRef(iban);
  if (!ref) throw new Error(`bad test account ${iban}`);
  return accountEntityId(ref);
};
const parseDoc = (xml: string, options = {}, chunk = 0) =>
  collect(camt053Importer.parse(bytesInput('test.xml', xml, chunk), options));

// Valid IBANs (published examples).
const LV = 'LV80BANK0000435195001';
const DE = 'DE89370400440532013000';
const GB = 'GB29NWBK60161331926819';
const NL = 'NL91ABNA0417164300';

describeWithFixtures('camt.053 fixtures', () => {
  it('reads the 001.02 statement: one entry, its debtor as counterparty', async () => {
    const items = await collect(camt053Importer.parse(fixtureInput(V2, 256), {}));
    checkOrder(items);
    expect(transactionsOf(items)).toEqual([
      {
        line: 90,
        accountId: idOf('NL26VAYB8060476890'),
        counterpartyAccountId: idOf('NL56AGDH9619008421'),
        counterpartyName: 'NAME NAME',
        counterpartyAccount: 'NL56AGDH9619008421',
        amountMinor: 885,
        currency: 'EUR',
        bookingDate: '2014-12-31',
        valueDate: '2015-01-02',
        text: 'Creditor reference 4654654654654654',
        reference: null,
        kind: '544',
      },
    ]);
    expect(entitiesOf(items).map((e) => e.schema)).toEqual(['BankAccount', 'BankAccount', 'LegalEntity', 'Ownership']);
    expect(entitiesOf(items, 'BankAccount')[0]?.properties).toEqual({
      name: ['NL26VAYB8060476890'],
      iban: ['NL26VAYB8060476890'],
      currency: ['EUR'],
    });
  });

  it('reads the 001.08 statement: owner, servicer, date-time booking, references', async () => {
    const items = await collect(camt053Importer.parse(fixtureInput(V8, 100), {}));
    checkOrder(items);
    const [tx, ...more] = transactionsOf(items);
    expect(more).toHaveLength(0);
    expect(tx).toMatchObject({
      line: 110,
      accountId: idOf('NL26VAYB8060476890'),
      amountMinor: 885, // the booked entry amount, not the single detail's "0 SEK"
      currency: 'EUR',
      bookingDate: '2014-12-31',
      valueDate: '2015-01-02',
      counterpartyName: 'NAME NAME',
      reference: 'AAAASESS-FP-CN_98765/01',
      kind: 'PMNT/RCDT/BOOK',
      text: 'Creditor reference 4654654654654654 | EndToEndId MUELL/FINP/RA12345',
    });
    const account = entitiesOf(items, 'BankAccount')[0];
    expect(account?.properties['bankName']).toEqual(['AAAA BANKEN']);
    expect(entitiesOf(items, 'LegalEntity').map((e) => e.properties['name']?.[0])).toEqual(['FINPETROL', 'NAME NAME']);
    const own = entitiesOf(items, 'Ownership').find((o) => o.properties['asset']?.[0] === account?.id);
    expect(own?.properties['owner']).toEqual([entitiesOf(items, 'LegalEntity')[0]?.id]);
  });

  it('yields only new entities when the case already has some (re-import, overlapping files)', async () => {
    const first = await collect(camt053Importer.parse(fixtureInput(V2), {}));
    const inCase = new Set(entitiesOf(first).map((e) => e.id));
    const asked: string[][] = [];
    const known = (ids: string[]) => {
      asked.push(ids);
      return Promise.resolve(new Set(ids.filter((id) => inCase.has(id))));
    };
    const second = await collect(camt053Importer.parse(fixtureInput(V8), { known }));
    checkOrder(second, inCase);
    // Same IBANs, same ids: only FINPETROL and its Ownership are new.
    expect(entitiesOf(second).map((e) => e.properties['name']?.[0] ?? e.schema)).toEqual(['FINPETROL', 'Ownership']);
    expect(transactionsOf(second)).toHaveLength(1);
    expect(asked).toHaveLength(1);
    const again = await collect(camt053Importer.parse(fixtureInput(V2), { known }));
    expect(entitiesOf(again)).toEqual([]);
    expect(transactionsOf(again)).toHaveLength(1);
  });
});

const twoStatements: TestStatement[] = [
  {
    iban: LV,
    owner: 'Jānis Bērziņš',
    bic: 'HABALV22',
    entries: [
      {
        amount: '100.00',
        indicator: 'CRDT',
        ref: 'R1',
        txs: [{ debtor: { name: 'SIA Ozols', iban: DE }, ustrd: ['Alga', 'marts'] }],
      },
      {
        amount: '20.5',
        indicator: 'DBIT',
        value: '2024-03-02',
        txs: [{ creditor: { name: 'Mr Smith', iban: GB, bic: 'NWBKGB2L' } }],
      },
    ],
  },
  {
    iban: NL,
    owner: 'JANIS BERZINS',
    entries: [{ amount: '7.00', indicator: 'DBIT', txs: [{ creditor: { name: 'SIA OZOLS', iban: DE } }] }],
  },
];

describe('camt.053 statements, entries and batches', () => {
  it('reads several statements, each entity once', async () => {
    const items = await parseDoc(camtDocument(6, twoStatements));
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs.map((t) => [t.accountId, t.amountMinor, t.counterpartyName])).toEqual([
      [idOf(LV), 10000, 'SIA Ozols'],
      [idOf(LV), -2050, 'Mr Smith'],
      [idOf(NL), -700, 'SIA OZOLS'],
    ]);
    expect(txs[0]).toMatchObject({ text: 'Alga | marts', reference: 'R1', counterpartyAccount: DE });
    expect(txs[1]).toMatchObject({ valueDate: '2024-03-02', counterpartyAccountId: idOf(GB) });
    const accounts = entitiesOf(items, 'BankAccount');
    expect(accounts.map((a) => a.id)).toEqual([idOf(LV), idOf(DE), idOf(GB), idOf(NL)]);
    expect(accounts[0]?.properties['bic']).toEqual(['HABALV22']);
    expect(accounts[2]?.properties['bic']).toEqual(['NWBKGB2L']);
    // "SIA Ozols" and "SIA OZOLS" hold DE: one holder. The two owners hold different accounts.
    expect(entitiesOf(items, 'LegalEntity').map((e) => e.properties['name']?.[0])).toEqual([
      'Jānis Bērziņš',
      'SIA Ozols',
      'Mr Smith',
      'JANIS BERZINS',
    ]);
  });

  it('splits a batch entry into one transaction per TxDtls with its own amount and party', async () => {
    const xml = camtDocument(4, [
      {
        iban: LV,
        entries: [
          {
            amount: '60.00',
            indicator: 'DBIT',
            ref: 'BATCH-1',
            info: 'Salary batch',
            txs: [
              { amount: '10.00', amtDtls: true, creditor: { name: 'A One', iban: DE }, e2e: 'E1' },
              { amount: '20.00', amtDtls: true, creditor: { name: 'B Two', iban: GB }, ref: 'OWN-2' },
              { amount: '30.00', amtDtls: true, creditor: { name: 'C Three', other: '12345678' } },
            ],
          },
        ],
      },
    ]);
    const items = await parseDoc(xml);
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs.map((t) => t.amountMinor)).toEqual([-1000, -2000, -3000]);
    expect(txs.map((t) => t.counterpartyName)).toEqual(['A One', 'B Two', 'C Three']);
    expect(txs.map((t) => t.reference)).toEqual(['BATCH-1', 'OWN-2', 'BATCH-1']);
    expect(txs[0]?.text).toBe('EndToEndId E1');
    expect(txs[2]?.counterpartyAccount).toBe('12345678');
    // Each part is named by its own <TxDtls> line.
    const lines = xml.split('\n');
    expect(txs.map((t) => lines[t.line - 1])).toEqual(['<TxDtls>', '<TxDtls>', '<TxDtls>']);
    expect(new Set(txs.map((t) => t.line)).size).toBe(3);
  });

  it('keeps a batch whose parts have no amounts as one line with the booked total', async () => {
    const items = await parseDoc(
      camtDocument(2, [
        {
          iban: LV,
          entries: [{ amount: '5.00', indicator: 'CRDT', txs: [{ debtor: { name: 'X' } }, { debtor: { name: 'Y' } }] }],
        },
      ]),
    );
    expect(transactionsOf(items)).toMatchObject([
      { amountMinor: 500, text: 'Batch of 2 transactions', counterpartyName: null },
    ]);
  });

  it('reads 001.04 (AmtDtls, BIC), 001.06 (BICFI) and 001.08 (Pty, Sts/Cd) alike', async () => {
    for (const version of [2, 3, 4, 5, 6, 7, 8]) {
      const items = await parseDoc(
        camtDocument(version, [
          {
            iban: LV,
            entries: [
              {
                amount: '1.50',
                indicator: 'CRDT',
                txs: [
                  { amount: '1.50', amtDtls: version < 4, debtor: { name: 'Payer', iban: DE, bic: 'COBADEFFXXX' } },
                ],
              },
              {
                amount: '3',
                indicator: 'DBIT',
                txs: [
                  { amount: '1', creditor: { name: 'P1', iban: GB } },
                  { amount: '2', creditor: { name: 'P2', iban: NL } },
                ],
              },
            ],
          },
        ]),
      );
      const txs = transactionsOf(items);
      expect(
        txs.map((t) => [t.amountMinor, t.counterpartyName]),
        `001.0${version}`,
      ).toEqual([
        [150, 'Payer'],
        [-100, 'P1'],
        [-200, 'P2'],
      ]);
      expect(entitiesOf(items, 'BankAccount').find((a) => a.id === idOf(DE))?.properties['bic']).toEqual([
        'COBADEFFXXX',
      ]);
    }
  });

  it('reads an account given as Othr/Id and skips entries that are not booked', async () => {
    const xml = camtDocument(8, [
      {
        other: '40817810099910004312',
        entries: [
          { amount: '1.00', status: 'PDNG' },
          { amount: '2.00', status: 'BOOK' },
          { amount: '3.00', status: 'INFO' },
        ],
      },
    ]);
    expect(transactionsOf(await parseDoc(xml)).map((t) => t.amountMinor)).toEqual([200]);
    const all = transactionsOf(await parseDoc(xml, { includePending: true }));
    expect(all.map((t) => t.amountMinor)).toEqual([100, 200, 300]);
    expect(all[0]?.accountId).toBe(idOf('40817810099910004312'));
  });

  it('reads a document whose elements carry a namespace prefix', async () => {
    const xml = camtDocument(2, twoStatements)
      .replace('<Document xmlns=', '<c:Document xmlns:c=')
      .replace(/<(\/?)(?!\?|c:Document)([A-Za-z]+)/g, '<$1c:$2');
    const items = await parseDoc(xml);
    expect(transactionsOf(items).map((t) => t.amountMinor)).toEqual([10000, -2050, -700]);
  });

  it('marks reversals in the kind, keeping the sign of the indicator', async () => {
    const xml = camtDocument(6, [{ iban: LV, entries: [{ amount: '4.00', indicator: 'CRDT', code: 'RTRN' }] }]).replace(
      '<CdtDbtInd>CRDT</CdtDbtInd>\n<Sts>',
      '<CdtDbtInd>CRDT</CdtDbtInd>\n<RvslInd>true</RvslInd>\n<Sts>',
    );
    expect(transactionsOf(await parseDoc(xml))).toMatchObject([{ amountMinor: 400, kind: 'RTRN reversal' }]);
  });

  it('gives the same items however the bytes are chunked', async () => {
    const xml = camtDocument(6, twoStatements);
    expect(await parseDoc(xml, {}, 3)).toEqual(await parseDoc(xml));
  });

  it('streams the details of a very large batch entry instead of holding them', () => {
    const queue = new ItemQueue(undefined, 1_000_000);
    const reader = new CamtReader(queue, { batchBuffer: 2 });
    const txs = Array.from({ length: 7 }, (_, i) => ({ amount: `${i + 1}.00`, creditor: { name: `P${i}`, iban: DE } }));
    const xml = new XmlTokenizer(reader);
    xml.write(Buffer.from(camtDocument(6, [{ iban: LV, entries: [{ amount: '28.00', indicator: 'DBIT', txs }] }])));
    xml.end();
    const out: number[] = [];
    return (async () => {
      for await (const item of queue.drain()) if (item.kind === 'transaction') out.push(item.record.amountMinor);
      expect(out).toEqual([-100, -200, -300, -400, -500, -600, -700]);
    })();
  });
});

describe('camt.053 refusals', () => {
  const ok = camtDocument(6, [{ iban: LV, entries: [{ amount: '1.00' }] }]);

  it('refuses other versions and other messages clearly', async () => {
    const v11 = await importError(
      camt053Importer.parse(bytesInput('x.xml', ok.replace('camt.053.001.06', 'camt.053.001.11')), {}),
    );
    expect(v11.message).toMatch(/camt\.053 version 001\.11 is not supported \(supported: 001\.02 to 001\.10\)/);
    expect(v11.path).toBe('line 2');
    const v1 = await importError(
      camt053Importer.parse(bytesInput('x.xml', ok.replace('camt.053.001.06', 'camt.052.001.01')), {}),
    );
    expect(v1.message).toMatch(/camt\.052 version 001\.01 is not supported/);
    const c55 = await importError(
      camt053Importer.parse(bytesInput('x.xml', ok.replace('camt.053.001.06', 'camt.055.001.06')), {}),
    );
    expect(c55.message).toMatch(/camt\.055 message, not a camt\.052, camt\.053 or camt\.054/);
    const wrongBody = await importError(
      camt053Importer.parse(bytesInput('x.xml', ok.replace('camt.053.001.06', 'camt.054.001.06')), {}),
    );
    expect(wrongBody.message).toMatch(/expected <BkToCstmrDbtCdtNtfctn>, found <BkToCstmrStmt>/);
    const plain = await importError(
      camt053Importer.parse(bytesInput('x.xml', '<Document><BkToCstmrStmt/></Document>'), {}),
    );
    expect(plain.message).toMatch(/no namespace/);
    const empty = await importError(
      camt053Importer.parse(bytesInput('x.xml', ok.replace(/<Stmt>[\s\S]*<\/Stmt>/, '')), {}),
    );
    expect(empty.message).toMatch(/no statement/);
  });

  it('refuses an unclosed tag and a truncated file, naming the line', async () => {
    // The entry's indicator loses its end tag: </Ntry> then closes the wrong element.
    const unclosed = ok.replace('<CdtDbtInd>CRDT</CdtDbtInd>\n<Sts>', '<CdtDbtInd>CRDT\n<Sts>');
    const e1 = await importError(camt053Importer.parse(bytesInput('x.xml', unclosed), {}));
    expect(e1.code).toBe('import_failed');
    const lines = unclosed.split('\n');
    expect(e1.path).toBe(`line ${lines.indexOf('</Ntry>') + 1}`);
    expect(e1.message).toMatch(
      new RegExp(`</Ntry> does not close <CdtDbtInd> opened on line ${lines.indexOf('<CdtDbtInd>CRDT') + 1}`),
    );
    const truncated = ok.slice(0, ok.indexOf('<BookgDt>'));
    const e2 = await importError(camt053Importer.parse(bytesInput('x.xml', truncated, 5), {}));
    expect(e2.message).toMatch(/<Ntry> is never closed.*truncated/);
    expect(e2.path).toBe(`line ${ok.split('\n').indexOf('<Ntry>') + 1}`);
  });

  it('refuses an entry without amount, with an unknown indicator or a bad date', async () => {
    const ntryLine = `line ${ok.split('\n').indexOf('<Ntry>') + 1}`;
    const noAmount = await importError(
      camt053Importer.parse(bytesInput('x.xml', ok.replace('<Amt Ccy="EUR">1.00</Amt>', '')), {}),
    );
    expect(noAmount.message).toMatch(/no amount/);
    expect(noAmount.path).toBe(ntryLine);
    const bad = camtDocument(6, [{ iban: LV, entries: [{ amount: '1.00', indicator: 'CREDIT' }] }]);
    const indicator = await importError(camt053Importer.parse(bytesInput('x.xml', bad), {}));
    expect(indicator.message).toMatch(/"CREDIT" is neither CRDT nor DBIT/);
    expect(indicator.path).toBe(`line ${bad.split('\n').indexOf('<CdtDbtInd>CREDIT</CdtDbtInd>') + 1}`);
    const amount = await importError(camt053Importer.parse(bytesInput('x.xml', ok.replace('>1.00<', '>1,00<')), {}));
    expect(amount.message).toMatch(/amount "1,00" is not an amount/);
    const date = await importError(
      camt053Importer.parse(
        bytesInput('x.xml', camtDocument(6, [{ iban: LV, entries: [{ amount: '1', booking: '2024-02-30' }] }])),
        {},
      ),
    );
    expect(date.message).toMatch(/"2024-02-30" is not a date/);
    const noAccount = await importError(
      camt053Importer.parse(bytesInput('x.xml', camtDocument(6, [{ entries: [{ amount: '1' }] }])), {}),
    );
    expect(noAccount.message).toMatch(/no usable account identifier/);
  });

  it('validates its options', async () => {
    const e = await importError(camt053Importer.parse(bytesInput('x.xml', ok), { includePending: 'yes' } as never));
    expect(e.code).toBe('validation_failed');
    expect(e.path).toBe('includePending');
  });
});
