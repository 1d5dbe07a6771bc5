/**
 * Versioned migrations, run at start. Each runs in its own transaction (both SQLite and
 * PostgreSQL roll DDL back), and the applied versions are recorded in `schema_migrations`.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import * as m001 from './migrations/001_case_model.ts';
import * as m002 from './migrations/002_files_and_ground_truth.ts';
import * as m003 from './migrations/003_agencies_access_auth.ts';
import * as m004 from './migrations/004_audit_chain_retention.ts';
import * as m005 from './migrations/005_saved_mappings.ts';
import * as m006 from './migrations/006_findings.ts';
import * as m007 from './migrations/007_statements.ts';
import * as m008 from './migrations/008_charts.ts';
import * as m009 from './migrations/009_view_placements.ts';
import * as m010 from './migrations/010_assessments.ts';
import * as m011 from './migrations/011_captures.ts';
import * as m012 from './migrations/012_resolution.ts';
import * as m013 from './migrations/013_hits_cooperation.ts';
import * as m014 from './migrations/014_training.ts';
import * as m015 from './migrations/015_victim_file.ts';
import * as m016 from './migrations/016_email_address_schema.ts';
import * as m017 from './migrations/017_statement_reconciliation.ts';
import * as m018 from './migrations/018_drop_ground_truths.ts';
import * as m019 from './migrations/019_resolution_conflicts.ts';
import * as m020 from './migrations/020_jobs.ts';
import * as m021 from './migrations/021_signin_audit_actor.ts';
import * as m022 from './migrations/022_pending_observations.ts';
import * as m023 from './migrations/023_heavy_slots.ts';
import * as m024 from './migrations/024_mention_decisions.ts';
import * as m025 from './migrations/025_document_index.ts';
import * as m026 from './migrations/026_finding_words.ts';

interface Migration {
  version: number;
  name: string;
  up: (db: Kysely<unknown>, dialect: DialectName) => Promise<void>;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'case_model', up: m001.up },
  { version: 2, name: 'files_and_ground_truth', up: m002.up },
  { version: 3, name: 'agencies_access_auth', up: m003.up },
  { version: 4, name: 'audit_chain_retention', up: m004.up },
  { version: 5, name: 'saved_mappings', up: m005.up },
  { version: 6, name: 'findings', up: m006.up },
  { version: 7, name: 'statements', up: m007.up },
  { version: 8, name: 'charts', up: m008.up },
  { version: 9, name: 'view_placements', up: m009.up },
  { version: 10, name: 'assessments', up: m010.up },
  { version: 11, name: 'captures', up: m011.up },
  { version: 12, name: 'resolution', up: m012.up },
  { version: 13, name: 'hits_cooperation', up: m013.up },
  { version: 14, name: 'training', up: m014.up },
  { version: 15, name: 'victim_file', up: m015.up },
  { version: 16, name: 'email_address_schema', up: m016.up },
  { version: 17, name: 'statement_reconciliation', up: m017.up },
  { version: 18, name: 'drop_ground_truths', up: m018.up },
  { version: 19, name: 'resolution_conflicts', up: m019.up },
  { version: 20, name: 'jobs', up: m020.up },
  { version: 21, name: 'signin_audit_actor', up: m021.up },
  { version: 22, name: 'pending_observations', up: m022.up },
  { version: 23, name: 'heavy_slots', up: m023.up },
  { version: 24, name: 'mention_decisions', up: m024.up },
  { version: 25, name: 'document_index', up: m025.up },
  { version: 26, name: 'finding_words', up: m026.up },
];

export async function migrate(db: Kysely<unknown>, dialect: DialectName): Promise<number[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`.execute(
    db,
  );
  const rows = await sql<{ version: number }>`SELECT version FROM schema_migrations`.execute(db);
  const done = new Set(rows.rows.map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction().execute(async (trx) => {
      await m.up(trx, dialect);
      await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${m.version}, ${m.name}, ${new Date().toISOString()})`.execute(
        trx,
      );
    });
    applied.push(m.version);
  }
  return applied;
}
