/**
 * What readiness needs to know of the database: that it answers, and that every migration this
 * release carries has run on it. Also which driver errors mean "the database cannot be reached"
 * (as opposed to a bad query), so the server can answer 503 and try again on the next request.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { sql } from 'kysely';
import { keyRing } from '../keys.ts';
import { migrations } from '../migrate.ts';
import type { Store } from '../store.ts';

/** Connection-level failures: refused, reset, timed out, shut down, or a pool that cannot connect. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNREACHABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
  'server closed the connection unexpectedly',
];

export function isDatabaseUnreachable(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, cannot connect now).
    if (/^08/.test(code) || /^57P0[123]$/.test(code)) return true;
  }
  const message = e instanceof Error ? e.message : '';
  return UNREACHABLE_MESSAGES.some((m) => message.includes(m));
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export interface Check {
  ok: boolean;
  detail: string;
}

/** The database answers a query, and has run every migration of this release. */
export async function databaseChecks(store: Store, timeoutMs: number): Promise<{ database: Check; migrations: Check }> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  try {
    const rows = await within(
      sql<{ version: number | null }>`SELECT max(version) AS version FROM schema_migrations`.execute(store.db),
      timeoutMs,
      'The database',
    );
    const at = Number(rows.rows[0]?.version ?? 0);
    return {
      database: { ok: true, detail: `${store.dialect} answers` },
      migrations:
        at >= latest
          ? { ok: true, detail: `at version ${at}` }
          : { ok: false, detail: `at version ${at}, this release needs ${latest}` },
    };
  } catch (e) {
    const detail = isDatabaseUnreachable(e)
      ? 'unreachable'
      : e instanceof Error && e.message.includes('did not answer')
        ? e.message
        : 'the check query failed';
    return { database: { ok: false, detail }, migrations: { ok: false, detail: 'unknown while the database is down' } };
  }
}

/** The key folder can be read (signing and evidence keys live there). */
export async function keyFolderCheck(): Promise<Check> {
  let dir: string;
  try {
    dir = keyRing().dir;
  } catch {
    return { ok: false, detail: 'the key folder could not be opened' };
  }
  try {
    await access(dir, constants.R_OK | constants.X_OK);
    return { ok: true, detail: 'readable' };
  } catch {
    return { ok: false, detail: 'not readable' };
  }
}
