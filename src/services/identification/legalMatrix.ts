/**
 * The legal-element matrix of a case: for each victim (recorded as one, or presumed by their
 * latest assessment) the act, means and purpose with the facts that support each, first in all
 * and then against each suspect, and the gaps a prosecutor still has to fill. Facts come from
 * the latest assessment (its indicators' means and purpose, its recorded acts) and from the
 * recruitment, accommodation and control links of the case, and from the red-flag findings that
 * flag the victim's accounts (legalFindings.ts). Victims appear by pseudonym to
 * users without victim contact.
 */
import { pseudonymOf } from '../../domain/access/victims.ts';
import { isVictim } from '../../domain/access/victims.ts';
import { ACT_LINKS, complete, findList, LEGAL_SOURCE, matrixRows } from '../../domain/indicators/index.ts';
import type { Act, Catalogue, LegalFact, Means } from '../../domain/indicators/index.ts';
import { captionOf } from '../../domain/schema/index.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { EvidenceRef, LegalMatrixOut } from '../../shared/contracts/identification.ts';
import { getEntities, linksOf } from '../../store/repos/entities/entities.ts';
import type { EntityRow } from '../../store/repos/entities/entities.ts';
import { observationEntityIds, personEntities } from '../../store/repos/identification/assessments.ts';
import type { Store } from '../../store/store.ts';
import { presentAssessment, latestAssessments } from './assessments.ts';
import { getCatalogue } from './catalogues.ts';
import { findingFactsByVictim } from './legalFindings.ts';
import { canSee, hiddenVictim, visibilityOf, type CaseAccess } from '../access/index.ts';

/** The matrix of one victim. */
type MatrixVictim = LegalMatrixOut['victims'][number];
/** The prosecution report includes the matrix under this name. */
export type LegalMatrix = LegalMatrixOut;

const refKey = (r: EvidenceRef) => `${r.kind}:${r.id}`;

export async function legalMatrix(store: Store, access: CaseAccess, only?: string): Promise<LegalMatrixOut> {
  const scope = store.scope(access.caseId);
  const v = await visibilityOf(store, access);
  const persons = (await personEntities(scope)).filter((p) => canSee(v, p.id));
  const props = new Map(persons.map((p) => [p.id, JSON.parse(p.properties) as Properties]));
  const status = (id: string) => props.get(id)?.['proceduralStatus'] ?? [];
  const suspects = persons.filter((p) => status(p.id).includes('suspect'));
  const suspectIds = new Set(suspects.map((s) => s.id));
  const latest = await latestAssessments(store, access.caseId);
  const victims = persons.filter(
    (p) =>
      (!only || p.id === only) &&
      (isVictim('Person', props.get(p.id) ?? {}) || latest.get(p.id)?.outcome === 'presumedVictim'),
  );
  const fromFindings = await findingFactsByVictim(
    scope,
    victims.map((x) => x.id),
    suspectIds,
  );
  const catalogues = new Map<string, Catalogue>();
  const out: MatrixVictim[] = [];
  for (const victim of victims) {
    const row = latest.get(victim.id);
    const a = row ? presentAssessment(row) : null;
    const links = (await linksOf(scope, victim.id)).filter((l) => canSee(v, l.id));
    const facts: LegalFact[] = [];
    // Observations name the entities where their evidence sits; those are who a fact concerns.
    const obsIds = a
      ? a.indicators.flatMap((i) => i.evidence.filter((e) => e.kind === 'observation').map((e) => e.id))
      : [];
    const obsRows = await observationEntityIds(scope, obsIds);
    const obsEntities = new Map(obsRows.map((o) => [o.id, JSON.parse(o.entity_ids) as string[]]));
    const entityIdsOf = (refs: readonly EvidenceRef[]) =>
      refs.flatMap((r) =>
        r.kind === 'entity' ? [r.id] : r.kind === 'observation' ? (obsEntities.get(r.id) ?? []) : [],
      );
    const evidenceEntities = new Map<string, EntityRow>(
      (
        await getEntities(scope, [
          ...new Set([
            ...(a?.indicators ?? []).flatMap((i) => entityIdsOf(i.evidence)),
            ...(a?.acts ?? []).flatMap((x) => entityIdsOf(x.evidence)),
          ]),
        ])
      ).map((e) => [e.id, e]),
    );
    const concerns = (ids: readonly string[]): string[] => {
      const found = new Set<string>();
      for (const id of ids) {
        if (suspectIds.has(id)) found.add(id);
        const e = evidenceEntities.get(id) ?? links.find((l) => l.id === id);
        for (const end of [e?.source_id, e?.target_id]) if (end && suspectIds.has(end)) found.add(end);
        const spec = e ? ACT_LINKS[e.schema] : undefined;
        if (e && spec)
          for (const p of spec.actorProps)
            for (const x of (JSON.parse(e.properties) as Properties)[p] ?? []) if (suspectIds.has(x)) found.add(x);
      }
      return [...found];
    };
    if (a) {
      const key = `${a.catalogue.key}@${a.catalogue.version}`;
      const cat = catalogues.get(key) ?? (await getCatalogue(store, a.catalogue.key, a.catalogue.version));
      catalogues.set(key, cat);
      const list = findList(cat, a.list);
      const items = new Map((list?.items ?? []).map((i) => [i.id, i]));
      for (const ind of a.indicators) {
        const it = items.get(ind.itemId);
        if (!it) continue;
        const base = {
          label: it.text.en,
          origin: { kind: 'indicator' as const, id: ind.itemId },
          evidence: ind.evidence.map(refKey),
          suspectIds: concerns(entityIdsOf(ind.evidence)),
        };
        for (const m of it.means ?? []) facts.push({ ...base, element: 'means', value: m as Means });
        if (it.purpose)
          facts.push({
            ...base,
            element: 'purpose',
            value: list?.exploitation === 'sexual' ? 'sexual' : 'forcedLabour',
          });
      }
      for (const act of a.acts)
        facts.push({
          element: 'act',
          value: act.act as Act,
          label: act.act,
          origin: { kind: 'act', id: act.act },
          evidence: act.evidence.map(refKey),
          suspectIds: concerns(entityIdsOf(act.evidence)),
        });
    }
    for (const l of links) {
      const spec = ACT_LINKS[l.schema];
      if (!spec || !((JSON.parse(l.properties) as Properties)[spec.victimProp] ?? []).includes(victim.id)) continue;
      if (facts.some((f) => f.element === 'act' && f.evidence.includes(`entity:${l.id}`))) continue;
      facts.push({
        element: 'act',
        value: spec.act,
        label: l.caption,
        origin: { kind: 'link', id: l.id },
        evidence: [`entity:${l.id}`],
        suspectIds: concerns([l.id]),
      });
    }
    facts.push(...(fromFindings.get(victim.id) ?? []));
    const involved = suspects.filter((s) => facts.some((f) => f.suspectIds.includes(s.id))).map((s) => s.id);
    const rows = matrixRows(facts, involved, a?.population === 'child');
    const hidden = hiddenVictim(v, victim) || (!v.victimContact && !!a);
    out.push({
      id: victim.id,
      caption: hidden
        ? pseudonymOf(victim.id)
        : captionOf({ schema: 'Person', properties: props.get(victim.id) ?? {} }) || victim.caption,
      pseudonymised: hidden,
      child: a?.population === 'child',
      assessmentId: a?.id ?? null,
      outcome: a?.outcome ?? null,
      complete: rows[0] ? complete(rows[0]) : false,
      rows,
    });
  }
  return {
    source: LEGAL_SOURCE,
    suspects: suspects.map((s) => ({
      id: s.id,
      caption: hiddenVictim(v, s)
        ? pseudonymOf(s.id)
        : captionOf({ schema: 'Person', properties: props.get(s.id) ?? {} }) || s.caption,
    })),
    victims: out.sort((x, y) => x.caption.localeCompare(y.caption)),
  };
}
