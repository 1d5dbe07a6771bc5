/**
 * Recorded observations and assessments filled from them. An observation is what an officer
 * wrote down about a person (a statement, an inspection finding) tagged with the ILO indicator
 * or Delphi dimension it shows; `fillAssessments` turns a person's observations into a Delphi
 * assessment — choosing the list from the case (employed → labour, seen in ads → sexual; a
 * birth date under 18 → child), the items from the observations' words, the acts from
 * recruitment, accommodation and control links — and lets the rule decide. It reads the case,
 * never the demo's ground truth (a demo case gets its observations when it loads).
 */
import { ACT_LINKS, delphiItemsOf, findList } from '../../domain/indicators/index.ts';
import type { Act, ObservationTag } from '../../domain/indicators/index.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { ActInput, IndicatorInput } from '../../shared/contracts/identification.ts';
import { errors } from '../../shared/errors.ts';
import { getEntities, getEntity, linksOf } from '../../store/repos/entities/entities.ts';
import type { AssessmentOut } from '../../shared/contracts/identification.ts';
import { mergedAway } from '../../store/repos/assembly/assembly.ts';
import { observationRows, type ObservationRow } from '../../store/repos/identification/assessments.ts';
import type { Store } from '../../store/store.ts';
import { canSee, visibilityOf, type Actor, type CaseAccess } from '../access/index.ts';
import { saveAssessment } from './assessments.ts';
import { getCatalogue } from './catalogues.ts';

export type { ObservationRow };

export interface ObservationOut {
  id: string;
  personId: string;
  catalogue: string;
  code: string;
  strength: string | null;
  text: string;
  occurredOn: string | null;
  entityIds: string[];
  transactionRefs: string[];
  origin: string;
}

export const presentObservation = (r: ObservationRow): ObservationOut => ({
  id: r.id,
  personId: r.person_id,
  catalogue: r.catalogue,
  code: r.code,
  strength: r.strength,
  text: r.text,
  occurredOn: r.occurred_on,
  entityIds: JSON.parse(r.entity_ids) as string[],
  transactionRefs: JSON.parse(r.transaction_refs) as string[],
  origin: r.origin,
});

export async function observationsOf(store: Store, caseId: string, personId: string): Promise<ObservationOut[]> {
  const rows = await observationRows(store.scope(caseId), { one: personId });
  return rows.map(presentObservation);
}

const ageOn = (birth: string, on: Date): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(birth);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < mo || (on.getUTCMonth() + 1 === mo && on.getUTCDate() < d)) age--;
  return age;
};

export interface FillResult {
  assessed: number;
  presumed: number;
  assessments: AssessmentOut[];
}

/**
 * One new assessment per person with observations (or per person named), decided by the rule;
 * a record's observations follow it through merges into the record it was joined into.
 */
export async function fillAssessments(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  opts: { persons?: string[] | undefined; catalogue?: string } = {},
): Promise<FillResult> {
  const scope = store.scope(access.caseId);
  const v = await visibilityOf(store, access);
  const catalogue = await getCatalogue(store, opts.catalogue ?? 'ilo-ec-delphi-2009');
  if (catalogue.kind !== 'delphi')
    throw errors.validation('catalogue: filling needs a catalogue with a decision rule', 'catalogue');
  // An observation recorded on a record a merge later removed counts for the record it went into
  // (following merges of merges); an undone merge is out of this map, so the observation is back.
  const movedTo = await mergedAway(scope);
  const current = (id: string) => {
    let at = id;
    for (let i = 0; i < 50 && movedTo.has(at); i++) at = movedTo.get(at) ?? at;
    return at;
  };
  const wanted = opts.persons ? new Set(opts.persons) : null;
  const byPerson = new Map<string, ObservationRow[]>();
  for (const o of await observationRows(scope)) {
    const personId = current(o.person_id);
    if ((wanted && !wanted.has(personId)) || !canSee(v, personId)) continue;
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), o]);
  }
  const out: AssessmentOut[] = [];
  for (const [personId, obs] of byPerson) {
    const person = await getEntity(scope, personId);
    if (person?.schema !== 'Person') continue;
    const links = (await linksOf(scope, personId)).filter((l) => canSee(v, l.id));
    const employed = links.some(
      (l) => (l.schema === 'Employment' || l.schema === 'Posting') && l.source_id === personId,
    );
    const evidenceEntities = await getEntities(scope, [
      ...new Set(obs.flatMap((o) => JSON.parse(o.entity_ids) as string[])),
    ]);
    const inAds = evidenceEntities.some((e) => e.schema === 'OnlineAd');
    const exploitation = employed || !inAds ? 'labour' : 'sexual';
    const birth = (JSON.parse(person.properties) as Properties)['birthDate']?.[0];
    const age = birth ? ageOn(birth, new Date()) : null;
    const population = age !== null && age < 18 ? 'child' : 'adult';
    const list =
      catalogue.lists.find((l) => l.population === population && l.exploitation === exploitation) ??
      findList(catalogue, `${population}-${exploitation}`);
    if (!list) continue;
    const tags = obs.map(
      (o) =>
        ({
          id: o.id,
          catalogue: o.catalogue === 'ILO' ? 'ILO' : 'Delphi',
          code: o.code,
          strength: (o.strength as ObservationTag['strength']) ?? null,
          text: o.text,
        }) satisfies ObservationTag & { id: string },
    );
    const items = delphiItemsOf(list, tags);
    const indicators: IndicatorInput[] = [...items].map(([itemId, obsIds]) => ({
      itemId,
      reliability: 'B',
      information: '2',
      evidence: obsIds.slice(0, 20).map((id) => ({ kind: 'observation' as const, id })),
    }));
    const acts: ActInput[] = [];
    for (const l of links) {
      const spec = ACT_LINKS[l.schema];
      if (!spec) continue;
      const props = JSON.parse(l.properties) as Properties;
      if (!(props[spec.victimProp] ?? []).includes(personId)) continue;
      const existing = acts.find((a) => a.act === spec.act);
      if (existing) existing.evidence = [...existing.evidence, { kind: 'entity' as const, id: l.id }].slice(0, 20);
      else acts.push({ act: spec.act as Act, evidence: [{ kind: 'entity', id: l.id }] });
    }
    const saved = await saveAssessment(
      store,
      actor,
      access,
      personId,
      {
        catalogue: catalogue.key,
        version: catalogue.version,
        list: list.id,
        population,
        indicators,
        acts,
        note: `Filled from ${obs.length} recorded observation(s)`,
      },
      { method: 'observations' },
    );
    out.push(saved);
  }
  return { assessed: out.length, presumed: out.filter((a) => a.outcome === 'presumedVictim').length, assessments: out };
}
