/**
 * Call records and FtM files carry control characters as real files do (SOH framing, NUL
 * padding): the importers strip them and report it once, as the bank importers do.
 */
import { describe, expect, it } from 'vitest';
import { bytesInput, collect } from '../bank/statements.testing.ts';
import { cdrImporter } from './cdr.ts';
import { ftmJsonImporter } from './ftmJson.ts';

const skippedOf = (items: { kind: string }[]) => items.filter((i) => i.kind === 'skipped');

describe('control characters in call records and FtM files', () => {
  it('a call record: stripped from the values, reported once', async () => {
    const csv = '\u0001A;B;T\n+37120000001;+37120000002;2024-03-01 10:00:00\u0000\u0000\n';
    const items = await collect(
      cdrImporter.parse(bytesInput('calls.csv', csv), {
        mapping: { caller: 'A', callee: 'B', start: 'T' },
        delimiter: ';',
      }),
    );
    expect(items.filter((i) => i.kind === 'entity' && i.record.schema === 'Call')).toHaveLength(1);
    expect(skippedOf(items)).toEqual([
      {
        kind: 'skipped',
        line: 1,
        warnings: [expect.stringMatching(/^3 control character\(s\) removed \(2 × NUL \(0x00\), 1 × SOH \(0x01\)\)/)],
      },
    ]);
  });

  it('an FtM file padded with NULs reads its entities, with one warning', async () => {
    const line = JSON.stringify({ id: 'p1', schema: 'Person', properties: { name: ['Ann'] } });
    const items = await collect(ftmJsonImporter.parse(bytesInput('e.ftm', `${line}\n\u0000\u0000\u0000\n`), {}));
    expect(items.filter((i) => i.kind === 'entity')).toHaveLength(1);
    expect(skippedOf(items)).toEqual([
      { kind: 'skipped', line: 2, warnings: [expect.stringMatching(/^3 control character\(s\) removed \(3 × NUL/)] },
    ]);
  });
});
