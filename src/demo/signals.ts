/**
 * The signals detectors use, measured straight from a generated scenario's entities, statement
 * lines and ad captures — never from the ground truth, which is used only to split the population
 * into innocent and planted. `honesty.test.ts` asserts that innocent people, accounts, firms and
 * ads carry every signal at a stated rate, so no detector can score merely because ordinary life
 * in the scenario lacks the signal.
 */
import type { EntityRecord, TransactionRecord } from '../domain/records.ts';
import { maxPlacesInWindow } from '../domain/finance/rules/funnelAccount.ts';
import { P, S } from './constants.ts';
import { idsInRange, type GroundTruth } from './groundTruth.ts';
import { MONEY_TRANSFER_SERVICE } from './places.ts';
import { WAGE_NORM_MINOR } from './rates.ts';

export interface Populations {
  persons: { innocent: Set<string>; planted: Set<string> };
  accounts: { innocent: Set<string>; planted: Set<string>; background: Set<string> };
  companies: { innocent: Set<string>; planted: Set<string> };
  ads: { innocent: Set<string>; planted: Set<string> };
}

/** Innocent vs planted, from the truth. Duplicate records are left out (they are copies, not people). */
export function populations(gt: GroundTruth, entities: readonly EntityRecord[]): Populations {
  const out: Populations = {
    persons: { innocent: new Set(), planted: new Set() },
    accounts: { innocent: new Set(), planted: new Set(), background: new Set() },
    companies: { innocent: new Set(), planted: new Set() },
    ads: { innocent: new Set(), planted: new Set() },
  };
  for (const p of gt.persons) {
    if (p.isDuplicateOf) continue;
    (p.networkId === null && p.proceduralStatus === 'none' ? out.persons.innocent : out.persons.planted).add(p.id);
  }
  for (const a of gt.accounts) (a.nature === 'clean' ? out.accounts.innocent : out.accounts.planted).add(a.id);
  for (const c of gt.companies) (c.nature === 'legitimate' ? out.companies.innocent : out.companies.planted).add(c.id);
  for (const b of gt.background) {
    for (const id of idsInRange(b.persons)) out.persons.innocent.add(id);
    for (const id of idsInRange(b.accounts)) {
      out.accounts.innocent.add(id);
      out.accounts.background.add(id);
    }
  }
  const networkAds = new Set(gt.adPhotoGroups.flatMap((g) => g.adIds));
  for (const e of entities)
    if (e.schema === S.OnlineAd) (networkAds.has(e.id) ? out.ads.planted : out.ads.innocent).add(e.id);
  return out;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY);
const WAGE_TEXT = /palk|alga|wynagrodzenie|salary|wage/i;

function linesByAccount(transactions: readonly TransactionRecord[]): Map<string, TransactionRecord[]> {
  const out = new Map<string, TransactionRecord[]>();
  for (const t of transactions) {
    const list = out.get(t.accountId);
    if (list) list.push(t);
    else out.set(t.accountId, [t]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.bookingDate < b.bookingDate ? -1 : 1));
  return out;
}

const isWage = (t: TransactionRecord) =>
  t.amountMinor > 0 && (t.kind === 'salary' || (t.kind === 'transfer' && WAGE_TEXT.test(t.text ?? '')));

/** Per account: which money signals its statement shows. */
export interface AccountSignals {
  anyCash: boolean;
  cashDeposit: boolean;
  /** Cash deposited in three or more places within 31 days (the funnel-account pattern). */
  cashDepositsSeveralPlaces: boolean;
  /** In two or more months, 30% or more of a wage taken out in cash within a day. */
  cashSoonAfterWages: boolean;
  /** Receives wages, and the typical (median) wage credit is below the norm. */
  belowNormWage: boolean | null;
  remittances: boolean;
}

export function accountSignals(transactions: readonly TransactionRecord[]): Map<string, AccountSignals> {
  const out = new Map<string, AccountSignals>();
  for (const [accountId, lines] of linesByAccount(transactions)) {
    const deposits = lines
      .filter((t) => t.kind === 'cash-deposit' && t.amountMinor > 0)
      .map((t) => ({ day: dayOf(t.bookingDate), place: t.place ?? '' }));
    const withdrawals = lines.filter((t) => t.kind === 'cash-withdrawal' && t.amountMinor < 0);
    const wages = lines.filter(isWage);
    let cycles = 0;
    for (const w of wages) {
      const d = dayOf(w.bookingDate);
      const cash = withdrawals
        .filter((t) => dayOf(t.bookingDate) >= d && dayOf(t.bookingDate) <= d + 1)
        .reduce((sum, t) => sum - t.amountMinor, 0);
      if (cash >= 0.3 * w.amountMinor) cycles++;
    }
    const sorted = wages.map((w) => w.amountMinor).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    out.set(accountId, {
      anyCash: deposits.length > 0 || withdrawals.length > 0,
      cashDeposit: deposits.length > 0,
      cashDepositsSeveralPlaces: maxPlacesInWindow(deposits, 31) >= 3,
      cashSoonAfterWages: cycles >= 2,
      // Wage-earners only: paid at least six times in the year (a job, not one invoice).
      belowNormWage: wages.length >= 6 && median !== undefined ? median < WAGE_NORM_MINOR : null,
      remittances: lines.some((t) => t.amountMinor < 0 && t.counterpartyName === MONEY_TRANSFER_SERVICE),
    });
  }
  return out;
}

const phoneKey = (v: string) => v.replace(/\D/g, '').replace(/^00/, '').slice(-8);

/** Per person: shared phone, shared address, missing birth date. */
export function personSignals(
  entities: readonly EntityRecord[],
  persons: ReadonlySet<string>,
): Map<string, { sharedPhone: boolean; sharedAddress: boolean; missingBirthDate: boolean }> {
  const byPhone = new Map<string, number>();
  const byAddress = new Map<string, number>();
  const people = entities.filter((e) => e.schema === S.Person && persons.has(e.id));
  for (const e of people) {
    for (const ph of e.properties[P.phone] ?? []) byPhone.set(phoneKey(ph), (byPhone.get(phoneKey(ph)) ?? 0) + 1);
    for (const a of e.properties[P.addressEntity] ?? []) byAddress.set(a, (byAddress.get(a) ?? 0) + 1);
  }
  const out = new Map<string, { sharedPhone: boolean; sharedAddress: boolean; missingBirthDate: boolean }>();
  for (const e of people)
    out.set(e.id, {
      sharedPhone: (e.properties[P.phone] ?? []).some((ph) => (byPhone.get(phoneKey(ph)) ?? 0) > 1),
      sharedAddress: (e.properties[P.addressEntity] ?? []).some((a) => (byAddress.get(a) ?? 0) > 1),
      missingBirthDate: e.properties[P.birthDate] === undefined,
    });
  return out;
}

/** Per company: a dissolution date; a Succession link (either side). */
export function companySignals(
  entities: readonly EntityRecord[],
): Map<string, { dissolved: boolean; succession: boolean }> {
  const inSuccession = new Set<string>();
  for (const e of entities)
    if (e.schema === S.Succession)
      for (const id of [...(e.properties[P.predecessor] ?? []), ...(e.properties[P.successor] ?? [])])
        inSuccession.add(id);
  const out = new Map<string, { dissolved: boolean; succession: boolean }>();
  for (const e of entities)
    if (e.schema === S.Company)
      out.set(e.id, { dissolved: e.properties[P.dissolutionDate] !== undefined, succession: inSuccession.has(e.id) });
  return out;
}

/** The photo of an ad capture with the one-pixel mark and the one-pixel shift taken out. */
export function photoBase(html: string): string {
  const svg = Buffer.from(/base64,([^"]+)"/.exec(html)?.[1] ?? '', 'base64').toString('utf8');
  return svg
    .replace(/<rect x="\d+" y="\d+" width="1" height="1" fill="#[0-9a-f]+"\/>/, '')
    .replace('translate(1 0)', 'translate(0 0)');
}

/** Ads whose photo is near-identical to another ad's photo. */
export function adsSharingPhotos(captures: readonly { adId: string; html: string }[]): Set<string> {
  const byBase = new Map<string, string[]>();
  for (const c of captures) {
    const base = photoBase(c.html);
    const list = byBase.get(base);
    if (list) list.push(c.adId);
    else byBase.set(base, [c.adId]);
  }
  return new Set([...byBase.values()].filter((ids) => ids.length > 1).flat());
}

/** Share of `ids` for which `has` is true (ids where it is undefined/null are not counted). */
export function rate(
  ids: Iterable<string>,
  has: (id: string) => boolean | null | undefined,
): { n: number; rate: number } {
  let n = 0;
  let yes = 0;
  for (const id of ids) {
    const v = has(id);
    if (v === null || v === undefined) continue;
    n++;
    if (v) yes++;
  }
  return { n, rate: n === 0 ? 0 : yes / n };
}
