/** Exports of a case's entities, streamed page by page so a large case never sits in memory. */
import type { EntityRecord, Grading } from '../domain/records.ts';
import { exportFtm } from '../ingest/formats/index.ts';
import type { ExportFtmOptions } from '../ingest/formats/index.ts';
import { listEntities } from '../store/repos/entities.ts';
import type { Store } from '../store/store.ts';

export async function* caseEntities(store: Store, caseId: string, pageSize = 1000): AsyncGenerator<EntityRecord> {
  const scope = store.scope(caseId);
  let after: { caption: string; id: string } | undefined;
  for (;;) {
    const rows = await listEntities(scope, { after, limit: pageSize });
    for (const r of rows) {
      yield {
        id: r.id,
        schema: r.schema,
        properties: JSON.parse(r.properties) as Record<string, string[]>,
        grading: { reliability: r.reliability as Grading['reliability'], information: r.information as Grading['information'] },
      };
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = { caption: last.caption, id: last.id };
  }
}

/** The case as FollowTheMoney entity JSON lines. */
export function exportCaseFtm(store: Store, caseId: string, options: ExportFtmOptions = {}): AsyncGenerator<string> {
  return exportFtm(caseEntities(store, caseId), options);
}
