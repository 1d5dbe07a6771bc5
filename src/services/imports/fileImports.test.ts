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
import { importFile, optionsFor } from './fileImports.ts';

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
    expect(refusal('ftm', { cdrMapping: 'bandicootEgo' })).toMatch(/^--cdr-mapping belongs to --format cdr,/);
    expect(refusal('cdr', { subscriber: '+49151', mapping: 'm.yml' })).toMatch(/belongs to --format ftm-mapping,/);
    expect(refusal('ftm', { delimiter: ';' })).toMatch(/belongs to --format ftm-mapping or --format cdr/);
    expect(refusal('anx', {})).toBe('accepted');
    expect(refusal('company-register', {})).toMatch(/elect companies import/);
    expect(refusal('cdr', {})).toBe("--subscriber: Give the subscriber's own number with --subscriber");
  });
});
