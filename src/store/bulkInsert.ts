/**
 * Bulk rows on the embedded database: one cached prepared single-row statement per table and
 * column list, run once per row inside the caller's transaction. Building and preparing a
 * multi-row statement for every chunk (what the query builder does) cost more than the rows'
 * own writes on large imports; PostgreSQL keeps the multi-row statements.
 */
import type SQLite from 'better-sqlite3';
import type { CaseScope } from './caseScope.ts';
import type { CaseTable } from './schema/index.ts';

const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * Inserts `rows` (the case id stamped on each) through a prepared statement when the scope is
 * SQLite and every row has the first row's columns, none undefined; returns false (nothing
 * written) otherwise, so the caller goes through the query builder.
 */
export function insertEachRow(scope: CaseScope, table: CaseTable, rows: readonly object[]): boolean {
  const db = scope.sqlite;
  const first = rows[0];
  if (!db || !first) return !!db && !first;
  const columns = Object.keys(first);
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    if (Object.keys(r).length !== columns.length) return false;
    for (const c of columns) if (r[c] === undefined) return false;
  }
  const key = `${table}(${columns.join(',')})`;
  let byKey = prepared.get(db);
  if (!byKey) prepared.set(db, (byKey = new Map()));
  let stmt = byKey.get(key);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT INTO ${table} (case_id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`,
    );
    byKey.set(key, stmt);
  }
  const values: unknown[] = new Array(columns.length + 1);
  values[0] = scope.caseId;
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (let c = 0; c < columns.length; c++) values[c + 1] = r[columns[c] as string];
    stmt.run(values);
  }
  return true;
}
