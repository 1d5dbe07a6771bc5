/**
 * Interview and inspection records imported as observations: a CSV whose rows name a person by
 * personal code, passport or name with birth date, the day, the indicator the officer ticked (an
 * ILO forced-labour indicator, or a Delphi dimension with the officer's strength) and the words
 * written down. Each row lands on every Person record of the case those identifiers name, with
 * origin `import:<file>`; filling then weighs them like any observation. A row that names nobody
 * of the case is reported, not guessed at, and kept pending: files arrive in any order, so when a
 * later import brings a record those identifiers name, filling attaches the row to it first. The
 * whole file is checked before anything is written, and importing it again adds only what is new.
 */
import { ILO_TO_DELPHI, isDelphiDimension } from '../../domain/indicators/index.ts';
import { nameKey, normaliseDocument } from '../../domain/selectors/index.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { errors } from '../../shared/errors.ts';
import { readCsv } from '../../ingest/formats/csvRecords.ts';
import type { ImportInput } from '../../ingest/types.ts';
import { entitiesOfSchema } from '../../store/repos/finance/analysis.ts';
import {
  deletePendingObservations,
  insertObservations,
  insertPendingObservations,
  observationRows,
  pendingObservationRows,
} from '../../store/repos/identification/assessments.ts';
import type { ObservationRow, PendingObservationRow } from '../../store/repos/identification/assessments.ts';
import type { Store } from '../../store/store.ts';
import { canSee, visibilityOf, type Actor, type CaseAccess } from '../access/index.ts';

/** The columns, by header (case and spacing ignored); an identifier column and the last three are needed. */
const COLUMNS = {
  name: 'name',
  birthDate: 'date of birth',
  passport: 'passport',
  personalCode: 'personal code',
  recordedOn: 'recorded on',
  catalogue: 'catalogue',
  indicator: 'indicator',
  strength: 'strength',
  text: 'record',
} as const;
type Column = keyof typeof COLUMNS;

export interface ObservationsImportResult {
  rows: number;
  recorded: number;
  /** Rows already imported (same person, day, indicator and words). */
  already: number;
  persons: number;
  /** Rows whose identifiers name no person of the case (kept pending until a record names them). */
  unmatched: { line: number; name: string }[];
}

/** How a row names its person: the identifiers it gives ('' when absent). */
type Named = Pick<ParsedRow, 'name' | 'birthDate' | 'passport' | 'personalCode'>;

interface ParsedRow {
  line: number;
  name: string;
  birthDate: string;
  passport: string;
  personalCode: string;
  recordedOn: string | null;
  catalogue: 'ILO' | 'Delphi';
  code: string;
  strength: 'strong' | 'medium' | 'weak' | null;
  text: string;
}

const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const compact = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
const documentKey = (s: string) => {
  const r = normaliseDocument(s);
  return r.ok ? r.value : '';
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

async function parseRows(input: ImportInput): Promise<ParsedRow[]> {
  const out: ParsedRow[] = [];
  let index: Partial<Record<Column, number>> | null = null;
  for await (const rec of readCsv(input)) {
    if (!index) {
      const headers = rec.values.map(fold);
      index = {};
      for (const [col, header] of Object.entries(COLUMNS) as [Column, string][]) {
        const i = headers.indexOf(header);
        if (i >= 0) index[col] = i;
      }
      for (const need of ['catalogue', 'indicator', 'text'] as const)
        if (index[need] === undefined)
          throw errors.validation(`${input.fileName}: no "${COLUMNS[need]}" column in the header`, 'file');
      if (['name', 'passport', 'personalCode'].every((c) => index?.[c as Column] === undefined))
        throw errors.validation(
          `${input.fileName}: no column names the person (name, passport, personal code)`,
          'file',
        );
      continue;
    }
    const at = (c: Column) => {
      const i = index?.[c];
      return i === undefined ? '' : (rec.values[i] ?? '').trim();
    };
    const where = `${input.fileName} line ${rec.line}`;
    const catalogue = at('catalogue');
    const code = at('indicator');
    const strength = at('strength').toLowerCase();
    if (catalogue !== 'ILO' && catalogue !== 'Delphi')
      throw errors.validation(`${where}: catalogue "${catalogue}" is neither ILO nor Delphi`, 'file');
    if (catalogue === 'ILO' ? !Object.hasOwn(ILO_TO_DELPHI, code) : !isDelphiDimension(code))
      throw errors.validation(`${where}: "${code}" is no ${catalogue} indicator`, 'file');
    if (strength && !['strong', 'medium', 'weak'].includes(strength))
      throw errors.validation(`${where}: strength "${strength}" is not strong, medium or weak`, 'file');
    const recordedOn = at('recordedOn');
    if (recordedOn && !ISO_DAY.test(recordedOn))
      throw errors.validation(`${where}: recorded on "${recordedOn}" is not a date (YYYY-MM-DD)`, 'file');
    const birthDate = at('birthDate');
    if (birthDate && !ISO_DAY.test(birthDate))
      throw errors.validation(`${where}: date of birth "${birthDate}" is not a date (YYYY-MM-DD)`, 'file');
    const text = at('text');
    if (!text) throw errors.validation(`${where}: the record is empty`, 'file');
    out.push({
      line: rec.line,
      name: at('name'),
      birthDate,
      passport: at('passport'),
      personalCode: at('personalCode'),
      recordedOn: recordedOn || null,
      catalogue,
      code,
      strength: catalogue === 'Delphi' && strength ? (strength as ParsedRow['strength']) : null,
      text,
    });
  }
  return out;
}

/** Person records of the case by personal code, passport and name with birth date. */
function personIndex(persons: readonly { id: string; properties: string }[]) {
  const by = new Map<string, string[]>();
  const add = (key: string, id: string) => by.set(key, [...(by.get(key) ?? []), id]);
  for (const p of persons) {
    const props = JSON.parse(p.properties) as Record<string, string[] | undefined>;
    for (const v of props['idNumber'] ?? []) if (compact(v)) add(`code:${compact(v)}`, p.id);
    for (const v of props['passportNumber'] ?? []) if (documentKey(v)) add(`doc:${documentKey(v)}`, p.id);
    for (const b of props['birthDate'] ?? [])
      for (const n of props['name'] ?? []) if (nameKey(n)) add(`nb:${nameKey(n)}|${b.slice(0, 10)}`, p.id);
  }
  return (r: Named): string[] => {
    const keys = [
      r.personalCode && `code:${compact(r.personalCode)}`,
      r.passport && documentKey(r.passport) && `doc:${documentKey(r.passport)}`,
      r.name && r.birthDate && `nb:${nameKey(r.name)}|${r.birthDate}`,
    ].filter((k): k is string => !!k);
    return [...new Set(keys.flatMap((k) => by.get(k) ?? []))];
  };
}

const keyOf = (personId: string, day: string | null, catalogue: string, code: string, text: string) =>
  JSON.stringify([personId, day, catalogue, code, text]);
const namedKey = (r: Named) => [r.name, r.birthDate, r.passport, r.personalCode].join('|');

export async function importObservationRecords(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  input: ImportInput,
): Promise<ObservationsImportResult> {
  const scope = store.scope(access.caseId);
  const rows = await parseRows(input);
  const v = await visibilityOf(store, access);
  const persons = (await entitiesOfSchema(scope, 'Person')).filter((p) => canSee(v, p.id));
  const personsOf = personIndex(persons);
  const origin = `import:${input.fileName}`;
  const seen = new Set(
    (await observationRows(scope))
      .filter((o) => o.origin === origin)
      .map((o) => keyOf(o.person_id, o.occurred_on, o.catalogue, o.code, o.text)),
  );
  const seenPending = new Set(
    (await pendingObservationRows(scope))
      .filter((o) => o.origin === origin)
      .map((o) =>
        keyOf(
          namedKey({ name: o.name, birthDate: o.birth_date, passport: o.passport, personalCode: o.personal_code }),
          o.occurred_on,
          o.catalogue,
          o.code,
          o.text,
        ),
      ),
  );
  const now = new Date().toISOString();
  const fresh: Omit<ObservationRow, 'case_id'>[] = [];
  const pending: Omit<PendingObservationRow, 'case_id'>[] = [];
  const unmatched: ObservationsImportResult['unmatched'] = [];
  const named = new Set<string>();
  let already = 0;
  for (const r of rows) {
    const ids = personsOf(r);
    if (!ids.length) {
      unmatched.push({ line: r.line, name: r.name });
      const key = keyOf(namedKey(r), r.recordedOn, r.catalogue, r.code, r.text);
      if (seenPending.has(key)) continue;
      seenPending.add(key);
      pending.push({
        id: uuidv7(),
        name: r.name,
        birth_date: r.birthDate,
        passport: r.passport,
        personal_code: r.personalCode,
        catalogue: r.catalogue,
        code: r.code,
        strength: r.strength,
        text: r.text,
        occurred_on: r.recordedOn,
        origin,
        recorded_by: actor.id,
        recorded_at: now,
      });
      continue;
    }
    for (const personId of ids) {
      named.add(personId);
      const key = keyOf(personId, r.recordedOn, r.catalogue, r.code, r.text);
      if (seen.has(key)) {
        already++;
        continue;
      }
      seen.add(key);
      fresh.push(observationOf(personId, r, { origin, by: actor.id, at: now }));
    }
  }
  if (fresh.length || pending.length)
    await store.transaction(async (trx) => {
      await insertObservations(scope.in(trx), fresh);
      await insertPendingObservations(scope.in(trx), pending);
    });
  return { rows: rows.length, recorded: fresh.length, already, persons: named.size, unmatched };
}

function observationOf(
  personId: string,
  r: Pick<ParsedRow, 'catalogue' | 'code' | 'strength' | 'text' | 'recordedOn'>,
  how: { origin: string; by: string; at: string },
): Omit<ObservationRow, 'case_id'> {
  return {
    id: uuidv7(),
    person_id: personId,
    catalogue: r.catalogue,
    code: r.code,
    strength: r.strength,
    text: r.text,
    occurred_on: r.recordedOn,
    entity_ids: JSON.stringify([personId]),
    transaction_refs: '[]',
    origin: how.origin,
    recorded_by: how.by,
    recorded_at: how.at,
  };
}

/**
 * Rows kept pending because they named nobody when imported, attached now to every Person record
 * (the caller sees) their identifiers name; those still naming nobody stay pending. Returns how
 * many observations were recorded.
 */
export async function attachPendingObservations(store: Store, access: CaseAccess): Promise<number> {
  const scope = store.scope(access.caseId);
  const waiting = await pendingObservationRows(scope);
  if (!waiting.length) return 0;
  const v = await visibilityOf(store, access);
  const personsOf = personIndex((await entitiesOfSchema(scope, 'Person')).filter((p) => canSee(v, p.id)));
  const seen = new Set(
    (await observationRows(scope)).map(
      (o) => keyOf(o.person_id, o.occurred_on, o.catalogue, o.code, o.text) + o.origin,
    ),
  );
  const fresh: Omit<ObservationRow, 'case_id'>[] = [];
  const done: string[] = [];
  for (const p of waiting) {
    const ids = personsOf({
      name: p.name,
      birthDate: p.birth_date,
      passport: p.passport,
      personalCode: p.personal_code,
    });
    if (!ids.length) continue;
    done.push(p.id);
    const row = {
      catalogue: p.catalogue as ParsedRow['catalogue'],
      code: p.code,
      strength: p.strength as ParsedRow['strength'],
      text: p.text,
      recordedOn: p.occurred_on,
    };
    for (const personId of ids) {
      const key = keyOf(personId, p.occurred_on, p.catalogue, p.code, p.text) + p.origin;
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push(observationOf(personId, row, { origin: p.origin, by: p.recorded_by, at: p.recorded_at }));
    }
  }
  if (done.length)
    await store.transaction(async (trx) => {
      await insertObservations(scope.in(trx), fresh);
      await deletePendingObservations(scope.in(trx), done);
    });
  return fresh.length;
}
