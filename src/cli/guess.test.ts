import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createCase } from '../services/cases/cases.ts';
import { actorOf, addUser } from '../services/access/users.ts';
import { KeyRing, useKeyRing } from '../store/keys.ts';
import { Store } from '../store/store.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'elect-cli-keys-'));
useKeyRing(KeyRing.open(keyDir));

function elect(dataDir: string, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--data', dataDir, '--as', 'officer', ...args],
    { encoding: 'utf8', env: { ...process.env, ELECT_KEY_DIR: keyDir, VITEST: '' }, timeout: 60_000 },
  );
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const LV = 'LV80BANK0000435195001';
const SWEDBANK = [
  '"Klienta konts";"Ieraksta tips";"Datums";"Saņēmējs/Maksātājs";"Informācija saņēmējam";"Summa";"Valūta";' +
    '"Debets/Kredīts";"Arhīva kods";"Maksājuma veids";"Refernces numurs";"Dokumenta numurs";',
  `"${LV}";"10";"01.03.2024";"";"Sākuma atlikums";"100,00";"EUR";"K";"";"AS";"";"";`,
  `"${LV}";"20";"04.03.2024";"SIA Ķiršu dārzs";"Rēķins";"40,00";"EUR";"D";"1";"MK";"";"";`,
  `"${LV}";"86";"31.03.2024";"";"Beigu atlikums";"60,00";"EUR";"K";"";"LS";"";"";`,
].join('\r\n');

describe('elect import-statements --guess and --preset', () => {
  it('prints options that import the file, each choice explained; a preset imports its layout', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'elect-cli-data-'));
    const s = await Store.open({ dataDir });
    const actor = actorOf(await addUser(s, { username: 'officer', platformRole: 'investigator' }));
    const kase = await createCase(s, actor, { title: 'Statements', country: 'LV' });
    await s.close();

    // A windows-1257 export of another layout: lines before the header, a total after the data.
    const text = [
      'Konta izraksts 2024. gada martā',
      'Datums;Summa;Valūta;Saņēmējs;Konts',
      `05.03.2024;-12,50;EUR;Žanis Ēķis;${LV}`,
      `06.03.2024;1 000,00;EUR;SIA Ģimene;${LV}`,
      'Kopā;987,50;;;',
    ].join('\r\n');
    const file = join(dataDir, 'izraksts.csv');
    writeFileSync(file, iconv.encode(text, 'windows-1257'));
    const guessed = elect(dataDir, 'import-statements', '--guess', file);
    expect(guessed.status, guessed.err).toBe(0);
    const options = JSON.parse(guessed.out) as Record<string, unknown>;
    expect(options).toMatchObject({ encoding: 'windows-1257', skipRows: 1, skipFooterRows: 1, decimal: ',' });
    expect(guessed.err).toContain('# skipRows = 1 — the header row is line 2');
    expect(guessed.err).toContain('# tried on the whole file: 2 transaction(s), 0 statement(s)');
    const optionsFile = join(dataDir, 'options.json');
    writeFileSync(optionsFile, guessed.out);
    const imported = elect(
      dataDir,
      'import-statements',
      file,
      '--case',
      kase.id,
      '--format',
      'bank-csv',
      '--options',
      optionsFile,
      '--no-flags',
    );
    expect(imported.status, imported.err).toBe(0);
    expect(imported.out).toContain('izraksts.csv');
    expect(imported.out).toContain('2 transactions added');

    const swedbank = join(dataDir, 'swedbank.csv');
    writeFileSync(swedbank, SWEDBANK);
    const preset = elect(
      dataDir,
      'import-statements',
      swedbank,
      '--case',
      kase.id,
      '--format',
      'bank-csv',
      '--preset',
      'swedbank',
      '--no-flags',
    );
    expect(preset.status, preset.err).toBe(0);
    expect(preset.out).toContain('1 transactions added');
    const wrong = elect(
      dataDir,
      'import-statements',
      swedbank,
      '--case',
      kase.id,
      '--format',
      'mt940',
      '--preset',
      'swedbank',
    );
    expect(wrong.status).not.toBe(0);
    expect(wrong.err).toMatch(/--preset belongs to --format bank-csv, not --format mt940/);
  }, 120_000);
});
