/**
 * The bank CSV part of the import form: row types and debit/credit marks typed as lists, columns
 * addressed by position (as a guess or a preset proposes them for exports whose header does not
 * match the rows), header names read below the lines a file has above its table.
 */
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { FormatField } from '../../../../shared/contracts/imports.ts';
import en from '../../../i18n/en.json' with { type: 'json' };
import { FieldsMapper } from './FieldsMapper.tsx';
import { columnChoice, columnOption, headerNames, listText, parseList, setPath } from './options.ts';

describe('bank CSV options in the import form', () => {
  it('types lists comma-separated and addresses columns by name or position', () => {
    expect(parseList(' 10, 20 ,, ')).toEqual(['10', '20']);
    expect(parseList(' , ')).toBeUndefined();
    expect(listText(['D', 'DR'])).toBe('D, DR');
    expect(columnChoice(3)).toBe('#3');
    expect(columnOption('#3')).toBe(3);
    expect(columnOption('Summa')).toBe('Summa');
    expect(columnOption('')).toBeUndefined();
    expect(setPath({}, 'rowTypes.keep', parseList('20'))).toEqual({ rowTypes: { keep: ['20'] } });
    expect(setPath({ rowTypes: { keep: ['20'] } }, 'rowTypes.keep', parseList(''))).toEqual({});
  });

  it('reads the header names below the lines before the table', () => {
    const sniff = {
      lines: ['Konta izraksts', '', '"Datums";"Summa"', '01.03.2024;1,00'],
      delimiter: null,
      headers: ['x'],
    };
    expect(headerNames(sniff, { skipRows: 1, delimiter: ';' })).toEqual(['Datums', 'Summa']);
    expect(headerNames(sniff, {})).toEqual(['x']);
  });

  it('draws list fields with their values and a column by position with its header name', async () => {
    const i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } } });
    const fields: FormatField[] = [
      { name: 'preset', kind: 'enum', required: false, values: ['swedbank', 'sparebank1'] },
      { name: 'mapping.rowType', kind: 'column', required: false },
      { name: 'rowTypes.keep', kind: 'list', required: false },
      { name: 'lenientQuotes', kind: 'boolean', required: false },
    ];
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(FieldsMapper, {
          format: 'bank-csv',
          fields,
          options: { preset: 'swedbank', mapping: { rowType: 2 }, rowTypes: { keep: ['20', '21'] } },
          onChange: () => undefined,
          headers: ['Klienta konts', 'Ieraksta tips'],
          errors: {},
        }),
      ),
    );
    expect(html).toContain('Bank export layout (preset)');
    expect(html).toMatch(/<option value="swedbank" selected="">swedbank<\/option>/);
    expect(html).toMatch(/<option value="#2" selected="">Column 2 \(Ieraksta tips\)<\/option>/);
    expect(html).toContain('Row types of transactions (* = all others)');
    expect(html).toMatch(/value="20, 21"/);
    expect(html).toContain('Read stray quotes as text');
  });
});
