import { describe, expect, it } from 'vitest';
import { bankImporters, isBankFormat } from './index.ts';

describe('bank importer registry', () => {
  it('lists each importer under its own format id', () => {
    for (const [format, importer] of Object.entries(bankImporters)) expect(importer.format).toBe(format);
    expect(Object.keys(bankImporters).sort()).toEqual(['bank-csv', 'camt053', 'mt940', 'ofx']);
    expect(isBankFormat('mt940')).toBe(true);
    expect(isBankFormat('toString')).toBe(false);
  });
});
