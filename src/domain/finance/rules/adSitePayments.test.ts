import { describe, expect, it } from 'vitest';
import { context, histories, line } from '../histories.testing.ts';
import { adSitePayments, siteLabels } from './adSitePayments.ts';

describe('adSitePayments', () => {
  it('flags payments to the sites of the case’s captured ads and to escort sites', () => {
    const ctx = context({ ads: [{ id: 'ad1', sites: ['www.night-dates.example'], phones: [], emails: [] }] });
    const lines = [
      line('a', 1, -49, { cpName: 'NIGHT-DATES.EXAMPLE' }),
      line('a', 30, -99, { cpName: 'Nordic Escort Guide' }),
      line('a', 31, -20, { cpName: 'WebHotel Hosting Oy' }),
    ];
    const [f] = adSitePayments.run({ context: ctx, histories: histories(lines) });
    expect(f?.explanation).toMatch(
      /2 payments \(EUR 148.00\).*1 of them to sites where the case’s captured ads ran, and 1 payment to web hosting/,
    );
    expect(f?.evidence).toHaveLength(3);
  });

  it('does not flag ordinary shopping, or a massage clinic', () => {
    const lines = [
      line('a', 1, -49, { cpName: 'Lähikauppa Koivu' }),
      line('a', 2, -60, { cpName: 'Hieronta Oy' }),
      line('a', 3, -20, { cpName: 'WebHotel Hosting Oy' }),
    ];
    expect(adSitePayments.run({ context: context(), histories: histories(lines) })).toEqual([]);
  });

  it('flags a holder whose phone is in the captured ads', () => {
    const ctx = context({
      accounts: { a: 'p' },
      holders: { p: { phones: ['+358401112222'] } },
      ads: [{ id: 'ad1', sites: [], phones: ['+358401112222'], emails: [] }],
    });
    const [f] = adSitePayments.run({ context: ctx, histories: histories([line('a', 1, -10, { cpName: 'Shop' })]) });
    expect(f).toMatchObject({ variant: 'contactInAds', subjectId: 'a' });
  });

  it('reads the printed part of a host name', () => {
    expect(siteLabels('www.seuraa-illaksi.example')).toEqual(['seuraa-illaksi.example', 'seuraa-illaksi']);
  });
});
