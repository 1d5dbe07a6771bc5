/**
 * The mentions of one seized message or document as the analyst decides on them, and the
 * decision. Accepting links the document to the entity with a Documentation link (role
 * `mention`, the snippet as its summary); a strong identifier no entity holds yet becomes its
 * own node (Phone, EmailAddress, BankAccount) and goes through assembly, so it joins the case's
 * records as an imported one does. Rejecting removes the link an earlier acceptance wrote. The
 * decision is kept by the mention's kind and value, so it holds when the text is read again.
 *
 * For a caller without victim contact a mention of a protected person — by name, however
 * inflected, or by an identifier of theirs — shows the person's pseudonym in its value, its
 * words and its snippet (the one visibility model).
 */
import { createHash } from 'node:crypto';
import { pseudonymIn, valueKey } from '../../domain/access/visibility.ts';
import { snippetOf, type FoundMention } from '../../domain/mentions/index.ts';
import type { MentionDecisionIn, MentionListOut, MentionOut } from '../../shared/contracts/mentions.ts';
import { MENTION_LINK_ROLE } from '../../shared/contracts/mentions.ts';
import { errors } from '../../shared/errors.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { deleteEntity, getEntity, type EntityRow } from '../../store/repos/entities/entities.ts';
import { decisionsOn, saveDecision } from '../../store/repos/mentions/mentions.ts';
import { captionFor, requireOwnRecord, requireVisibleEntity, visibilityOf, type Visibility } from '../access/index.ts';
import { assemble, Redirects } from '../assembly/index.ts';
import { prepareAll, writePrepared } from '../entities/index.ts';
import { readable } from '../documents/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import {
  candidatesOf,
  caseReading,
  conversationOf,
  isStrong,
  keyed,
  mentionsOfText,
  TEXT_SCHEMATA,
  textOf,
} from './found.ts';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

function requireText(row: EntityRow): void {
  if (!TEXT_SCHEMATA.includes(row.schema)) throw errors.validation('Not a message or document', 'entityId');
}

/** Whom among the protected the mention names (its entity or the identifier's holder), or null. */
function protectedBy(v: Visibility, m: FoundMention, candidates: readonly EntityRow[]): string | null {
  if (v.victimContact && !v.only) return null;
  const p = v.protection;
  const hit = candidates.find((c) => p.pseudonymous.has(c.id) || p.withheld.has(c.id));
  if (hit) return hit.id;
  return p.values.get(valueKey(m.raw)) ?? p.values.get(valueKey(m.value)) ?? null;
}

/**
 * The text as the caller may read it, with where each mention now stands: protected mentions by
 * pseudonym (a name however inflected, an identifier however written), the words between them
 * through the one visibility model. A protected person's name is always a mention of its own, so
 * reading the words between mentions apart hides nothing.
 */
function shownText(
  v: Visibility,
  text: string,
  found: readonly { mention: FoundMention; shown: string | null }[],
): { text: string; at: { start: number; end: number }[]; redacted: boolean } {
  let out = '';
  let from = 0;
  let redacted = false;
  const at: { start: number; end: number }[] = [];
  for (const { mention: m, shown } of found) {
    const between = readable(v, text.slice(from, m.start));
    redacted ||= between.redacted;
    out += between.text;
    const start = out.length;
    out += shown ?? m.raw;
    at.push({ start, end: out.length });
    from = m.end;
  }
  const rest = readable(v, text.slice(from));
  return { text: out + rest.text, at, redacted: redacted || rest.redacted };
}

async function present(
  scope: CaseScope,
  v: Visibility,
  document: EntityRow,
  found: readonly { key: string; mention: FoundMention }[],
): Promise<MentionOut[]> {
  const decisions = new Map((await decisionsOn(scope, [document.id])).map((d) => [`${d.kind}\u0000${d.value}`, d]));
  const read = await Promise.all(
    found.map(async ({ key, mention: m }) => {
      const candidates = await candidatesOf(scope, m, document.id);
      const protectedId = protectedBy(v, m, candidates);
      return { key, mention: m, candidates, shown: protectedId ? `[${pseudonymIn(v.protection, protectedId)}]` : null };
    }),
  );
  const full = v.victimContact && !v.only;
  const shown = full ? null : shownText(v, textOf(document), read);
  return read.map(({ key, mention: m, candidates, shown: pseudonym }, i) => {
    const d = decisions.get(`${m.kind}\u0000${m.value}`);
    const place = shown?.at[i];
    return {
      key,
      kind: m.kind,
      value: pseudonym ?? m.value,
      raw: pseudonym ?? m.raw,
      start: m.start,
      end: m.end,
      snippet: shown && place ? snippetOf(shown.text, place.start, place.end) : m.snippet,
      strong: isStrong(m),
      candidates: candidates
        .filter((c) => !v.protection.withheld.has(c.id))
        .map((c) => ({ id: c.id, schema: c.schema, caption: captionFor(v, c) })),
      decision: d ? (d.decision as 'accepted' | 'rejected') : null,
      entityId: d?.entity_id ?? null,
      linkId: d?.link_id ?? null,
      redacted: pseudonym !== null,
    };
  });
}

export const documentMentions = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'mentions', targetOf: (i: { entityId: string }) => i.entityId },
  run: async ({ store, caseId, access }, { entityId }: { entityId: string }): Promise<MentionListOut> => {
    const scope = store.scope(caseId);
    const v = await visibilityOf(store, access);
    const row = await requireVisibleEntity(store, access, v, entityId);
    requireText(row);
    const found = keyed(mentionsOfText(await caseReading(scope), row, await conversationOf(scope, row)));
    return { documentId: row.id, mentions: await present(scope, v, row, found) };
  },
});

const NODE_OF: Partial<Record<FoundMention['kind'], (value: string) => { schema: string; properties: object }>> = {
  phone: (value) => ({ schema: 'Phone', properties: { number: [value] } }),
  email: (value) => ({ schema: 'EmailAddress', properties: { address: [value] } }),
  iban: (value) => ({ schema: 'BankAccount', properties: { iban: [value] } }),
};

export const decideMention = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'mention', targetOf: (i: { entityId: string }) => i.entityId },
  run: async (
    { store, caseId, actor, access, audit },
    input: { entityId: string } & MentionDecisionIn,
  ): Promise<MentionListOut> => {
    if (access.partial)
      throw errors.forbidden('Your agency holds part of this case: link records through the entity forms');
    const scope = store.scope(caseId);
    const v = await visibilityOf(store, access);
    const row = await requireVisibleEntity(store, access, v, input.entityId);
    requireText(row);
    const reading = await caseReading(scope);
    const found = keyed(mentionsOfText(reading, row, await conversationOf(scope, row)));
    const m = found.find((f) => f.key === input.key)?.mention;
    if (!m) throw errors.validation(`No mention ${input.key} in this text`, 'key');
    const candidates = (await candidatesOf(scope, m, row.id)).filter((c) => !v.protection.withheld.has(c.id));
    const at = new Date().toISOString();
    const rec = { userId: actor.id, at, provenanceSourceId: row.provenance_source_id };
    await store.transaction(async (trx) => {
      const tx = scope.in(trx);
      const earlier = (await decisionsOn(tx, [row.id])).find((d) => d.kind === m.kind && d.value === m.value);
      if (earlier?.link_id) {
        const link = await getEntity(tx, earlier.link_id);
        if (link) {
          await requireOwnRecord(store, access, link.recorded_by);
          await deleteEntity(tx, link, rec);
        }
      }
      let target: string | null = null;
      let linkId: string | null = null;
      if (input.decision === 'accepted') {
        target = await targetOf(tx, reading.country, rec, m, candidates, input.candidateId, access.via === 'member');
        linkId = `mention-${sha1(`${row.id}\u0000${m.kind}\u0000${m.value}\u0000${at}`)}`;
        const link = {
          id: linkId,
          schema: 'Documentation',
          properties: { document: [row.id], entity: [target], role: [MENTION_LINK_ROLE], summary: [m.snippet] },
        };
        await writePrepared(tx, prepareAll([link], reading.country, {}), rec, {});
      }
      await saveDecision(tx, {
        document_id: row.id,
        kind: m.kind,
        value: m.value,
        decision: input.decision,
        entity_id: target,
        link_id: linkId,
        snippet: m.snippet,
        text_offset: m.start,
        decided_by: actor.id,
        decided_at: at,
      });
      audit.detail({ key: input.key, kind: m.kind, decision: input.decision, entityId: target, linkId });
    });
    return { documentId: row.id, mentions: await present(scope, v, row, found) };
  },
});

/** The entity an accepted mention links to: the chosen candidate, the first, or a new node assembly joins. */
async function targetOf(
  tx: CaseScope,
  country: string,
  rec: { userId: string; at: string; provenanceSourceId: string | null },
  m: FoundMention,
  candidates: readonly EntityRow[],
  chosen: string | undefined,
  /** Assembly joins records only for the case's own members, as on import. */
  assembles: boolean,
): Promise<string> {
  if (chosen !== undefined) {
    if (!candidates.some((c) => c.id === chosen))
      throw errors.validation('Not an entity this mention could link to', 'candidateId');
    return chosen;
  }
  const [firstCandidate] = candidates;
  if (firstCandidate) return firstCandidate.id;
  const node = NODE_OF[m.kind]?.(m.value);
  if (!node) throw errors.validation('No entity of the case carries this; record it first', 'key');
  const id = `mention-node-${sha1(`${m.kind}\u0000${m.value}`)}`;
  const existing = await getEntity(tx, id);
  if (!existing) await writePrepared(tx, prepareAll([{ id, ...node }], country, {}), rec, {});
  if (!assembles) return id;
  const redirects = await Redirects.load(tx);
  await assemble(tx, redirects, [id], { country, by: rec.userId, at: rec.at, sourceId: rec.provenanceSourceId ?? '' });
  return (await Redirects.load(tx)).idOf(id);
}
