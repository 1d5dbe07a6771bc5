/**
 * Payments to escort or classified-ad sites (and the web hosting behind them), and account
 * holders whose phone or e-mail appears in the sex ads captured for the case. The sites come
 * from a word list and, above all, from the case's own captured ads: a payment to the site the
 * ads ran on is a strong signal, a word in a merchant's name a weaker one.
 */
import { z } from 'zod';
import { AD_SITE_WORDS, foldWords, HOSTING_WORDS, wordMatcher } from '../vocabulary.ts';
import type { AccountHistory, FinanceContext, Finding } from '../types.ts';
import { amount, capIds, clamp01, counted, money, period, plural, span } from './common.ts';
import { defineRule } from './rule.ts';

const parameters = z.object({
  words: z
    .array(z.string().min(2))
    .default([...AD_SITE_WORDS.words])
    .describe('Escort and ad-site words (entries ending in * match word starts)'),
  hostingWords: z
    .array(z.string().min(2))
    .default([...HOSTING_WORDS.words])
    .describe('Web-hosting words, reported alongside ad-site payments'),
  useCaseAds: z.boolean().default(true).describe('Also match the sites of the ads captured in the case'),
  minPayments: z.int().min(1).max(1000).default(2).describe('Payments to such sites'),
  minAdsWithContact: z.int().min(1).max(1000).default(1).describe('Captured ads giving a holder’s phone or e-mail'),
});

/** `seuraa-illaksi.example` → `seuraa-illaksi`: the part of a host name a statement prints. */
export function siteLabels(host: string): string[] {
  const parts = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.')
    .filter(Boolean);
  const labels = new Set<string>();
  if (parts.length) labels.add(parts.join('.'));
  const main = parts.length > 1 ? parts[parts.length - 2] : parts[0];
  if (main && main.length >= 4) labels.add(main);
  return [...labels];
}

export const adSitePayments = defineRule({
  id: 'adSitePayments',
  title: 'Payments to escort or classified-ad sites',
  source:
    'FATF/APG 2018; FinCEN FIN-2020-A008 (payments to escort and classified-ad websites and web hosting; phone numbers and e-mails of the account appearing in sex ads)',
  description:
    'Card or transfer payments to escort, adult or classified-ad sites (including the sites of the case’s captured ads), or a holder whose phone or e-mail is in those ads.',
  parameters,
  scanner(ctx: FinanceContext, p) {
    const caseSites = p.useCaseAds ? [...new Set(ctx.ads.flatMap((a) => a.sites.flatMap(siteLabels)))] : [];
    const siteMatcher = wordMatcher(caseSites);
    const wordsMatcher = wordMatcher(p.words);
    const hosting = wordMatcher(p.hostingWords);
    const cache = new Map<string, 0 | 1 | 2 | 3>();
    /** 3: a site of the case's ads; 2: an ad-site word; 1: hosting; 0: nothing. */
    const classify = (text: string): 0 | 1 | 2 | 3 => {
      let c = cache.get(text);
      if (c !== undefined) return c;
      const f = foldWords(text);
      c = caseSites.length && siteMatcher.test(f) ? 3 : wordsMatcher.test(f) ? 2 : hosting.test(f) ? 1 : 0;
      if (cache.size > 50_000) cache.clear();
      cache.set(text, c);
      return c;
    };
    // Holders whose phone or e-mail the captured ads give, with how many ads: worked out once.
    const adPhones = new Map<string, number>();
    const adEmails = new Map<string, number>();
    for (const ad of ctx.ads) {
      for (const ph of new Set(ad.phones)) adPhones.set(ph, (adPhones.get(ph) ?? 0) + 1);
      for (const em of new Set(ad.emails)) adEmails.set(em, (adEmails.get(em) ?? 0) + 1);
    }
    const adsOfHolder = new Map<string, number>();
    if (adPhones.size || adEmails.size) {
      for (const h of ctx.holders.values()) {
        let n = 0;
        for (const ph of h.phones) n += adPhones.get(ph) ?? 0;
        for (const em of h.emails) n += adEmails.get(em) ?? 0;
        if (n) adsOfHolder.set(h.id, n);
      }
    }
    const out: Finding[] = [];
    return {
      account(h: AccountHistory) {
        const sites: { id: string; day: number; amount: number; currency: string; strength: number }[] = [];
        const hostingIds: string[] = [];
        for (const t of h.txs) {
          if (t.amount >= 0) continue;
          const c = Math.max(t.cpName ? classify(t.cpName) : 0, t.text ? classify(t.text) : 0);
          if (c >= 2) sites.push({ id: t.id, day: t.day, amount: -t.amount, currency: t.currency, strength: c });
          else if (c === 1) hostingIds.push(t.id);
        }
        if (sites.length >= p.minPayments) {
          const strong = sites.filter((s) => s.strength === 3).length;
          const currency = sites[0]?.currency ?? 'EUR';
          const total = sites.reduce((a, s) => a + (s.currency === currency ? s.amount : 0), 0);
          out.push({
            rule: 'adSitePayments',
            key: 'payments',
            variant: 'payments',
            subjectId: h.accountId,
            subjectKind: 'account',
            score: clamp01(0.4 + (strong ? 0.35 : 0) + 0.02 * sites.length + (hostingIds.length ? 0.1 : 0)),
            words: [
              {
                key: 'adSitePayments.payments',
                vars: {
                  payments: counted(sites.length, 'payment'),
                  total: amount(total, currency),
                  period: span(sites.map((s) => s.day)),
                },
              },
              ...(strong ? [{ key: 'adSitePayments.strong', vars: { strong } }] : []),
              ...(hostingIds.length
                ? [{ key: 'adSitePayments.hosting', vars: { hosting: counted(hostingIds.length, 'payment') } }]
                : []),
              { key: 'adSitePayments.why' },
            ],
            explanation:
              `${plural(sites.length, 'payment')} (${money(total, currency)}) went to escort or classified-ad sites ${period(sites.map((s) => s.day))}` +
              `${strong ? `, ${strong} of them to sites where the case’s captured ads ran` : ''}` +
              `${hostingIds.length ? `, and ${plural(hostingIds.length, 'payment')} to web hosting` : ''}. ` +
              'FATF/APG (2018) and FinCEN (2020) list paying for escort and classified ads as a sign of sexual exploitation.',
            evidence: capIds([...sites.map((s) => s.id), ...hostingIds]),
            accountIds: [h.accountId],
          });
        }
        contactInAds(h.accountId);
      },
      finish: () => out,
    };

    function contactInAds(accountId: string): void {
      if (!adsOfHolder.size) return;
      let ads = 0;
      for (const holderId of ctx.accounts.get(accountId)?.holderIds ?? []) ads += adsOfHolder.get(holderId) ?? 0;
      if (ads < p.minAdsWithContact) return;
      out.push({
        rule: 'adSitePayments',
        key: 'contact-in-ads',
        variant: 'contactInAds',
        subjectId: accountId,
        subjectKind: 'account',
        score: clamp01(0.5 + 0.05 * ads),
        words: [{ key: 'adSitePayments.contactInAds', vars: { ads: counted(ads, 'ad') } }],
        explanation: `The phone number or e-mail of this account’s holder appears in ${plural(ads, 'captured ad')} for sexual services (FinCEN FIN-2020-A008).`,
        evidence: [],
        accountIds: [accountId],
      });
    }
  },
});
