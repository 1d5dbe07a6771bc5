import { sql } from 'kysely';
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../test/support/dialects.ts';
import { caseScopedTables } from './schema/index.ts';
import type { Store } from './store.ts';
import { insertCase } from './repos/cases/cases.ts';
import { insertTransactions, listTransactions, toRows } from './repos/finance/transactions.ts';

/** Tables that are global on purpose (small reference tables; replicated on Citus). */
const globalTables = [
  'users',
  'api_tokens',
  'schema_migrations',
  'agencies',
  'sessions',
  'login_attempts',
  'handling_code_texts',
  'saved_mappings',
  'indicator_catalogues',
  'cooperation_agreements',
  'cooperation_identity',
  'psi_query_log',
  'exchange_nonces',
  'psi_responses',
  'training_cohorts',
  'training_enrolments',
  'training_assignments',
  'training_attempts',
  'training_progress',
  // Heavy operations running now, counted per user across server processes (a few rows at most).
  'heavy_slots',
];

async function tablesOf(store: Store): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const r = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'`.execute(
      store.db,
    );
    return r.rows.map((x) => x.name);
  }
  const r = await sql<{
    name: string;
  }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(store.db);
  return r.rows.map((x) => x.name);
}

async function primaryKeyOf(store: Store, table: string): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const r = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${table})`.execute(
      store.db,
    );
    return r.rows
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
  }
  const r = await sql<{ name: string }>`
    SELECT k.column_name AS name FROM information_schema.table_constraints c
    JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
    WHERE c.table_schema = current_schema() AND c.table_name = ${table} AND c.constraint_type = 'PRIMARY KEY'
    ORDER BY k.ordinal_position`.execute(store.db);
  return r.rows.map((x) => x.name);
}

describeEachDialect('store schema', ({ store }) => {
  itDb('every table is either case-scoped or a named global table', async () => {
    const tables = await tablesOf(store());
    const unknown = tables.filter(
      (t) => !globalTables.includes(t) && !(caseScopedTables as readonly string[]).includes(t),
    );
    expect(unknown).toEqual([]);
    for (const t of caseScopedTables) expect(tables).toContain(t);
  });

  itDb("every case-scoped table's primary key starts with case_id", async () => {
    for (const t of caseScopedTables) {
      const pk = await primaryKeyOf(store(), t);
      expect(pk[0], `primary key of ${t}`).toBe('case_id');
    }
  });

  itDb('a failed transaction leaves nothing written', async () => {
    const s = store();
    const scope = s.scope('case-tx-test');
    const now = new Date().toISOString();
    await expect(
      s.transaction(async (trx) => {
        await insertCase(scope.in(trx), {
          title: 'T',
          reference: null,
          country: 'LV',
          description: null,
          status: 'open',
          owner_agency_id: null,
          handling_code: null,
          purpose: 'operational',
          created_by: 'u',
          created_at: now,
          updated_at: now,
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const row = await scope.selectFrom('cases').selectAll().executeTakeFirst();
    expect(row).toBeUndefined();
  });

  itDb('re-importing the same statement lines adds no duplicate transactions', async () => {
    const s = store();
    const scope = s.scope('case-txn-dup');
    const now = new Date().toISOString();
    await insertCase(scope, {
      title: 'T',
      reference: null,
      country: 'LV',
      description: null,
      status: 'open',
      owner_agency_id: null,
      handling_code: null,
      purpose: 'operational',
      created_by: 'u',
      created_at: now,
      updated_at: now,
    });
    const lines = [
      { accountId: 'a1', amountMinor: -1250, currency: 'EUR', bookingDate: '2026-01-02', text: 'CARD Rimi' },
      { accountId: 'a1', amountMinor: -1250, currency: 'EUR', bookingDate: '2026-01-02', text: 'CARD Rimi' },
      { accountId: 'a1', amountMinor: 150000, currency: 'EUR', bookingDate: '2026-01-03', text: 'SALARY' },
    ];
    expect(await insertTransactions(scope, toRows(lines, null))).toBe(3);
    // An overlapping statement: the same three lines and one new one.
    const next = [
      ...lines,
      { accountId: 'a1', amountMinor: -40000, currency: 'EUR', bookingDate: '2026-01-04', text: 'CASH' },
    ];
    expect(await insertTransactions(scope, toRows(next, null))).toBe(1);
    const all = await listTransactions(scope, { accountId: 'a1', limit: 100 });
    expect(all.map((t) => t.amount_minor)).toEqual([-1250, -1250, 150000, -40000]);
    const big = await listTransactions(scope, { minAmount: 100000, limit: 10 });
    expect(big).toHaveLength(1);
  });
});
