/**
 * A case as what it says, without its ids: each entity by its schema, names and identifiers;
 * each link by its schema, its ends (so described) and its own values; each finding by its rule,
 * the accounts it names and the bank references of its lines; statement lines by account and
 * reference. Two cases built from the same files in different orders give the same snapshot.
 */
import type { Store } from '../src/store/store.ts';

/** Properties that identify an entity (with its names) whatever order its records arrived in. */
const IDENTIFYING = [
  'name',
  'birthDate',
  'idNumber',
  'passportNumber',
  'registrationNumber',
  'jurisdiction',
  'taxNumber',
  'vatCode',
  'iban',
  'accountNumber',
  'number',
  'email',
  'url',
] as const;

/** Values that say when and by which import a record was written, not what it says. */
const BOOKKEEPING = new Set(['sourceUrl', 'retrievedAt', 'modifiedAt', 'indexText', 'publisher']);

export interface CaseSnapshot {
  entities: string[];
  links: string[];
  findings: string[];
  lines: string[];
}

type Props = Record<string, string[] | undefined>;

const values = (p: Props, keys: readonly string[], keyOf?: ReadonlyMap<string, string>) =>
  keys
    .filter((k) => p[k]?.length)
    .map((k) => `${k}=${[...new Set((p[k] ?? []).map((v) => keyOf?.get(v) ?? v))].sort().join('/')}`)
    .join(';');

export async function caseSnapshot(store: Store, caseId: string): Promise<CaseSnapshot> {
  const scope = store.scope(caseId);
  const rows = await scope
    .selectFrom('entities')
    .select(['id', 'schema', 'properties', 'source_id', 'target_id'])
    .execute();
  const keyOf = new Map<string, string>();
  for (const r of rows)
    if (!r.source_id && !r.target_id)
      keyOf.set(r.id, `${r.schema}{${values(JSON.parse(r.properties) as Props, IDENTIFYING)}}`);
  const entities = rows.filter((r) => !r.source_id && !r.target_id).map((r) => keyOf.get(r.id) ?? r.id);
  const links = rows
    .filter((r) => r.source_id || r.target_id)
    .map((r) => {
      const p = JSON.parse(r.properties) as Props;
      // A link's own values, minus the ids of its ends (they are described instead).
      const own = Object.keys(p)
        .filter((k) => !BOOKKEEPING.has(k) && !(p[k] ?? []).some((v) => v === r.source_id || v === r.target_id))
        .sort();
      const ends = [keyOf.get(r.source_id ?? '') ?? '?', keyOf.get(r.target_id ?? '') ?? '?'];
      // Two ads with one photo are linked from the later capture to the earlier: no direction.
      if (ends.every((e) => e.startsWith('OnlineAd{'))) ends.sort();
      return `${r.schema}(${ends.join(' → ')}){${values(p, own, keyOf)}}`;
    });
  const lineRows = await scope
    .selectFrom('transactions')
    .select(['id', 'account_id', 'reference', 'amount_minor'])
    .execute();
  const refOf = new Map(lineRows.map((l) => [l.id, l.reference ?? l.id]));
  const lines = lineRows.map((l) => `${keyOf.get(l.account_id) ?? '?'} ${l.reference ?? ''} ${l.amount_minor}`);
  const findingRows = await scope
    .selectFrom('findings')
    .select(['rule', 'subject_id', 'account_ids', 'evidence'])
    .execute();
  const findings = findingRows.map((f) => {
    const accounts = (JSON.parse(f.account_ids) as string[]).map((id) => keyOf.get(id) ?? id).sort();
    const evidence = (JSON.parse(f.evidence) as string[]).map((id) => refOf.get(id) ?? id).sort();
    return `${f.rule} ${keyOf.get(f.subject_id) ?? f.subject_id} [${accounts.join(', ')}] [${evidence.join(', ')}]`;
  });
  return { entities: entities.sort(), links: links.sort(), findings: findings.sort(), lines: lines.sort() };
}
