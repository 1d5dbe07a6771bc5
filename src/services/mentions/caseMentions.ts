/**
 * Every mention in every seized message and document of a case, read as the analyst's list
 * reads each one (the same extractor, names and countries): for measuring the extractor on a
 * whole case and for overviews. Protected persons' mentions come by pseudonym, as everywhere.
 */
import { pseudonymIn, valueKey } from '../../domain/access/visibility.ts';
import type { MentionKind } from '../../shared/contracts/mentions.ts';
import { visibilityOf } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { caseReading, conversationsOf, entitiesOf, mentionsOfText, propsOf, TEXT_SCHEMATA, textOf } from './found.ts';

export interface CaseMention {
  documentId: string;
  kind: MentionKind;
  value: string;
  /** The case's person or company a name mention names. */
  entityId: string | null;
}

export const caseMentions = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'mentions' },
  run: async ({ store, caseId, access, audit }): Promise<CaseMention[]> => {
    const scope = store.scope(caseId);
    const v = await visibilityOf(store, access);
    const reading = await caseReading(scope);
    const out: CaseMention[] = [];
    const seen: string[] = [];
    const hidden = (id: string | null, value: string) =>
      !(v.victimContact && !v.only) &&
      ((id !== null && (v.protection.pseudonymous.has(id) || v.protection.withheld.has(id))) ||
        v.protection.values.has(valueKey(value)));
    for await (const rows of entitiesOf(scope, TEXT_SCHEMATA)) {
      const conversations = conversationsOf(rows);
      for (const row of rows) {
        if (v.protection.withheld.has(row.id)) continue;
        if (!textOf(row)) continue;
        seen.push(row.id);
        const parent = propsOf(row)['parent']?.[0];
        for (const m of mentionsOfText(reading, row, parent ? conversations.get(parent) : '')) {
          const id = m.entityId ?? null;
          const owner = id ?? v.protection.values.get(valueKey(m.value)) ?? null;
          const value = hidden(id, m.value) && owner ? `[${pseudonymIn(v.protection, owner)}]` : m.value;
          out.push({ documentId: row.id, kind: m.kind, value, entityId: id });
        }
      }
    }
    audit.detail({ documents: seen.length, mentions: out.length });
    return out;
  },
});
