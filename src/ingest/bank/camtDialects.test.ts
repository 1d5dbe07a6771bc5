/**
 * camt as banks write it, in small samples the corpus lacks: dates with offsets and fractions,
 * entries without a booking date, balances without a credit/debit indicator, a statement on
 * one line, other declared encodings, camt.052 reports and camt.054 notifications.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { camt053Importer } from './camt053.ts';
import { camtDocument, type TestStatement } from './camtDocuments.testing.ts';
import { camtDate } from './camtModel.ts';
import { bytesInput, collect, entitiesOf, importError, transactionsOf } from './statements.testing.ts';

const LV = 'LV80BANK0000435195001';
const DE = 'DE89370400440532013000';

const parse = (doc: string | Uint8Array, chunk = 0) =>
  collect(camt053Importer.parse(bytesInput('test.xml', doc, chunk), {}));
const failure = (doc: string | Uint8Array) => importError(camt053Importer.parse(bytesInput('test.xml', doc), {}));
const warningsOf = (items: Awaited<ReturnType<typeof parse>>) =>
  items.flatMap((i) => ('warnings' in i && i.warnings) || []);
const statementsOf = (items: Awaited<ReturnType<typeof parse>>) =>
  items.flatMap((i) => (i.kind === 'statement' ? [{ ...i.statement, warnings: i.warnings }] : []));

const threeEntries: TestStatement[] = [
  {
    iban: LV,
    entries: [
      { amount: '1.00', ref: 'R1', value: '2024-03-05' },
      { amount: '2.00', ref: 'R2' },
      { amount: '3.00', ref: 'R3', indicator: 'DBIT' },
    ],
  },
];

/** The OPBD balance of camtDocument replaced by `balances` (Tp code, amount, indicator or none). */
function withBalances(doc: string, balances: [string, string, string?][]): string {
  const bal = ([code, amount, indicator]: [string, string, string?]) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt>` +
    `${indicator ? `<CdtDbtInd>${indicator}</CdtDbtInd>` : ''}<Dt><Dt>2024-03-01</Dt></Dt></Bal>`;
  return doc.replace(/<Bal>.*<\/Bal>/, balances.map(bal).join('\n'));
}

describe('camt dates', () => {
  it('reads ISODate and ISODateTime with offsets and fractions, keeping the day as written', () => {
    expect(camtDate('2017-04-03+02:00')).toBe('2017-04-03');
    expect(camtDate('2017-04-03Z')).toBe('2017-04-03');
    expect(camtDate('2013-12-27T22:04:52.0+01:00')).toBe('2013-12-27');
    expect(camtDate('2023-07-06T10:27:07.213294607Z')).toBe('2023-07-06');
    expect(camtDate('2023-06-21T12:35:33.115965+00:00')).toBe('2023-06-21');
    expect(camtDate('2023-12-31T23:30:00-05:00')).toBe('2023-12-31');
    for (const bad of ['2017-04-03+25:00', '2017-04-03T25:00:00', '2017-02-30+01:00', '03.04.2017', '2017-04-03 10:00'])
      expect(camtDate(bad), bad).toBeNull();
  });

  it('reads entries and balances dated with offsets', async () => {
    const doc = camtDocument(8, [{ iban: LV, entries: [{ amount: '1.00', booking: '2017-04-03+02:00' }] }])
      .replace('</BookgDt>', '</BookgDt><ValDt><DtTm>2013-12-27T22:04:52.0+01:00</DtTm></ValDt>')
      .replace('<Dt><Dt>2024-03-01</Dt></Dt></Bal>', '<Dt><DtTm>2023-07-06T10:27:07.213294607Z</DtTm></Dt></Bal>');
    const items = await parse(
      withBalances(doc, [['OPBD', '0.00', 'CRDT']]).replace(
        '<Dt><Dt>2024-03-01</Dt></Dt></Bal>',
        '<Dt><DtTm>2023-07-06T10:27:07.213294607Z</DtTm></Dt></Bal>\n' +
          '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>' +
          '<Dt><Dt>2017-04-03+02:00</Dt></Dt></Bal>',
      ),
    );
    expect(transactionsOf(items)).toMatchObject([{ bookingDate: '2017-04-03', valueDate: '2013-12-27' }]);
    expect(statementsOf(items)).toMatchObject([{ openingDate: '2023-07-06', closingDate: '2017-04-03' }]);
    expect(warningsOf(items)).toEqual([]);
  });
});

describe('camt entries without a booking date', () => {
  it('are booked on their value date, else on the statement date, with a warning', async () => {
    const doc = camtDocument(6, threeEntries).replace(/<BookgDt>.*<\/BookgDt>\n/g, '');
    const items = await parse(doc);
    expect(transactionsOf(items).map((t) => [t.amountMinor, t.bookingDate, t.valueDate])).toEqual([
      [100, '2024-03-05', '2024-03-05'],
      [200, '2024-03-02', null],
      [-300, '2024-03-02', null],
    ]);
    const warnings = items.flatMap((i) => (i.kind === 'transaction' ? [i.warnings] : []));
    expect(warnings).toEqual([
      [
        'statement 1 (STMT-1), entry 1 (reference R1): the entry has no booking date (<BookgDt>): booked on its value date 2024-03-05',
      ],
      [
        'statement 1 (STMT-1), entry 2 (reference R2): the entry has no booking date (<BookgDt>): booked on the statement date 2024-03-02',
      ],
      [
        'statement 1 (STMT-1), entry 3 (reference R3): the entry has no booking date (<BookgDt>): booked on the statement date 2024-03-02',
      ],
    ]);
  });

  it('prefers the end of the statement period to its creation date', async () => {
    const doc = camtDocument(6, [{ iban: LV, entries: [{ amount: '1.00' }] }])
      .replace(/<BookgDt>.*<\/BookgDt>\n/g, '')
      .replace(
        '<Acct>',
        '<FrToDt><FrDtTm>2024-02-01T00:00:00+01:00</FrDtTm><ToDtTm>2024-02-29T23:59:59+01:00</ToDtTm></FrToDt><Acct>',
      );
    expect(transactionsOf(await parse(doc))).toMatchObject([{ bookingDate: '2024-02-29' }]);
  });

  it('are refused when neither they nor their statement have a date', async () => {
    const doc = camtDocument(6, [{ iban: LV, entries: [{ amount: '1.00', ref: 'X9' }] }])
      .replace(/<BookgDt>.*<\/BookgDt>\n/g, '')
      .replace(/<CreDtTm>[^<]*<\/CreDtTm>\n<Acct>/, '<Acct>');
    const e = await failure(doc);
    expect(e.message).toMatch(/statement 1 \(STMT-1\), entry 1 \(reference X9\): the entry has no booking date/);
    expect(e.path).toBe(`line ${doc.split('\n').indexOf('<Ntry>') + 1}`);
  });
});

describe('camt balances without a credit/debit indicator', () => {
  const doc = camtDocument(6, [{ iban: LV, entries: [{ amount: '1.00' }] }]);

  it('read a non-zero amount as a credit balance, with a warning on the statement', async () => {
    const items = await parse(
      withBalances(doc, [
        ['OPBD', '12.00'],
        ['CLBD', '13.00', 'CRDT'],
      ]),
    );
    expect(statementsOf(items)).toMatchObject([
      {
        openingMinor: 1200,
        closingMinor: 1300,
        warnings: [
          'statement 1 (STMT-1): the OPBD balance has no credit/debit indicator (<CdtDbtInd>): taken as a credit balance',
        ],
      },
    ]);
    expect(items.filter((i) => i.kind === 'transaction' && i.warnings)).toEqual([]);
  });

  it('read zero as a credit and a negative amount as a debit, without a warning', async () => {
    const items = await parse(
      withBalances(doc, [
        ['PRCD', '0.00'],
        ['CLBD', '-5.50'],
      ]),
    );
    expect(statementsOf(items)).toMatchObject([{ openingMinor: 0, closingMinor: -550 }]);
    expect(warningsOf(items)).toEqual([]);
  });
});

describe('camt errors name the statement and the entry', () => {
  it('give a useful position when the whole statement is on one line', async () => {
    const doc = camtDocument(6, threeEntries).replace('>2.00<', '>2,00<').replace(/\n/g, '');
    const e = await failure(doc);
    expect(e.path).toBe('line 1');
    expect(e.message).toBe(
      'Line 1: statement 1 (STMT-1), entry 2 (reference R2): the entry amount "2,00" is not an amount ' +
        '(digits with an optional decimal point, e.g. 1234.56)',
    );
  });

  it('name the entry when the XML itself breaks inside it', async () => {
    const doc = camtDocument(6, threeEntries)
      .replace('<AcctSvcrRef>R3</AcctSvcrRef>', '<AcctSvcrRef>R3</AcctSvcrRef><AddtlNtryInf>x</Ntry>')
      .replace(/\n/g, '');
    const e = await failure(doc);
    expect(e.message).toMatch(/^Line 1: statement 1 \(STMT-1\), entry 3 \(reference R3\): <\/Ntry> does not close/);
  });
});

describe('camt encodings', () => {
  const names: TestStatement[] = [
    {
      iban: LV,
      owner: 'Jānis Bērziņš',
      entries: [{ amount: '1.00', txs: [{ debtor: { name: 'Žanis Šķēle', iban: DE } }] }],
    },
  ];
  const holders = ['Jānis Bērziņš', 'Žanis Šķēle'];
  const encoded = (encoding: string) =>
    iconv.encode(camtDocument(6, names).replace('encoding="UTF-8"', `encoding="${encoding}"`), encoding);

  it('honours a windows-1257 prolog, however the bytes are chunked', async () => {
    const bytes = encoded('windows-1257');
    // "ā" is one byte (0xE2) in windows-1257: the file is not UTF-8.
    expect(bytes.includes(Buffer.from('ā'))).toBe(false);
    for (const chunk of [0, 1, 7]) {
      const items = await parse(bytes, chunk);
      expect(entitiesOf(items, 'LegalEntity').map((e) => e.properties['name']?.[0])).toEqual(holders);
    }
  });

  it('honours any encoding iconv-lite knows, and UTF-16 with a byte-order mark', async () => {
    for (const encoding of ['ISO-8859-13', 'ISO-8859-4', 'windows-1257']) {
      const items = await parse(encoded(encoding));
      expect(
        entitiesOf(items, 'LegalEntity').map((e) => e.properties['name']?.[0]),
        encoding,
      ).toEqual(holders);
    }
    const utf16 = iconv.encode(camtDocument(6, names).replace('UTF-8', 'UTF-16'), 'utf-16le', { addBOM: true });
    expect(entitiesOf(await parse(utf16, 5), 'LegalEntity').map((e) => e.properties['name']?.[0])).toEqual(holders);
  });

  it('refuses an encoding it does not know, naming it', async () => {
    const e = await failure(camtDocument(6, names).replace('UTF-8', 'x-unknown-8'));
    expect(e.message).toMatch(/encoding "x-unknown-8" is not supported/);
  });
});

describe('camt.052 reports and camt.054 notifications', () => {
  const as = (doc: string, message: '052' | '054', version: string) => {
    const [body, stmt] = message === '052' ? ['BkToCstmrAcctRpt', 'Rpt'] : ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'];
    return doc
      .replace(/camt\.053\.001\.\d\d/, `camt.${message}.001.${version}`)
      .replace(/BkToCstmrStmt>/g, `${body}>`)
      .replace(/<(\/?)Stmt>/g, `<$1${stmt}>`);
  };

  it('read like statements, in every version up to 001.10', async () => {
    for (const [message, version] of [
      ['052', '02'],
      ['052', '10'],
      ['054', '04'],
      ['054', '09'],
    ] as const) {
      const doc = as(camtDocument(Number(version), threeEntries), message, version);
      const txs = transactionsOf(await parse(doc));
      expect(
        txs.map((t) => t.amountMinor),
        `${message}.${version}`,
      ).toEqual([100, 200, -300]);
    }
    for (const version of [9, 10])
      expect(transactionsOf(await parse(camtDocument(version, threeEntries))).map((t) => t.amountMinor)).toEqual([
        100, 200, -300,
      ]);
  });

  it('name their own statement element when it is missing', async () => {
    const doc = as(camtDocument(4, threeEntries), '054', '04').replace(/<Ntfctn>[\s\S]*<\/Ntfctn>/, '');
    expect((await failure(doc)).message).toMatch(/no statement \(<Ntfctn>\)/);
  });
});

describe('camt batch entries', () => {
  it('are split into their details only when the details make up the booked amount', async () => {
    const batch = (amounts: [string, string][]) =>
      camtDocument(6, [
        {
          iban: LV,
          entries: [
            {
              amount: '30.00',
              indicator: 'DBIT',
              ref: 'B1',
              txs: amounts.map(([amount, ccy]) => ({ amount, ccy, creditor: { name: `P${amount}`, iban: DE } })),
            },
          ],
        },
      ]);
    const split = await parse(
      batch([
        ['10.00', 'EUR'],
        ['20.00', 'EUR'],
      ]),
    );
    expect(transactionsOf(split).map((t) => t.amountMinor)).toEqual([-1000, -2000]);
    expect(warningsOf(split)).toEqual([]);
    for (const parts of [
      [
        ['10.00', 'EUR'],
        ['25.00', 'EUR'],
      ],
      [
        ['10.00', 'EUR'],
        ['20.00', 'USD'],
      ],
    ] as [string, string][][]) {
      const items = await parse(batch(parts));
      expect(transactionsOf(items)).toMatchObject([{ amountMinor: -3000, text: 'Batch of 2 transactions' }]);
      expect(warningsOf(items)).toEqual([
        'statement 1 (STMT-1), entry 1 (reference B1): the 2 parts of this batch entry do not add up to its amount: ' +
          'kept as one line',
      ]);
    }
  });
});
