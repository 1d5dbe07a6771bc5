/**
 * Assessments of a person against an indicator catalogue: each indicator present is tied to
 * evidence of the case and graded; the decision rule runs on save and its decision is stored
 * with the assessment. Nothing is overwritten — a new assessment supersedes the last one and the
 * history stays. Assessments are victim data: the routes let only users with victim contact
 * read or write them, and the list of persons shows everyone assessed by pseudonym to others.
 */
import { findList, evaluate, screeningToIndicators } from '../../domain/indicators/index.ts';
import type { Act, Decision } from '../../domain/indicators/index.ts';
import { pseudonymOf } from '../../domain/access/victims.ts';
import { isVictim } from '../../domain/access/victims.ts';
import { captionOf } from '../../domain/schema/index.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { AssessmentBody } from '../../shared/contracts/identification.ts';
import type {
  ActInput,
  AssessmentOut,
  EvidenceRef,
  IndicatorInput,
  PersonSummaryOut,
} from '../../shared/contracts/identification.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { getEntity } from '../../store/repos/entities/entities.ts';
import {
  assessmentsOfPerson,
  caseAssessments,
  evidenceRowExists,
  insertAssessment,
  latestAssessmentId,
  observationPersons,
  personRows,
  type AssessmentRow,
} from '../../store/repos/identification/assessments.ts';
import type { Store } from '../../store/store.ts';
import {
  canSee,
  protectPersonsFrom,
  visibilityOf,
  type Actor,
  type CaseAccess,
  type Visibility,
} from '../access/index.ts';
import { getCatalogue } from './catalogues.ts';

export type { AssessmentRow };

export function presentAssessment(r: AssessmentRow): AssessmentOut {
  return {
    id: r.id,
    personId: r.person_id,
    catalogue: { key: r.catalogue_key, version: r.catalogue_version },
    list: r.list_id,
    population: r.population === 'child' ? 'child' : 'adult',
    indicators: JSON.parse(r.indicators) as IndicatorInput[],
    acts: JSON.parse(r.acts) as ActInput[],
    screening: r.screening ? (JSON.parse(r.screening) as Record<string, string[]>) : null,
    method: r.method,
    outcome: r.outcome as Decision['outcome'],
    decision: JSON.parse(r.decision) as Decision,
    note: r.note,
    supersedes: r.supersedes,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** The person must be a Person of the case the actor may see. */
export async function requirePerson(store: Store, access: CaseAccess, v: Visibility, personId: string) {
  const row = canSee(v, personId) ? await getEntity(store.scope(access.caseId), personId) : undefined;
  if (row?.schema !== 'Person') throw errors.notFound('Person');
  return row;
}

async function evidenceExists(scope: CaseScope, v: Visibility, ref: EvidenceRef): Promise<boolean> {
  if (ref.kind === 'entity') return canSee(v, ref.id) && !!(await getEntity(scope, ref.id));
  return evidenceRowExists(scope, ref.kind, ref.id);
}

async function checkEvidence(
  scope: CaseScope,
  v: Visibility,
  refs: readonly EvidenceRef[],
  path: string,
): Promise<void> {
  for (const [i, ref] of refs.entries()) {
    if (!(await evidenceExists(scope, v, ref)))
      throw errors.validation(`${path}.${i}.id: no ${ref.kind} "${ref.id}" in this case`, `${path}.${i}.id`);
  }
}

export interface SaveOptions {
  method?: 'manual' | 'screening' | 'observations';
}

/** Checks the assessment against its catalogue and the case, decides, and stores it as a new version. */
export async function saveAssessment(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  personId: string,
  input: unknown,
  opts: SaveOptions = {},
): Promise<AssessmentOut> {
  const parsed = AssessmentBody.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['body', ...(issue?.path ?? []).map(String)].join('.');
    throw errors.validation(`${path}: ${issue?.message ?? 'invalid'}`, path);
  }
  const body = parsed.data;
  const v = await visibilityOf(store, access);
  await requirePerson(store, access, v, personId);
  const catalogue = await getCatalogue(store, body.catalogue, body.version).catch(() => {
    throw errors.validation(
      `body.catalogue: no catalogue ${body.catalogue}${body.version ? ` version ${body.version}` : ''}`,
      'body.catalogue',
    );
  });
  const list = findList(catalogue, body.list);
  if (!list)
    throw errors.validation(
      `body.list: ${catalogue.key} has no list "${body.list}" (${catalogue.lists.map((l) => l.id).join(', ')})`,
      'body.list',
    );
  if (list.population !== 'any' && list.population !== body.population)
    throw errors.validation(`body.population: list ${list.id} is for ${list.population}s`, 'body.population');
  if (body.screening) {
    const bad = screeningToIndicators(body.screening).unknown[0];
    if (bad)
      throw errors.validation(
        `body.screening.${bad}: not a question of the screening form, or an answer it does not offer`,
        `body.screening.${bad}`,
      );
  }
  const known = new Set(list.items.map((i) => i.id));
  const seen = new Set<string>();
  for (const [i, ind] of body.indicators.entries()) {
    if (!known.has(ind.itemId))
      throw errors.validation(
        `body.indicators.${i}.itemId: "${ind.itemId}" is not an indicator of ${catalogue.key}@${catalogue.version} list ${list.id}`,
        `body.indicators.${i}.itemId`,
      );
    if (seen.has(ind.itemId))
      throw errors.validation(
        `body.indicators.${i}.itemId: "${ind.itemId}" is recorded twice; give one entry several pieces of evidence`,
        `body.indicators.${i}.itemId`,
      );
    seen.add(ind.itemId);
  }
  const scope = store.scope(access.caseId);
  for (const [i, ind] of body.indicators.entries())
    await checkEvidence(scope, v, ind.evidence, `body.indicators.${i}.evidence`);
  for (const [i, a] of body.acts.entries()) await checkEvidence(scope, v, a.evidence, `body.acts.${i}.evidence`);
  const decision = evaluate({
    catalogue,
    listId: list.id,
    population: body.population,
    itemIds: body.indicators.map((i) => i.itemId),
    acts: body.acts.map((a) => a.act as Act),
  });
  return store.transaction(async (trx) => {
    const s = scope.in(trx);
    const last = await latestAssessmentId(s, personId);
    const row: Omit<AssessmentRow, 'case_id'> = {
      id: uuidv7(),
      person_id: personId,
      catalogue_key: catalogue.key,
      catalogue_version: catalogue.version,
      list_id: list.id,
      population: body.population,
      indicators: JSON.stringify(body.indicators),
      acts: JSON.stringify(body.acts),
      screening: body.screening ? JSON.stringify(body.screening) : null,
      method: opts.method ?? (body.screening ? 'screening' : 'manual'),
      outcome: decision.outcome,
      decision: JSON.stringify(decision),
      note: body.note ?? null,
      supersedes: last ?? null,
      created_by: actor.id,
      created_at: new Date().toISOString(),
    };
    await insertAssessment(s, row);
    return presentAssessment({ ...row, case_id: access.caseId });
  });
}

/** Every assessment of the person, newest first. */
export async function assessmentHistory(store: Store, caseId: string, personId: string): Promise<AssessmentOut[]> {
  const rows = await assessmentsOfPerson(store.scope(caseId), personId);
  return rows.map(presentAssessment);
}

// Persons assessed, or named by an observation (possible victims the case's sources or data
// suggest), are protected like recorded victims everywhere: being assessed says one may be a victim.
protectPersonsFrom('identification', async (store, whole) => {
  const scope = store.scope(whole.caseId);
  const [assessed, observed] = await Promise.all([caseAssessments(scope), observationPersons(scope)]);
  return [...assessed.map((a) => a.person_id), ...observed.map((o) => o.person_id)];
});

/** The newest assessment of each person of the case. */
export async function latestAssessments(store: Store, caseId: string): Promise<Map<string, AssessmentRow>> {
  const rows = await caseAssessments(store.scope(caseId));
  const out = new Map<string, AssessmentRow>();
  for (const r of rows) out.set(r.person_id, r);
  return out;
}

/**
 * Persons of the case with their latest result. Anyone assessed or recorded as a victim is shown
 * by pseudonym to a user without victim contact: being assessed says the person may be a victim.
 */
export async function personSummaries(
  store: Store,
  access: CaseAccess,
  q: { q?: string | undefined; assessed: 'all' | 'assessed' | 'presumed'; limit: number },
): Promise<PersonSummaryOut[]> {
  const scope = store.scope(access.caseId);
  const v = await visibilityOf(store, access);
  const latest = await latestAssessments(store, access.caseId);
  const obs = await observationPersons(scope);
  const obsCount = new Map<string, number>();
  for (const o of obs) obsCount.set(o.person_id, (obsCount.get(o.person_id) ?? 0) + 1);
  let ids: string[] | undefined;
  if (q.assessed !== 'all') {
    ids = [...latest.values()]
      .filter((r) => q.assessed === 'assessed' || r.outcome === 'presumedVictim')
      .map((r) => r.person_id);
    if (!ids.length) return [];
  }
  const rows = await personRows(scope, ids);
  const needle = q.q?.toLowerCase();
  const out: PersonSummaryOut[] = [];
  for (const r of rows) {
    if (!canSee(v, r.id)) continue;
    const props = JSON.parse(r.properties) as Properties;
    const last = latest.get(r.id);
    const hidden =
      !v.victimContact &&
      (v.protection.pseudonymous.has(r.id) || isVictim(r.schema, props) || !!last || obsCount.has(r.id));
    // Victims are stored under their pseudonym; with victim contact the page names them.
    const caption = hidden ? pseudonymOf(r.id) : captionOf({ schema: r.schema, properties: props }) || r.caption;
    if (needle && !caption.toLowerCase().includes(needle)) continue;
    out.push({
      id: r.id,
      caption,
      pseudonymised: hidden,
      proceduralStatus: props['proceduralStatus'] ?? [],
      observations: obsCount.get(r.id) ?? 0,
      latest: last
        ? {
            id: last.id,
            outcome: last.outcome,
            list: last.list_id,
            createdAt: last.created_at,
            explanation: (JSON.parse(last.decision) as Decision).explanation,
          }
        : null,
    });
  }
  // Assessed and observed persons first: they are the ones this page is for.
  out.sort(
    (a, b) =>
      Number(!!b.latest) - Number(!!a.latest) || b.observations - a.observations || a.caption.localeCompare(b.caption),
  );
  return out.slice(0, q.limit);
}
