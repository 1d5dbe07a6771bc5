/**
 * CROSS-CASE HIT/NO-HIT — the one deliberate, audited exception to case scoping and to "a case
 * you may not reach does not exist". When a selector (phone, IBAN, account, e-mail, plate,
 * document number) of a case also occurs in another case of this deployment, both cases get a
 * hit notice: the checking user learns that a hit exists, on which of their own entities, and
 * whom to contact (the other case's lead: name and agency); the other case's lead is notified
 * and sees the same from their side. Neither sees the other's data until one shares
 * (cooperation requests, services/hitsCooperation.ts, then services/sharing.ts).
 *
 * Only operational cases take part: training sandboxes (one cohort's sandboxes hold the same
 * synthetic selectors, and a hit would reveal that other trainees' sandboxes exist) and demo
 * cases neither find nor are found. A case whose handling code forbids dissemination (H2)
 * takes no part either. Every hit is recorded in both cases' audit chains.
 */
import { handlingCodeOf } from '../../domain/access/handlingCodes.ts';
import { hitSelectorKinds } from '../../shared/contracts/cooperation.ts';
import type { HitNoticeOut } from '../../shared/contracts/cooperation.ts';
import { getAgency } from '../../store/repos/access/agencies.ts';
import { recordAudit } from '../../store/repos/audit/records.ts';
import { getCase, listMembers } from '../../store/repos/cases/cases.ts';
import type { CaseRow } from '../../store/repos/cases/cases.ts';
import { getUser } from '../../store/repos/access/users.ts';
import { crossCaseSelectorHits } from '../../store/repos/cooperation/selectorDirectory.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import { notify, presentNotice, upsertNotice } from './notices.ts';
import type { Contact, NoticeRow } from './notices.ts';
import type { CaseAccess } from '../access/policy.ts';
import { visibilityOf } from '../access/visibility.ts';

const refusesDissemination = (c: CaseRow): boolean => handlingCodeOf(c.handling_code)?.share === 'refused';

/** The case's lead as a contact: name and agency, nothing of the case itself. */
export async function leadContact(store: Store, caseId: string): Promise<Contact & { leadIds: string[] }> {
  const leads = (await listMembers(store.scope(caseId))).filter((m) => m.case_role === 'lead');
  const first = leads[0];
  const user = first ? await getUser(store.db, first.user_id) : undefined;
  const agency = user?.agency_id ? await getAgency(store.db, user.agency_id) : undefined;
  return {
    userId: user?.id ?? null,
    name: user?.display_name ?? '—',
    agency: agency?.name ?? '—',
    country: agency?.country ?? null,
    email: null,
    phone: null,
    leadIds: leads.map((l) => l.user_id),
  };
}

interface Pair {
  mine: Map<string, Set<string>>;
  theirs: Map<string, Set<string>>;
}

/**
 * Looks the case's selectors up in every other case and writes a hit notice on both sides of
 * each hit. Returns the notices of this case, as the actor may see them.
 */
export async function checkCrossCaseHits(
  store: Store,
  actor: Actor,
  access: CaseAccess,
): Promise<{ checked: number; notices: HitNoticeOut[] }> {
  const caseId = access.caseId;
  const kase = await getCase(store.scope(caseId));
  if (!kase || kase.purpose !== 'operational' || refusesDissemination(kase)) return { checked: 0, notices: [] };
  const own = await store
    .scope(caseId)
    .selectFrom('selectors')
    .select(['kind', 'value', 'entity_id'])
    .where('kind', 'in', [...hitSelectorKinds])
    .execute();
  const occurrences = await crossCaseSelectorHits(store.db, caseId, own);

  const ownBy = new Map<string, string[]>();
  for (const s of own)
    ownBy.set(`${s.kind}\u0000${s.value}`, [...(ownBy.get(`${s.kind}\u0000${s.value}`) ?? []), s.entity_id]);
  const pairs = new Map<string, Pair>();
  const cases = new Map<string, CaseRow | undefined>();
  for (const o of occurrences) {
    if (!cases.has(o.caseId)) cases.set(o.caseId, await getCase(store.scope(o.caseId)));
    const other = cases.get(o.caseId);
    if (!other || other.purpose !== 'operational' || refusesDissemination(other)) continue;
    const pair = pairs.get(o.caseId) ?? { mine: new Map(), theirs: new Map() };
    pairs.set(o.caseId, pair);
    const key = `${o.kind}\u0000${o.value}`;
    for (const e of ownBy.get(key) ?? []) pair.mine.set(e, (pair.mine.get(e) ?? new Set()).add(o.kind));
    pair.theirs.set(o.entityId, (pair.theirs.get(o.entityId) ?? new Set()).add(o.kind));
  }

  const now = new Date().toISOString();
  const myContact = await leadContact(store, caseId);
  const written: { mine: NoticeRow; theirs: NoticeRow; otherCaseId: string }[] = [];
  for (const [otherId, pair] of pairs) {
    const theirContact = await leadContact(store, otherId);
    const kindsOf = (m: Map<string, Set<string>>) => {
      const counts: Record<string, number> = {};
      for (const ks of m.values()) for (const k of ks) counts[k] = (counts[k] ?? 0) + 1;
      return counts;
    };
    await store.transaction(async (trx) => {
      const mine = await upsertNotice(
        store.scope(caseId).in(trx),
        {
          origin: 'case',
          role: 'finder',
          counterpartCaseId: otherId,
          agreementId: null,
          counterpartRef: null,
          kinds: kindsOf(pair.mine),
          entityIds: [...pair.mine.keys()],
          contact: theirContact,
        },
        now,
      );
      const theirs = await upsertNotice(
        store.scope(otherId).in(trx),
        {
          origin: 'case',
          role: 'found',
          counterpartCaseId: caseId,
          agreementId: null,
          counterpartRef: null,
          kinds: kindsOf(pair.theirs),
          entityIds: [...pair.theirs.keys()],
          contact: myContact,
        },
        now,
      );
      if (mine.created || !mine.row.counterpart_notice_id)
        await store
          .scope(caseId)
          .in(trx)
          .updateTable('hit_notices')
          .set({ counterpart_notice_id: theirs.row.id })
          .where('id', '=', mine.row.id)
          .execute();
      if (theirs.created || !theirs.row.counterpart_notice_id)
        await store
          .scope(otherId)
          .in(trx)
          .updateTable('hit_notices')
          .set({ counterpart_notice_id: mine.row.id })
          .where('id', '=', theirs.row.id)
          .execute();
      if (theirs.created) await notify(store.scope(otherId).in(trx), theirContact.leadIds, 'hit', theirs.row.id, now);
      written.push({ mine: mine.row, theirs: theirs.row, otherCaseId: otherId });
    });
  }
  // Both cases' audit chains record each hit: who checked, which notices. No selector values.
  for (const w of written) {
    await recordAudit(store.db, {
      caseId,
      userId: actor.id,
      action: 'combination',
      targetType: 'hit',
      targetId: w.mine.id,
      detail: { noticeId: w.mine.id, via: 'crossCase', role: 'finder' },
    });
    await recordAudit(store.db, {
      caseId: w.otherCaseId,
      userId: actor.id,
      action: 'combination',
      targetType: 'hit',
      targetId: w.theirs.id,
      detail: { noticeId: w.theirs.id, via: 'crossCase', role: 'found' },
    });
  }
  const v = await visibilityOf(store, access);
  const rows = await store
    .scope(caseId)
    .selectFrom('hit_notices')
    .selectAll()
    .orderBy('last_seen_at', 'desc')
    .execute();
  return { checked: own.length, notices: rows.map((r) => presentNotice(r, v)) };
}
