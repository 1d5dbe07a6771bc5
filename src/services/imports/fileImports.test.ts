/**
 * A file imported from disk: an importer's error names the file and the line once
 * ("file: line N: message"), through the pipeline and as the command line writes it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import type { AppError } from '../../shared/errors.ts';
import { errorText, isAppError } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { cliCaller } from '../useCase/index.ts';
import { encodingFlag, importFile, optionsFor } from './fileImports.ts';

const dir = mkdtempSync(join(tmpdir(), 'elect-file-imports-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

const lineMentions = (text: string) => text.match(/\bline \d+/gi)?.length ?? 0;

describeEachDialect('a file import names the file and the line once', (ctx) => {
  async function newCase(store: Store) {
    const actor = actorOf(await addUser(store, { username: uniqueName('errs'), platformRole: 'investigator' }));
    const caseId = (await createCase(store, actor, { title: 'Errors', country: 'DE' })).id;
    return { caller: cliCaller(actor), caseId };
  }

  itDb('MT940: a bad field reads "file: line N: message"', async () => {
    const store = ctx.store();
    const { caller, caseId } = await newCase(store);
    const path = file('bad.sta', ':20:REF\n:25:37040044/0532013000\n:28C:1/1\n:60F:C240301EURabc\n-\n');
    const e = await failure(importFile(store, caller, caseId, { path, format: 'mt940', bank: true, options: {} }));
    const text = errorText(e);
    expect(text).toMatch(/^bad\.sta: line 4: /);
    expect(lineMentions(text)).toBe(1);
  });

  itDb('a call record: a bad line reads "file: line N: message"', async () => {
    const store = ctx.store();
    const { caller, caseId } = await newCase(store);
    const header = 'interaction,direction,correspondent_id,datetime,call_duration,antenna_id';
    const path = file(
      'calls.csv',
      `${header}\ncall,out,+4915199999999,2024-03-01 10:00:00,60,A1\ncall,out,+49151,not a date,60,A1\n`,
    );
    const e = await failure(
      importFile(store, caller, caseId, {
        path,
        format: 'cdr',
        bank: false,
        options: optionsFor('cdr', { subscriber: '+4915112345678' }),
      }),
    );
    const text = errorText(e);
    expect(text).toMatch(/^calls\.csv: line \d+: /);
    expect(lineMentions(text)).toBe(1);
  });

  itDb('a call record with its antenna file: both in one import, the antenna file named in its warnings', async () => {
    const store = ctx.store();
    const { caller, caseId } = await newCase(store);
    const header = 'interaction,direction,correspondent_id,datetime,call_duration,antenna_id';
    const path = file('ego.csv', `${header}\ncall,out,+4915199999999,2024-03-01 10:00:00,60,A1\n`);
    const antennas = file('cells.csv', 'antenna_id,latitude,longitude\nA1,52.52,13.40\nA2,,\n');
    const options = optionsFor('cdr', { subscriber: '+4915112345678', antennas });
    const run = (antennaPath: string) =>
      importFile(store, caller, caseId, { path, format: 'cdr', bank: false, options, antennas: antennaPath });
    const { report } = await run(antennas);
    expect(report.bySchema).toEqual({ Address: 1, Phone: 2, Call: 1 });
    expect(report.warnings).toEqual(['line 3: cells.csv: antenna A2 has no latitude; skipped']);
    const bad = file('bad-cells.csv', 'antenna_id,latitude,longitude\nA1,52.52,north\n');
    const e = await failure(run(bad));
    expect(errorText(e)).toMatch(/^ego\.csv: bad-cells\.csv: line 2: "north" is not a longitude/);
  });
});

describe('each format takes its own command-line options', () => {
  it('refuses an option of another format, naming the format it belongs to', () => {
    const refusal = (format: string, flags: object) => {
      try {
        optionsFor(format, flags);
      } catch (e) {
        if (isAppError(e)) return errorText(e);
      }
      return 'accepted';
    };
    expect(refusal('company-register', { subscriber: '+4915112345678' })).toBe(
      '--subscriber belongs to --format cdr, not --format company-register',
    );
    expect(refusal('ftm', { cdrMapping: 'bandicootEgo' })).toBe(
      '--cdr-mapping belongs to --format cdr or --format cdr-antennas, not --format ftm',
    );
    expect(refusal('cdr-antennas', { subscriber: 'A' })).toMatch(/^--subscriber belongs to --format cdr,/);
    expect(refusal('ftm', { antennas: 'cells.csv' })).toMatch(/^--antennas belongs to --format cdr,/);
    expect(refusal('cdr', { subscriber: '+49151', mapping: 'm.yml' })).toMatch(/belongs to --format ftm-mapping,/);
    expect(refusal('ftm', { delimiter: ';' })).toMatch(/belongs to --format ftm-mapping or --format cdr/);
    expect(refusal('anx', {})).toBe('accepted');
    expect(refusal('document', { ocrLanguages: 'lav, eng' })).toBe('accepted');
    expect(optionsFor('document', { ocrLanguages: 'lav, eng' })).toEqual({ languages: ['lav', 'eng'] });
    expect(refusal('document', { ocrLanguages: 'Latvian' })).toMatch(/^--ocr-languages: a tesseract language name/);
    expect(refusal('ftm', { ocrLanguages: 'lav' })).toBe(
      '--ocr-languages belongs to --format document, not --format ftm',
    );
    expect(refusal('company-register', {})).toMatch(/elect companies import/);
    expect(refusal('cdr', {})).toBe("--subscriber: Give the subscriber's own number with --subscriber");
  });
});

describe('call-record options from the command line', () => {
  const refusal = (flags: object) => {
    try {
      optionsFor('cdr', flags);
    } catch (e) {
      if (isAppError(e)) return errorText(e);
    }
    return 'accepted';
  };

  it('checks the subscriber label with the schema the API uses', () => {
    expect(optionsFor('cdr', { subscriber: 'A' })).toMatchObject({ mapping: { subscriber: 'A' } });
    expect(refusal({ subscriber: '  ' })).toBe("--subscriber: give the subscriber's own number or label");
    expect(refusal({ subscriber: 'x'.repeat(101) })).toMatch(/^--subscriber: at most 100/);
  });

  it('reads an options file naming columns, date format, time zone and data set', () => {
    const file = {
      mapping: { caller: 'A-Nummer', callee: 'B-Nummer', start: 'Beginn', end: 'Ende', cell: 'Zelle', imei: 'IMEI' },
      dateFormat: '%d.%m.%Y %H:%M:%S',
      timeZone: 'Europe/Berlin',
      dataset: 'Operator X 2024',
      delimiter: ';',
    };
    const text = JSON.stringify(file);
    expect(optionsFor('cdr', { cdrMapping: 'x.json', cdrMappingText: text })).toEqual(file);
    expect(optionsFor('cdr', { cdrMapping: 'x.json', cdrMappingText: text, delimiter: ',' })).toMatchObject({
      delimiter: ',',
    });
    const ego = { mapping: { correspondent: 'other', direction: 'dir', start: 't' } };
    expect(
      optionsFor('cdr', { cdrMapping: 'e.json', cdrMappingText: JSON.stringify(ego), subscriber: '+37126123456' }),
    ).toMatchObject({ mapping: { subscriber: '+37126123456' } });
    expect(refusal({ cdrMapping: 'e.json', cdrMappingText: '{"mapping":' })).toMatch(
      /^--cdr-mapping: e\.json is not JSON/,
    );
    expect(refusal({ cdrMapping: 'e.json', cdrMappingText: JSON.stringify({ ...file, timeZone: 'Mars/Base' }) })).toBe(
      '--cdr-mapping: timeZone: a time zone such as Europe/Riga, UTC or +02:00',
    );
    expect(refusal({ cdrMapping: 'nope' })).toMatch(/neither a saved call-record mapping/);
    expect(optionsFor('cdr-antennas', {})).toEqual({});
    expect(
      optionsFor('cdr-antennas', { cdrMapping: 'a.json', cdrMappingText: '{"mapping":{"id":"cell"},"dataset":"X"}' }),
    ).toEqual({ mapping: { id: 'cell' }, dataset: 'X' });
  });
});

describe('--encoding', () => {
  it('takes the shared encodings, with their common spellings, and refuses others naming the flag', () => {
    expect(encodingFlag('ISO-8859-2')).toBe('iso-8859-2');
    expect(encodingFlag('latin2')).toBe('iso-8859-2');
    expect(optionsFor('ftm', { encoding: 'windows-1250' })).toEqual({ encoding: 'windows-1250' });
    expect(() => encodingFlag('shift_jis')).toThrow(/^--encoding "shift_jis": use one of utf-8, windows-1250/);
    expect(() => optionsFor('ftm', { encoding: 'ebcdic' })).toThrow(expect.objectContaining({ path: '--encoding' }));
  });
});
