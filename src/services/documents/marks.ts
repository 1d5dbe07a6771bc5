/**
 * Indicator language found in the case's messages, offered in the assessment editor as
 * candidate evidence: each mark names the phrase, the ILO indicator it may show and a snippet,
 * read through the one visibility model. Messages linked to the person assessed come first.
 */
import { ILO_TO_DELPHI } from '../../domain/indicators/index.ts';
import type { IndicatorMarkOut, IndicatorMarksOut } from '../../shared/contracts/documents.ts';
import { indicatorMarks, searchDocumentIndex } from '../../store/repos/documents/documentIndex.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import { canSee, requireVisibleEntity, visibilityOf } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { ensureDocumentIndex, partiesOf } from './indexing.ts';
import { first, partyNames, propsOf, readable } from './parts.ts';

const CATEGORIES = new Set(['recruitment', 'debt', 'documents', 'control']);
const LINKED_LIMIT = 2000;

export const listIndicatorMarks = caseUseCase({
  permission: 'case:read',
  audit: {
    action: 'consultation',
    target: 'indicatorMarks',
    targetOf: (i: { person?: string | undefined }) => i.person,
  },
  run: async (
    { store, caseId, access, audit },
    { person, limit }: { person?: string | undefined; limit: number },
  ): Promise<IndicatorMarksOut> => {
    const scope = store.scope(caseId);
    const v = await visibilityOf(store, access);
    if (person) await requireVisibleEntity(store, access, v, person);
    await ensureDocumentIndex(store, caseId);
    const linked = person
      ? new Set(
          (
            await searchDocumentIndex(
              scope,
              store.dialect,
              { words: '', kinds: [], sender: null, recipient: null, from: null, to: null, linkedTo: person },
              LINKED_LIMIT,
            )
          ).map((h) => h.entityId),
        )
      : new Set<string>();
    const marks = [
      ...(linked.size ? await indicatorMarks(scope, limit, [...linked]) : []),
      ...(await indicatorMarks(scope, limit)),
    ];
    const rows = new Map(
      (
        await getEntities(
          scope,
          marks.map((m) => m.entity_id),
        )
      ).map((r) => [r.id, r]),
    );
    const parties = await partyNames(
      scope,
      v,
      [...rows.values()].flatMap((r) => (r.schema === 'Message' ? (propsOf(r)['sender'] ?? []) : [])),
    );
    const seen = new Set<string>();
    const out: IndicatorMarkOut[] = [];
    for (const m of marks) {
      const r = rows.get(m.entity_id);
      const key = `${m.entity_id}\u0000${m.ordinal}`;
      if (!r || !canSee(v, r.id) || seen.has(key) || !CATEGORIES.has(m.category)) continue;
      seen.add(key);
      const p = propsOf(r);
      const sender =
        r.schema === 'Message'
          ? (parties.get(first(p, 'sender') ?? '')?.name ?? null)
          : (partiesOf(r, new Map()).sender.map((s) => readable(v, s).text)[0] ?? null);
      out.push({
        entityId: r.id,
        schema: r.schema,
        ruleId: m.rule_id,
        category: m.category as IndicatorMarkOut['category'],
        indicator: m.indicator,
        items: [ILO_TO_DELPHI[m.indicator], `ilo.${m.indicator}`].filter((x): x is string => !!x),
        language: m.language,
        phrase: readable(v, m.phrase).text,
        snippet: readable(v, m.snippet).text,
        sender,
        date: first(p, 'date'),
        linked: linked.has(r.id),
      });
      if (out.length >= limit) break;
    }
    audit.returned([...new Set(out.map((m) => m.entityId))]);
    return { marks: out };
  },
});
