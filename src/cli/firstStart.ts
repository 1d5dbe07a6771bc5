/**
 * What a first start leaves for its user on a single-user laptop: the generated passwords in a
 * file only the owner may read (they also print once, and would otherwise scroll away), the
 * user the command line acts as when no `--as` is given, and one startup line naming the
 * address, the data folder, the database and where the passwords are.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './config.ts';

/** The file of the first start's passwords, in the data folder. */
export const PASSWORDS_FILE = 'first-start-passwords.txt';
/** The file naming the user the command line acts as without `--as` or ELECT_USER. */
export const ACTING_USER_FILE = 'cli-user';
/** The demo account the command line acts as by default: the demo case's lead. */
export const DEFAULT_ACTING_USER = 'investigator';

export interface StartCredential {
  username: string;
  platformRole: string;
  agency: string;
  password: string;
}

/**
 * Writes the passwords once, readable by the owner only (mode 0600), and the default acting
 * user beside them. Refuses to overwrite an earlier file: its passwords may still be the only
 * record of accounts in use. Returns the file's path.
 */
export function writeFirstStart(dataDir: string, credentials: readonly StartCredential[], actingUser: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = resolve(dataDir, PASSWORDS_FILE);
  const lines = [
    `# ELECT THB: passwords generated at the first start, ${new Date().toISOString()}.`,
    '# Shown once on the console and kept here, readable by this file’s owner only. Delete the file',
    '# once the passwords are kept elsewhere. A lost password is replaced by: elect user reset <username>',
    '',
    ['username', 'role', 'agency', 'password'].join('\t'),
    ...credentials.map((c) => [c.username, c.platformRole, c.agency, c.password].join('\t')),
    '',
  ];
  writeFileSync(file, lines.join('\n'), { mode: 0o600, flag: 'wx' });
  // The mode given to writeFileSync is narrowed by the umask, never widened; set it exactly.
  chmodSync(file, 0o600);
  writeFileSync(join(dataDir, ACTING_USER_FILE), `${actingUser}\n`, { mode: 0o600 });
  return file;
}

/** The user named in the data folder for the command line, when a first start named one. */
export function savedActingUser(dataDir: string): string | undefined {
  const file = join(dataDir, ACTING_USER_FILE);
  if (!existsSync(file)) return undefined;
  const name = readFileSync(file, 'utf8').trim();
  return name === '' ? undefined : name;
}

/** The database as the startup line names it: the SQLite file, or PostgreSQL without credentials. */
export function databaseLabel(cfg: Pick<Config, 'dataDir' | 'databaseUrl'>): string {
  if (!cfg.databaseUrl) return `SQLite ${resolve(cfg.dataDir, 'elect.sqlite')}`;
  try {
    const u = new URL(cfg.databaseUrl);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** The one line a start prints once the platform listens. */
export function startupLine(o: { url: string; cfg: Pick<Config, 'dataDir' | 'databaseUrl'> }): string {
  const passwords = resolve(o.cfg.dataDir, PASSWORDS_FILE);
  return [
    `ELECT THB platform on ${o.url}`,
    `data folder ${resolve(o.cfg.dataDir)}`,
    `database ${databaseLabel(o.cfg)}`,
    existsSync(passwords) ? `first-start passwords in ${passwords}` : 'no first-start passwords file',
  ].join(' · ');
}
