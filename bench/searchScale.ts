/**
 * Search and selectors at scale: one case of a million generated entities (persons with name,
 * phone and passport; bank accounts with IBAN, each owned by a person; the ownership links),
 * written in bulk into the platform's tables (entities, entity_history, selectors, search_docs
 * and its full-text index) on SQLite and PostgreSQL. Then, through the platform's use cases
 * (policy, visibility, audit record included) beside a raw SQL query of the same index on a
 * driver connection: selector look-up (phone, IBAN, document) p50/p95, full-text search of a rare
 * and a common name p50/p95, and the entity page p95.
 * Aims: selector look-up p95 ≤ 5 ms, rare-name search p95 ≤ 50 ms.
 * SCALE shrinks the case: SCALE=0.1 is 100,000 entities (default 1: 1,000,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PreparedEntity } from '../src/domain/entity/prepared.ts';
import type { Actor } from '../src/services/access/index.ts';
import { addCaseMember, createCase } from '../src/services/cases/index.ts';
import { entityDetail } from '../src/services/entities/index.ts';
import { selectorSearch, textSearch } from '../src/services/search/index.ts';
import { cliCaller } from '../src/services/useCase/index.ts';
import { sqlitePragmas } from '../src/store/dialect.ts';
import { Store } from '../src/store/store.ts';
import { testActor } from '../test/support/api.ts';
import { checkAgainstPrepare, COMMON_NAME, generateCase, RARE_NAME } from './searchScaleData.ts';
import type { ScaleCase } from './searchScaleData.ts';
import { fmt, PG_URL, pgStore, postgresReachable, rate, time } from './support.ts';

const SCALE = Number(process.env.SCALE ?? 1);
const TOTAL = Math.round(1_000_000 * SCALE);
const RUNS = 200;
const SEARCH_LIMIT = 20;
/** The member's look-ups read the whole case each (see the report): few, so the bench stays short. */
const MEMBER_RUNS = TOTAL > 200_000 ? 5 : 20;

/** The four tables' rows of a batch, column by column, in the store's own shape. */
function rowsOf(caseId: string, actor: string, at: string, part: readonly PreparedEntity[]) {
  const entities = part.map((e) => [
    caseId,
    e.id,
    e.schema,
    e.caption,
    JSON.stringify(e.properties),
    e.sourceId,
    e.targetId,
    null,
    actor,
    at,
    at,
    e.grading.reliability,
    e.grading.information,
    1,
  ]);
  const history = part.map((e) => [caseId, e.id, 1, 'create', e.schema, JSON.stringify(e.properties), actor, at]);
  const selectors = part.flatMap((e) => e.selectors.map((s) => [caseId, s.kind, s.value, e.id, s.property]));
  const docs = part.map((e) => [caseId, e.id, e.id, 'entity', e.searchText]);
  return { entities, history, selectors, docs };
}

const COLS = {
  entities:
    'case_id, id, schema, caption, properties, source_id, target_id, provenance_source_id, recorded_by, ' +
    'recorded_at, updated_at, reliability, information, version',
  entity_history: 'case_id, entity_id, version, change, schema, properties, changed_by, changed_at',
  selectors: 'case_id, kind, value, entity_id, property',
  search_docs: 'case_id, doc_id, entity_id, kind, text',
} as const;
type Table = keyof typeof COLS;

/** p50 and p95 in ms of `runs` calls of `fn(i)`, after a warm-up. */
async function percentiles(
  fn: (i: number) => Promise<unknown>,
  runs = RUNS,
  warm = 10,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warm; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

interface Raw {
  selector(kind: string, value: string): Promise<unknown>;
  fts(word: string): Promise<unknown>;
  page(id: string): Promise<unknown>;
}

const pick = <T>(xs: readonly T[], i: number): T => xs[(i * 7919) % xs.length] as T;

async function measure(dialect: string, store: Store, actor: Actor, caseId: string, c: ScaleCase, raw: Raw) {
  const caller = cliCaller(actor);
  const rows: [string, { p50: number; p95: number }, { p50: number; p95: number }, string][] = [];
  const lookups = [
    ['phone', c.phones],
    ['iban', c.ibans],
    ['document', c.documents],
  ] as const;
  for (const [kind, values] of lookups) {
    const ours = await percentiles(async (i) => {
      const r = await selectorSearch(store, caller, caseId, { kind, value: pick(values, i) });
      if (r.matches.length !== 1) throw new Error(`${kind} ${pick(values, i)}: ${r.matches.length} matches`);
    });
    const base = await percentiles((i) => raw.selector(kind, pick(values, i)));
    rows.push([`selector look-up: ${kind}`, ours, base, 'p95 ≤ 5 ms']);
  }
  for (const [label, word, aim] of [
    ['rare name', RARE_NAME, 'p95 ≤ 50 ms'],
    ['common name', COMMON_NAME, '—'],
  ] as const) {
    const ours = await percentiles(async () => {
      const r = await textSearch(store, caller, caseId, { q: word, limit: SEARCH_LIMIT });
      if (!r.results.length) throw new Error(`no result for ${word}`);
    }, 50);
    const base = await percentiles(() => raw.fts(word.toLowerCase()), 50);
    rows.push([`full-text search: ${label} (“${word}”)`, ours, base, aim]);
  }
  const ours = await percentiles((i) => entityDetail(store, caller, caseId, { entityId: pick(c.entityIds, i) }));
  const base = await percentiles((i) => raw.page(pick(c.entityIds, i)));
  rows.push(['entity page (entity, links, notes, history)', ours, base, '—']);
  // A member without victim contact: the visibility model reads the case's protected persons.
  const member = cliCaller(await testActor(store, 'bench-scale-member', 'investigator'));
  await addCaseMember(store, caller, caseId, { userId: member.actor.id, caseRole: 'member', victimContact: false });
  const asMember = await percentiles(
    async (i) => {
      const r = await selectorSearch(store, member, caseId, { kind: 'phone', value: pick(c.phones, i) });
      if (r.matches.length !== 1) throw new Error(`phone ${pick(c.phones, i)}: ${r.matches.length} matches`);
    },
    MEMBER_RUNS,
    1,
  );
  const asMemberBase = await percentiles((i) => raw.selector('phone', pick(c.phones, i)), MEMBER_RUNS, 1);
  rows.push(['selector look-up: phone, member without victim contact', asMember, asMemberBase, 'p95 ≤ 5 ms']);
  // Control: 1 ms of plain computation, timed the same way. Its p95 above 1 ms is the machine's
  // scheduling under load (other processes), which every figure's p95 carries as well.
  const spin = await percentiles(async () => {
    const until = performance.now() + 1;
    while (performance.now() < until);
  });
  rows.push(['control: 1 ms of computation (machine noise)', spin, { p50: 1, p95: 1 }, '—']);
  console.log(`\n[${dialect}] ${fmt(TOTAL)} entities in one case`);
  console.log('| figure | ours p50 / p95 ms | raw SQL p50 / p95 ms | ratio (p95) | aim |\n|---|---|---|---|---|');
  for (const [name, o, b, aim] of rows) {
    const met = aim.startsWith('p95 ≤') ? (o.p95 <= Number(aim.split(' ')[2]) ? ' met' : ' NOT met') : '';
    console.log(
      `| ${name} | ${o.p50.toFixed(2)} / ${o.p95.toFixed(2)} | ${b.p50.toFixed(2)} / ${b.p95.toFixed(2)} | ` +
        `${(o.p95 / Math.max(0.001, b.p95)).toFixed(1)}× | ${aim}${met} |`,
    );
  }
}

async function onSqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'elect-scale-'));
  const file = join(dir, 'scale.db');
  const store = await Store.open({ sqliteFile: file });
  const db = new SQLite(file);
  for (const p of sqlitePragmas) db.pragma(p);
  try {
    const actor = await testActor(store, 'bench-scale', 'investigator');
    const caseId = (await createCase(store, actor, { title: 'Scale', country: 'LV' })).id;
    const at = new Date().toISOString();
    const insert = Object.fromEntries(
      (Object.keys(COLS) as Table[]).map((t) => {
        const n = COLS[t].split(',').length;
        return [t, db.prepare(`INSERT INTO ${t} (${COLS[t]}) VALUES (${Array(n).fill('?').join(', ')})`)];
      }),
    ) as Record<Table, SQLite.Statement>;
    const writeBatch = db.transaction((part: PreparedEntity[]) => {
      const r = rowsOf(caseId, actor.id, at, part);
      for (const row of r.entities) insert.entities.run(row);
      for (const row of r.history) insert.entity_history.run(row);
      for (const row of r.selectors) insert.selectors.run(row);
      for (const row of r.docs) insert.search_docs.run(row);
    });
    const loaded = await time(() => generateCase(TOTAL, 20_000, async (part) => writeBatch(part)));
    console.log(
      `\n[sqlite] bulk load: ${fmt(TOTAL)} entities in ${(loaded.ms / 1000).toFixed(1)} s (${fmt(rate(TOTAL, loaded.ms))}/s, full-text index by the store's triggers)`,
    );
    const selector = db.prepare(
      'SELECT entity_id, property FROM selectors WHERE case_id = ? AND kind = ? AND value = ? LIMIT 200',
    );
    const fts = db.prepare(
      `SELECT d.doc_id FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
       WHERE search_fts MATCH ? AND d.case_id = ? ORDER BY bm25(search_fts) LIMIT ${SEARCH_LIMIT * 2}`,
    );
    const entity = db.prepare('SELECT * FROM entities WHERE case_id = ? AND id = ?');
    const links = db.prepare(
      'SELECT * FROM entities WHERE case_id = ? AND source_id = ? UNION ALL SELECT * FROM entities WHERE case_id = ? AND target_id = ?',
    );
    const history = db.prepare('SELECT * FROM entity_history WHERE case_id = ? AND entity_id = ?');
    await measure('sqlite', store, actor, caseId, loaded.value, {
      selector: async (kind, value) => selector.all(caseId, kind, value),
      fts: async (word) => fts.all(`text:"${word}"*`, caseId),
      page: async (id) => [entity.get(caseId, id), links.all(caseId, id, caseId, id), history.all(caseId, id)],
    });
  } finally {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const esc = (v: string | number | null): string =>
  v === null
    ? '\\N'
    : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

async function onPostgres(): Promise<void> {
  const pgs = await pgStore();
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${pgs.schema}` });
  await client.connect();
  try {
    const store = pgs.store;
    const actor = await testActor(store, 'bench-scale', 'investigator');
    const caseId = (await createCase(store, actor, { title: 'Scale', country: 'LV' })).id;
    const at = new Date().toISOString();
    const copy = async (table: Table, rows: (string | number | null)[][]) => {
      const sink = client.query(copyFrom(`COPY ${table} (${COLS[table]}) FROM STDIN`));
      async function* lines() {
        for (let i = 0; i < rows.length; i += 2000)
          yield rows
            .slice(i, i + 2000)
            .map((r) => `${r.map(esc).join('\t')}\n`)
            .join('');
      }
      await pipeline(Readable.from(lines()), sink);
    };
    const loaded = await time(() =>
      generateCase(TOTAL, 50_000, async (part) => {
        const r = rowsOf(caseId, actor.id, at, part);
        await client.query('BEGIN');
        await copy('entities', r.entities);
        await copy('entity_history', r.history);
        await copy('selectors', r.selectors);
        await copy('search_docs', r.docs);
        await client.query('COMMIT');
      }),
    );
    // What autovacuum does after a bulk load: the planner's statistics for the new rows.
    await client.query('ANALYZE');
    console.log(
      `\n[postgres] bulk load: ${fmt(TOTAL)} entities in ${(loaded.ms / 1000).toFixed(1)} s (${fmt(rate(TOTAL, loaded.ms))}/s, COPY; then ANALYZE)`,
    );
    await measure('postgres', store, actor, caseId, loaded.value, {
      selector: (kind, value) =>
        client.query(
          'SELECT entity_id, property FROM selectors WHERE case_id = $1 AND kind = $2 AND value = $3 LIMIT 200',
          [caseId, kind, value],
        ),
      fts: (word) =>
        client.query(
          `SELECT doc_id FROM search_docs WHERE case_id = $1 AND tsv @@ to_tsquery('simple', $2) LIMIT ${SEARCH_LIMIT * 2}`,
          [caseId, `${word}:*`],
        ),
      page: async (id) => [
        await client.query('SELECT * FROM entities WHERE case_id = $1 AND id = $2', [caseId, id]),
        await client.query(
          'SELECT * FROM entities WHERE case_id = $1 AND (source_id = $2 OR target_id = $2) LIMIT 500',
          [caseId, id],
        ),
        await client.query('SELECT * FROM entity_history WHERE case_id = $1 AND entity_id = $2', [caseId, id]),
      ],
    });
  } finally {
    await client.end();
    await pgs.dispose();
  }
}

export async function searchScaleBench(): Promise<void> {
  console.log(`\n## Search and selectors at scale: ${fmt(TOTAL)} entities (SCALE=${SCALE})`);
  checkAgainstPrepare();
  await onSqlite();
  if (!(await postgresReachable())) {
    console.log('PostgreSQL not reachable: its figures skipped.');
    return;
  }
  await onPostgres();
}

if (process.argv[1]?.endsWith('searchScale.ts')) await searchScaleBench();
