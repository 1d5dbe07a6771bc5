/**
 * CROSS-CASE HIT/NO-HIT — the one deliberate, audited exception to case scoping and to "a case
 * you may not reach does not exist". When a selector (phone, IBAN, account, e-mail, plate,
 * document number) of a case also occurs in another case of this deployment, both cases get a
 * hit notice: the checking user learns that a hit exists, on which of their own entities, and
 * whom to contact (the other case's lead: name and agency); the other case's lead is notified
 * and sees the same from their side. Neither sees the other's data until one shares
 * (cooperation requests, ./requests.ts, then the cases capability's sharing).
 *
 * This file is the only code that decides what a cross-case lookup reveals; the lookup itself is
 * store/repos/cooperation/selectorDirectory.ts, the only code that reads other cases' selectors.
 * Keep both true: nothing else calls the directory, and nothing here passes on more than that a
 * hit exists, on which of the reader's own entities, and whom to contact.
 *
 * Only operational cases take part: training sandboxes (one cohort's sandboxes hold the same
 * synthetic selectors, and a hit would reveal that other trainees' sandboxes exist) and demo
 * cases neither find nor are found. A case whose handling code forbids dissemination (H2)
 * takes no part either. Every hit is recorded in both cases' audit chains.
 */
import { handlingCodeOf } from '../../domain/access/handlingCodes.ts';
import { hitSelectorKinds } from '../../shared/contracts/cooperation.ts';
import type { HitNoticeOut } from '../../shared/contracts/cooperation.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import type { CaseRow } from '../../store/repos/cases/cases.ts';
import { listNoticeRows, updateNotice } from '../../store/repos/cooperation/notices.ts';
import { caseSelectorsOfKinds } from '../../store/repos/cooperation/psi.ts';
import { crossCaseSelectorHits } from '../../store/repos/cooperation/selectorDirectory.ts';
import type { Store } from '../../store/store.ts';
import { visibilityOf } from '../access/index.ts';
import { recordEntry } from '../audit/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { leadContact } from './contacts.ts';
import { notify, presentNotice, upsertNotice } from './notices.ts';
import type { Contact, NoticeRow } from './notices.ts';

const refusesDissemination = (c: CaseRow): boolean => handlingCodeOf(c.handling_code)?.share === 'refused';

/** Per other case: my entities and theirs that share a selector, each with the kinds shared. */
interface Pair {
  mine: Map<string, Set<string>>;
  theirs: Map<string, Set<string>>;
}

const kindsOf = (m: Map<string, Set<string>>): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const ks of m.values()) for (const k of ks) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
};

const takesPart = (c: CaseRow | undefined): c is CaseRow =>
  !!c && c.purpose === 'operational' && !refusesDissemination(c);

/** Where the case's selectors occur in other cases that take part, paired per other case. */
async function pairsOf(store: Store, caseId: string, own: { kind: string; value: string; entity_id: string }[]) {
  const occurrences = await crossCaseSelectorHits(store.db, caseId, own);
  const ownBy = new Map<string, string[]>();
  for (const s of own)
    ownBy.set(`${s.kind}\u0000${s.value}`, [...(ownBy.get(`${s.kind}\u0000${s.value}`) ?? []), s.entity_id]);
  const pairs = new Map<string, Pair>();
  const cases = new Map<string, CaseRow | undefined>();
  for (const o of occurrences) {
    if (!cases.has(o.caseId)) cases.set(o.caseId, await getCase(store.scope(o.caseId)));
    if (!takesPart(cases.get(o.caseId))) continue;
    const pair = pairs.get(o.caseId) ?? { mine: new Map(), theirs: new Map() };
    pairs.set(o.caseId, pair);
    const key = `${o.kind}\u0000${o.value}`;
    for (const e of ownBy.get(key) ?? []) pair.mine.set(e, (pair.mine.get(e) ?? new Set()).add(o.kind));
    pair.theirs.set(o.entityId, (pair.theirs.get(o.entityId) ?? new Set()).add(o.kind));
  }
  return pairs;
}

/** Writes the notice on both sides of one hit, links them, and tells the other case's leads. */
async function writePair(store: Store, caseId: string, otherId: string, pair: Pair, now: string) {
  const myContact = await leadContact(store, caseId);
  const theirContact = await leadContact(store, otherId);
  const side = (role: 'finder' | 'found', counterpartCaseId: string, m: Map<string, Set<string>>, c: Contact) => ({
    origin: 'case' as const,
    role,
    counterpartCaseId,
    agreementId: null,
    counterpartRef: null,
    kinds: kindsOf(m),
    entityIds: [...m.keys()],
    contact: c,
  });
  return store.transaction(async (trx) => {
    const mineScope = store.scope(caseId).in(trx);
    const theirScope = store.scope(otherId).in(trx);
    const mine = await upsertNotice(mineScope, side('finder', otherId, pair.mine, theirContact), now);
    const theirs = await upsertNotice(theirScope, side('found', caseId, pair.theirs, myContact), now);
    if (mine.created || !mine.row.counterpart_notice_id)
      await updateNotice(mineScope, mine.row.id, { counterpart_notice_id: theirs.row.id });
    if (theirs.created || !theirs.row.counterpart_notice_id)
      await updateNotice(theirScope, theirs.row.id, { counterpart_notice_id: mine.row.id });
    if (theirs.created) await notify(theirScope, theirContact.leadIds, 'hit', theirs.row.id, now);
    return { mine: mine.row, theirs: theirs.row, otherCaseId: otherId };
  });
}

/**
 * Looks the case's selectors up in every other case and writes a hit notice on both sides of
 * each hit. Returns the notices of this case, as the actor may see them. The check's record, in
 * this case's chain, names the notices written here; each other case's chain records its side of
 * the hit as well (its lead must be able to see who found it), so a check that finds hits in N
 * other cases leaves 1 + N records.
 */
export const checkCrossCaseHits = caseUseCase({
  permission: 'case:write',
  audit: { action: 'combination', target: 'hit' },
  run: async ({ store, actor, caller, caseId, access, audit }) => {
    const found = await crossCaseCheck(store, caseId);
    // Who checked and which notices; no selector values.
    for (const w of found.written)
      await recordEntry(store, {
        caseId: w.otherCaseId,
        userId: actor.id,
        action: 'combination',
        targetType: 'hit',
        targetId: w.theirs.id,
        ip: caller.ip,
        detail: { noticeId: w.theirs.id, via: 'crossCase', role: 'found' },
      });
    const mine = found.written.map((w) => w.mine.id);
    const only = mine.length === 1 ? mine[0] : undefined;
    if (only) audit.target(only);
    const v = await visibilityOf(store, access);
    const notices: HitNoticeOut[] = found.ran
      ? (await listNoticeRows(store.scope(caseId))).map((r) => presentNotice(r, v))
      : [];
    audit.detail({ ...(only ? { noticeId: only } : {}), via: 'crossCase', role: 'finder', count: notices.length });
    if (mine.length > 1) audit.returned(mine);
    return { checked: found.checked, notices };
  },
});

async function crossCaseCheck(
  store: Store,
  caseId: string,
): Promise<{ ran: boolean; checked: number; written: { mine: NoticeRow; theirs: NoticeRow; otherCaseId: string }[] }> {
  const kase = await getCase(store.scope(caseId));
  if (!takesPart(kase)) return { ran: false, checked: 0, written: [] };
  const own = await caseSelectorsOfKinds(store.scope(caseId), hitSelectorKinds);
  const pairs = await pairsOf(store, caseId, own);
  const now = new Date().toISOString();
  const written = [];
  for (const [otherId, pair] of pairs) written.push(await writePair(store, caseId, otherId, pair, now));
  return { ran: true, checked: own.length, written };
}
