/**
 * An accepted cooperation request between two cases of the same agency: the chosen entities
 * (and the links between them) are copied into the requesting case under a provenance source
 * naming where they came from.
 */
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { insertSource } from '../../store/repos/cases/notes.ts';
import { linkIdsBetween } from '../../store/repos/cooperation/requests.ts';
import { existingIds, getEntities } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { createEntities } from '../entities/index.ts';
import { leadContact } from './contacts.ts';

/** Copies chosen entities (and the links between them) into another case; returns how many were new. */
export async function copyInto(
  store: Store,
  actor: Actor,
  fromCaseId: string,
  toCaseId: string,
  ids: readonly string[],
): Promise<number> {
  const from = store.scope(fromCaseId);
  const chosen = new Set(ids);
  const links = await linkIdsBetween(from, [...chosen]);
  const rows = await getEntities(from, [...new Set([...ids, ...links])]);
  if (rows.length < chosen.size) throw errors.validation('Some chosen entities are not in this case', 'entityIds');
  const present = await existingIds(
    store.scope(toCaseId),
    rows.map((r) => r.id),
  );
  const todo = rows
    .filter((r) => !present.has(r.id))
    .sort((a, b) => Number(a.source_id !== null) - Number(b.source_id !== null));
  if (!todo.length) return 0;
  const sourceId = uuidv7();
  const lead = await leadContact(store, fromCaseId);
  await insertSource(store.scope(toCaseId), {
    id: sourceId,
    kind: 'import',
    label: `Cooperation after a hit: shared by ${lead.name} (${lead.agency})`,
    sha256: null,
    file_name: null,
    created_by: actor.id,
    created_at: new Date().toISOString(),
  });
  await createEntities(
    store,
    actor,
    toCaseId,
    todo.map((r) => ({
      id: r.id,
      schema: r.schema,
      properties: JSON.parse(r.properties) as Record<string, string[]>,
      grading: { reliability: r.reliability as 'X', information: r.information as '4' },
    })),
    { sourceId, strictSelectors: false },
  );
  return todo.length;
}
