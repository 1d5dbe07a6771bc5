/**
 * Reading a case's bank data for the financial rules, flows and proceeds: the account and holder
 * metadata (entities, Ownership/Accommodation/Control links, phone and e-mail selectors, captured
 * ads) once, and the statement lines streamed account by account in booking order, in batches of
 * whole accounts — memory stays at one batch however many lines the case holds, and both dialects
 * read through the same repository queries.
 */
import { Classifier } from '../../domain/finance/classify.ts';
import { dayOf } from '../../domain/finance/dates.ts';
import type {
  AccountHistory,
  AccountMeta,
  AdMeta,
  FinanceContext,
  HolderMeta,
  RecordedFee,
  Tx,
} from '../../domain/finance/types.ts';
import { familyKey } from '../../domain/entity/households.ts';
import { foldAddress } from '../../domain/selectors/index.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import {
  contactNodes,
  contactSelectors,
  dataVersionOf as versionOf,
  entitiesOfSchema,
  entityKinds,
  householdLinks,
  ID_CHUNK,
  lineBatch,
  lineCounts,
  ownershipLinks,
} from '../../store/repos/finance/analysis.ts';

type Props = Record<string, string[] | undefined>;
const parse = (text: string): Props => {
  try {
    return JSON.parse(text) as Props;
  } catch {
    return {};
  }
};

/**
 * The fee a Recruitment record says the recruited person was charged, in minor units; null when it
 * gives none, zero or no plain amount ("600", "600.00", "1 200,50"). Without a currency the ISO code
 * for none (XXX) keeps the amount from being read as euros.
 */
export function recordedFee(p: Props): Omit<RecordedFee, 'recruitedId'> | null {
  const text = (p.fee?.[0] ?? '').replace(/[\s\u00a0]/g, '').replace(',', '.');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const amountMinor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!amountMinor) return null;
  return { amountMinor, currency: (p.currency?.[0] ?? '').trim().toUpperCase() || 'XXX' };
}

const HOLDER_SCHEMATA = ['Person', 'Company', 'LegalEntity', 'Organization', 'PublicBody'];

/** Lower-case host of a URL or a bare site name; null when there is none. */
export function hostOf(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  try {
    return new URL(t.includes('://') ? t : `https://${t}`).hostname || null;
  } catch {
    return null;
  }
}

export async function loadFinanceContext(scope: CaseScope): Promise<FinanceContext> {
  const accounts = new Map<string, AccountMeta>();
  for (const r of await entitiesOfSchema(scope, 'BankAccount')) {
    const p = parse(r.properties);
    const opening = p.openingDate?.[0];
    accounts.set(r.id, {
      id: r.id,
      label: p.iban?.[0] ?? p.accountNumber?.[0] ?? r.caption,
      bankName: p.bankName?.[0] ?? p.bic?.[0] ?? null,
      openingDay: opening ? dayOf(opening) : null,
      holderIds: [],
    });
  }
  const holderIds = new Set<string>();
  for (const r of await ownershipLinks(scope)) {
    const acc = r.target_id ? accounts.get(r.target_id) : undefined;
    if (!acc || !r.source_id || acc.holderIds.includes(r.source_id)) continue;
    (acc.holderIds as string[]).push(r.source_id);
    holderIds.add(r.source_id);
  }

  const holders = new Map<
    string,
    HolderMeta & {
      phones: string[];
      emails: string[];
      addresses: string[];
      controllers: string[];
      recruiters: string[];
      feesCharged: RecordedFee[];
    }
  >();
  for (const r of await entityKinds(scope, [...holderIds])) {
    if (!HOLDER_SCHEMATA.includes(r.schema)) continue;
    const p = parse(r.properties);
    const addresses = [...(p.addressEntity ?? []), ...(p.address ?? []).map((a) => `text:${foldAddress(a)}`)];
    const names =
      r.schema === 'Person'
        ? { firstName: p.firstName?.[0] ?? null, lastName: p.lastName?.[0] ?? null, name: p.name?.[0] ?? null }
        : undefined;
    holders.set(r.id, {
      id: r.id,
      schema: r.schema,
      phones: [],
      emails: [],
      addresses,
      controllers: [],
      recruiters: [],
      feesCharged: [],
      names,
    });
  }
  const links = await householdLinks(scope);
  const family = new Set<string>();
  for (const l of links) {
    if (l.schema === 'Family') {
      if (l.source_id && l.target_id) family.add(familyKey(l.source_id, l.target_id));
    } else if (l.schema === 'Accommodation') {
      const h = l.source_id ? holders.get(l.source_id) : undefined;
      if (!h) continue;
      if (l.target_id && !h.addresses.includes(l.target_id)) h.addresses.push(l.target_id);
      for (const by of parse(l.properties).housedBy ?? []) if (by !== h.id) h.controllers.push(by);
    } else if (l.schema === 'Recruitment') {
      const h = l.target_id ? holders.get(l.target_id) : undefined;
      if (h && l.source_id && l.source_id !== h.id) h.recruiters.push(l.source_id);
      const recruiter = l.source_id ? holders.get(l.source_id) : undefined;
      const fee = recordedFee(parse(l.properties));
      if (recruiter && l.target_id && l.target_id !== recruiter.id && fee)
        recruiter.feesCharged.push({ recruitedId: l.target_id, ...fee });
    } else {
      const h = l.target_id ? holders.get(l.target_id) : undefined;
      if (h && l.source_id && l.source_id !== h.id) h.controllers.push(l.source_id);
    }
  }

  const nodes = new Map((await contactNodes(scope)).map((r) => [r.id, r]));
  const ads = new Map<string, AdMeta & { phones: string[]; emails: string[] }>();
  for (const n of await entitiesOfSchema(scope, 'OnlineAd')) {
    const p = parse(n.properties);
    const sites = [...new Set([...(p.site ?? []), ...(p.url ?? [])].map(hostOf).filter((h): h is string => !!h))];
    ads.set(n.id, { id: n.id, sites, phones: [], emails: [] });
  }
  const phoneNodes = new Map<string, string>();
  const emailNodes = new Map<string, string>();
  const selectors = await contactSelectors(scope);
  for (const s of selectors) {
    const kind = s.kind as 'phone' | 'email';
    const holder = holders.get(s.entity_id);
    if (holder) (kind === 'phone' ? holder.phones : holder.emails).push(s.value);
    const ad = ads.get(s.entity_id);
    if (ad) (kind === 'phone' ? ad.phones : ad.emails).push(s.value);
    const node = nodes.get(s.entity_id);
    if (node?.schema === 'Phone' && kind === 'phone') phoneNodes.set(s.value, s.entity_id);
    if (node?.schema === 'EmailAddress' && kind === 'email') emailNodes.set(s.value, s.entity_id);
  }
  return {
    accounts,
    holders,
    ads: [...ads.values()],
    contactNodes: { phone: phoneNodes, email: emailNodes },
    family,
  };
}

export interface StreamOptions {
  /** Only these accounts (a partial share, or the accounts of interest). */
  accountIds?: readonly string[] | undefined;
  /** Statement lines per batch read from the store. */
  batchRows?: number;
  classifier?: Classifier;
  onProgress?: (transactions: number) => void;
}

/**
 * Statement lines per account in booking-date order (within a day: id order), one account at a
 * time, read in batches of whole accounts through the finance repository — the one read path of
 * both dialects. Measured with bench/financePhase.ts (rules over a generated case of 190,944
 * lines, file-backed SQLite, two runs each): a raw single-pass reader on a read-only connection
 * of its own took 1.28–1.34 s (peak 203–206 MB); these batches take 1.77–1.87 s (246–282 MB);
 * the same batches as raw prepared statements took 1.77–1.91 s, so they gained nothing. The
 * single pass would save about 0.5 s per 200,000 lines; one path for both databases is kept.
 */
export async function* streamHistories(scope: CaseScope, opts: StreamOptions = {}): AsyncGenerator<AccountHistory> {
  const classifier = opts.classifier ?? new Classifier();
  const batchRows = opts.batchRows ?? 20_000;
  const counts = await lineCounts(scope, opts.accountIds);
  counts.sort((a, b) => (a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0));

  let read = 0;
  for (let i = 0; i < counts.length;) {
    const batch: string[] = [];
    let rows = 0;
    while (
      i < counts.length &&
      batch.length < ID_CHUNK &&
      (rows === 0 || rows + Number(counts[i]?.n ?? 0) <= batchRows)
    ) {
      const c = counts[i++];
      if (!c) break;
      batch.push(c.account_id);
      rows += Number(c.n);
    }
    const lines = await lineBatch(scope, batch);
    let current: Tx[] = [];
    let account: string | null = null;
    for (const r of lines) {
      if (r[1] !== account) {
        if (account !== null) yield { accountId: account, txs: current };
        account = r[1];
        current = [];
      }
      current.push(
        classifier.toTx({
          id: r[0],
          accountId: r[1],
          counterpartyAccountId: r[2],
          counterpartyAccount: r[3],
          counterpartyName: r[4],
          amount: r[5],
          currency: r[6],
          bookingDate: r[7],
          text: r[8],
          reference: r[9],
          kind: r[10],
          place: r[11],
        }),
      );
    }
    if (account !== null) yield { accountId: account, txs: current };
    read += lines.length;
    opts.onProgress?.(read);
  }
}

/** The case's data version: findings made at another version are out of date. */
export const dataVersionOf = (scope: CaseScope): Promise<string> => versionOf(scope);
