/**
 * A database made by release 0.1 (commit bdc5fbe; test/fixtures/releases/README.md) opens with
 * today's code: the migrations run at start, every record is still there and readable under
 * today's schema, and the audit log still verifies — hash chains, the release's signatures and
 * the witness it left in its key folder — and goes on growing after the upgrade.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { getSchema, validateProperties } from '../../src/domain/schema/index.ts';
import type { DialectName } from '../../src/store/dialect.ts';
import { appendAudit } from '../../src/store/audit/append.ts';
import { checkpointAudit } from '../../src/store/audit/checkpoint.ts';
import { verifyAuditLog } from '../../src/store/audit/verify.ts';
import { KeyRing } from '../../src/store/keys.ts';
import { migrations } from '../../src/store/migrate.ts';
import { Store } from '../../src/store/store.ts';
import { describeEachDialect, itDb, TEST_PG_URL } from '../support/dialects.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/releases');
/** The schema the fixture's pg_dump was made in; each run loads it under a name of its own. */
const DUMPED_SCHEMA = 'elect_release_0_1';
const fixture = (dialect: DialectName, suffix: string) => join(FIXTURES, `release-0.1.${dialect}.${suffix}`);

const pgRun = async (query: string) => {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
};

/** Copies the fixture somewhere of its own and opens it with today's code (which migrates it). */
async function openRelease(dialect: DialectName): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const file = join(mkdtempSync(join(tmpdir(), 'elect-release-0.1-')), 'elect.sqlite');
    writeFileSync(file, gunzipSync(readFileSync(fixture(dialect, 'gz'))));
    const store = await Store.open({ sqliteFile: file });
    return { store, dispose: () => store.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const dump = gunzipSync(readFileSync(fixture(dialect, 'sql.gz'))).toString('utf8');
  await pgRun(dump.replaceAll(DUMPED_SCHEMA, schema));
  const store = await Store.open({ databaseUrl: TEST_PG_URL, pgSchema: schema });
  return {
    store,
    dispose: async () => {
      await store.close();
      await pgRun(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

/**
 * A key folder as an upgraded deployment would have it: the release's witness, and its public key
 * among the retired ones (verification only); the signing key is generated anew on first use.
 */
function releaseKeyDir(dialect: DialectName): string {
  const dir = mkdtempSync(join(tmpdir(), 'elect-release-0.1-keys-'));
  const witness = readFileSync(fixture(dialect, 'witness.json'), 'utf8');
  const { storeId } = JSON.parse(witness) as { storeId: string };
  mkdirSync(join(dir, 'witness'));
  writeFileSync(join(dir, 'witness', `${storeId}.json`), witness);
  mkdirSync(join(dir, 'retired'));
  writeFileSync(
    join(dir, 'retired', 'audit-signing-release-0.1.pub'),
    readFileSync(fixture(dialect, 'audit-signing.pub')),
  );
  return dir;
}

const parse = <T>(text: string): T => JSON.parse(text) as T;

describeEachDialect('a database made by release 0.1', ({ dialect, store: testStore }) => {
  itDb(
    'upgrades at start, keeps its data and passes audit verify',
    async () => {
      testStore(); // skips when the dialect is unavailable
      const ring = KeyRing.open(releaseKeyDir(dialect));
      const { store, dispose } = await openRelease(dialect);
      try {
        const db = store.db;
        const migrated = await db
          .selectFrom('schema_migrations' as never)
          .selectAll()
          .execute();
        expect(migrated).toHaveLength(migrations.length);

        expect((await db.selectFrom('agencies').select('name').orderBy('name').execute()).map((a) => a.name)).toEqual([
          'Poliisi',
          'Valsts policija',
        ]);
        const users = await db.selectFrom('users').select(['username', 'platform_role']).orderBy('username').execute();
        expect(users.map((u) => `${u.username}:${u.platform_role}`)).toEqual([
          'andris:analyst',
          'dpo:dpo',
          'ilze:investigator',
          'mikko:investigator',
        ]);
        const kase = await db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
        expect([kase.title, kase.reference, kase.country]).toEqual(['Cleaning jobs abroad', 'LV-2026-017', 'LV']);
        const caseId = kase.case_id;
        expect(
          await db.selectFrom('case_members').select('case_role').where('case_id', '=', caseId).execute(),
        ).toHaveLength(2);
        expect(await db.selectFrom('case_shares').select('access').where('case_id', '=', caseId).execute()).toEqual([
          { access: 'read' },
        ]);

        // Every entity is there and valid under today's schema.
        const entities = await db.selectFrom('entities').selectAll().where('case_id', '=', caseId).execute();
        for (const e of entities) {
          expect(getSchema(e.schema), e.schema).toBeDefined();
          expect(() => validateProperties(e.schema, parse(e.properties), { skipRequired: true })).not.toThrow();
        }
        const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
        expect(Object.fromEntries([...schemaOf].filter(([id]) => id.startsWith('rel-')))).toEqual({
          'rel-person-suspect': 'Person',
          'rel-person-victim': 'Person',
          'rel-company': 'Company',
          'rel-account': 'BankAccount',
          'rel-phone': 'Phone',
          'rel-email': 'EmailAddress', // `Email` in release 0.1: migration 016 renamed it
          'rel-directorship': 'Directorship',
          'rel-ownership': 'Ownership',
          'rel-employment': 'Employment',
          'rel-uses-phone': 'UnknownLink',
          'rel-uses-email': 'UnknownLink',
        });
        const bySchema = (s: string) => entities.filter((e) => e.schema === s);
        expect(bySchema('OnlineAd')).toHaveLength(1);
        expect(bySchema('UnknownLink')).toHaveLength(5);
        const addresses = bySchema('EmailAddress').map((e) => parse<{ address: string[] }>(e.properties).address[0]);
        expect(addresses.sort()).toEqual(['jobs.riga@mail.example', 'recruit@baltic-staffing.example']);
        expect(bySchema('Email')).toEqual([]);
        expect(entities.find((e) => e.id === 'rel-person-victim')?.caption).toMatch(/^V-/);

        const history = await db
          .selectFrom('entity_history')
          .select(['version', 'schema'])
          .where('case_id', '=', caseId)
          .where('entity_id', '=', 'rel-email')
          .orderBy('version')
          .execute();
        expect(history.map((h) => h.version)).toEqual([1, 2]);
        expect(new Set(history.map((h) => h.schema))).toEqual(new Set(['EmailAddress']));

        const selectors = await db
          .selectFrom('selectors')
          .select(['kind', 'value'])
          .where('case_id', '=', caseId)
          .where('kind', 'in', ['email', 'phone', 'iban'])
          .execute();
        expect(new Set(selectors.map((s) => `${s.kind}:${s.value}`))).toEqual(
          new Set([
            'email:recruit@baltic-staffing.example',
            'email:jobs.riga@mail.example',
            'phone:+37120001234',
            'iban:LV80BANK0000435195001',
          ]),
        );

        const notes = await db
          .selectFrom('notes')
          .select(['entity_id', 'kind'])
          .where('case_id', '=', caseId)
          .execute();
        expect(notes.map((n) => `${n.entity_id ?? '-'}:${n.kind}`).sort()).toEqual(['-:note', 'rel-email:assessment']);
        const journal = await db.selectFrom('journal').select(['kind', 'text']).where('case_id', '=', caseId).execute();
        expect(journal.map((j) => j.kind).sort()).toEqual(['action', 'decision']);
        expect(journal.find((j) => j.kind === 'decision')?.text).toMatch(/^Request subscriber data/);
        const capture = await db
          .selectFrom('captures')
          .selectAll()
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow();
        expect(capture.url).toBe('https://ads.example/jobs/finland-cleaning');
        expect(schemaOf.get(capture.ad_entity_id)).toBe('OnlineAd');

        const chart = await db.selectFrom('charts').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
        const content = parse<{ nodes: { id: string }[]; filters: { hiddenTypes: string[] } }>(chart.content);
        expect(content.nodes.map((n) => n.id)).toEqual(['rel-email', 'rel-company', 'rel-phone']);
        expect(content.filters.hiddenTypes).toEqual(['EmailAddress', 'Phone']);

        // The audit log as the release left it: chains, signatures and witness hold.
        const report = await verifyAuditLog(db, ring);
        expect(report.problems).toEqual([]);
        expect([report.ok, report.records, report.chains, report.witness]).toEqual([true, 17, 2, 'matched']);

        // …and it goes on: today's code appends, signed with the new key, and it still verifies —
        // while today's records wait for the global chain (each chain locked alone) and after a
        // checkpoint linked them behind the release's records under the release's global head.
        const releaseHead = Number(
          (await db.selectFrom('audit_heads').select('gseq').where('case_id', '=', '-').executeTakeFirstOrThrow()).gseq,
        );
        await Promise.all([
          appendAudit(
            db,
            { caseId: 'case-added-after-upgrade', userId: 'console', action: 'collection', targetType: 'case' },
            ring,
          ),
          appendAudit(db, { caseId: null, userId: 'console', action: 'login', targetType: 'session' }, ring),
        ]);
        const pending = await verifyAuditLog(db, ring, { allSignatures: true });
        expect(pending.problems).toEqual([]);
        expect(pending.records).toBe(19);
        expect((await checkpointAudit(db, ring)).gseq).toBe(releaseHead + 2);
        await appendAudit(db, { caseId, userId: 'console', action: 'consultation', targetType: 'case' }, ring);
        await checkpointAudit(db, ring);
        const after = await verifyAuditLog(db, ring, { allSignatures: true });
        expect(after.problems).toEqual([]);
        expect([after.ok, after.records]).toEqual([true, 20]);
        // The release's records are version 1 (no actor name), today's version 2: one log mixes both.
        const versions = await db
          .selectFrom('audit_events')
          .select(['gseq', 'actor_username'])
          .orderBy('gseq')
          .execute();
        expect(versions.filter((v) => v.actor_username === null)).toHaveLength(17);
        expect(versions.map((v) => Number(v.gseq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(versions.at(-1)?.actor_username).toBe('console');

        // The upgraded case takes jobs (migration 020): state a process writes, another reads.
        const now = new Date().toISOString();
        await store
          .scope(caseId)
          .insertInto('jobs', {
            id: 'job-after-upgrade',
            kind: 'report',
            owner_id: 'console',
            state: 'queued',
            step: null,
            progress: '0',
            error: null,
            input: '{}',
            result: null,
            result_file: null,
            ticket_hash: null,
            cancel_requested: 0,
            claimed_by: null,
            heartbeat_at: null,
            attempts: 0,
            created_at: now,
            updated_at: now,
            finished_at: null,
            expires_at: now,
          })
          .execute();
        const jobs = await store.scope(caseId).selectFrom('jobs').select(['id', 'state']).execute();
        expect(jobs).toEqual([{ id: 'job-after-upgrade', state: 'queued' }]);
      } finally {
        await dispose();
      }
    },
    120_000,
  );
});

describe('elect audit verify on a database made by release 0.1', () => {
  it('upgrades it at start and says OK, the witness matching', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'elect-release-0.1-data-'));
    writeFileSync(join(dataDir, 'elect.sqlite'), gunzipSync(readFileSync(fixture('sqlite', 'gz'))));
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--data', dataDir, 'audit', 'verify'],
      {
        encoding: 'utf8',
        env: { ...process.env, ELECT_KEY_DIR: releaseKeyDir('sqlite'), VITEST: '' },
        timeout: 60_000,
      },
    );
    expect(`${r.stdout}${r.stderr}`).toMatch(/^OK: 17 records in 2 chains, .* matches the witness in the key folder/m);
    expect(r.status).toBe(0);
  }, 90_000);
});
