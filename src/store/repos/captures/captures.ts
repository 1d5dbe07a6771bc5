/** Captured ads and pages, their pictures' fingerprints, and selector look-ups they need. */
import type { CaseScope } from '../../caseScope.ts';
import type { CaseFilesTable, CaptureImagesTable, CapturesTable } from '../../schema/index.ts';

export type CaptureRow = Omit<CapturesTable, 'case_id'>;
export type CaptureImageRow = Omit<CaptureImagesTable, 'case_id'>;

export async function insertCapture(
  scope: CaseScope,
  row: CaptureRow,
  images: readonly CaptureImageRow[],
): Promise<void> {
  await scope.insertInto('captures', row).execute();
  if (images.length) await scope.insertInto('capture_images', [...images]).execute();
}

/** Captures without their text and extraction, newest capture time first. */
export async function listCaptureRows(scope: CaseScope): Promise<CaptureRow[]> {
  return scope.selectFrom('captures').selectAll().orderBy('captured_at', 'desc').orderBy('id').execute();
}

/** Capture id → its ad entity id, without the heavy columns. */
export async function captureAdIds(scope: CaseScope): Promise<Map<string, string>> {
  const rows = await scope.selectFrom('captures').select(['id', 'ad_entity_id']).execute();
  return new Map(rows.map((r) => [r.id, r.ad_entity_id]));
}

export async function getCaptureRow(scope: CaseScope, id: string): Promise<CaptureRow | undefined> {
  return scope.selectFrom('captures').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCaptureImages(scope: CaseScope, captureId?: string): Promise<CaptureImageRow[]> {
  let q = scope.selectFrom('capture_images').selectAll();
  if (captureId) q = q.where('capture_id', '=', captureId);
  return q.orderBy('capture_id').orderBy('idx').execute();
}

/** Ids of the entities of the case holding any of the selector values, with the value. */
export async function entityIdsWithSelector(
  scope: CaseScope,
  kind: string,
  values: readonly string[],
): Promise<{ value: string; entity_id: string }[]> {
  const out: { value: string; entity_id: string }[] = [];
  for (let i = 0; i < values.length; i += 200) {
    const part = values.slice(i, i + 200);
    out.push(
      ...(await scope
        .selectFrom('selectors')
        .select(['value', 'entity_id'])
        .where('kind', '=', kind)
        .where('value', 'in', part)
        .execute()),
    );
  }
  return out;
}

/** Links of the given schemata that touch any of `ids` (as source or target), with their properties. */
export async function linksTouching(
  scope: CaseScope,
  schemata: readonly string[],
  ids: readonly string[],
): Promise<{ id: string; schema: string; source_id: string | null; target_id: string | null; properties: string }[]> {
  const out: { id: string; schema: string; source_id: string | null; target_id: string | null; properties: string }[] =
    [];
  for (let i = 0; i < ids.length; i += 200) {
    const part = ids.slice(i, i + 200);
    out.push(
      ...(await scope
        .selectFrom('entities')
        .select(['id', 'schema', 'source_id', 'target_id', 'properties'])
        .where('schema', 'in', [...schemata])
        .where((eb) => eb.or([eb('source_id', 'in', part), eb('target_id', 'in', part)]))
        .execute()),
    );
  }
  return out;
}

/** Entities a partial share's agency may see, as captured by that agency. */
export async function shareEntitiesWith(
  scope: CaseScope,
  agencyId: string,
  entityIds: readonly string[],
): Promise<void> {
  await scope
    .insertInto(
      'case_share_entities',
      entityIds.map((id) => ({ agency_id: agencyId, entity_id: id })),
    )
    .execute();
}

/** Every evidence file's id, oldest first. */
export async function evidenceFileIds(scope: CaseScope): Promise<string[]> {
  const rows = await scope.selectFrom('case_files').select(['id']).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** One evidence file as stored (encrypted): the evidence check decrypts it itself. */
export async function storedEvidenceFile(scope: CaseScope, id: string): Promise<CaseFilesTable | undefined> {
  return scope.selectFrom('case_files').selectAll().where('id', '=', id).executeTakeFirst();
}
