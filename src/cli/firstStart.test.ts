import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORDS_FILE, databaseLabel, savedActingUser, startupLine, writeFirstStart } from './firstStart.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'elect-first-start-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const credentials = [
  { username: 'admin', platformRole: 'admin', agency: 'Police of Finland (demo)', password: 'aaaaa-bbbbb-ccccc-ddddd' },
  { username: 'trainee', platformRole: 'trainee', agency: 'Police of Finland (demo)', password: 'eeeee-fffff-ggggg-hhhhh' },
];

describe('the first start’s passwords file', () => {
  it('is readable by its owner only and lists every account with its password', () => {
    const data = join(tempDir(), 'data');
    const file = writeFirstStart(data, credentials, 'investigator');
    expect(file).toBe(join(data, PASSWORDS_FILE));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(rows).toEqual([
      'username\trole\tagency\tpassword',
      'admin\tadmin\tPolice of Finland (demo)\taaaaa-bbbbb-ccccc-ddddd',
      'trainee\ttrainee\tPolice of Finland (demo)\teeeee-fffff-ggggg-hhhhh',
    ]);
    expect(readFileSync(file, 'utf8')).toContain('elect user reset <username>');
  });

  it('is written once: a second first start does not replace it', () => {
    const data = tempDir();
    const file = writeFirstStart(data, credentials, 'investigator');
    expect(() => writeFirstStart(data, [], 'admin')).toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toContain('aaaaa-bbbbb-ccccc-ddddd');
  });

  it('names the command line’s acting user beside it', () => {
    const data = tempDir();
    expect(savedActingUser(data)).toBeUndefined();
    writeFirstStart(data, credentials, 'investigator');
    expect(savedActingUser(data)).toBe('investigator');
  });
});

describe('the startup line', () => {
  it('names the address, the data folder, the database and the passwords file', () => {
    const data = tempDir();
    writeFirstStart(data, credentials, 'investigator');
    expect(startupLine({ url: 'http://127.0.0.1:8080', cfg: { dataDir: data, databaseUrl: undefined } })).toBe(
      `ELECT THB platform on http://127.0.0.1:8080 · data folder ${data} · database SQLite ${join(data, 'elect.sqlite')}` +
        ` · first-start passwords in ${join(data, PASSWORDS_FILE)}`,
    );
  });

  it('names a PostgreSQL database without its credentials', () => {
    expect(databaseLabel({ dataDir: 'data', databaseUrl: 'postgres://elect:s3cret@db.local:5433/elect' })).toBe(
      'PostgreSQL db.local:5433/elect',
    );
  });
});
