/**
 * What officers would have recorded about each person of a generated case — the generator's
 * indicator facts (statements, inspection findings) — written as observations (origin `demo`)
 * while the case loads. Only the facts are read: never who is a victim.
 */
import { uuidv7 } from '../../shared/ids.ts';
import { insertObservations, type ObservationRow } from '../../store/repos/identification/assessments.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import type { Actor } from '../access/index.ts';

interface GeneratorFact {
  personId: string;
  catalogue: 'ILO' | 'Delphi';
  indicator: string;
  strength?: 'strong' | 'medium' | 'weak';
  evidence: { event: string; date?: string; entityIds: string[]; transactionRefs: string[] };
}

/** Records the indicator facts of the given truth parts (JSON) as the case's demo observations. */
export async function insertDemoFacts(scope: CaseScope, actor: Actor, parts: readonly string[]): Promise<number> {
  const now = new Date().toISOString();
  const rows: Omit<ObservationRow, 'case_id'>[] = [];
  for (const p of parts) {
    const facts = (JSON.parse(p) as { indicatorFacts?: GeneratorFact[] }).indicatorFacts ?? [];
    for (const f of facts)
      rows.push({
        id: uuidv7(),
        person_id: f.personId,
        catalogue: f.catalogue,
        code: f.indicator,
        strength: f.strength ?? null,
        text: f.evidence.event,
        occurred_on: f.evidence.date ?? null,
        entity_ids: JSON.stringify(f.evidence.entityIds),
        transaction_refs: JSON.stringify(f.evidence.transactionRefs),
        origin: 'demo',
        recorded_by: actor.id,
        recorded_at: now,
      });
  }
  await insertObservations(scope, rows);
  return rows.length;
}
