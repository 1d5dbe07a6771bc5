import { describe, expect, it } from 'vitest';
import { importers, isImportFormat } from './index.ts';

describe('importer registry', () => {
  it('lists each importer under its own format id', () => {
    for (const [format, importer] of Object.entries(importers)) expect(importer.format).toBe(format);
    expect(Object.keys(importers).sort()).toEqual([
      'anx',
      'cdr',
      'cdr-antennas',
      'chat',
      'company-register',
      'document',
      'ftm',
      'ftm-mapping',
      'mail',
    ]);
    expect(isImportFormat('cdr')).toBe(true);
    expect(isImportFormat('toString')).toBe(false);
  });
});
